"""No number is cut on the preview: at 40x15 and 30x10 a column or a line gives way whole.

A terminal cuts text at its edge: the runner's trial saw the preview's 1:24.5 lap time as
`1:` at 40x15, and a label cut to `Rep 1/8 · 40…` reads as a 40 m rep. Every number drawn
on the screen must be one the preview holds in full (a line's text or one of its forms, a
table cell), and the reps' target must be on the screen, not below the fold.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.widgets import Footer

from intervaltimer.ui.screens.preview import PreviewScreen
from intervaltimer.ui.widgets.fit_line import FitLine
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.plan_table import PlanTable, lap_text, short_label, target_text
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import run_app, screen_text

# A number and what sticks to it: `1:` (a cut 1:24.5) is a token of its own, not a `1`.
NUMBER = re.compile(r"\d+(?:[:.,/]\d*)*")
SIZES = [(80, 24), (40, 15), (30, 10)]
# The quick workout of the trial, and the shipped ladder whose warm-up and strides push its
# reps below the fold.
WORKOUTS = ["8x400m@mile", "8x400-mile"]

pytestmark = pytest.mark.usefixtures("private_config")


def held_numbers(screen: PreviewScreen) -> set[str]:
    """Every number the preview could show in full: each line, each form of a fitted line,
    each cell of the plan."""
    texts = [line.text for line in screen.query(Line)]
    texts += [variant.plain for line in screen.query(FitLine) for variant in line.variants]
    plan = screen.plan
    assert plan is not None
    for step in plan.steps:
        texts += [str(step.index), step.label, target_text(step), lap_text(step)]
    return {number for text in texts for number in NUMBER.findall(text)}


def cut_numbers(app: Any, screen: PreviewScreen) -> list[str]:
    """The numbers above the footer that the preview does not hold whole."""
    held = held_numbers(screen)
    rows = screen_text(app).splitlines()[:screen.query_one(Footer).region.y]
    return [number for number in NUMBER.findall("\n".join(rows)) if number not in held]


@pytest.mark.parametrize("workout", WORKOUTS)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pilot_test
async def test_no_number_is_cut_and_the_target_shows(fake_clock: FakeClock, workout: str,
                                                     size: tuple[int, int]) -> None:
    app = run_app(workout, fake_clock, races=("mile=5:40",))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        text = screen_text(app)
        assert cut_numbers(app, screen) == [], text
        rows = text.splitlines()
        assert "8 x 400 m" in rows[0]  # the title stays at the top: nothing scrolled away
        body = "\n".join(rows[:-1])
        assert "1:24.5" in body, text  # 5:40 mile -> 84.5 s a lap, on the screen
        assert re.search(r"\b8\b.*400", body), text  # how many reps of what


@pilot_test
async def test_at_40_columns_the_lap_column_gives_way_to_the_target(
        fake_clock: FakeClock) -> None:
    app = run_app("8x200m@mile", fake_clock, races=("mile=5:40",))
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PlanTable)
        assert not table.shows_lap
        assert table.target_column()[0] == "42.3"  # 200 m of a 5:40 mile, not its lap (1:24.5)
    app = run_app("8x200m@mile", fake_clock, races=("mile=5:40",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(PlanTable).shows_lap


def test_a_short_label_is_cut_between_words_never_inside_a_number() -> None:
    label = "Rep 1/8 · 400 m @ mile"
    assert short_label(label, None) == label
    assert short_label(label, 22) == label
    assert short_label(label, 13) == "Rep 1/8…"  # not "Rep 1/8 · 40…"
    assert short_label(label, 16) == "Rep 1/8 · 400 m…"
    assert short_label("10000m", 4) == "…"
