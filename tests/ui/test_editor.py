"""The YAML editor: problems come and go at the right lines; saving, shipped copies, leaving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intervaltimer.ui.screens.editor import DEBOUNCE_S, EditorScreen, check_text
from intervaltimer.ui.screens.unsaved import UnsavedChangesScreen
from intervaltimer.ui.widgets.error_list import ErrorList
from intervaltimer.ui.widgets.plan_table import PlanTable
from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from tests.helpers.deskkit import EIGHT_400, Desk, app_for, desk, mile, pilot_test

PACE_LINE = 9  # "        pace: mile" in EIGHT_400


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


@pytest.fixture
def user_file(folders: Desk) -> Path:
    """EIGHT_400 saved in the runner's own folder."""
    return folders.write(folders.user, "eights.yaml", EIGHT_400)


def _editor(app: Any) -> YamlEditor:
    return app.screen.query_one(YamlEditor)


def _replace_line(editor: YamlEditor, line: int, text: str) -> None:
    """Replace one line (1-based) the way typing would: an edit of the document."""
    old = editor.document.get_line(line - 1)
    editor.replace(text, (line - 1, 0), (line - 1, len(old)))


async def _open_and_rename(pilot: Any, app: Any, path: Path) -> None:
    """Open the editor on `path` over the screen on top, and change the workout's name."""
    app.push_screen(EditorScreen(path))
    await pilot.pause()
    _replace_line(_editor(app), 1, "name: Changed")


async def _after_typing(pilot: Any) -> None:
    await pilot.pause(DEBOUNCE_S + 0.2)


@pilot_test
async def test_problems_appear_and_clear_at_the_right_lines(user_file: Path) -> None:
    app = app_for("edit", user_file, profile=mile())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert screen.checked is not None and screen.checked.ok
        assert screen.query_one(ErrorList).problems == ()
        assert screen.query_one(PlanTable).row_count == 18

        _replace_line(_editor(app), PACE_LINE, "        pace: mil")
        _replace_line(_editor(app), 11, "        activity: sit")
        await _after_typing(pilot)
        problems = screen.query_one(ErrorList)
        assert problems.lines == [PACE_LINE, 11]
        assert 'pace "mil"' in problems.problems[0].message
        assert "mile" in problems.problems[0].message  # the suggestion
        assert "sit" in problems.problems[1].message
        assert _editor(app).problem_lines == {PACE_LINE - 1, 10}
        assert "2 problems" in str(screen.query_one("#status").render())
        summary = str(screen.query_one("#plan-summary").render())
        assert summary.startswith("Plan of the last valid version")

        _replace_line(_editor(app), PACE_LINE, "        pace: mile")
        await _after_typing(pilot)
        assert problems.lines == [11]
        assert _editor(app).problem_lines == {10}

        _replace_line(_editor(app), 11, "        activity: walk")
        await _after_typing(pilot)
        assert problems.problems == ()
        assert _editor(app).problem_lines == frozenset()
        assert "valid" in str(screen.query_one("#status").render())


@pilot_test
async def test_validation_waits_for_a_pause_in_typing(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), PACE_LINE, "        pace: mil")
        await pilot.pause()
        assert app.screen.query_one(ErrorList).problems == ()  # not yet
        await _after_typing(pilot)
        assert app.screen.query_one(ErrorList).lines == [PACE_LINE]


@pilot_test
async def test_live_plan_follows_the_text_with_targets(user_file: Path) -> None:
    app = app_for("edit", user_file, profile=mile("5:40"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PlanTable)
        assert table.target_column()[1] == "1:24.5"
        _replace_line(_editor(app), 6, "  - repeat: 3")
        _replace_line(_editor(app), 8, "      - run: 800m")
        await _after_typing(pilot)
        assert table.row_count == 8
        # 800 m at 5:40 per mile: 340 s x 800 / 1609.344 = 169.0 s
        assert table.target_column()[1] == "2:49.0"


@pytest.mark.parametrize(("size", "lap_shown"), [((120, 30), True), ((100, 30), False),
                                                ((80, 24), False)])
@pilot_test
async def test_live_plan_shows_step_and_target_without_scrolling_sideways(
        user_file: Path, size: tuple[int, int], lap_shown: bool) -> None:
    app = app_for("edit", user_file, profile=mile("5:40"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PlanTable)
        await pilot.pause()
        assert table.max_scroll_x == 0  # nothing cut off at the right
        columns = list(table.columns.values())
        assert sum(c.get_render_width(table) for c in columns) <= table.size.width
        assert [str(c.key.value) for c in columns][:3] == ["index", "step", "target"]
        assert table.shows_lap is lap_shown
        assert "1:24.5" in app.export_screenshot()  # the 400 m rep's target, on screen
        labels = [str(cell) for cell in table.get_column("step")]
        if size[0] < 100:
            assert labels[1].startswith("Rep 1/8") and labels[1].endswith("…")
        else:
            assert labels[1] == "Rep 1/8 · 400 m @ mile"


@pilot_test
async def test_problem_list_and_f8_move_the_cursor_to_the_problem(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), PACE_LINE, "        pace: mil")
        await _after_typing(pilot)
        _editor(app).move_cursor((0, 0))
        await pilot.press("f8")
        assert _editor(app).cursor_location == (PACE_LINE - 1, 14)
        _editor(app).move_cursor((0, 0))
        await pilot.click("#problems", offset=(3, 0))  # the first problem's line
        await pilot.pause()
        assert _editor(app).cursor_location[0] == PACE_LINE - 1


@pilot_test
async def test_ctrl_s_saves_the_file(folders: Desk, user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), 1, "name: Eights")
        await pilot.pause()
        assert app.screen.dirty and "●" in app.screen.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert user_file.read_text().splitlines()[0] == "name: Eights"
        assert user_file.read_text().splitlines()[1:] == EIGHT_400.splitlines()[1:]
        assert not app.screen.dirty and "●" not in app.screen.title
        assert not [p for p in folders.user.iterdir() if p.name.endswith(".tmp")]


@pilot_test
async def test_shipped_workout_is_never_overwritten(folders: Desk) -> None:
    shipped = folders.shipped / "8x400-mile.yaml"
    before = shipped.read_text()
    app = app_for("edit", shipped)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "shipped" in app.screen.sub_title
        _replace_line(_editor(app), 1, "name: My eights")
        await pilot.press("ctrl+s")
        await pilot.pause()
        copy = folders.user / "8x400-mile.yaml"
        assert shipped.read_text() == before
        assert copy.read_text().startswith("name: My eights\n")
        assert app.screen.path == copy
        assert any("~/config/workouts/8x400-mile.yaml" in n.message for n in app._notifications)
        _replace_line(_editor(app), 1, "name: My eights again")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert copy.read_text().startswith("name: My eights again\n")
        assert shipped.read_text() == before


@pilot_test
async def test_saving_an_invalid_file_keeps_it_and_says_so(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), PACE_LINE, "        pace: mil")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "pace: mil\n" in user_file.read_text()
        assert any("with 1 problem" in n.message for n in app._notifications)


@pilot_test
async def test_leaving_with_unsaved_changes_asks_first(user_file: Path) -> None:
    app = app_for("home")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _open_and_rename(pilot, app, user_file)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedChangesScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen | UnsavedChangesScreen)
        assert user_file.read_text() == EIGHT_400

        await _open_and_rename(pilot, app, user_file)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # save, then leave
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen | UnsavedChangesScreen)
        assert user_file.read_text().startswith("name: Changed\n")


@pilot_test
async def test_failed_save_keeps_the_original_and_the_edits(
    user_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), 1, "name: Changed")
        monkeypatch.setattr("intervaltimer.fileio.os.fsync", full_disk)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert user_file.read_text() == EIGHT_400
        assert app.screen.dirty
        assert any("No space left" in n.message for n in app._notifications)


def test_check_text_reports_problems_instead_of_raising() -> None:
    checked = check_text("name: x\nsteps: []\n", "w.yaml", None)
    assert not checked.ok and checked.plan is None
    assert all(p.path == "w.yaml" and p.line >= 1 for p in checked.problems)
    good = check_text(EIGHT_400, "w.yaml", mile())
    assert good.ok and good.plan is not None and len(good.plan.steps) == 18


@pilot_test
async def test_ctrl_q_never_quits_past_unsaved_changes(user_file: Path) -> None:
    app = app_for("home")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _open_and_rename(pilot, app, user_file)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, UnsavedChangesScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert user_file.read_text() == EIGHT_400


@pilot_test
async def test_saving_a_broken_copy_of_a_shipped_workout_says_it_hides_the_shipped_one(
        folders: Desk) -> None:
    shipped = folders.shipped / "8x400-mile.yaml"
    app = app_for("edit", shipped)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _replace_line(_editor(app), PACE_LINE, "        pace: mil")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert len(said) == 1  # one toast per save
        assert "1 problem" in said[0]
        assert "hides ~/shipped/8x400-mile.yaml" in said[0]
        assert "`intervaltimer run 8x400-mile` take the copy" in said[0]
        app.clear_notifications()
        _replace_line(_editor(app), PACE_LINE, "        pace: mile")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "hides" not in said[0]  # fixed: nothing hidden to tell
