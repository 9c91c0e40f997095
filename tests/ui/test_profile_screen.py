"""The profile screen: race times in, VDOT and paces out as you type; bad times explained."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from intervaltimer.locations import profile_path
from intervaltimer.ui.screens.profile import ProfileScreen, RaceRow, read_rows
from intervaltimer.ui.screens.unsaved import UnsavedChangesScreen
from intervaltimer.ui.widgets.pace_table import PaceTable
from intervaltimer.workout.profile import VoiceMode, load_profile
from tests.helpers.deskkit import Desk, app_for, desk, mile, pilot_test


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch, library=False)


def _vdot(app: Any) -> str:
    return str(app.screen.query_one("#vdot", Static).render())


def _problem(app: Any, row: str) -> str:
    return str(app.screen.query_one(f"#problem-{row}", Static).render())


async def _type(pilot: Any, app: Any, field_id: str, text: str) -> None:
    field = app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


@pilot_test
async def test_vdot_and_paces_update_as_you_type(folders: Desk) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "No race times yet" in _vdot(app)
        assert app.screen.query_one(PaceTable).row_count == 0
        await _type(pilot, app, "time-5k", "20:00")
        # Daniels: a 20:00 5k is VDOT 49.8
        assert _vdot(app) == "VDOT 49.8"
        table = app.screen.query_one(PaceTable)
        assert table.row_count == 13  # 8 race paces + 4 training paces, easy on two rows
        five_k = table.row_text("5k")
        assert five_k[1:4] == ["4:00", "6:26", "1:36"]  # 20:00 / 5 km; per mile; per 400 m
        assert table.row_text("threshold")[4] == "VDOT 5k"
        assert table.row_text("5k")[4] == "race"
        assert table.row_text("10k")[4] == "VDOT 5k"  # VDOT's equivalent, 1500 m to marathon
        assert table.row_text("800m")[4] == "Riegel 5k"  # Riegel's outside that span
        # easy is a range: its fast end (74 % of VDOT), and under it the slow end (59 %)
        assert table.row_text("easy")[1:4] == ["4:54", "7:54", "1:58"]
        assert table.row_text("easy-slow")[:4] == ["   to", "5:53", "9:28", "2:21"]


@pilot_test
async def test_bad_times_are_explained_and_not_accepted(folders: Desk) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _type(pilot, app, "time-mile", "5:4x")
        assert "mile time" in _problem(app, "mile")
        assert app.screen.query_one("#time-mile", Input).has_class("-invalid")
        assert "No race times yet" in _vdot(app)
        await _type(pilot, app, "time-mile", "2:00")
        assert "faster than the world record" in _problem(app, "mile")
        await _type(pilot, app, "time-marathon", "2:50")
        assert "did you mean 2:50:00" in _problem(app, "marathon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not profile_path().exists()
        assert any("Not saved" in n.message for n in app._notifications)
        await _type(pilot, app, "time-mile", "5:40")
        assert _problem(app, "mile") == ""
        assert not app.screen.query_one("#time-mile", Input).has_class("-invalid")


@pilot_test
async def test_estimates_are_marked(folders: Desk) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _type(pilot, app, "time-800m", "2:10")
        table = app.screen.query_one(PaceTable)
        # 2:10 is under Riegel's 3.5 minutes, and 800 m is outside VDOT's 1500 m..marathon
        assert table.row_text("marathon")[0] == "~marathon"
        assert table.row_text("800m")[0] == " 800m"
        assert table.row_text("easy")[0] == "~easy"
        assert _vdot(app).startswith("VDOT ~")


@pilot_test
async def test_other_distance_row_and_saving(folders: Desk) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _type(pilot, app, "distance-other-1", "2mi")
        assert "give a time" in _problem(app, "other-1")
        await _type(pilot, app, "time-other-1", "12:30")
        await _type(pilot, app, "time-10k", "41:28")
        assert _problem(app, "other-1") == ""
        assert "●" in app.screen.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_profile()
        assert saved is not None
        assert [(r.name, r.time_s) for r in saved.races] == [("2mi", 750.0),
                                                             ("10k", 2488.0)]
        assert app.services.profile == saved
        assert "●" not in app.screen.title
        assert len(app._notifications) == 1  # one toast per save


@pilot_test
async def test_saved_profile_is_shown_and_leaving_with_changes_asks(folders: Desk) -> None:
    app = app_for("home", profile=mile("5:40"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(ProfileScreen())
        await pilot.pause()
        assert app.screen.query_one("#time-mile", Input).value == "5:40"
        assert _vdot(app) == "VDOT 51.6"
        await pilot.press("escape")  # nothing changed: leaves at once
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
        app.push_screen(ProfileScreen())
        await pilot.pause()
        await _type(pilot, app, "time-mile", "5:30")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedChangesScreen)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen | UnsavedChangesScreen)
        saved = load_profile()
        assert saved is not None and saved.races[0].time_s == 330.0


def test_read_rows_skips_blanks_and_refuses_a_distance_twice() -> None:
    form = read_rows([RaceRow("mile", "mile", "5:40"), RaceRow("5k", "5k", ""),
                      RaceRow("other-1", "1 mile", "5:50", fixed=False),
                      RaceRow("other-2", "", "", fixed=False)])
    assert [r.name for r in form.profile.races] == ["mile"]
    assert form.problems == {"other-1": "mile is given twice; keep one"}


@pilot_test
async def test_arrow_keys_and_enter_move_between_time_fields(folders: Desk) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "time-800m"
        await pilot.press("down", "down")
        assert app.focused is not None and app.focused.id == "time-mile"
        await pilot.press(*"5:40", "enter")
        assert app.focused is not None and app.focused.id == "time-3k"
        await pilot.press("up")
        assert app.focused is not None and app.focused.id == "time-mile"
        assert _vdot(app) == "VDOT 51.6"


@pilot_test
async def test_moving_on_from_the_last_field_never_lands_where_typing_does_nothing(
    folders: Desk,
) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#distance-other-1", Input).focus()
        await pilot.press(*"2mi", "tab")
        assert app.focused is not None and app.focused.id == "time-other-1"
        await pilot.press(*"12:30", "tab")
        assert isinstance(app.focused, Input)  # round to a field, not into the pace table
        await pilot.press(*"5:40")
        assert app.screen.query_one("#time-other-1", Input).value == "12:30"
        assert any(field.value == "5:40" for field in app.screen.query(Input))


@pilot_test
async def test_a_good_save_clears_the_not_saved_messages_of_the_tries_before(
    folders: Desk,
) -> None:
    app = app_for("profile")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _type(pilot, app, "distance-other-1", "2mix")
        await _type(pilot, app, "time-other-1", "12:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved: fix the marked race first") for m in messages)
        await _type(pilot, app, "distance-other-1", "2mi")
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert not any(m.startswith("Not saved") for m in messages)
        assert any(m.startswith("Saved ") for m in messages)


@pilot_test
async def test_saving_the_races_keeps_the_voice_setting(folders: Desk) -> None:
    saved = replace(mile(), voice=VoiceMode.FULL)
    app = app_for("profile", profile=saved)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.dirty  # the voice is not a change the form made
        await _type(pilot, app, "time-5k", "20:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
    kept = load_profile(profile_path())
    assert kept is not None and kept.voice is VoiceMode.FULL
    assert [race.name for race in kept.races] == ["mile", "5k"]
