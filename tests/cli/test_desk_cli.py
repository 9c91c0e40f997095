"""The desk commands: `intervaltimer` (home), `edit`, `new`, `profile`.

The UI itself is replaced by a recorder: these tests check which screen each
command opens, with what, and the errors and exit codes around it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.ui.app import IntervalTimerApp, Start
from intervaltimer.workout.loader import load_workout
from tests.helpers.deskkit import Desk, desk, pilot_test


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Start, Any]]:
    """Every app the commands would run: its start and its profile."""
    runs: list[tuple[Start, Any]] = []

    def record(self: IntervalTimerApp, *args: Any, **kwargs: Any) -> None:
        runs.append((self.start, self.services.profile))

    monkeypatch.setattr(IntervalTimerApp, "run", record)
    monkeypatch.setattr("intervaltimer.cli.tui.has_terminal", lambda: True)
    return runs


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_no_command_opens_the_library(folders: Desk, opened: list[Any]) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert [start.screen for start, _ in opened] == ["home"]


def test_home_is_hidden_from_help_and_the_desk_commands_are_listed() -> None:
    result = run("--help")
    assert result.exit_code == 0
    commands = result.output.split("Commands:")[1]
    names = [line.split()[0] for line in commands.splitlines() if line.strip()]
    assert {"edit", "new", "profile"} <= set(names)
    assert "home" not in names


def test_edit_a_file_by_path_by_stem_and_by_name(folders: Desk, opened: list[Any]) -> None:
    shipped = folders.shipped / "8x400-mile.yaml"
    assert run("edit", str(shipped)).exit_code == 0
    assert run("edit", "8x400-mile").exit_code == 0
    assert run("edit", "8 x 400 m at mile pace", "--race", "mile=5:40").exit_code == 0
    assert [start for start, _ in opened] == [Start(screen="edit", path=shipped)] * 3
    assert opened[2][1] is not None and opened[2][1].races[0].time_s == 340.0


def test_edit_opens_an_invalid_file_too(folders: Desk, opened: list[Any]) -> None:
    result = run("edit", "broken")
    assert result.exit_code == 0
    assert opened[0][0].path == folders.user / "broken.yaml"


def test_edit_of_nothing_says_how_to_create_it(folders: Desk, opened: list[Any]) -> None:
    result = run("edit", "hill sprints")
    assert result.exit_code == 1
    assert "no workout 'hill sprints'" in result.stderr
    assert "intervaltimer new 'hill sprints'" in result.stderr
    assert "Traceback" not in result.output
    assert opened == []


def test_new_writes_a_valid_workout_from_the_template(folders: Desk, opened: list[Any]) -> None:
    result = run("new", "6 x 800 m at 5k", "--from", "send-off", "--no-edit")
    assert result.exit_code == 0, result.output
    path = folders.user / "6x800m-at-5k.yaml"
    assert result.stdout.strip() == f"created {path}"
    workout = load_workout(path)
    assert workout.name == "6 x 800 m at 5k"
    assert "send-off" in workout.tags
    assert opened == []


def test_new_opens_the_editor_on_the_new_file(folders: Desk, opened: list[Any]) -> None:
    result = run("new", "Hill sprints")
    assert result.exit_code == 0
    assert opened[0][0] == Start(screen="edit", path=folders.user / "hill-sprints.yaml")


def test_new_never_overwrites(folders: Desk, opened: list[Any]) -> None:
    assert run("new", "Strides", "--no-edit").exit_code == 1  # strides.yaml is there
    assert "already exists" in run("new", "Strides", "--no-edit").stderr
    assert load_workout(folders.user / "strides.yaml").name == "Strides and core"


def test_new_with_an_unknown_template_is_a_usage_error(folders: Desk) -> None:
    result = run("new", "x", "--from", "ladder")
    assert result.exit_code == 2
    assert "reps" in result.stderr and "strides-core" in result.stderr


def test_profile_opens_the_profile_screen(folders: Desk, opened: list[Any]) -> None:
    (folders.config / "profile.yaml").write_text('races:\n  5k: "20:00"\n')
    result = run("profile")
    assert result.exit_code == 0
    start, profile = opened[0]
    assert start.screen == "profile"
    assert [r.name for r in profile.races] == ["5k"]


def test_a_broken_profile_still_opens_the_desk_and_is_told_there(
    folders: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folders.config / "profile.yaml").write_text("races:\n  mile: soon\n")
    told: list[list[str]] = []

    def record(self: IntervalTimerApp, *args: Any, **kwargs: Any) -> None:
        told.append(list(self.services.profile_problems))

    monkeypatch.setattr(IntervalTimerApp, "run", record)
    monkeypatch.setattr("intervaltimer.cli.tui.has_terminal", lambda: True)
    assert run("profile").exit_code == 0
    assert run("edit", "strides", "--race", "5k=20:00").exit_code == 0
    problems = told[0]
    assert len(problems) == 1 and "profile.yaml:2:9" in problems[0]


@pilot_test
async def test_the_screen_tells_of_a_profile_set_aside(folders: Desk) -> None:
    from intervaltimer.ui.app import make_app

    app = make_app(start=Start(screen="profile"))
    app.services.profile_problems = ["profile.yaml:2:9: mile time: bad"]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("profile.yaml:2:9" in n.message for n in app._notifications)
        assert app.services.profile_problems == []
