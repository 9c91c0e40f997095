"""A rescue file goes only in the runner's own folders, new, private, never through a link.

Before: with the rescue written to a shared folder (the log in `/tmp`, or `TMPDIR` when
the disk was full), a link another user (`nobody`) planted under the rescue's name
pointed it at a file it must not touch, and that file was replaced. The link is planted
here by `nobody` through `runuser` (CI runs the tests as root).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.log.errors import StoreError
from intervaltimer.log.store import Store
from intervaltimer.track.rescue import rescue_name, settle
from intervaltimer.track.runner import Runner
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import landed, make_runner, step_to

PRECIOUS = "a file the rescue must not touch\n"


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder everyone may write to, like /tmp (sticky, mode 1777), that `nobody` can reach."""
    folder = Path(tempfile.mkdtemp(prefix="intervaltimer-shared-"))
    folder.chmod(0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def unsaved_second_rep(store: Store, clock: FakeClock) -> Runner:
    """A run of 2 x 100 m on `store`: rep 1 in the log, rep 2 refused by a full disk."""
    runner = make_runner("2x100m@mile/5s", clock, store)
    runner.start()
    step_to(runner, clock, 1024.0)
    runner.lap()
    landed(runner)

    def full(*args: Any, **kwargs: Any) -> None:
        raise StoreError(store.path, "the disk is full; free some space and try again")

    store.record_rep = full  # type: ignore[method-assign]
    step_to(runner, clock, 1050.0)
    runner.lap()
    step_to(runner, clock, 1080.0)
    assert runner.stop() == "completed"
    return runner


def rescue_in(message: str) -> Path:
    return Path(message.split("rescue file ")[1].split(";")[0])


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("runuser") is None,
                    reason="plants the link as nobody: needs root and runuser")
def test_a_link_planted_by_another_user_in_a_shared_folder_is_never_followed(
        shared: Path, tmp_path: Path, fake_clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    victim = tmp_path / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    store = Store.open(shared / "log.sqlite3")
    try:
        runner = unsaved_second_rep(store, fake_clock)
        planted = shared / rescue_name(store.path, runner.log.started_at)
        subprocess.run(["runuser", "-u", "nobody", "--", "ln", "-s", str(victim),
                        str(planted)], check=True, timeout=30)
        assert planted.is_symlink() and planted.lstat().st_uid != 0
        (message,) = settle([runner.log], wait_s=0.3, exported_at=1_750_000_100.0)
    finally:
        store.close()
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert os.readlink(planted) == str(victim)
    rescue = rescue_in(message)
    assert rescue.parent == tmp_path / "state" / "intervaltimer"
    info = rescue.lstat()
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
    assert sorted(p.name for p in shared.iterdir() if "rescue" in p.name) == [planted.name]


def test_a_link_under_the_rescues_name_in_the_own_folder_is_left_and_a_new_name_taken(
        tmp_path: Path, fake_clock: FakeClock) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o700)
    store = Store.open(folder / "log.sqlite3")
    try:
        runner = unsaved_second_rep(store, fake_clock)
        planted = folder / rescue_name(store.path, runner.log.started_at)
        planted.symlink_to(victim)
        (message,) = settle([runner.log], wait_s=0.3, exported_at=1_750_000_100.0)
    finally:
        store.close()
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    rescue = rescue_in(message)
    assert rescue.parent == folder and rescue.name == planted.stem + "-2.json"
    assert stat.S_IMODE(rescue.lstat().st_mode) == 0o600 and not rescue.is_symlink()
    assert '"reps"' in rescue.read_text(encoding="utf-8")
