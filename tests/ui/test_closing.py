"""The closing screen of a run not logged: its rep table colours news with the theme's words."""

from __future__ import annotations

from intervaltimer.engine.events import Split
from intervaltimer.ui.app import make_app
from intervaltimer.ui.screens.closing import ClosingScreen, closing_lines
from intervaltimer.ui.themes import SUNLIGHT_NAME
from intervaltimer.ui.widgets.rep_table import RepTable
from tests.helpers.deskkit import pilot_test

SPLITS = [
    Split(1, 1, "Rep 1/2 · 400 m", 400.0, 85.0, 84.0, 0.0, 84.0),  # faster
    Split(3, 2, "Rep 2/2 · 400 m", 400.0, 85.0, 87.0, 150.0, 237.0),  # slower
]


def test_the_closing_line_counts_one_rep_in_the_singular() -> None:
    assert closing_lines(SPLITS[:1], "completed", 84.0).startswith("Completed · 1 rep in")
    assert closing_lines(SPLITS, "abandoned", 300.0).startswith("Abandoned · 2 reps in")


@pilot_test
async def test_faster_and_slower_take_the_themes_success_and_error_colours() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for theme in ("textual-dark", SUNLIGHT_NAME):
            app.theme = theme
            await pilot.pause()
            app.push_screen(ClosingScreen("Two 400s", SPLITS, status="completed",
                                          elapsed_s=300.0, problem=None, logged=False))
            await pilot.pause()
            table = app.screen.query_one(RepTable)
            faster, slower = (table.get_cell_at((row, 3)) for row in (0, 1))
            assert str(faster.style) == app.theme_variables["text-success"], theme
            assert str(slower.style) == app.theme_variables["text-error"], theme
            app.pop_screen()
            await pilot.pause()
