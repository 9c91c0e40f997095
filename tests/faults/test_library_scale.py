"""`$INTERVALTIMER_WORKOUTS` naming ten thousand folders, as a script or an attacker might.

Before: each folder was compared with every one before it (`resolve()` on both), so 2,000
entries took 52 s for `plan w7` and 10,000 ran for minutes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.helpers.iokit import cli, private_env

W7 = "name: w7\nsteps:\n  - 4x400m@mile/60s\n"


def test_ten_thousand_library_folders_find_a_workout_in_under_three_seconds(
        tmp_path: Path) -> None:
    folders = []
    for i in range(10_000):
        name = f"d{i % 2500}" if i % 4 else f"./d{i % 2500}"  # each folder named four ways
        folders.append(name if i % 3 else f"m{i}")  # and a third of them missing
    for i in range(2500):
        (tmp_path / f"d{i}").mkdir()
    (tmp_path / "d2499" / "w7.yaml").write_text(W7, encoding="utf-8")
    env = private_env(tmp_path, INTERVALTIMER_WORKOUTS=os.pathsep.join(folders))
    started = time.perf_counter()
    done = cli(["plan", "w7"], env, tmp_path, timeout=60)
    took = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "w7" in done.stdout and "400" in done.stdout
    assert took < 3.0, f"{took:.2f} s"
