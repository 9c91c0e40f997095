"""The home screen: the library, its filter, the preview and the keys that leave it."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

from intervaltimer.ui.screens import home as home_module
from intervaltimer.ui.screens.editor import EditorScreen
from intervaltimer.ui.screens.home import HomeScreen
from intervaltimer.ui.screens.profile import ProfileScreen
from intervaltimer.ui.widgets.plan_table import PlanTable
from intervaltimer.ui.widgets.workout_list import WorkoutList, entry_prompt
from intervaltimer.workout.loader import load_workout
from tests.helpers.deskkit import Desk, app_for, desk, mile, pilot_test, settle

PYRAMID_RENAMED = "name: Pyramid of speed\nsteps:\n  - run: 200m\n  - rest: 60s\n"


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


def _list(app: Any) -> WorkoutList:
    return app.screen.query_one(WorkoutList)


def _text(app: Any, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


@pilot_test
async def test_library_lists_every_folder_with_invalid_files_and_their_first_error(
    folders: Desk,
) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        workouts = _list(app)
        assert [(e.origin, e.name) for e in workouts.shown] == [
            ("user", "broken.yaml"),
            ("user", "Strides and core"),
            ("local", "Pyramid"),
            ("shipped", "8 x 400 m at mile pace"),
            ("shipped", "Threshold miles"),
        ]
        broken = workouts.shown[0]
        assert not broken.valid
        prompt = entry_prompt(broken).plain
        assert "line 4" in prompt and 'pace "mil"' in prompt
        assert "5 workouts, 1 with problems" in _text(app, "library-status")


@pilot_test
async def test_filter_by_name_and_tag_as_you_type(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"pyr")
        assert _list(app).names_shown() == ["Pyramid"]
        assert _text(app, "preview-title") == "Pyramid"
        app.screen.query_one("#filter", Input).value = ""
        await pilot.press(*"track")  # a tag: two workouts carry it
        assert _list(app).names_shown() == ["Pyramid", "8 x 400 m at mile pace"]
        app.screen.query_one("#filter", Input).value = ""
        await pilot.press(*"#core")
        assert _list(app).names_shown() == ["Strides and core"]
        await pilot.press(*" zzz")
        assert _list(app).names_shown() == []
        assert "No workout matches" in _text(app, "preview-title")
        await pilot.press("escape")
        assert len(_list(app).names_shown()) == 5
        assert isinstance(app.focused, Input)


@pilot_test
async def test_preview_shows_description_plan_and_targets(folders: Desk) -> None:
    app = app_for(profile=mile("5:40"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"8 x 400", "down")
        assert isinstance(app.focused, WorkoutList)
        assert _text(app, "preview-title") == "8 x 400 m at mile pace"
        assert "Anaerobic tolerance" in _text(app, "preview-description")
        assert "#anaerobic" in _text(app, "preview-description")
        summary = _text(app, "preview-summary")
        # 15 min + 8 x (1:24.5 + 60 s) + 10 min + 3 s lead-in = 44 min 27 s
        assert summary.startswith("≈ 44 min · 8 reps · 18 steps")
        table = app.screen.query_one(PlanTable)
        assert table.row_count == 18
        # 400 m at 5:40 per mile: 340 s x 400 / 1609.344 = 84.5 s
        assert table.target_column()[1] == "1:24.5"
        # the targets in a line, above the fold whatever the warm-up and strides take
        assert summary.splitlines()[1] == "Targets: 8 × 400 m @ mile 1:24.5"
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).value = "pyramid"
        await settle(pilot, app)
        # 200 m at 1500 m pace, 400 m at mile pace, 200 m again: grouped, in the order run
        assert _text(app, "preview-summary").splitlines()[1].startswith(
            "Targets: 2 × 200 m @ 1500m ")
        assert " · 1 × 400 m @ mile 1:24.5" in _text(app, "preview-summary")


@pilot_test
async def test_without_profile_the_preview_says_how_to_set_one(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"8 x 400")
        assert "press ctrl+r" in _text(app, "preview-summary")
        assert app.screen.query_one(PlanTable).target_column()[1] == ""


@pilot_test
async def test_invalid_file_preview_lists_its_problems_and_will_not_run(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        assert _list(app).highlighted_entry is not None
        assert _list(app).highlighted_entry.name == "broken.yaml"  # type: ignore[union-attr]
        assert 'line 4, col 11: pace "mil"' in _text(app, "preview-problems")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("fix them" in n.message for n in app._notifications)


@dataclass(frozen=True)
class FakeSession:
    started_at: float
    mean_rpe: float | None
    status: str = "completed"


class FakeStore:
    """Answers `summaries(workout=...)` like the log does, newest first."""

    def __init__(self, sessions: dict[str, list[FakeSession]]) -> None:
        self.by_workout = sessions
        self.asked: list[str] = []

    def summaries(self, workout: str | None = None) -> list[FakeSession]:
        self.asked.append(workout or "")
        return sorted(self.by_workout.get(workout or "", []), key=lambda s: -s.started_at)


@pilot_test
async def test_preview_shows_last_run_and_effort_trend(folders: Desk) -> None:
    now = 1_750_000_000.0
    day = 86_400.0
    store = FakeStore({"Pyramid": [FakeSession(now - 9 * day, 7.0),
                                   FakeSession(now - 5 * day, 6.0),
                                   FakeSession(now - 1 * day, 5.0)]})
    app = app_for(store=store, wall_clock=lambda: now)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"pyramid")
        await settle(pilot, app)
        history = _text(app, "preview-history")
        assert history.startswith("Last run yesterday · 3 sessions · effort")
        assert "7.0 → 5.0" in history
        assert "Pyramid" in store.asked
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).value = "threshold"
        await settle(pilot, app)
        assert _text(app, "preview-history") == ""


@pilot_test
async def test_preview_counts_and_draws_only_completed_sessions(folders: Desk) -> None:
    now = 1_750_000_000.0
    day = 86_400.0
    store = FakeStore({"Pyramid": [FakeSession(now - 9 * day, 7.0),
                                   FakeSession(now - 6 * day, 9.0, "abandoned"),
                                   FakeSession(now - 5 * day, 6.0),
                                   FakeSession(now - 1 * day, 2.0, "abandoned")]})
    app = app_for(store=store, wall_clock=lambda: now)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"pyramid")
        await settle(pilot, app)
        history = _text(app, "preview-history")
        assert history.startswith("Last run yesterday (abandoned) · 2 sessions · effort ")
        bars = history.split("effort ")[1].split(" ")[0]
        assert len(bars) == 2  # one bar per completed session, none for the abandoned ones
        assert history.endswith("7.0 → 6.0")


def _hold_reads(monkeypatch: pytest.MonkeyPatch, stem: str | None = None) -> threading.Event:
    """Hold the library's file reads (only the file `stem`, if given) until the event is set."""
    release = threading.Event()
    real = home_module.load_entry

    def held(path: Path, origin: str) -> Any:
        if stem is None or path.stem == stem:
            release.wait(5)
        return real(path, origin)

    monkeypatch.setattr(home_module, "load_entry", held)
    return release


@pilot_test
async def test_screen_takes_keys_before_the_library_is_read(
    folders: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = _hold_reads(monkeypatch)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"pyr")
        assert app.screen.query_one("#filter", Input).value == "pyr"
        assert "reading 0 of 5" in _text(app, "library-status")
        assert _list(app).names_shown() == ["pyramid"]  # by its file name, not read yet
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)  # a file not read yet is not run
        release.set()
        await settle(pilot, app)
        assert _list(app).names_shown() == ["Pyramid"]
        assert "reading" not in _text(app, "library-status")


@pilot_test
async def test_names_from_the_listing_first_then_each_workout_as_it_is_read(
    folders: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = _hold_reads(monkeypatch, "threshold-miles")  # the last file read (by name)
    monkeypatch.setattr(home_module, "READ_BATCH_S", 0.0)  # hand over every file as read
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):  # until the four other files are in
            await pilot.pause(0.01)
            if "reading 4 of 5" in _text(app, "library-status"):
                break
        shown = {(e.name, e.read) for e in _list(app).shown}
        assert ("threshold-miles", False) in shown
        assert ("Pyramid", True) in shown and ("8 x 400 m at mile pace", True) in shown
        release.set()
        await settle(pilot, app)
        assert ("Threshold miles", True) in {(e.name, e.read) for e in _list(app).shown}
        assert _text(app, "library-status") == "5 workouts, 1 with problems"


@pilot_test
async def test_duplicate_copies_to_the_users_folder_and_selects_the_copy(folders: Desk) -> None:
    shipped = (folders.shipped / "8x400-mile.yaml").read_text()
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"8 x 400", "ctrl+d")
        await settle(pilot, app)
        copy = folders.user / "8x400m-at-mile-pace-copy.yaml"
        assert copy.is_file()
        assert load_workout(copy).name == "8 x 400 m at mile pace (copy)"
        assert (folders.shipped / "8x400-mile.yaml").read_text() == shipped
        await pilot.press("escape")
        await settle(pilot, app)
        entry = _list(app).highlighted_entry
        assert entry is not None and entry.path == copy


@pilot_test
async def test_new_workout_from_template_saved_and_listed(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Hill sprints", "down", "enter")  # second template: pyramid
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.path == folders.user / "hill-sprints.yaml"
        assert not app.screen.path.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_workout(folders.user / "hill-sprints.yaml")
        assert saved.name == "Hill sprints" and "pyramid" in saved.tags
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        entry = _list(app).highlighted_entry
        assert entry is not None and entry.name == "Hill sprints"


@pilot_test
async def test_edit_opens_the_editor_and_a_change_shows_in_the_library(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"pyramid", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        editor = app.screen
        editor.query_one("YamlEditor").text = PYRAMID_RENAMED
        await pilot.press("ctrl+s", "escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#filter", Input).value = ""
        await settle(pilot, app)
        assert "Pyramid of speed" in _list(app).names_shown()


@pilot_test
async def test_profile_change_changes_the_targets_shown(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"8 x 400")
        table = app.screen.query_one(PlanTable)
        assert table.target_column()[1] == ""
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#time-mile", Input).value = "6:00"
        await pilot.press("ctrl+s", "escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        # 400 m at 6:00 per mile: 360 s x 400 / 1609.344 = 89.5 s
        assert app.screen.query_one(PlanTable).target_column()[1] == "1:29.5"


class FakePreview(Screen[None]):
    made: list[Any] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        FakePreview.made.append((args, kwargs))


@pilot_test
async def test_enter_pushes_the_run_preview_and_ctrl_l_the_history(
    folders: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakePreview.made = []
    monkeypatch.setattr("intervaltimer.ui.screens.preview.PreviewScreen", FakePreview)
    monkeypatch.setattr("intervaltimer.ui.screens.history.HistoryScreen", FakePreview)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"threshold", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FakePreview)
        (workout,), _ = FakePreview.made[0]
        assert workout.name == "Threshold miles"
        app.pop_screen()
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert FakePreview.made[1] == ((), {"workout": "Threshold miles"})


@pilot_test
async def test_enter_opens_the_run_preview_of_the_workout(folders: Desk) -> None:
    app = app_for(profile=mile())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"threshold", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PreviewScreen"
        assert getattr(app.screen, "workout").name == "Threshold miles"  # noqa: B009
        app.pop_screen()
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert getattr(app.screen, "workout") == "Threshold miles"  # noqa: B009


@pilot_test
async def test_a_fast_typed_filter_never_leaves_a_stale_preview(folders: Desk) -> None:
    """Keys arriving in one burst (as a terminal sends them): the list changes twice before
    the first highlight event is handled; the preview follows the list, not the old event."""
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"pyr")
        assert _text(app, "preview-title") == "Pyramid"
        field = app.screen.query_one("#filter", Input)
        field.value = ""
        field.value = "zzz"
        await pilot.pause()
        await pilot.pause()
        assert _list(app).names_shown() == []
        assert "No workout matches" in _text(app, "preview-title")


@pilot_test
async def test_undoing_a_filter_that_hid_everything_comes_back_to_the_same_workout(
    folders: Desk,
) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"threshold")
        assert _text(app, "preview-title") == "Threshold miles"
        await pilot.press("slash", *" zzz")
        assert _list(app).names_shown() == []
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(_list(app).names_shown()) == 5
        assert _list(app).highlighted_entry is not None
        assert _list(app).highlighted_entry.name == "Threshold miles"  # type: ignore[union-attr]
        assert _text(app, "preview-title") == "Threshold miles"


def _files(folders: Desk) -> dict[Path, str]:
    """Every workout file of the desk with its text."""
    return {path: path.read_text() for folder in (folders.user, folders.local, folders.shipped)
            for path in sorted(folder.glob("*.yaml"))}


@pilot_test
async def test_typing_mile_filters_the_list_and_opens_no_file(folders: Desk) -> None:
    before = _files(folders)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.focused, Input)  # the filter has the focus first
        await pilot.press(*"mile")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2
        assert _list(app).names_shown() == ["8 x 400 m at mile pace", "Threshold miles"]
        assert _text(app, "library-status") == "2 of 5 workouts"
    assert _files(folders) == before


@pilot_test
async def test_letters_typed_on_the_list_go_to_the_filter(folders: Desk) -> None:
    """"Zebra" on the list once typed "raname" into a file: now every letter filters."""
    before = _files(folders)
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("down")
        assert isinstance(app.focused, WorkoutList)  # down from the filter moves into the list
        await pilot.press(*"Zebra", "h", "e", "n", "d", "p", "q")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        assert app.screen.query_one("#filter", Input).value == "Zebrahendpq"
        assert _list(app).names_shown() == []
        assert _text(app, "library-status") == "0 of 5 workouts"
        await pilot.press("down", "backspace")
        assert app.screen.query_one("#filter", Input).value == "Zebrahendp"
    assert _files(folders) == before


@pilot_test
async def test_the_footer_shows_the_commands_and_how_to_quit_and_no_letter_keys(
    folders: Desk,
) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        for focus in ("filter", "list"):
            shown = {key for key, active in app.active_bindings.items()
                     if active.binding.show and active.enabled}
            assert {"enter", "ctrl+e", "ctrl+n", "ctrl+d", "ctrl+l", "ctrl+r",
                    "ctrl+q"} <= shown, focus
            assert not [key for key in shown if len(key) == 1], focus  # no letter is a command
            await pilot.press("down")


@pilot_test
async def test_the_count_says_one_workout(folders: Desk) -> None:
    app = app_for()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press(*"pyr")
        assert _text(app, "library-status") == "1 of 5 workouts"
        _list(app).set_entries(_list(app).shown)
        await pilot.press("escape")
        assert _text(app, "library-status") == "1 workout"
