"""Startup time of the command line, measured as whole processes.

Times `python -c pass` (the floor every Python program pays), `intervaltimer
--version` and `intervaltimer validate` on a generated 200-step workout, each
run N times in the same session, and prints median and 90th percentile in ms
and the cost over the `python -c pass` baseline.
Goal: `--version` and `validate` both under 150 ms median. Prints PASS or FAIL
for each goal and exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_MS = 150.0
REP_COUNT = 99  # 99 x (run + rest) + warm-up + cool-down = 200 steps


def workout_text() -> str:
    """A 200-step workout: warm-up, 99 x (400 m at mile pace + 60 s rest), cool-down."""
    lines = [
        "name: 200 steps",
        "description: A long file for timing `intervaltimer validate`.",
        "steps:",
        "  - warmup: 15min",
    ]
    for number in range(REP_COUNT):
        lines += [
            f"  - run: {400 + number % 5 * 100}m",
            "    pace: mile",
            "  - rest: 60s",
            "    activity: stand",
        ]
    lines.append("  - cooldown: 10min")
    return "\n".join(lines) + "\n"


def console_script() -> str:
    """The `intervaltimer` script next to this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "intervaltimer"
    return str(beside) if beside.exists() else "intervaltimer"


class CommandFailed(Exception):
    """A timed command that did not exit 0: its timing would mean nothing."""


def time_runs(command: list[str], runs: int, cwd: str) -> list[float]:
    """Wall-clock milliseconds of `runs` runs of `command`, after one warm-up run.

    The warm-up also writes the byte-code caches, as a first real use would.
    """
    times: list[float] = []
    for number in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=dict(os.environ), capture_output=True,
                              text=True, check=False)
        elapsed = (time.perf_counter() - started) * 1000.0
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise CommandFailed(f"exit {done.returncode}: {last}")
        if number:
            times.append(elapsed)
    return times


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def main() -> int:
    """Time the three commands and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    runs = parser.parse_args().runs
    script = console_script()
    with tempfile.TemporaryDirectory(prefix="intervaltimer-bench-") as folder:
        workout = Path(folder) / "two-hundred.yaml"
        workout.write_text(workout_text(), encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "intervaltimer --version": [script, "--version"],
            "intervaltimer validate (200 steps)": [script, "validate", str(workout)],
        }
        results: dict[str, list[float] | str] = {}
        for name, command in commands.items():
            try:
                results[name] = time_runs(command, runs, folder)
            except (CommandFailed, OSError) as error:
                results[name] = str(error)
    base_times = results["python -c pass"]
    baseline = statistics.median(base_times) if isinstance(base_times, list) else 0.0
    print(f"startup, {runs} runs each ({script})")
    print(f"{'command':<36} {'median':>8} {'p90':>8} {'over base':>10}  goal")
    for name, times in results.items():
        if isinstance(times, str):
            print(f"{name:<36} FAIL: the command failed ({times})")
            continue
        median = statistics.median(times)
        goal = ""
        if name != "python -c pass":
            goal = f"{'PASS' if median < GOAL_MS else 'FAIL'} (< {GOAL_MS:.0f} ms median)"
        print(f"{name:<36} {median:>6.1f}ms {percentile(times, 0.9):>6.1f}ms "
              f"{median - baseline:>+8.1f}ms  {goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
