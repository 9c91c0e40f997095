"""Quick syntax: `N x WORK [@ PACE] [/ REST]` on the command line and as a step string."""

from __future__ import annotations

import pytest

from intervaltimer.workout.model import Activity, Amount, Repeat, Step, StepKind, WorkoutError
from intervaltimer.workout.quick import (
    looks_like_quick,
    name_without_rest,
    parse_quick,
    quick_repeat,
)


def _repeat(text: str) -> Repeat:
    workout = parse_quick(text)
    assert len(workout.steps) == 1
    repeat = workout.steps[0]
    assert isinstance(repeat, Repeat)
    return repeat


def _steps(repeat: Repeat) -> list[Step]:
    steps = [s for s in repeat.steps if isinstance(s, Step)]
    assert len(steps) == len(repeat.steps)
    return steps


def test_classic_session() -> None:
    workout = parse_quick("8x400m@mile/60s")
    assert workout.name == "8 x 400 m @ mile"
    repeat = _repeat("8x400m@mile/60s")
    assert repeat.count == 8
    run, rest = _steps(repeat)
    assert run.kind is StepKind.RUN
    assert run.amount == Amount(distance_m=400)
    assert run.pace is not None and run.pace.name == "mile"
    assert rest.kind is StepKind.REST
    assert rest.amount == Amount(duration_s=60)
    assert rest.activity is None


def test_timed_reps_and_rests() -> None:
    run, rest = _steps(_repeat("10x1min/1min"))
    assert run.amount == Amount(duration_s=60)
    assert run.pace is None
    assert rest.amount == Amount(duration_s=60)
    assert parse_quick("10x1min/1min").name == "10 x 1 min"


def test_open_rest_ends_on_lap() -> None:
    run, rest = _steps(_repeat("4x60m/lap"))
    assert run.amount.distance_m == 60
    assert rest.amount.is_open


def test_distance_rest_is_a_jog_that_ends_on_lap() -> None:
    repeat = _repeat("6 x 800m @ 5k / 400m")
    run, rest = _steps(repeat)
    assert repeat.count == 6
    assert run.amount.distance_m == 800
    assert run.pace is not None and run.pace.name == "5k"
    assert rest.kind is StepKind.REST
    assert rest.amount == Amount(distance_m=400)
    assert rest.activity is Activity.JOG
    assert parse_quick("6 x 800m @ 5k / 400m").name == "6 x 800 m @ 5k"


@pytest.mark.parametrize("text", ["8×400m@mile/60s", "8X400m@mile/60s",
                                  "8 x 400 m @ mile / 60 s",
                                  "  8x400m @mile/ 60s  ", "8*400m@mile/60s"])
def test_spaces_and_times_signs(text: str) -> None:
    assert parse_quick(text).name == "8 x 400 m @ mile"


def test_explicit_pace_with_slash_and_a_rest() -> None:
    run, rest = _steps(_repeat("8x400m@5:40/mi/60s"))
    assert run.pace is not None and run.pace.s_per_m == pytest.approx(340 / 1609.344)
    assert rest.amount.duration_s == 60


def test_explicit_pace_per_distance_without_rest() -> None:
    repeat = _repeat("8x400m@85s/400m")
    (run,) = _steps(repeat)
    assert run.pace is not None and run.pace.s_per_m == pytest.approx(85 / 400)


def test_explicit_pace_then_rest_with_spaces() -> None:
    run, rest = _steps(_repeat("8x400m @ 1:25/400m / 90s"))
    assert run.pace is not None and run.pace.s_per_m == pytest.approx(85 / 400)
    assert rest.amount.duration_s == 90


def test_no_rest_no_pace() -> None:
    (run,) = _steps(_repeat("3x1mi"))
    assert run.amount.distance_m == pytest.approx(1609.344)


def test_quick_workout_has_no_file() -> None:
    workout = parse_quick("8x400m@mile/60s")
    assert workout.path is None
    assert workout.source == "8x400m@mile/60s"


@pytest.mark.parametrize(
    ("text", "col", "message"),
    [
        ("8x400m@mil/60s", 8, 'pace "mil" is not a pace; did you mean mile?'),
        ("8x400m@5:40/mi/6os", 16, "rest: `6os` is not a duration, a distance or lap"),
        ("8x400m/60s@mile", 11, "the pace goes before the rest"),
        ("0x400m", 1, "0 reps; a repeat is 1 to 100 times"),
        ("101x400m/60s", 1, "101 reps"),
        ("10x1m/1min", 4, "`1m` is one metre; minutes are `min` (write 1min)"),
        ("10x1min/1m", 9, "rest: `1m` is one metre; minutes are `min`"),
        ("8x400m@", 8, "nothing after `@`"),
        ("8x400m/", 8, "nothing after `/`"),
        ("8x400", 3, "`400` has no unit"),
        ("hello", 1, "quick syntax is COUNT x WORK"),
        ("8x", 1, "quick syntax is COUNT x WORK"),
    ],
)
def test_errors_point_into_the_text(text: str, col: int, message: str) -> None:
    with pytest.raises(WorkoutError) as caught:
        parse_quick(text)
    problems = caught.value.problems
    assert any(p.col == col and message in p.message and p.line == 1 for p in problems), problems


def test_all_errors_at_once() -> None:
    with pytest.raises(WorkoutError) as caught:
        parse_quick("10x1m@mil/1m")
    assert [p.col for p in caught.value.problems] == [4, 7, 11]


def test_error_path_names_the_source() -> None:
    with pytest.raises(WorkoutError) as caught:
        parse_quick("8x400m@mil/60s", path="arg")
    assert str(caught.value) == 'arg:1:8: pace "mil" is not a pace; did you mean mile?'


@pytest.mark.parametrize(
    ("text", "quick"),
    [("8x400m@mile/60s", True), ("10 x 1min", True), ("8×400m", True), ("8x400-mile", True),
     ("workouts/8x400.yaml", False), ("threshold-miles", False), ("x400m", False),
     ("8xfast", False), ("", False)],
)
def test_looks_like_quick(text: str, quick: bool) -> None:
    assert looks_like_quick(text) is quick


@pytest.mark.parametrize(("old", "now"), [
    ("8 x 400 m @ mile / 60 s", "8 x 400 m @ mile"),
    ("10 x 1 min / 1 min", "10 x 1 min"),
    ("6 x 800 m @ 5k / 400 m", "6 x 800 m @ 5k"),
    ("4 x 60 m / lap", "4 x 60 m"),
    ("8 x 400 m @ 85s/400m / 45 s", "8 x 400 m @ 85s/400m"),
    ("8 x 400 m @ 85s/400m", "8 x 400 m @ 85s/400m"),
    ("8 x 400 m at mile pace", "8 x 400 m at mile pace"),
    ("Hills / sprints", "Hills / sprints"),
])
def test_an_older_quick_name_maps_onto_the_name_of_its_work(old: str, now: str) -> None:
    assert name_without_rest(old) == now
    if now[0].isdigit():
        assert name_without_rest(now) == now


def test_the_mapping_agrees_with_quick_names_written_the_old_way() -> None:
    for text in ("8x400m@mile/60s", "10x1min/1min", "4x60m/lap", "6x800m@5k/400m"):
        _, name = quick_repeat(text)
        rest = text.rsplit("/", 1)[1]
        assert name_without_rest(f"{name} / {rest}") == name


def test_fullwidth_digits_are_read_and_named_as_ascii() -> None:
    from intervaltimer.workout.quick import looks_like_quick, parse_quick

    wide = parse_quick("８x４００m@mile/60s")
    assert looks_like_quick("８x４００m")
    assert wide.name == parse_quick("8x400m@mile/60s").name == "8 x 400 m @ mile"
    assert parse_quick("８x４００m").name == "8 x 400 m"
