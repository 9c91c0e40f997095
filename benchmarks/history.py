"""How fast the history opens and a trend is computed on a big log, and how big the log is.

Seeds a temporary log with 5,000 sessions of 10 reps each (50,000 reps: 25 workouts of 200
sessions, one every day or so over 14 years, with a realistic workout source kept with each
session), in one bulk SQL transaction after `Store.open` has made the schema. Then measures,
each several times in this one process, with a peer measured the same way beside it so the
figures mean something on a busy machine:

- time to an interactive history screen: from `App.run_test()` starting the app on the
  history to the first rows in the table (goal < 300 ms); peers: the same on an empty log,
  and an empty Textual app to its first widget;
- time to compute a workout's trend over its 200 sessions, reading them from the log
  (`log.review.workout_trend`; goal < 50 ms); peers: `SELECT count(*) FROM rep` and the
  history's first page (`Store.summaries(limit=100)`);
- the database size (and per session).

Prints median and 90th percentile and PASS or FAIL for each goal; exits 0 either way (a
speed goal is not a test).

    .venv/bin/python benchmarks/history.py [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intervaltimer.log.records import source_hash  # noqa: E402
from intervaltimer.log.review import workout_trend  # noqa: E402
from intervaltimer.log.store import Store  # noqa: E402

SESSIONS = 5_000
REPS_PER_SESSION = 10
WORKOUTS = 25
HISTORY_GOAL_MS = 300.0
TREND_GOAL_MS = 50.0
START = 1_300_000_000.0  # March 2011
DAY = 86_400.0


def workout_source(name: str, distance_m: int) -> str:
    """A workout file as a runner writes it (kept with every session, as the store does)."""
    return (f"name: {name}\ndescription: Anaerobic tolerance, hold pace on short rest.\n"
            "tags: [anaerobic, track]\nlead_in: 5s\nsteps:\n  - warmup: 15min\n"
            "    note: easy jog, drills, strides\n  - repeat: 10\n    steps:\n"
            f"      - run: {distance_m}m\n        pace: mile\n        pacer: 100m\n"
            "      - rest: 60s\n        activity: stand\n  - cooldown: 10min\n")


def seed(path: Path) -> str:
    """Write the big log; return the name of a workout with 200 sessions."""
    Store.open(path).close()  # the schema, as the app makes it
    rng = random.Random(5)
    names = [f"{10} x {200 + 100 * (i % 8)} m · set {i + 1}" for i in range(WORKOUTS)]
    sources = [workout_source(name, 200 + 100 * (i % 8)) for i, name in enumerate(names)]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for number in range(SESSIONS):
        w = number % WORKOUTS
        distance = 200 + 100 * (w % 8)
        target = distance * 0.2113  # mile pace from a 5:40 mile, s/m
        started = START + number * DAY * 1.03 + rng.uniform(0, 3600)
        cursor = conn.execute(
            "INSERT INTO session (workout, started_at, ended_at, updated_at, status, source, "
            "source_hash, paces, plan_steps, steps_done, owner, session_rpe) "
            "VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, 22, 22, '', ?)",
            (names[w], started, started + 2700, started + 2700, sources[w],
             source_hash(sources[w]), '{"mile": 0.2113}', rng.randint(5, 9)))
        session_id = cursor.lastrowid
        clock = started + 900
        reps = []
        for index in range(1, REPS_PER_SESSION + 1):
            split = target * (1 + rng.gauss(0.01, 0.015) + 0.002 * index)
            reps.append((session_id, index, 2 * index, f"Rep {index}/10 · {distance} m @ mile",
                         float(distance), round(target, 2), round(split, 2), clock,
                         clock + split, 60.0, min(10, max(1, round(5 + index * 0.3
                                                                   + rng.gauss(0, 0.7))))))
            clock += split + 60
        conn.executemany(
            "INSERT INTO rep (session_id, idx, step_index, label, distance_m, target_s, "
            "split_s, started_at, ended_at, rest_s, rpe) VALUES (?,?,?,?,?,?,?,?,?,?,?)", reps)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return names[0]


def timed(function: Callable[[], Any], runs: int) -> list[float]:
    """Milliseconds of `runs` calls of `function`, after one warm-up call."""
    function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


async def history_ms(store: Store | None) -> float:
    """Milliseconds from starting the app on the history to its first rows on screen (on an
    empty log, to its saying so)."""
    from intervaltimer.ui.app import Start, make_app
    from intervaltimer.ui.screens.history import HistoryScreen
    from intervaltimer.ui.widgets.session_table import SessionTable

    app = make_app(store=store, start=Start(screen="history"))
    started = time.perf_counter()
    async with app.run_test(size=(100, 30)):
        while True:
            screen = app.screen
            if isinstance(screen, HistoryScreen) and screen.is_mounted and (
                    screen.query_one(SessionTable).row_count or screen.all_rows is not None):
                break
            await asyncio.sleep(0.001)
        elapsed = (time.perf_counter() - started) * 1000
        await app.workers.wait_for_complete()
    return elapsed


async def empty_app_ms() -> float:
    """Milliseconds from starting a bare Textual app to its one widget being mounted."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello", id="hello")

    app = Bare()
    started = time.perf_counter()
    async with app.run_test(size=(100, 30)):
        while not app.screen.query("#hello"):
            await asyncio.sleep(0.001)
        return (time.perf_counter() - started) * 1000


def app_runs(make: Callable[[], Any], runs: int) -> list[float]:
    """`runs` timings of an async measurement, after one warm-up (imports, caches)."""
    asyncio.run(make())
    return [asyncio.run(make()) for _ in range(runs)]


def line(name: str, times: list[float], goal: float | None = None) -> str:
    """One row of the report: median, 90th percentile and the verdict on the goal."""
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    median = statistics.median(times)
    verdict = "" if goal is None else ("PASS" if median < goal else "FAIL") + f" (< {goal:.0f})"
    return f"  {name:<48} {median:9.1f} {p90:9.1f}  {verdict}"


def main() -> None:
    """Seed, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite3"
        empty = Path(folder) / "empty.sqlite3"
        seeding = time.perf_counter()
        workout = seed(path)
        seeded_s = time.perf_counter() - seeding
        Store.open(empty).close()
        size = sum(p.stat().st_size for p in Path(folder).glob("big.sqlite3*"))
        with Store.open(path) as store, Store.open(empty) as empty_store:
            counted = store.summaries()
            reps = sum(row.reps for row in counted)
            result = workout_trend(store, workout)
            conn = sqlite3.connect(path)
            rows = [
                ("history screen, 5,000 sessions: first rows", app_runs(
                    lambda: history_ms(store), runs), HISTORY_GOAL_MS),
                ("  peer: history screen, empty log", app_runs(
                    lambda: history_ms(empty_store), runs), None),
                ("  peer: empty Textual app, first widget", app_runs(empty_app_ms, runs), None),
                (f"trend over {len(result.points)} sessions, from the log", timed(
                    lambda: workout_trend(store, workout), runs * 3), TREND_GOAL_MS),
                ("  peer: SELECT count(*) FROM rep", timed(
                    lambda: conn.execute("SELECT count(*) FROM rep").fetchone(), runs * 3), None),
                ("  peer: history's first page, summaries(limit=100)", timed(
                    lambda: store.summaries(limit=100), runs * 3), None),
                ("  peer: every history row, summaries()", timed(
                    store.summaries, runs), None),
            ]
            conn.close()
    print(f"log: {len(counted):,} sessions, {reps:,} reps, seeded in {seeded_s:.1f} s; "
          f"{size / 1e6:.1f} MB on disk ({size / len(counted) / 1024:.1f} kB a session)")
    print(f"trend of {workout!r}: {result.summary}")
    print(f"\n  {'measure (ms)':<48} {'median':>9} {'p90':>9}  goal")
    for name, times, goal in rows:
        print(line(name, times, goal))


if __name__ == "__main__":
    main()
