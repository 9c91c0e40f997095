"""CPU used by a countdown: intervaltimer's run screen beside `termdown`, in real terminals.

Starts, each in its own tmux server at 80x24, the installed `intervaltimer run
1x<N>s --no-sound --lead-in 0` (started with enter from its preview) and
`termdown <N>` at the same moment, lets both count down N seconds, and reads
each process's CPU time (user + system, its threads and any children) from
/proc. Prints, per process, the CPU seconds spent until the countdown's first
frame is on the screen (start-up: imports, the preview, building the run
screen), during the countdown, and in all, with the countdown's wall time;
then the ratio ours / termdown's.

Goal: ours <= 0.8 x termdown's over the countdown. Prints PASS or FAIL and exits 0
either way (a speed goal is not a test).

    .venv/bin/python benchmarks/cpu.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.tmux import (  # noqa: E402 - after the path is set
    Terminal,
    app_env,
    command_path,
    shell_line,
    terminal,
)

TICKS_PER_S = os.sysconf("SC_CLK_TCK")
SAMPLE_S = 0.1
GOAL_RATIO = 0.8  # ours at most 0.8 of termdown's CPU over the countdown
SETTLE_S = 3.0  # the first seconds of a countdown include drawing its screen


def _stat_fields(pid: int) -> list[str] | None:
    """/proc/<pid>/stat from field 3 (the state) on; None when the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _children(pid: int) -> list[int]:
    """The pids whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry))
    return found


def cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of `pid` (all its threads), its reaped children and its
    living descendants; None when it is gone."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    # fields[11:15] are utime, stime, cutime, cstime (fields 14-17 of the file)
    total = sum(int(value) for value in fields[11:15]) / TICKS_PER_S
    for child in _children(pid):
        total += cpu_s(child) or 0.0
    return total


@dataclass
class Reading:
    """One program's CPU seconds at the countdown's start and end, and its wall time."""

    name: str
    startup_s: float
    end_s: float
    wall_s: float
    settled_s: float  # CPU seconds at SETTLE_S into the countdown

    @property
    def per_minute_s(self) -> float:
        """CPU seconds a minute once settled (from SETTLE_S into the countdown to its end)."""
        return (self.end_s - self.settled_s) * 60 / max(self.wall_s - SETTLE_S, 1e-9)

    @property
    def countdown_s(self) -> float:
        """CPU seconds spent while counting down."""
        return self.end_s - self.startup_s


def wait_nonblank(term: Terminal, timeout_s: float = 60.0) -> None:
    """Wait for the first frame a program draws."""
    term.wait_for(lambda screen: screen.strip() != "", timeout_s)


def measure(seconds: int, root: Path) -> tuple[Reading, Reading]:
    """Run both countdowns side by side; their readings (ours, termdown's)."""
    env = app_env(root)
    ours = shell_line(command_path("intervaltimer"), "run", f"1x{seconds}s", "--no-sound",
                      "--lead-in", "0", "--db", root / "log.sqlite3")
    theirs = shell_line(command_path("termdown"), str(seconds))
    with terminal(ours, env, root) as app:
        app.wait_for(re.compile(r"Rep 1/1 · \d"), 60)
        app_pid = app.pane_pid()
        with terminal(theirs, env, root) as other:
            app.send("Enter")
            app_started = time.monotonic()
            app.wait_for(re.compile(r"^\s*RUN\s*$", re.M), 60)  # the countdown's first frame
            app_startup = cpu_s(app_pid) or 0.0
            other_pid = other.pane_pid()
            wait_nonblank(other)
            other_startup = cpu_s(other_pid) or 0.0
            other_started = time.monotonic()
            app_end: float | None = None
            other_end: float | None = None
            other_last = other_startup
            app_wall = other_wall = 0.0
            app_settled: float | None = None
            other_settled: float | None = None
            deadline = time.monotonic() + seconds + 60
            while app_end is None or other_end is None:
                if time.monotonic() > deadline:
                    raise RuntimeError("a countdown did not end in time")
                if other_end is None:
                    reading = cpu_s(other_pid)
                    if reading is None or other.dead():
                        other_end = other_last
                        other_wall = time.monotonic() - other_started
                    else:
                        other_last = reading
                now = time.monotonic()
                if app_settled is None and now - app_started >= SETTLE_S:
                    app_settled = cpu_s(app_pid)
                if other_settled is None and now - other_started >= SETTLE_S:
                    other_settled = cpu_s(other_pid)
                if app_end is None and "DONE" in app.screen():
                    app_end = cpu_s(app_pid) or 0.0
                    app_wall = time.monotonic() - app_started
                time.sleep(SAMPLE_S)
    return (Reading("intervaltimer", app_startup, app_end, app_wall,
                    app_settled if app_settled is not None else app_startup),
            Reading("termdown", other_startup, other_end, other_wall,
                    other_settled if other_settled is not None else other_startup))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the countdown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cpu-bench-") as tmp:
        ours, theirs = measure(args.seconds, Path(tmp))
    print(f"{args.seconds} s countdown at 80x24 in tmux, CPU seconds (user + system):")
    print(f"{'':14}{'start-up':>10}{'countdown':>11}{'total':>8}{'per min*':>10}{'wall':>8}")
    for reading in (ours, theirs):
        print(f"{reading.name:14}{reading.startup_s:10.2f}{reading.countdown_s:11.2f}"
              f"{reading.end_s:8.2f}{reading.per_minute_s:10.2f}{reading.wall_s:7.1f}s")
    print(f"* CPU seconds a minute from {SETTLE_S:g} s into the countdown to its end")
    ratio = ours.countdown_s / theirs.countdown_s if theirs.countdown_s else float("inf")
    total_ratio = ours.end_s / theirs.end_s if theirs.end_s else float("inf")
    print(f"ratio ours/termdown: countdown {ratio:.2f}, total {total_ratio:.2f}")
    print(f"goal: ours <= {GOAL_RATIO:g} x termdown's over the countdown: "
          f"{'PASS' if ratio <= GOAL_RATIO else 'FAIL'}")


if __name__ == "__main__":
    main()
