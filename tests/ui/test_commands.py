"""The command palette's desk entries, and the sunlight theme remembered between runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette

from intervaltimer.ui.commands import entries_for
from intervaltimer.ui.screens.editor import EditorScreen
from intervaltimer.ui.screens.home import HomeScreen
from intervaltimer.ui.themes import SUNLIGHT_NAME, load_settings
from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from tests.helpers.deskkit import EIGHT_400, Desk, app_for, desk, pilot_test, settle


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


async def _palette(pilot: Any, app: Any, query: str) -> None:
    """Open the palette, type `query` and run the first hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


@pilot_test
async def test_home_offers_its_actions_and_the_other_screens(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        titles = [e.title for e in entries_for(app.screen)]
        assert titles == ["Run workout", "Edit workout", "Duplicate workout", "Workout history",
                          "Filter workouts", "New workout", "Runner profile",
                          "Sunlight theme: turn on"]
        await _palette(pilot, app, "edit work")
        assert isinstance(app.screen, EditorScreen)
        titles = [e.title for e in entries_for(app.screen)]
        assert titles[:3] == ["Save workout", "Go to next problem", "Close editor"]
        assert "Workout library" not in titles  # home is below


@pilot_test
async def test_palette_saves_in_the_editor(folders: Desk) -> None:
    path = folders.write(folders.user, "eights.yaml", EIGHT_400)
    app = app_for("edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(YamlEditor).text = EIGHT_400.replace("8 x 400", "6 x 400", 1)
        await _palette(pilot, app, "save workout")
        assert path.read_text().startswith("name: 6 x 400 m")
        assert "Workout library" in [e.title for e in entries_for(app.screen)]
        await _palette(pilot, app, "workout library")
        assert isinstance(app.screen, HomeScreen)


@pilot_test
async def test_sunlight_theme_is_chosen_from_the_palette_and_remembered(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        assert app.theme != SUNLIGHT_NAME
        await _palette(pilot, app, "sunlight")
        assert app.theme == SUNLIGHT_NAME
    settings = folders.config / "settings.json"
    assert json.loads(settings.read_text()) == {"theme": SUNLIGHT_NAME}

    again = app_for()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot, again)
        assert again.theme == SUNLIGHT_NAME
        # the entry says what choosing it does, never reads as the state it is in now
        titles = [e.title for e in entries_for(again.screen)]
        assert "Sunlight theme: turn off" in titles and "Sunlight theme: turn on" not in titles
        await _palette(pilot, again, "sunlight")  # "Sunlight theme: turn off"
        assert again.theme == "textual-dark"
    assert load_settings() == {"theme": "textual-dark"}


@pilot_test
async def test_a_damaged_settings_file_is_ignored(folders: Desk) -> None:
    (folders.config / "settings.json").write_text("{not json")
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        assert app.theme == "textual-dark"
        assert isinstance(app.screen, HomeScreen)
