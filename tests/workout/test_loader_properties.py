"""Property tests: no text, however broken, makes a parser raise anything but its own error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervaltimer.resources import workouts_dir
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.model import Repeat, Step, Workout, WorkoutError
from intervaltimer.workout.pacespec import parse_pace
from intervaltimer.workout.quick import parse_quick
from intervaltimer.workout.units import UnitError, parse_distance, parse_duration

SHIPPED = sorted(workouts_dir().glob("*.yaml"))
VALID_TEXTS = [path.read_text(encoding="utf-8") for path in SHIPPED]
YAML_PIECES = [":", ": ", "-", "- ", "&a", "*a", "!", "!!python/object ", "[", "]", "{", "}",
               '"', "'", "\t", "#", "|", ">", "%", "@", "`", "? ", ",", "\n", "  ", "\x00",
               "\ufeff", "×", "1:30", "no", "08", "~", "null", "<<: *a", "---\n", "...\n",
               "\r\n", "\x85", "\u2028", "9" * 30, "repeat: 100", "lap", "1m", "mil"]

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    """parse_workout either gives a Workout or a WorkoutError with sane positions."""
    try:
        workout = parse_workout(text, "p.yaml")
    except WorkoutError as error:
        assert error.problems
        # YAML also breaks lines at \r, NEL, LS and PS
        lines = sum(text.count(c) for c in "\n\r\x85\u2028\u2029") + 2
        for problem in error.problems:
            assert problem.path == "p.yaml"
            assert 1 <= problem.line <= lines
            assert problem.col >= 1
            assert problem.message and "Traceback" not in problem.message
    else:
        assert isinstance(workout, Workout)
        assert workout.name


@FAST
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


@FAST
@given(st.lists(st.sampled_from(YAML_PIECES + ["name: x", "steps:", "run: 400m", "x"]),
                max_size=40).map("".join))
def test_any_yamlish_text(text: str) -> None:
    _check(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A shipped workout with a few random edits: inserts, deletes, swaps, duplicated lines."""
    text = draw(st.sampled_from(VALID_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "delete", "replace", "swap", "duplicate"]))
        at = draw(st.integers(0, len(text)))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(YAML_PIECES) | st.text(max_size=3)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif action == "replace":
            text = text[:at] + draw(st.characters()) + text[at + 1:]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if action == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            text = "\n".join(lines)
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_of_valid_files(text: str) -> None:
    _check(text)


@FAST
@given(st.text(max_size=60) | st.lists(st.sampled_from(
    ["8", "x", "×", "400m", "@", "mile", "/", "60s", "lap", " ", "5:40", "mi", "1m", "0", "101"]),
    max_size=12).map("".join))
def test_quick_raises_only_workout_error(text: str) -> None:
    try:
        workout = parse_quick(text)
    except WorkoutError as error:
        assert all(p.line == 1 and 1 <= p.col <= len(text) + 1 for p in error.problems)
    else:
        assert isinstance(workout.steps[0], Repeat)


@FAST
@given(st.text(max_size=40))
def test_unit_parsers_raise_only_unit_error(text: str) -> None:
    for parse in (parse_duration, parse_distance, parse_pace):
        try:
            parse(text)
        except UnitError as error:
            assert str(error)


@FAST
@given(count=st.integers(1, 100), metres=st.integers(10, 10_000), rest_s=st.integers(1, 600),
       pace=st.sampled_from(["mile", "5k", "threshold", "5:40/mi", "85s/400m"]))
def test_written_values_are_read_back(count: int, metres: int, rest_s: int, pace: str) -> None:
    workout = parse_workout(f"name: gen\nsteps:\n  - repeat: {count}\n    steps:\n"
                            f"      - run: {metres}m\n        pace: {pace}\n"
                            f"      - rest: {rest_s}s\n")
    repeat = workout.steps[0]
    assert isinstance(repeat, Repeat) and repeat.count == count
    run, rest = repeat.steps
    assert isinstance(run, Step) and run.amount.distance_m == metres
    assert run.pace is not None and run.pace.text == pace
    assert isinstance(rest, Step) and rest.amount.duration_s == rest_s


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_files_are_the_seeds(path: Path) -> None:
    assert isinstance(parse_workout(path.read_text(encoding="utf-8")), Workout)
