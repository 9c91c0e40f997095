"""The log's writer thread alone: the newest state wins, failures are retried, close tells."""

from __future__ import annotations

import threading
import time

from intervaltimer.track.logwriter import LogWriter


def test_submit_returns_at_once_and_the_newest_state_is_what_lands() -> None:
    release = threading.Event()
    written: list[int] = []

    def write(state: int) -> None:
        release.wait(5)
        written.append(state)

    writer: LogWriter[int] = LogWriter(write)
    began = time.monotonic()
    for state in range(1, 6):
        writer.submit(state)
    assert time.monotonic() - began < 0.5  # nobody waited for the hanging write
    assert writer.behind
    release.set()
    assert writer.wait(5.0)
    # the first state may have been taken before the others came; the last one always lands,
    # and the states between are skipped: each newer one holds everything the older did
    assert written[-1] == 5 and len(written) <= 2
    assert not writer.behind and writer.error is None
    assert writer.close(1.0)


def test_a_failing_write_is_retried_until_it_lands_and_the_error_is_told_meanwhile() -> None:
    fails = {"left": 3}
    written: list[str] = []

    def write(state: str) -> None:
        if fails["left"]:
            fails["left"] -= 1
            raise OSError("disk full")
        written.append(state)

    writer: LogWriter[str] = LogWriter(write, retry_s=0.05)
    writer.submit("all reps")
    assert writer.wait(5.0)
    assert written == ["all reps"] and writer.failures == 3 and writer.error is None


def test_close_says_what_could_not_be_written_and_stops_the_thread() -> None:
    def write(state: str) -> None:
        raise OSError("the disk is full")

    writer: LogWriter[str] = LogWriter(write, retry_s=0.05)
    writer.submit("rep 1")
    assert not writer.wait(0.3)
    assert isinstance(writer.error, OSError) and writer.failures >= 2
    assert not writer.close(0.1)
    writer._thread.join(2.0)
    assert not writer._thread.is_alive()
    writer.submit("rep 2")  # after close: ignored, nothing is started again
    assert not writer._thread.is_alive()
