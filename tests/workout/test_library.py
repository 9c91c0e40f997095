"""Finding a workout by path, library name (local, user, shipped) or quick syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.resources import workouts_dir
from intervaltimer.workout.library import (
    find_by_name,
    find_in_library,
    hidden_by,
    library_dirs,
    library_sources,
    list_workout_files,
    resolve_workout,
)
from intervaltimer.workout.model import Repeat, WorkoutError

SIMPLE = "name: {name}\nsteps: [{{run: 400m}}]\n"


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """An empty working folder and config folder, and an extra folder named in
    $INTERVALTIMER_WORKOUTS; returns (extra "local" workouts, user workouts)."""
    work = tmp_path / "work"
    config = tmp_path / "config"
    work.mkdir()
    config.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(config))
    monkeypatch.setenv("INTERVALTIMER_WORKOUTS", str(tmp_path / "extra" / "workouts"))
    (tmp_path / "extra").mkdir()
    return tmp_path / "extra" / "workouts", config / "workouts"


def test_search_order_is_local_user_shipped(places: tuple[Path, Path]) -> None:
    local, user = places
    assert library_dirs() == [local, user, workouts_dir()]
    assert [source for _, source in library_sources()] == ["local", "user", "shipped"]


def test_shipped_folder_met_as_local_is_listed_once(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVALTIMER_WORKOUTS", str(workouts_dir()))
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path))
    sources = library_sources()
    assert [s for _, s in sources] == ["user", "shipped"]


def test_workouts_of_the_current_folder_are_not_read_on_their_own(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # `./workouts` may be someone else's; a name must not quietly run its file.
    monkeypatch.delenv("INTERVALTIMER_WORKOUTS", raising=False)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    planted = tmp_path / "shared" / "workouts"
    planted.mkdir(parents=True)
    (planted / "8x400-mile.yaml").write_text(SIMPLE.format(name="planted"))
    (planted / "their-own.yaml").write_text(SIMPLE.format(name="theirs"))
    monkeypatch.chdir(planted.parent)
    assert planted not in library_dirs()
    assert resolve_workout("8x400-mile").name == "8 x 400 m at mile pace"
    with pytest.raises(WorkoutError):
        resolve_workout("their-own")
    assert resolve_workout("workouts/their-own.yaml").name == "theirs"  # a path: as given


def test_shipped_name_resolves(places: tuple[Path, Path]) -> None:
    workout = resolve_workout("8x400-mile")
    assert workout.name == "8 x 400 m at mile pace"
    assert workout.path == str(workouts_dir() / "8x400-mile.yaml")
    assert resolve_workout("8x400-mile.yaml").name == workout.name


def test_user_overrides_shipped_and_local_overrides_user(places: tuple[Path, Path]) -> None:
    local, user = places
    user.mkdir()
    (user / "8x400-mile.yaml").write_text(SIMPLE.format(name="mine"))
    assert resolve_workout("8x400-mile").name == "mine"
    local.mkdir()
    (local / "8x400-mile.yml").write_text(SIMPLE.format(name="here"))
    assert resolve_workout("8x400-mile").name == "here"


def test_list_workout_files_names_each_once_with_its_source(places: tuple[Path, Path]) -> None:
    local, user = places
    user.mkdir()
    (user / "8x400-mile.yaml").write_text(SIMPLE.format(name="mine"))
    (user / "my-hills.yaml").write_text(SIMPLE.format(name="hills"))
    (user / "notes.txt").write_text("not a workout")
    listed = {path.stem: (path, source) for path, source in list_workout_files()}
    assert listed["8x400-mile"] == (user / "8x400-mile.yaml", "user")
    assert listed["my-hills"][1] == "user"
    assert listed["strides"] == (workouts_dir() / "strides.yaml", "shipped")
    assert "notes" not in listed
    stems = [p.stem for p, _ in list_workout_files()]
    assert stems == sorted(stems) and len(stems) == len(set(stems))


def test_a_path_wins(places: tuple[Path, Path], tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    path.write_text(SIMPLE.format(name="by path"))
    assert resolve_workout(str(path)).name == "by path"


def test_quick_syntax(places: tuple[Path, Path]) -> None:
    workout = resolve_workout("8x400m@mile/60s")
    assert workout.name == "8 x 400 m @ mile"
    assert isinstance(workout.steps[0], Repeat)


def test_a_bad_file_gives_its_problems(places: tuple[Path, Path], tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nsteps:\n  - run: 400m\n    pace: mil\n")
    with pytest.raises(WorkoutError) as caught:
        resolve_workout(str(path))
    assert str(caught.value) == f'{path}:4:11: pace "mil" is not a pace; did you mean mile?'


def test_unknown_name_lists_near_names(places: tuple[Path, Path]) -> None:
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("stides")
    message = str(caught.value)
    assert message.startswith("no workout called 'stides'")
    assert "did you mean strides?" in message


def test_unknown_name_without_near_names(places: tuple[Path, Path]) -> None:
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("zzzzzz")
    assert "not a file, not in the library, not quick syntax" in str(caught.value)


def test_near_library_name_that_looks_quick(places: tuple[Path, Path]) -> None:
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("8x400-mil")
    assert "did you mean 8x400-mile?" in str(caught.value.problems[0])


def test_missing_path(places: tuple[Path, Path]) -> None:
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("no/such/file.yaml")
    assert str(caught.value) == "no/such/file.yaml: no such file"


def test_bad_quick_text_points_into_it(places: tuple[Path, Path]) -> None:
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("8x400m@mil/60s")
    assert [(p.line, p.col) for p in caught.value.problems] == [(1, 8)]


@pytest.mark.parametrize("name", ["", "..", "../x", "a/b"])
def test_names_never_escape_the_library(places: tuple[Path, Path], name: str) -> None:
    assert find_in_library(name) is None


def test_a_workout_is_found_by_the_name_it_shows_in_any_case(places: tuple[Path, Path]) -> None:
    """The library shows "8 x 400 m at mile pace": `plan`, `run` and `edit` take that too."""
    assert resolve_workout("8 x 400 m at mile pace").path == str(workouts_dir() / "8x400-mile.yaml")
    assert resolve_workout("threshold  CRUISE miles").name == "Threshold cruise miles"
    assert resolve_workout("8X400-Mile").name == "8 x 400 m at mile pace"  # a file name, any case
    local, user = places
    user.mkdir()
    (user / "mine.yaml").write_text('name: "Hill sprints"\nsteps: [{run: 60m}]\n')
    assert find_by_name("hill sprints") == user / "mine.yaml"
    assert find_by_name("Hill") is None and find_by_name("") is None


def test_a_broken_workout_found_by_name_gives_its_problems(places: tuple[Path, Path]) -> None:
    local, user = places
    user.mkdir()
    (user / "broken.yaml").write_text("name: Broken one\nsteps:\n  - run: 400m\n    pace: mil\n")
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("Broken one")
    assert str(caught.value) == f'{user / "broken.yaml"}:4:11: pace "mil" is not a pace; ' \
                                "did you mean mile?"


def test_a_broken_copy_of_a_shipped_workout_names_both_files(places: tuple[Path, Path]) -> None:
    _, user = places
    user.mkdir(parents=True)
    shipped = workouts_dir() / "8x400-mile.yaml"
    copy = user / "8x400-mile.yaml"
    copy.write_text(shipped.read_text().replace("pace: mile", "pace: mil"))
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("8x400-mile")
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(f"{copy}:") and 'pace "mil"' in lines[0]
    assert str(shipped) in lines[-1] and str(copy) in lines[-1]
    assert f"intervaltimer run {shipped}" in lines[-1]
    assert resolve_workout(str(shipped)).name  # the shipped one still runs by its path
    assert hidden_by(copy) == shipped
    assert hidden_by(shipped) is None


def test_a_broken_file_that_hides_nothing_says_only_its_problems(
        places: tuple[Path, Path]) -> None:
    _, user = places
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text("name: mine\nsteps:\n  - run: 400m\n    pace: mil\n")
    with pytest.raises(WorkoutError) as caught:
        resolve_workout("mine")
    assert len(caught.value.problems) == 1
