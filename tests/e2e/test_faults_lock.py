"""Another program holds the log's write lock while a run goes on.

The installed `intervaltimer run '3x100m/2s' --lead-in 0` runs in tmux; as the
first rep starts, a second process takes the log's write lock (`BEGIN
IMMEDIATE`) and keeps it 25 s. Laps are sent 2 s, 6 s and 10 s after the
first rep began. While the lock is held, the big clock must tick on (never
jump by more than a second, never stand still), the problem line must say the
log is locked, and once the lock is gone the log must hold the three reps with
the splits as lapped: 2.0, 2.0 and 2.0 s (±0.2), not when a write landed.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    ClockReading,
    clock_jumps,
    hold_write_lock,
    logged_reps,
    read_clock,
    run_command,
    sessions,
    wait_until,
)
from tests.helpers.tmux import app_env, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LOCK_S = 25.0
LAPS_AT_S = (2.0, 6.0, 10.0)  # each 2 s into its rep, after a 2 s rest
FIRST_REP = re.compile(r"^\s*RUN\s*\n\s*Rep 1/3", re.M)


def test_a_locked_log_never_freezes_the_clock_and_the_splits_are_the_laps(
        tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    command = run_command(db)
    readings: list[ClockReading] = []
    problems_seen: list[str] = []
    with terminal(command, app_env(tmp_path), tmp_path) as term:
        term.wait_for("Start", TIMEOUT_S)
        term.send("Enter")
        deadline = time.monotonic() + TIMEOUT_S
        while not FIRST_REP.search(term.screen()):
            assert time.monotonic() < deadline, term.screen()
        began = time.monotonic()  # the first rep is on the screen: it began just now
        ((session_id, _, _),) = sessions(db)
        locker = hold_write_lock(db, LOCK_S)
        try:
            laps = list(LAPS_AT_S)
            while time.monotonic() - began < 13.0:
                if laps and time.monotonic() - began >= laps[0]:
                    term.send("Space")
                    laps.pop(0)
                reading = read_clock(term)
                if reading is not None:
                    readings.append(reading)
                screen = term.screen()
                if "log not saved" in screen:
                    problems_seen.append(" ".join(screen.split()))
                time.sleep(0.02)
            assert not laps
            # the run is over; the lock is still held: nothing is in the log yet
            assert logged_reps(db, session_id) == []
            term.wait_for(lambda screen: re.search(r"log not saved: .*locked",
                                                   " ".join(screen.split())) is not None,
                          TIMEOUT_S)
            assert locker.wait(LOCK_S + 10) == 0
        finally:
            locker.kill()
        wait_until(lambda: len(logged_reps(db, session_id)) == 3, what="the three reps")
        term.wait_for(lambda screen: "log not saved" not in screen, TIMEOUT_S)
        term.send("Enter")  # the summary
        term.wait_for("3 reps · completed", TIMEOUT_S)
        term.send("q")
        assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
    splits = [rep.split_s for rep in logged_reps(db, session_id)]
    assert splits == pytest.approx([2.0, 2.0, 2.0], abs=0.2), splits
    assert sessions(db) == [(session_id, "3 x 100 m", "completed")]
    assert problems_seen, "the screen never said the log was locked"
    steps = {reading.step.rpartition(" Rep ")[2] for reading in readings}
    assert {"1/3", "2/3", "3/3"} <= steps, steps  # the clock was read in every rep
    assert clock_jumps(readings) == [], readings
