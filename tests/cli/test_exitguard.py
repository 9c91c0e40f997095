"""The last guard after a signal (cli/exitguard.py): when the app does not end by itself,
the run's session is closed, its reps kept (in the log, or in a rescue file named on
standard error) and the process exits with 128 + the signal."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.cli.exitguard import ExitGuard
from intervaltimer.log.errors import StoreError
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.store import Store
from intervaltimer.track.runs import Runs
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import first_rep_landed, logged_session, step_to

WAIT_S = 10.0


class Exits:
    """Stands in for `os._exit`: records the status."""

    def __init__(self) -> None:
        self.status: list[int] = []
        self.done = threading.Event()

    def __call__(self, status: int) -> None:
        self.status.append(status)
        self.done.set()


def test_a_run_the_app_never_closed_is_closed_kept_and_the_process_exits_143(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    runner = first_rep_landed(tmp_db, fake_clock)
    session_id = logged_session(runner)

    def screen(events: object) -> None:  # the run screen's listener, off its event loop
        raise RuntimeError("no running event loop")

    runner.add_listener(screen)
    runs = Runs(active=runner, logs=[runner.log])
    exits = Exits()
    guard = ExitGuard(runs, grace_s=0.05, exit_process=exits)
    guard.arm(signal.SIGTERM)
    guard.arm(signal.SIGHUP)  # a second signal changes nothing
    assert exits.done.wait(WAIT_S)
    assert exits.status == [143]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.ABANDONED
    assert [round(rep.split_s, 1) for rep in tmp_db.reps(session_id)] == [21.0]
    with pytest.raises(RuntimeError):  # the screen's listener is still there for later
        runner.tick()


def test_reps_the_log_cannot_take_go_to_a_rescue_file_named_on_stderr(
        fake_clock: FakeClock, tmp_db: Store, capfd: pytest.CaptureFixture[str]) -> None:
    runner = first_rep_landed(tmp_db, fake_clock)

    def full(*args: Any, **kwargs: Any) -> None:
        raise StoreError(tmp_db.path, "the disk is full; free some space and try again")

    tmp_db.record_rep = full  # type: ignore[method-assign]
    step_to(runner, fake_clock, 1050.0)
    runner.lap()  # rep 2: the log cannot take it
    runs = Runs(active=runner, logs=[runner.log])
    exits = Exits()
    guard = ExitGuard(runs, command="intervaltimer run", grace_s=0.05, settle_wait_s=0.3,
                      exit_process=exits)
    guard.arm(signal.SIGHUP)
    assert exits.done.wait(WAIT_S)
    assert exits.status == [129]
    said = capfd.readouterr().err
    assert said.startswith("intervaltimer run: the log ") and "could not take 1 rep" in said
    rescue = Path(said.split("rescue file ")[1].split(";")[0])
    assert rescue.exists() and '"split_s": 21.0' in rescue.read_text(encoding="utf-8")


def test_a_program_that_settled_its_logs_itself_is_only_ended(tmp_path: Path) -> None:
    closed: list[str] = []

    class Stops(Runs):
        def stop_active(self, *, alone: bool = False) -> str | None:
            closed.append("stopped")
            return None

    exits = Exits()
    guard = ExitGuard(Stops(), grace_s=0.05, exit_process=exits)
    guard.run_closed = True  # the event loop closed the run
    guard.settled = True  # launch settled the logs, then the interpreter hung on its way out
    guard.arm(signal.SIGINT)
    assert exits.done.wait(WAIT_S)
    assert exits.status == [130] and closed == []


def test_a_second_signal_inside_the_first_ones_arming_waits_for_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Signal handlers run on the main thread between any two of its steps: a second
    SIGHUP (the kernel's, then the driver's own) may come while the first one's handler
    is starting the timer."""
    exits = Exits()
    guard = ExitGuard(Runs(), grace_s=0.05, exit_process=exits)
    started: list[str] = []

    class SecondSignalTimer(threading.Timer):
        def start(self) -> None:
            guard.arm(signal.SIGHUP)  # the second handler, inside the first
            started.append(self.name)
            super().start()

    monkeypatch.setattr("intervaltimer.cli.exitguard.threading.Timer", SecondSignalTimer)
    arming = threading.Thread(target=guard.arm, args=(signal.SIGTERM,), daemon=True)
    arming.start()
    arming.join(WAIT_S)
    assert not arming.is_alive(), "the second signal waits for the first for ever"
    assert exits.done.wait(WAIT_S)
    assert exits.status == [143] and len(started) == 1
