"""No number is ever cut: a whole workout walked at 40x15 and at 30x10, checked at every
instant the screen changes.

A terminal cuts text at its edge, and `1:24.5` cut to `1:24` reads as another
time. At every deadline of a workout that has every kind of step (lead-in,
warm-up with a long note, paced reps with a pacer, rests lengthened with `+`,
a pause, send-off rounds, strides with open rests, an hour-long cool-down),
the screen's text is compared with what the runner's readout holds in full:
every number drawn on the screen must be one of those numbers, whole. The
big digits are checked against their own room: the clock's at its scale,
each shown card of the board at the board's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from intervaltimer.engine.events import Phase, State
from intervaltimer.ui.screens.run import RunScreen
from intervaltimer.ui.widgets.big_clock import BigClock, digits_height, digits_width
from intervaltimer.ui.widgets.board import Board, row_width
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.fit_line import FitLine, SpreadLine
from intervaltimer.ui.widgets.last_split import LastSplit
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import press, run_file, screen_text, start

WALK = """\
name: Every screen state, walked
lead_in: 3s
steps:
  - warmup: 12s
    note: easy jog, then drills (A-skips, high knees, heel flicks) and 4 x 80 m strides
  - repeat: 2
    steps:
      - run: 200m
        pace: 5:40/mi
        pacer: 100m
      - rest: 20s
        activity: stand
  - repeat: 2
    every: 0:40
    min_rest: 10s
    steps:
      - run: 150m
        pace: 3:10/km
  - repeat: 2
    steps:
      - run: 80m
        label: stride
      - rest: lap
        activity: walk
        note: walk back, tap space at the line
  - cooldown: 1h5min
"""
NUMBER = re.compile(r"\d+(?:[:.,/]\d*)*")  # `1:` (a cut 1:24.5) is its own token
SIZES = [(40, 15), (30, 10)]


def held_numbers(screen: RunScreen) -> set[str]:
    """Every number the screen could show in full now: each variant of each line, the
    cards, the clock, the top line's sides, the footer's keys."""
    texts: list[str] = []
    readout = screen.readout
    assert readout is not None
    texts += [readout.phase_word, readout.note, readout.clock, *readout.step,
              *readout.clock_note, *readout.next, *readout.progress]
    texts += [f"{card.label} {card.value}" for card in readout.cards]
    for line in (*screen.query(FitLine), screen.query_one(LastSplit),
                 screen.query_one(EffortPrompt)):
        texts += [variant.plain for variant in line.variants]
    top = screen.query_one(SpreadLine)
    texts += [*top._left, *top._right]
    texts += [f"{b.key_display or b.key} {b.description}" for b in screen.BINDINGS
              if not isinstance(b, tuple)]
    return {number for text in texts for number in NUMBER.findall(text)}


def cut_numbers(app: Any, screen: RunScreen) -> list[str]:
    """The numbers on the screen that are not whole numbers the readout holds, and the big
    digits drawn wider or taller than their room."""
    held = held_numbers(screen)
    text = screen_text(app)
    footer_row = screen.query_one(Footer).region.y
    body = "\n".join(text.splitlines()[:footer_row])
    found = [number for number in NUMBER.findall(body) if number not in held]
    clock = screen.query_one(BigClock)
    room = clock.content_size
    if clock.scale >= 1 and (digits_width(clock.value, clock.scale) > room.width
                             or digits_height(clock.scale) > room.height):
        found.append(f"clock {clock.value} at scale {clock.scale} in {room}")
    board = screen.query_one(Board)
    shown = board.shown_cards
    if shown and (row_width(shown, board.scale) > board.content_size.width
                  or 1 + digits_height(board.scale) > board.content_size.height):
        found.append(f"board {shown} at scale {board.scale} in {board.content_size}")
    return found


async def walk(pilot: Pilot[Any], clock: FakeClock, screen: RunScreen) -> dict[str, Any]:
    """Run the whole workout as a runner would, checking the screen at every deadline; what
    was seen: the phases, the cards and the cut numbers (with where they were)."""
    runner = screen.runner
    seen: dict[str, Any] = {"phases": set(), "cards": set(), "cut": [], "checks": 0,
                            "clocks": set()}
    pressed: set[str] = set()
    for _ in range(10_000):
        await pilot.pause()
        seen["checks"] += 1
        seen["cut"] += [(number, screen_text(pilot.app)) for number in cut_numbers(
            pilot.app, screen)]
        view = runner.session
        if view.state is State.FINISHED:
            break
        seen["phases"].add(("PAUSED " if view.state is State.PAUSED else "") + view.phase)
        seen["cards"] |= {card.kind for card in screen.query_one(Board).shown_cards}
        seen["clocks"].add(screen.query_one(BigClock).value)
        current = view.current
        assert current is not None
        elapsed = view.elapsed_s()
        if view.state is State.PAUSED and "resume" not in pressed:
            pressed.add("resume")
            await press(pilot, "p")
            continue
        if current.kind.value == "run" and not view.waiting and current.target_s is not None:
            if current.rep == 2 and elapsed >= 15 and "pause" not in pressed:
                pressed.add("pause")
                await press(pilot, "p")
                continue
            if elapsed >= current.target_s + (1.3 if current.rep == 2 else -0.8):
                runner.lap()
                continue
        elif current.kind.value == "run" and not view.waiting and elapsed >= 6.0:
            runner.lap()  # a stride, by feel
            continue
        elif view.phase is Phase.REST and current.kind.value == "rest" and not view.waiting:
            if "plus" not in pressed:
                pressed.add("plus")
                await press(pilot, "plus", "8")
                continue
            if current.duration_s is None and elapsed >= 5.0:
                runner.lap()  # back at the line after an open rest
                continue
        elif current.kind.value == "cooldown" and elapsed >= 5.0:
            runner.skip()
            continue
        wake = screen.runner.next_wake()
        assert wake is not None, view.state
        clock.set(max(wake, clock()))
        screen.sync()
    return seen


@pytest.mark.usefixtures("private_config")
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pilot_test
async def test_no_number_is_cut_in_any_state(fake_clock: FakeClock, tmp_path: Path,
                                             size: tuple[int, int]) -> None:
    app = run_file(tmp_path / "walk.yaml", WALK, fake_clock, races=("mile=5:40",))
    async with app.run_test(size=size) as pilot:
        screen = await start(pilot)
        seen = await walk(pilot, fake_clock, screen)
    cut = seen["cut"]
    assert cut == [], f"{cut[0][0]} cut, in:\n{cut[0][1]}"
    # The walk went everywhere: every phase, paused, a long clock, the board's numbers.
    assert {"lead_in", "warmup", "work", "rest", "cooldown", "PAUSED work"} <= seen["phases"]
    assert "1:05:00" in seen["clocks"] and seen["checks"] > 150
    if size == (40, 15):
        assert {"target", "pacer", "last", "delta"} <= seen["cards"]
