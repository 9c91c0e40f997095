"""Snapshots of the desk screens at 100x30 and 80x24: home, the editor showing a problem, profile.

Regenerate with `.venv/bin/pytest tests/ui/test_desk_snapshots.py --snapshot-update`
and look at the SVGs in tests/ui/__snapshots__/ before accepting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from tests.helpers.deskkit import EIGHT_400, Desk, app_for, desk, mile, no_blink, settle

SIZES = [(100, 30), (80, 24), (40, 15)]
NOW = 1_750_000_000.0
DAY = 86_400.0


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


@dataclass(frozen=True)
class Logged:
    started_at: float
    mean_rpe: float | None
    status: str = "completed"


class Log:
    """Three sessions of the 8 x 400, effort easing off."""

    def summaries(self, workout: str | None = None) -> list[Logged]:
        if workout != "8 x 400 m at mile pace":
            return []
        return [Logged(NOW - 2 * DAY, 6.0), Logged(NOW - 9 * DAY, 7.0),
                Logged(NOW - 16 * DAY, 8.0)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare: Any, folders: Desk, size: tuple[int, int]) -> None:
    app = app_for(profile=mile("5:40"), store=Log(), wall_clock=lambda: NOW)

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        await pilot.press("down", "down", "down", "down")  # into the list, to the shipped 8 x 400
        await settle(pilot, app)
        no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_home_in_sunlight(snap_compare: Any, folders: Desk) -> None:
    (folders.config / "settings.json").write_text('{"theme": "sunlight"}')
    app = app_for(profile=mile("5:40"))

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        await pilot.press("down", "down", "down", "down")
        await settle(pilot, app)
        no_blink(app)

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_editor_with_an_error(snap_compare: Any, folders: Desk, size: tuple[int, int]) -> None:
    path = folders.write(folders.user, "eights.yaml", EIGHT_400.replace("pace: mile",
                                                                        "pace: mil"))
    app = app_for("edit", path, profile=mile("5:40"))

    async def ready(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.screen.query_one(YamlEditor).move_cursor((0, 0))  # the marked line shows in full
        no_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_profile(snap_compare: Any, folders: Desk, size: tuple[int, int]) -> None:
    app = app_for("profile", profile=mile("5:40"))

    async def ready(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        no_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_unsaved_changes_dialog(snap_compare: Any, folders: Desk, size: tuple[int, int]) -> None:
    """All three answers are on screen, even at 40x15."""
    path = folders.write(folders.user, "eights.yaml", EIGHT_400)
    app = app_for("edit", path, profile=mile("5:40"))

    async def ready(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app.screen.query_one(YamlEditor).insert("# a change\n", (0, 0))
        await pilot.press("escape")
        await pilot.pause()
        no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_new_workout_dialog_at_40x15(snap_compare: Any, folders: Desk) -> None:
    app = app_for()

    async def ready(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        no_blink(app)

    assert snap_compare(app, terminal_size=(40, 15), run_before=ready)
