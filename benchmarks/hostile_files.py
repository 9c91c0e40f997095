"""How long the loader takes to refuse each hostile workout file.

Each case is parsed N times; prints the median and worst in ms and the first
problem found. Goal: every case refused well under a second (here: 250 ms
median). Prints PASS or FAIL per case and exits 0 either way (a speed goal is
not a test; tests/workout/test_hostile.py checks the messages).

    .venv/bin/python benchmarks/hostile_files.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intervaltimer.workout.loader import parse_workout  # noqa: E402
from intervaltimer.workout.model import WorkoutError  # noqa: E402
from tests.helpers.hostile_cases import (  # noqa: E402 - after the path is set
    block_lists,
    block_maps,
    classic_laughs,
    flow_lists,
    laughs_steps,
    multiplying_repeats,
    written_out_steps,
)

GOAL_MS = 250.0


CASES: dict[str, str] = {
    "billion laughs (classic)": classic_laughs(),
    "billion laughs (repeats)": laughs_steps(9),
    "nesting: 100k flow lists": flow_lists(100_000),
    "nesting: 700 block lists": block_lists(700),
    "nesting: 1400 block maps": block_maps(1400),
    "1 MiB of comment": "name: x\nsteps: [{run: lap}]\n" + "#" * (1024 * 1024),
    "1 MiB flow list (500k values)": "name: x\nsteps: [" + ",".join(["a"] * 480_000) + "]",
    "1 MiB of steps (80k maps)": "name: x\nsteps: [" + ",".join(["{rest: 60s}"] * 80_000) + "]",
    "10,001 written-out steps": written_out_steps(10_001),
    "repeats multiplying to 20,000": multiplying_repeats(100, 100),
    "60k unknown keys": "name: x\nsteps: [{run: lap}]\n" + "".join(f"k{i}: v\n"
                                                                    for i in range(60_000)),
    "50k quick strings": "name: x\nsteps:\n" + "  - 8x400m@mil/60s\n" * 50_000,
    "1 MB name": "name: " + "x" * 1_000_000 + "\nsteps: [{run: lap}]\n",
    "object tags": "name: !!python/object/apply:os.system ['true']\nsteps: [{run: lap}]\n",
    "NUL bytes": "name: x\x00\nsteps: [{run: lap}]\n" * 1000,
}


def main() -> None:
    """Time every case and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"{'case':32} {'median':>8} {'worst':>8}  goal   first problem")
    for name, text in CASES.items():
        times = []
        first = ""
        for _ in range(runs):
            start = time.perf_counter()
            try:
                parse_workout(text, "h.yaml")
            except WorkoutError as error:
                first = str(error.problems[0])[:60]
            else:
                first = "(loaded!)"
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        verdict = "PASS" if median < GOAL_MS and first != "(loaded!)" else "FAIL"
        print(f"{name:32} {median:7.1f}ms {max(times):7.1f}ms  {verdict}   {first}")


if __name__ == "__main__":
    main()
