"""Shared by the fault suite (tests/e2e/test_faults_*.py): the log read from outside, a
second process holding the log's write lock, the clock read off the screen."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.tmux import Terminal, big_digits, command_path, shell_line

TIMEOUT_S = 30.0

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another program holding the log's write lock (`BEGIN IMMEDIATE`) for `seconds`;
    returns once it holds it."""
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    return locker


@dataclass(frozen=True)
class LoggedRep:
    """A rep as the log holds it."""

    index: int
    split_s: float
    rpe: int | None


def sessions(db: Path) -> list[tuple[int, str, str]]:
    """(id, workout, status) of every session in the log, oldest first; [] with no log."""
    if not db.exists():
        return []
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in conn.execute(
            "SELECT id, workout, status FROM session ORDER BY id")]
    finally:
        conn.close()


def logged_reps(db: Path, session_id: int) -> list[LoggedRep]:
    """The reps of one session in the log, in order."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [LoggedRep(*row) for row in conn.execute(
            "SELECT idx, split_s, rpe FROM rep WHERE session_id = ? ORDER BY idx",
            (session_id,))]
    finally:
        conn.close()


def run_command(db: Path, reps: int = 3) -> str:
    """The shell line of `intervaltimer run '<reps>x100m/2s' --lead-in 0` on the log `db`.

    The rests are 2 s long, so a lap 1.3 s into the next rep comes more than 3 s after the
    lap before it (a lap sooner is a double tap)."""
    return shell_line(command_path("intervaltimer"), "run", f"{reps}x100m/2s", "--lead-in", "0",
                      "--no-sound", "--db", db)


def lap_rep(term: Terminal, rep: int, reps: int = 3, after_s: float = 1.3) -> None:
    """Wait for rep `rep` of `reps` on the screen, run it `after_s`, and lap."""
    term.wait_for(re.compile(rf"^\s*(RUN|LAST REP)\s*\n\s*Rep {rep}/{reps}", re.M),
                  TIMEOUT_S)
    time.sleep(after_s)
    term.send("Space")


def first_rep_in_log(term: Terminal, db: Path, reps: int = 3, effort: int | None = None) -> int:
    """From the preview: start, lap rep 1 (and rate it `effort`), and wait until the log holds
    it; the session's id."""
    term.wait_for("Start", TIMEOUT_S)
    term.send("Enter")
    lap_rep(term, 1, reps, after_s=1.5)
    ((session_id, _, _),) = sessions(db)
    if effort is not None:
        term.send(str(effort))
    wait_until(lambda: [r.rpe for r in logged_reps(db, session_id)] == [effort],
               what="rep 1 in the log")
    return session_id


def fill(disk: Path) -> Path:
    """Write a file on `disk` until no byte more fits; the file."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError:
                continue
    return filler


def wait_until(check: object, timeout_s: float = TIMEOUT_S, what: str = "") -> None:
    """Poll `check()` until it is true."""
    deadline = time.monotonic() + timeout_s
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"waited {timeout_s} s for {what or check}"
        time.sleep(0.05)


STEP = re.compile(r"^\s*(RUN|LAST REP|REST|GET READY|DONE)\s*\n"
                  r"\s*(Rep \d+/\d+|Rest [^\n·]*|\d+ reps?)", re.M)


@dataclass(frozen=True)
class ClockReading:
    """What the screen showed at one instant: its step and its big clock, in seconds."""

    at: float
    step: str
    shown_s: int


def read_clock(term: Terminal) -> ClockReading | None:
    """The run screen's step and big clock now; None when they are not both drawn."""
    screen = term.screen()
    step = STEP.search(screen)
    clock = big_digits(screen)
    if step is None or len(clock) != 1:
        return None
    minutes, _, seconds = clock[0].rpartition(":")
    return ClockReading(time.monotonic(), f"{step.group(1)} {step.group(2).strip()}",
                        int(minutes or 0) * 60 + int(seconds))


def clock_jumps(readings: list[ClockReading], most_s: float = 1.0) -> list[str]:
    """Where the big clock jumped (within one step, the shown seconds moved by more than
    `most_s`) or stood still for longer than `most_s` + half a second while running."""
    problems: list[str] = []
    for before, after in zip(readings, readings[1:], strict=False):
        if before.step != after.step:
            continue
        if abs(after.shown_s - before.shown_s) > most_s:
            problems.append(f"{before} -> {after}")
    since: ClockReading | None = None
    for reading in readings:
        if since is None or (reading.step, reading.shown_s) != (since.step, since.shown_s):
            since = reading
        elif reading.at - since.at > most_s + 0.5 and not reading.step.startswith("DONE"):
            problems.append(f"stood still at {since.step} {since.shown_s} s for "
                            f"{reading.at - since.at:.1f} s")
            since = reading
    return problems
