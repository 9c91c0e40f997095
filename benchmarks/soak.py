"""Cost as a session grows: the real app driven headless through 500 steps on a fast clock.

Runs the real Textual app (`App.run_test()`, 80x24) on the run screen of
a workout of 5 x 50 x (20 s on, 10 s off) (500 steps) with an injected fake clock that
jumps from deadline to deadline, so a 2 h session takes seconds. After every
step it lets the screen settle, then notes:

- memory retained (tracemalloc, after a full `gc.collect()`): from step 20 on,
  what each step leaves behind, in kB a step (a least-squares slope, so one
  cache filling up does not dominate);
- the wall time of a step (advance, redraw, settle): the mean over steps
  21-70 against the mean over the last 50.

The peer, in the same run, is the same 500 steps driven through the track
layer's `Runner` alone (no screen): what the session itself keeps per step.

Goals: the app retains < 5 kB a step; end/start time ratio < 1.1. Prints PASS
or FAIL per goal and exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/soak.py [--steps 500]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intervaltimer.track.start import RunClocks, start_run  # noqa: E402 - after the path is set
from intervaltimer.ui.screens.run import RunScreen  # noqa: E402
from intervaltimer.workout.library import resolve_workout  # noqa: E402
from intervaltimer.workout.plan import expand  # noqa: E402
from tests.helpers.fakes import FakeClock  # noqa: E402
from tests.helpers.runkit import run_app  # noqa: E402

SKIP_STEPS = 20  # the first steps fill caches (styles, glyphs) once
MEMORY_GOAL_KB = 5.0
TIME_RATIO_GOAL = 1.1
WINDOW = 50


def slope(ys: list[float]) -> float:
    """The least-squares slope of `ys` against 0, 1, 2, ..."""
    n = len(ys)
    mean_x = (n - 1) / 2
    mean_y = sum(ys) / n
    num = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(ys))
    den = sum((x - mean_x) ** 2 for x in range(n))
    return num / den


def retained() -> int:
    """Bytes tracemalloc sees allocated now, after a full collection."""
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def workout_for(steps: int) -> str:
    """A workout file of about `steps` timed steps (20 s on, 10 s off), as a path."""
    rounds = max(1, steps // 100)
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    path = folder / "soak.yaml"
    path.write_text(
        "name: soak\nlead_in: 0s\nsteps:\n"
        f"  - repeat: {rounds}\n    steps:\n"
        "      - repeat: 50\n        steps:\n"
        "          - run: 20s\n          - rest: 10s\n", encoding="utf-8")
    return str(path)


async def soak_app(steps: int) -> tuple[list[int], list[float]]:
    """Memory after each step and each step's wall time, for the real app."""
    clock = FakeClock()
    app = run_app(workout_for(steps), clock, lead_in_s=0.0)
    memory: list[int] = []
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen), type(screen).__name__
        for _ in range(steps):
            wake = screen.runner.next_wake()
            if wake is None:
                break
            began = time.perf_counter()
            clock.set(max(wake, clock()))
            screen.sync()
            await pilot.pause()
            times.append(time.perf_counter() - began)
            memory.append(retained())
    return memory, times


def soak_runner(steps: int) -> tuple[list[int], list[float]]:
    """The same steps through the track layer's Runner alone (the peer)."""
    clock = FakeClock()
    workout = resolve_workout(workout_for(steps))
    plan = expand(workout, None)
    runner = start_run(plan, workout, store=None, clocks=RunClocks(clock, clock), player=None)
    runner.start()
    memory: list[int] = []
    times: list[float] = []
    for _ in range(steps):
        wake = runner.next_wake()
        if wake is None:
            break
        began = time.perf_counter()
        clock.set(max(wake, clock()))
        runner.tick()
        times.append(time.perf_counter() - began)
        memory.append(retained())
    return memory, times


def measure(name: str, run: Callable[[], tuple[list[int], list[float]]]) -> dict[str, float]:
    tracemalloc.start()
    try:
        memory, times = run()
    finally:
        tracemalloc.stop()
    kept = [value / 1024 for value in memory[SKIP_STEPS:]]
    start = statistics.fmean(times[SKIP_STEPS:SKIP_STEPS + WINDOW])
    end = statistics.fmean(times[-WINDOW:])
    return {"steps": len(times), "kb_per_step": slope(kept),
            "grown_kb": kept[-1] - kept[0], "start_ms": start * 1000,
            "end_ms": end * 1000, "ratio": end / start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=500)
    steps = parser.parse_args().steps
    rows = [("intervaltimer app (80x24, headless)", measure("app", lambda: asyncio.run(
                soak_app(steps)))),
            ("peer: track Runner alone", measure("runner", lambda: soak_runner(steps)))]
    print(f"{'':38} {'steps':>5} {'kB/step':>8} {'grown kB':>9} {'start ms':>9} "
          f"{'end ms':>7} {'end/start':>9}")
    for name, row in rows:
        print(f"{name:38} {row['steps']:5.0f} {row['kb_per_step']:8.2f} {row['grown_kb']:9.1f} "
              f"{row['start_ms']:9.2f} {row['end_ms']:7.2f} {row['ratio']:9.2f}")
    app = rows[0][1]
    memory_ok = app["kb_per_step"] < MEMORY_GOAL_KB
    time_ok = app["ratio"] < TIME_RATIO_GOAL
    print(f"memory retained per step < {MEMORY_GOAL_KB:g} kB: "
          f"{'PASS' if memory_ok else 'FAIL'} ({app['kb_per_step']:.2f} kB)")
    print(f"end/start time per step < {TIME_RATIO_GOAL:g}: "
          f"{'PASS' if time_ok else 'FAIL'} ({app['ratio']:.2f})")


if __name__ == "__main__":
    main()
