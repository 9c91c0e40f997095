"""At 40x15 every part a runner needs is on screen or a tab away; at 80x24 nothing is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.summary import SummaryScreen
from intervaltimer.ui.widgets.error_list import ErrorList
from intervaltimer.ui.widgets.metrics_panel import MetricsPanel
from intervaltimer.ui.widgets.workout_list import WorkoutList
from intervaltimer.ui.widgets.workout_preview import WorkoutPreview
from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from tests.helpers.deskkit import EIGHT_400, Desk, app_for, desk, mile, pilot_test, settle
from tests.helpers.reviewkit import Seeded

SMALL = (40, 15)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


def shown_rows(app: App[None], widget: Widget) -> int:
    """How many rows of `widget` are on the screen."""
    return widget.region.intersection(Region(0, 0, *SMALL)).height


@pilot_test
async def test_the_library_shows_the_list_and_the_preview(folders: Desk) -> None:
    app = app_for(profile=mile())
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        assert shown_rows(app, app.screen.query_one(WorkoutList)) >= 2
        preview = app.screen.query_one(WorkoutPreview)
        assert shown_rows(app, preview) >= 4
        assert preview.region.width >= 30  # not a sliver beside the list
        assert preview.focusable  # tab reaches it, and it scrolls through the whole plan


@pilot_test
async def test_the_editor_shows_its_problems(folders: Desk) -> None:
    path = folders.write(folders.user, "eights.yaml", EIGHT_400.replace("pace: mile",
                                                                        "pace: mil"))
    app = app_for("edit", path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert shown_rows(app, app.screen.query_one(YamlEditor)) >= 4
        assert shown_rows(app, app.screen.query_one(ErrorList)) >= 1


@pilot_test
async def test_every_answer_of_the_unsaved_changes_dialog_is_on_screen(folders: Desk) -> None:
    path = folders.write(folders.user, "eights.yaml", EIGHT_400)
    app = app_for("edit", path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.screen.query_one(YamlEditor).insert("# a change\n", (0, 0))
        await pilot.press("escape")
        await pilot.pause()
        buttons = list(app.screen.query(Button))
        assert [b.id for b in buttons] == ["save", "discard", "cancel"]
        for button in buttons:
            assert Region(0, 0, *SMALL).contains_region(button.region), button.id


@pilot_test
async def test_the_summary_shows_its_metrics(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        app.push_screen(SummaryScreen(seeded.latest))
        await settle(pilot, app)
        assert shown_rows(app, app.screen.query_one(MetricsPanel)) >= 3


@pilot_test
async def test_at_80x24_the_profiles_from_column_and_the_library_headers_fit(
        folders: Desk) -> None:
    from intervaltimer.ui.widgets.pace_table import PaceTable
    from intervaltimer.ui.widgets.workout_list import ORIGIN_TITLES

    app = app_for("profile", profile=mile())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PaceTable)
        assert table.row_count == 13  # 8 race paces, 4 training paces, easy's slow end
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no column cut
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        workouts = app.screen.query_one(WorkoutList)
        longest = max(len(title) for title in ORIGIN_TITLES.values())
        assert workouts.scrollable_content_region.width >= longest


@pilot_test
async def test_the_trend_shows_its_sentence_and_a_chart(seeded: Seeded, store: Store) -> None:
    from textual.widgets import Static

    from intervaltimer.ui.screens.trend import TrendScreen
    from intervaltimer.ui.widgets.trend_chart import TrendChart
    from tests.helpers.reviewkit import FIVE_K_400

    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        app.push_screen(TrendScreen(FIVE_K_400))
        await settle(pilot, app)
        sentence = app.screen.query_one("#trend-summary", Static)
        assert "mean effort down" in str(sentence.render()).lower()
        assert shown_rows(app, sentence) >= 2
        assert shown_rows(app, app.screen.query(TrendChart).first()) >= 5
