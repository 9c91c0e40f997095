"""`progression:` in a workout file: the rungs, `then:`, and every mistake at its place."""

from __future__ import annotations

import pytest

from intervaltimer.log.shapes import plan_to_json
from intervaltimer.workout.ladder import parse_then
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.model import ThenKind, WorkoutError
from intervaltimer.workout.plan import expand
from intervaltimer.workout.units import UnitError

SESSION = """\
name: 8 x 400
progression:
  rest: [90s, 75s, 60s, 45s, 30s]
  then: {then}
steps:
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
"""


def problems(text: str) -> list[tuple[int, int, str]]:
    """(line, col, message) of each problem in `text`."""
    with pytest.raises(WorkoutError) as caught:
        parse_workout(text, "w.yaml")
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def test_a_ladder_with_more_reps_after_it() -> None:
    workout = parse_workout(SESSION.format(then="reps +2"))
    ladder = workout.progression
    assert ladder is not None
    assert ladder.rest_s == (90.0, 75.0, 60.0, 45.0, 30.0)
    assert ladder.then is not None and ladder.then.kind is ThenKind.REPS
    assert ladder.then.reps == 2 and ladder.then.amount == 2.0
    assert (ladder.line, ladder.col) == (3, 3)
    shown = plan_to_json(expand(workout, None))
    assert shown["progression"] == {"rest_s": [90.0, 75.0, 60.0, 45.0, 30.0],
                                    "then": {"kind": "reps", "amount": 2.0, "text": "reps +2"},
                                    "implicit": False, "start_s": None}
    assert shown["main_rest_s"] == 60.0 and shown["main_reps"] == 8


@pytest.mark.parametrize(("text", "per_400m"), [("pace -1s", 1.0), ("pace -1.5 s/400m", 1.5),
                                                ("pace -5s/km", 2.0), ("PACE - 2s", 2.0)])
def test_a_faster_target_is_read_per_400m(text: str, per_400m: float) -> None:
    then = parse_then(text)
    assert then.kind is ThenKind.PACE and then.pace_s_per_400m == per_400m


@pytest.mark.parametrize("text", ["reps +0", "reps +50", "pace -20s", "faster", "reps 2",
                                  "pace +1s"])
def test_a_then_that_is_not_a_next_step(text: str) -> None:
    with pytest.raises(UnitError):
        parse_then(text)


def test_start_is_the_first_sessions_rung_and_one_of_the_rungs() -> None:
    with_start = SESSION.format(then="reps +2").replace("  then:", "  start: 90s\n  then:")
    ladder = parse_workout(with_start).progression
    assert ladder is not None and ladder.start_s == 90.0
    off_ladder = with_start.replace("start: 90s", "start: 80s")
    assert problems(off_ladder) == [(4, 10, "start: 80s is not one of the rungs "
                                            "(90 75 60 45 30 s)")]
    assert problems(with_start.replace("start: 90s", "start: soon"))[0][:2] == (4, 10)


def test_the_shipped_8x400_starts_where_its_description_says() -> None:
    from intervaltimer.workout.library import resolve_workout

    ladder = resolve_workout("8x400-mile").progression
    assert ladder is not None and ladder.start_s == 90.0


def test_then_problems_point_at_the_value() -> None:
    assert problems(SESSION.format(then="faster")) == [
        (4, 9, "then: 'faster' is not a next step; write `then: reps +2` or "
               "`then: pace -1s` (1 s per 400 m faster)")]


@pytest.mark.parametrize(("rest", "where", "says"), [
    ("[60s, 75s]", (3, 15), "longest rest to the shortest"),
    ("[90s, 1m]", (3, 15), "1m"),
    ("60s", (3, 9), "a list of rests"),
    ("[]", (3, 9), "empty"),
    ("[90s, [60s]]", (3, 15), "a rung is a rest"),
    ("[20min]", (3, 10), "a rung is 1 s to 10 min"),
])
def test_bad_rungs(rest: str, where: tuple[int, int], says: str) -> None:
    found = problems(SESSION.replace("[90s, 75s, 60s, 45s, 30s]", rest).format(then="reps +2"))
    assert len(found) == 1
    assert found[0][:2] == where and says in found[0][2]


def test_unknown_and_missing_keys() -> None:
    text = "name: x\nprogression:\n  rests: [60s]\nsteps:\n  - 8x400m@mile/60s\n"
    assert problems(text) == [
        (3, 3, "unknown key `rests` in progression; did you mean rest?"),
        (3, 3, "a progression needs `rest:`, its rungs longest first, e.g. "
               "`rest: [90s, 75s, 60s, 45s]`")]


def test_a_ladder_needs_a_rest_to_move() -> None:
    send_off = ("name: x\nprogression:\n  rest: [60s, 45s]\nsteps:\n  - repeat: 4\n"
                "    every: 2:30\n    steps:\n      - run: 400m\n        pace: 3k\n")
    (line, col, message), = problems(send_off)
    assert (line, col) == (3, 3) and "send-off" in message
    no_rest = "name: x\nprogression:\n  rest: [60s, 45s]\nsteps:\n  - 4x400m@mile\n"
    (line, col, message), = problems(no_rest)
    assert (line, col) == (3, 3) and "no rest after its reps" in message
