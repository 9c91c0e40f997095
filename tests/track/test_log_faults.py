"""The log's faults under a running session: deleted, replaced, full, claimed twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.log.errors import ClaimedError, StoreError
from intervaltimer.log.importing import import_sessions, read_export
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.resume import resume_session
from intervaltimer.log.store import Store
from intervaltimer.track.rescue import settle
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import first_rep_landed, landed, logged_session, make_runner, step_to


def two_reps(runner: Any, clock: FakeClock, first: float = 1024.0) -> None:
    """Run `2x100m@mile/5s`: rep 1 lapped at `first`, rep 2 21 s after its start, finish."""
    runner.start()
    step_to(runner, clock, first)
    runner.lap()
    step_to(runner, clock, first + 5.0 + 21.0)
    runner.lap()
    step_to(runner, clock, first + 60.0)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_log_deleted_mid_run_is_recreated_with_the_whole_session(
        fake_clock: FakeClock, tmp_path: Path, what: str) -> None:
    folder = tmp_path / "logs"
    path = folder / "log.sqlite3"
    store = Store.open(path)
    try:
        runner = first_rep_landed(store, fake_clock)
        if what == "file":
            path.unlink()
        else:
            shutil.rmtree(folder)
        step_to(runner, fake_clock, 1050.0)
        runner.lap()
        step_to(runner, fake_clock, 1080.0)
        landed(runner)
        assert path.exists()
        assert runner.problem is not None
        assert ("log file was deleted" if what == "file" else "folder was deleted") in \
            runner.problem
        assert "the session (2 reps) written to it" in runner.problem
        with Store.open(path, readonly=True) as fresh:
            (session,) = fresh.sessions()
            assert session.status is SessionStatus.COMPLETED
            assert [r.split_s for r in fresh.reps(session.id)] == [21.0, 21.0]
    finally:
        store.close()


def test_a_log_replaced_mid_run_gets_the_session_too(fake_clock: FakeClock,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = Store.open(path)
    try:
        runner = first_rep_landed(store, fake_clock)
        other = tmp_path / "other.sqlite3"
        Store.open(other).close()
        os.replace(other, path)  # a backup restored over the log, say
        step_to(runner, fake_clock, 1080.0)
        landed(runner)
        assert runner.problem is not None and "replaced" in runner.problem
        with Store.open(path, readonly=True) as fresh:
            (session,) = fresh.sessions()
            assert [r.split_s for r in fresh.reps(session.id)] == [21.0]
    finally:
        store.close()


def test_a_full_disk_at_the_end_leaves_a_rescue_file_that_import_completes(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    session_id = logged_session(runner)
    runner.start()
    step_to(runner, fake_clock, 1024.0)
    runner.lap()
    runner.rate(7)
    landed(runner)  # rep 1 made it; then the disk fills up
    real = tmp_db.record_rep

    def full(*args: Any, **kwargs: Any) -> None:
        raise StoreError(tmp_db.path, "the disk is full; free some space and try again")

    tmp_db.record_rep = full  # type: ignore[method-assign]
    step_to(runner, fake_clock, 1050.0)
    runner.lap()
    runner.rate(9)
    step_to(runner, fake_clock, 1080.0)
    assert runner.stop() == "completed"
    (message,) = settle([runner.log], wait_s=0.3, exported_at=1_750_000_100.0)
    assert "could not take 1 rep of this session (" in message and "disk is full" in message
    rescue = Path(message.split("rescue file ")[1].split(";")[0])
    assert rescue.parent == tmp_db.path.parent and rescue.name.startswith("log.rescue-")
    assert f"intervaltimer import {rescue} --db {tmp_db.path}" in message
    # the log holds the first rep only, still running
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.RUNNING
    tmp_db.record_rep = real  # type: ignore[method-assign]
    result = import_sessions(tmp_db, read_export(rescue.read_text(encoding="utf-8")))
    assert (result.added, result.reps, result.skipped) == (1, 2, 0)
    (session,) = tmp_db.sessions()  # the rescue took the unfinished session's place
    assert session.status is SessionStatus.COMPLETED
    assert [(r.split_s, r.rpe) for r in tmp_db.reps(session.id)] == [(21.0, 7), (21.0, 9)]
    again = import_sessions(tmp_db, read_export(rescue.read_text(encoding="utf-8")))
    assert (again.added, again.skipped) == (0, 1)


def test_nothing_to_settle_when_the_log_holds_everything(fake_clock: FakeClock,
                                                          tmp_db: Store) -> None:
    runner = make_runner("2x100m@mile/5s", fake_clock, tmp_db)
    two_reps(runner, fake_clock)
    assert settle([runner.log], wait_s=5.0) == []
    assert list(tmp_db.path.parent.glob("*.rescue-*")) == []


CLAIM = """
import sys, time
from intervaltimer.log.store import Store
from intervaltimer.log.resume import resume_session
store = Store.open(sys.argv[1])
resume_session(store, int(sys.argv[2]))
print("claimed", flush=True)
time.sleep(30)
"""


def test_a_crashed_session_is_resumed_by_one_process_only(tmp_db: Store) -> None:
    session_id = tmp_db.start_session("w", "name: w", {}, 4)
    with tmp_db.file.write() as conn:  # left running by a process that is gone
        conn.execute("UPDATE session SET owner = 'elsewhere|1|0' WHERE id = ?", (session_id,))
    other = subprocess.Popen([sys.executable, "-c", CLAIM, str(tmp_db.path), str(session_id)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "claimed"
        with pytest.raises(ClaimedError, match=f"already being run by another intervaltimer "
                                               f"\\(process {other.pid}\\)"):
            resume_session(tmp_db, session_id)
    finally:
        other.kill()
        other.wait(10)
    # once that process is gone, its session can be taken over again
    assert resume_session(tmp_db, session_id).status is SessionStatus.RUNNING
