"""Take README's picture of the phone page: `python scripts/remote_page_shot.py [--out PNG]`.

A run of 8 x 400 m at mile pace (5:40) is set in its third rest, rep 3 run
in 1:23.9 and rated 7, on a clock of its own; the phone page's server
serves it on loopback, and Debian's Chromium (through Playwright) takes the
page at a phone's 390x844. Needs `chromium` (`make system` installs it).
"""

from __future__ import annotations

import argparse
import asyncio
import threading
from pathlib import Path

from intervaltimer.remote.addresses import Bind
from intervaltimer.remote.server import RemoteServer
from intervaltimer.track.runner import Runner
from intervaltimer.track.start import RunClocks, start_run
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.races import parse_race

OUT = Path(__file__).resolve().parents[1] / "docs" / "remote-page.png"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WORKOUT = "8x400m@mile/60s"
SPLITS_S = (84.1, 84.8, 83.9)  # reps 1 to 3
INTO_REST_S = 22.0


class StoppedClock:
    """A clock moved by hand, so the picture is the same on every run."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def third_rest(clock: StoppedClock) -> Runner:
    """The run in its third rest, 22 s in, rep 3 rated 7."""
    workout = resolve_workout(WORKOUT)
    plan = expand(workout, Profile((parse_race("mile=5:40"),)))
    runner = start_run(plan, workout, store=None, clocks=RunClocks(clock, clock), player=None)
    runner.start()
    clock.now += plan.lead_in_s
    runner.tick()
    for number, split_s in enumerate(SPLITS_S, start=1):
        clock.now += split_s
        runner.lap()
        if number < len(SPLITS_S):
            clock.now += 60.0
            runner.tick()
    runner.rate(7)
    clock.now += INTO_REST_S
    runner.tick()
    return runner


def main() -> None:
    """Serve the page for the set-up run and take its picture."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    out: Path = parser.parse_args().out
    server = RemoteServer(WORKOUT)
    server.attach(third_rest(StoppedClock()))
    loop = asyncio.new_event_loop()
    started = threading.Event()
    urls: list[str] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        urls.append(loop.run_until_complete(server.start(Bind("127.0.0.1", 0, True))))
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    started.wait(30)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(urls[0])
            page.wait_for_selector("#link.live")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
    print(out)


if __name__ == "__main__":
    main()
