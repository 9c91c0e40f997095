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

Then the crowd: another process holds 1,000 idle connections to the page
(each sends `GET /t/` and stops, as a crowd on the network would; one the
server closes is opened again a second later), and the phone taps `--reps`
more laps through it. Beside the times, the worst stall of the app's event
loop (the terminal clock's loop) quiet and in the crowd, and how many
connections the server held.

Goals: tap -> rep stored, median under 50 ms and worst under 150 ms, quiet and
in the crowd; the loop never stalls 100 ms.
Prints PASS or FAIL and exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/remote.py [--reps 30] [--crowd 1000]
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
from intervaltimer.engine.laps import LAP_DEBOUNCE_S  # noqa: E402
from intervaltimer.log.store import Store  # noqa: E402
from intervaltimer.remote.link import PhoneLink  # noqa: E402
from intervaltimer.ui.app import Start, make_app  # noqa: E402
from intervaltimer.ui.screens.run import RunScreen  # noqa: E402
from intervaltimer.workout.library import resolve_workout  # noqa: E402

MEDIAN_GOAL_MS = 50.0
WORST_GOAL_MS = 150.0
STALL_GOAL_MS = 100.0
CROWD_LINE = "tap, crowd"
CROWD = """
import asyncio, resource, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 512), hard))
opened = closed = 0
async def member(ready):
    global opened, closed
    while True:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(1.0)
            continue
        opened += 1
        writer.write(b"GET /t/")
        ready.set()
        try:
            await reader.read()
        except OSError:
            pass
        closed += 1
        writer.close()
        await asyncio.sleep(1.0)
async def main():
    members = []
    for _ in range(count):
        ready = asyncio.Event()
        members.append(asyncio.create_task(member(ready)))
        await ready.wait()
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    print(opened, closed, flush=True)
asyncio.run(main())
"""
STEP_S = LAP_DEBOUNCE_S + 0.5  # engine time between laps: past the double-tap guard
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


class StallWatch:
    """The event loop's worst lateness: a 10 ms sleep, over and over, timed."""

    def __init__(self) -> None:
        self.worst_ms = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _watch(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            self.worst_ms = max(self.worst_ms, (time.perf_counter() - started - 0.01) * 1000)

    def start(self) -> None:
        self.worst_ms = 0.0
        self._task = asyncio.create_task(self._watch())

    def stop(self) -> float:
        if self._task is not None:
            self._task.cancel()
        return self.worst_ms


async def start_crowd(url: str, count: int) -> asyncio.subprocess.Process:
    """Another process holding `count` idle connections to the page's port; once it does."""
    port = url.split(":")[2].split("/")[0]
    crowd = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CROWD, port, str(count), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE)
    assert crowd.stdout is not None
    line = await asyncio.wait_for(crowd.stdout.readline(), 120)
    if line.strip() != b"ready":
        raise RuntimeError(f"the crowd did not gather: {line!r}")
    return crowd


async def stop_crowd(crowd: asyncio.subprocess.Process) -> tuple[int, int]:
    """End the crowd; (connections it opened, connections the server closed)."""
    assert crowd.stdin is not None and crowd.stdout is not None
    crowd.stdin.close()
    line = await asyncio.wait_for(crowd.stdout.readline(), 30)
    await crowd.wait()
    opened, closed = (int(word) for word in line.split())
    return opened, closed


async def measure(path: Path, reps: int, crowd_size: int) -> tuple[dict[str, list[float]],
                                                                    dict[str, float]]:
    """Lap `2 * reps` reps, alternately from the phone and the keyboard, then `reps` from the
    phone through a crowd of `crowd_size` idle connections; the times by path, and the
    loop's worst stalls and the connection counts."""
    clock = MovedClock()
    workout = resolve_workout(f"{3 * reps}x100m/lap")
    store = Store.open(path)
    phone = PhoneLink(at_start=True, bind="127.0.0.1:0")
    app = make_app(clock=clock, player=RecordingPlayer(clock=clock), store=store, lead_in_s=0,
                   start=Start(screen="run", workout=workout), phone=phone)
    times: dict[str, list[float]] = {"phone tap": [], "space key": [], CROWD_LINE: []}
    figures: dict[str, float] = {}
    watch = StallWatch()
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

            watch.start()
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
            figures["quiet stall ms"] = watch.stop()
            crowd = await start_crowd(url, crowd_size)
            server = phone.server
            figures["held at the door"] = len(server.doorman.open) if server else -1
            watch.start()
            try:
                for number in range(2 * reps, 3 * reps):
                    move_on()
                    before = reps_in(path)
                    times[CROWD_LINE].append(
                        await timed_until_stored(path, before, lambda n=number: tap(n)))
                    move_on()
                    await pilot.press("space")
            finally:
                figures["crowd stall ms"] = watch.stop()
                figures["held, most"] = len(server.doorman.open) if server else -1
                opened, closed = await stop_crowd(crowd)
                figures["crowd opened"], figures["server closed"] = opened, closed
    finally:
        store.close()
    return times, figures


def report(times: dict[str, list[float]], figures: dict[str, float], crowd_size: int) -> None:
    """The table, and the verdict on the phone's figures."""
    print(f"{'lap from':12}{'n':>5}{'median ms':>11}{'p90 ms':>9}{'worst ms':>10}")
    for name, values in times.items():
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(f"{name:12}{len(ordered):5}{statistics.median(ordered):11.1f}{p90:9.1f}"
              f"{ordered[-1]:10.1f}")
    print(f"({CROWD_LINE}: {crowd_size:,} idle connections kept open by another process; "
          f"it opened {figures['crowd opened']:,.0f}, the server closed "
          f"{figures['server closed']:,.0f}; the server held {figures['held at the door']:.0f} "
          f"as the crowd gathered, {figures['held, most']:.0f} at the end)")
    print(f"worst event-loop stall: quiet {figures['quiet stall ms']:.1f} ms, in the crowd "
          f"{figures['crowd stall ms']:.1f} ms")
    passed = True
    for name in ("phone tap", CROWD_LINE):
        median, worst = statistics.median(times[name]), max(times[name])
        passed = passed and median < MEDIAN_GOAL_MS and worst < WORST_GOAL_MS
    passed = passed and figures["crowd stall ms"] < STALL_GOAL_MS
    print(f"goal: tap -> rep stored, median under {MEDIAN_GOAL_MS:g} ms and worst under "
          f"{WORST_GOAL_MS:g} ms, quiet and in the crowd, and no loop stall of "
          f"{STALL_GOAL_MS:g} ms: {'PASS' if passed else 'FAIL'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="laps from each path (default 30)")
    parser.add_argument("--crowd", type=int, default=1000,
                        help="idle connections in the crowd (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="remote-bench-") as tmp:
        times, figures = asyncio.run(measure(Path(tmp) / "log.sqlite3", args.reps, args.crowd))
    report(times, figures, args.crowd)


if __name__ == "__main__":
    main()
