"""The log swapped mid-run for a FIFO, a device or a folder: left alone, and said so.

Before: the log was left alone (good) but the run screen said "the log is closed", which
says nothing of what happened or where the reps are.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from intervaltimer.log.store import Store
from intervaltimer.track.rescue import settle
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import landed, make_runner, step_to

SWAPS: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (os.mkfifo, "a FIFO (named pipe)"),
    "folder": (lambda path: path.mkdir(), "a directory"),
    "device": (lambda path: path.symlink_to("/dev/null"), "a character device"),
}


@pytest.mark.parametrize("swap", sorted(SWAPS))
def test_a_log_swapped_for_a_special_file_says_so_and_where_the_reps_are(
        swap: str, fake_clock: FakeClock, tmp_path: Path) -> None:
    make, kind = SWAPS[swap]
    path = tmp_path / "log.sqlite3"
    store = Store.open(path)
    try:
        runner = make_runner("2x100m@mile/5s", fake_clock, store)
        runner.start()
        step_to(runner, fake_clock, 1024.0)
        runner.lap()
        landed(runner)
        os.unlink(path)
        for leftover in tmp_path.glob("log.sqlite3-*"):
            os.unlink(leftover)
        make(path)
        step_to(runner, fake_clock, 1050.0)
        runner.lap()
        assert not runner.log.flush(0.5)
        problem = runner.problem
        assert problem is not None
        assert f"the log file was moved or replaced by {kind}, which is left alone" in problem
        assert "(1 rep" in problem and "kept in memory; retrying)" in problem
        assert "closed" not in problem
        step_to(runner, fake_clock, 1080.0)
        runner.stop()
        (message,) = settle([runner.log], wait_s=0.3, exported_at=1_750_000_100.0)
    finally:
        store.close()
    assert f"replaced by {kind}" in message and "rescue file" in message
    assert (path.is_dir() if swap == "folder" else not path.is_file())
    if swap == "folder":
        shutil.rmtree(path)
