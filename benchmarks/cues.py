"""How late each audio cue comes after its planned instant, over a two-minute workout.

Runs the real app headless (`make_app(...)` + `app.run_test()`) on the real
monotonic clock, with a real log in a temporary folder and a player that
records `time.monotonic()` at each `play()` call. The workout has a lead-in,
two 200 m reps with pacer beeps (lapped automatically at their target time),
timed rests that tick 3-2-1 into the next rep, and a timed rep with its
halfway and ten-seconds cues. Each cue is paired with the engine event that
asked for it (`Event.at` is the planned instant), and the table shows how
late the play call came. Cues started by a key (a lap) are listed but left
out of the figures: they are due the instant the key is pressed (enter starts
the lead-in, so its first tick is one of them).

Goal: the worst clock-driven cue under 20 ms late. Prints PASS or FAIL and
exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/cues.py
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intervaltimer.audio.testing import RecordingPlayer  # noqa: E402
from intervaltimer.engine.events import Event, EventKind  # noqa: E402
from intervaltimer.log.store import Store  # noqa: E402
from intervaltimer.track import runner as runner_module  # noqa: E402
from intervaltimer.ui.app import Start, make_app  # noqa: E402
from intervaltimer.workout.loader import parse_workout  # noqa: E402

GOAL_MS = 20.0
WORKOUT = """\
name: cue timing
description: Two minutes of every kind of cue, for benchmarks/cues.py.
lead_in: 3s
steps:
  - repeat: 2
    steps:
      - run: 200m
        pace: 80s/400m
        pacer: 50m
      - rest: 12s
  - run: 30s
"""


@dataclass(frozen=True)
class Heard:
    """One cue: what the engine planned and when the player was asked to play it."""

    cue: str
    kind: EventKind
    planned: float
    played: float
    by_key: bool

    @property
    def late_ms(self) -> float:
        """Milliseconds from the planned instant to the play call."""
        return (self.played - self.planned) * 1000


class CueLog:
    """Pairs each play call with the event whose cue it plays, by wrapping the runner.

    `Runner.tick()` plays the cues of the events it returns, in order; the
    wrapper notes how many plays the player had before the call and pairs the
    new ones with the returned events that carry a cue.
    """

    def __init__(self, player: RecordingPlayer) -> None:
        self.player = player
        self.heard: list[Heard] = []
        self.unpaired: list[str] = []
        self._in_key = 0

    def install(self) -> None:
        """Wrap `Runner.tick` and the key methods (for the whole process: a benchmark)."""
        cls = runner_module.Runner
        original_tick = cls.tick
        log = self

        def tick(runner: Any) -> list[Event]:
            before = len(log.player.played)
            events: list[Event] = original_tick(runner)
            plays = log.player.played[before:]
            cued = [event for event in events if event.cue is not None]
            if len(plays) != len(cued):
                log.unpaired.append(f"{len(plays)} plays for {len(cued)} cued events")
            for (cue, at), event in zip(plays, cued, strict=False):
                log.heard.append(Heard(cue, event.kind, event.at, at, log._in_key > 0))
            return events

        def keyed(name: str) -> None:
            original = getattr(cls, name)

            def method(runner: Any, *args: Any) -> Any:
                log._in_key += 1
                try:
                    return original(runner, *args)
                finally:
                    log._in_key -= 1

            setattr(cls, name, method)

        setattr(cls, "tick", tick)  # noqa: B010 - wrapped for this process only
        for name in ("start", "lap", "skip", "undo", "pause_or_resume", "extend", "rate"):
            keyed(name)


async def run_workout(store: Store, log: CueLog) -> float:
    """Run the workout to its end on the real clock, lapping each distance rep on target."""
    workout = parse_workout(WORKOUT, "cue-timing.yaml")
    app = make_app(player=log.player, store=store, start=Start(screen="run", workout=workout))
    started = time.monotonic()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        lapped: set[int] = set()
        while True:
            runner = app.runs.active
            if runner is None:
                await asyncio.sleep(0.05)
                continue
            if runner.finished:
                break
            view = runner.session
            step = view.current
            if (step is not None and step.is_work and step.target_s is not None
                    and view.remaining_s() is None and step.index not in lapped
                    and not view.waiting):
                due = step.target_s - view.elapsed_s()
                if due > 0:
                    await asyncio.sleep(min(due, 0.5))
                    continue
                lapped.add(step.index)
                await pilot.press("space")
                continue
            wake = runner.next_wake()
            pause = 0.2 if wake is None else max(0.01, min(0.2, wake - time.monotonic()))
            await asyncio.sleep(pause)
        await pilot.pause()
    return time.monotonic() - started


def report(log: CueLog, wall_s: float) -> None:
    """The table of cues and the figures."""
    start = log.heard[0].planned if log.heard else 0.0
    print(f"{'cue':12}{'event':16}{'planned':>9}{'late ms':>9}")
    for heard in log.heard:
        note = "  (key)" if heard.by_key else ""
        print(f"{heard.cue:12}{heard.kind.value:16}{heard.planned - start:8.2f}s"
              f"{heard.late_ms:9.2f}{note}")
    timed = sorted(h.late_ms for h in log.heard if not h.by_key)
    if not timed:
        print("no clock-driven cue was heard")
        return
    p95 = timed[min(len(timed) - 1, round(0.95 * (len(timed) - 1)))]
    print(f"{len(log.heard)} cues ({len(timed)} on the clock) in {wall_s:.0f} s: "
          f"worst {timed[-1]:.2f} ms, median {statistics.median(timed):.2f} ms, "
          f"p95 {p95:.2f} ms, earliest {timed[0]:.2f} ms")
    for problem in log.unpaired:
        print(f"warning: {problem}")
    verdict = "PASS" if timed[-1] < GOAL_MS and timed[0] >= 0 else "FAIL"
    print(f"goal: worst under {GOAL_MS:g} ms late (none early): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    log = CueLog(RecordingPlayer(clock=time.monotonic))
    log.install()
    with tempfile.TemporaryDirectory(prefix="cue-bench-") as tmp:
        store = Store.open(Path(tmp) / "log.sqlite3")
        try:
            wall_s = asyncio.run(run_workout(store, log))
        finally:
            store.close()
    report(log, wall_s)


if __name__ == "__main__":
    main()
