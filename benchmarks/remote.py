"""How long from a tap on the phone page to the rep stored in the log, beside the space key.

Runs the real app headless (`make_app(...)` + `app.run_test()`) with a real
log in a temporary folder and the phone page's real server on loopback
(127.0.0.1, any free port). The "phone" is an aiohttp client keeping its
connection open, as a phone's browser does. A workout of reps with open rests
is lapped rep after rep, alternately by a tap (POST `tap`) and by the space
key (the peer: a key event handed to the app as its terminal driver does);
each time is taken from just before the tap or key to the moment a second
connection to the log sees the new rep row. The engine runs on a clock the
benchmark moves (1.5 s a step, past the double-tap guard), so nothing waits
for real seconds; the times measured are wall-clock (`time.perf_counter`).

Goals: tap -> rep stored, median under 50 ms and worst under 150 ms.
Prints PASS or FAIL and exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/remote.py [--reps 30]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402
from textual import events  # noqa: E402

from intervaltimer.audio.testing import RecordingPlayer  # noqa: E402
from intervaltimer.log.store import Store  # noqa: E402
from intervaltimer.remote.link import PhoneLink  # noqa: E402
from intervaltimer.ui.app import Start, make_app  # noqa: E402
from intervaltimer.ui.screens.run import RunScreen  # noqa: E402
from intervaltimer.workout.library import resolve_workout  # noqa: E402

MEDIAN_GOAL_MS = 50.0
WORST_GOAL_MS = 150.0
STEP_S = 1.5  # engine time between laps: past the 1 s double-tap guard
STORED_TIMEOUT_S = 5.0


class MovedClock:
    """The engine's clock, moved by the benchmark."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def reps_in(path: Path) -> int:
    """Rep rows in the log, read through a connection of its own."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0) as db:
        count: int = db.execute("SELECT count(*) FROM rep").fetchone()[0]
    return count


async def timed_until_stored(path: Path, before: int, lap: Callable[[], Awaitable[Any]]) -> float:
    """Milliseconds from calling `lap()` to a new rep row readable in the log."""
    started = time.perf_counter()
    await lap()
    while reps_in(path) == before:
        if time.perf_counter() - started > STORED_TIMEOUT_S:
            raise RuntimeError("the rep was never stored")
        await asyncio.sleep(0)
    return (time.perf_counter() - started) * 1000


async def measure(path: Path, reps: int) -> dict[str, list[float]]:
    """Lap `2 * reps` reps, alternately from the phone and the keyboard; the times by path."""
    clock = MovedClock()
    workout = resolve_workout(f"{2 * reps}x100m/lap")
    store = Store.open(path)
    phone = PhoneLink(at_start=True, bind="127.0.0.1:0")
    app = make_app(clock=clock, player=RecordingPlayer(clock=clock), store=store, lead_in_s=0,
                   start=Start(screen="run", workout=workout), phone=phone)
    times: dict[str, list[float]] = {"phone tap": [], "space key": []}
    try:
        async with app.run_test(size=(80, 24)) as pilot, aiohttp.ClientSession() as http:
            await app.workers.wait_for_complete()
            url = phone.url
            assert url is not None, "the phone page did not open"
            await pilot.press("escape", "enter")  # close the QR code, start the run
            await pilot.pause()

            def move_on() -> None:
                clock.now += STEP_S
                screen = app.screen
                if isinstance(screen, RunScreen):
                    screen.sync()

            async def tap(number: int) -> None:
                response = await http.post(url + "tap", json={"id": f"t{number}", "action": "lap"})
                answer = await response.json()
                if not answer["applied"]:
                    raise RuntimeError(f"tap {number} not applied: {answer['message']}")

            async def space() -> None:
                # What the terminal driver does when the key arrives (Pilot.press would also
                # wait for the screen to settle, which no runner waits for).
                key = events.Key("space", " ")
                key.set_sender(app)
                driver = app._driver
                assert driver is not None
                driver.send_message(key)

            for number in range(2 * reps):
                move_on()
                before = reps_in(path)
                if number % 2 == 0:
                    times["phone tap"].append(
                        await timed_until_stored(path, before, lambda n=number: tap(n)))
                else:
                    times["space key"].append(await timed_until_stored(path, before, space))
                move_on()
                await pilot.press("space")  # the open rest ends: the next rep
    finally:
        store.close()
    return times


def report(times: dict[str, list[float]]) -> None:
    """The table, and the verdict on the phone's figures."""
    print(f"{'lap from':12}{'n':>5}{'median ms':>11}{'p90 ms':>9}{'worst ms':>10}")
    for name, values in times.items():
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(f"{name:12}{len(ordered):5}{statistics.median(ordered):11.1f}{p90:9.1f}"
              f"{ordered[-1]:10.1f}")
    phone = times["phone tap"]
    median, worst = statistics.median(phone), max(phone)
    verdict = "PASS" if median < MEDIAN_GOAL_MS and worst < WORST_GOAL_MS else "FAIL"
    print(f"goal: tap -> rep stored, median under {MEDIAN_GOAL_MS:g} ms and worst under "
          f"{WORST_GOAL_MS:g} ms: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="laps from each path (default 30)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="remote-bench-") as tmp:
        times = asyncio.run(measure(Path(tmp) / "log.sqlite3", args.reps))
    report(times)


if __name__ == "__main__":
    main()
