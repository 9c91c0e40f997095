"""The main set: which steps it is, its rest and reps, and setting today's rest."""

from __future__ import annotations

import pytest

from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.mainset import find_main_set, main_reps, main_rest_s, with_main_rest
from intervaltimer.workout.model import QUICK_RUNGS_S, StepKind, WorkoutError
from intervaltimer.workout.plan import expand
from intervaltimer.workout.quick import parse_quick

WITH_STRIDES_AND_CORE = """\
name: mile session
steps:
  - warmup: 15min
  - repeat: 4
    steps:
      - run: 80m
        label: stride
      - rest: lap
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
  - repeat: 6
    steps:
      - run: 60m
        label: stride
      - rest: 30s
        activity: walk
  - exercise: pushups
    reps: 20
  - cooldown: 10min
"""


def test_the_main_set_is_the_repeat_with_the_most_paced_work() -> None:
    workout = parse_workout(WITH_STRIDES_AND_CORE)
    found = find_main_set(workout)
    assert found is not None and (found.first, found.last) == (2, 2)
    assert found.rest_s == 60.0 and found.reps == 8
    plan = expand(workout, None)
    main = plan.main_steps
    assert [s.kind for s in main] == [StepKind.RUN, StepKind.REST] * 8
    assert plan.main_rest_s == 60.0 and plan.main_reps == 8
    assert all(s.main_rest for s in main if s.kind is StepKind.REST)
    assert not any(s.main_set for s in plan.steps if s.label.startswith("Stride"))


def test_with_main_rest_changes_only_the_main_sets_rests() -> None:
    workout = parse_workout(WITH_STRIDES_AND_CORE)
    before = expand(workout, None)
    after = expand(with_main_rest(workout, 45.0), None)
    assert after.name == before.name
    assert after.main_rest_s == 45.0
    changed = [(b.label, a.label) for b, a in zip(before.steps, after.steps, strict=True)
               if b != a]
    assert changed == [("Rest 60 s", "Rest 45 s")] * 8
    assert main_rest_s(workout) == 60.0  # the workout itself is unchanged


def test_sets_move_the_rest_between_reps_not_the_set_break() -> None:
    workout = resolve_workout("300s-in-sets")
    after = expand(with_main_rest(workout, 30.0), None)
    rests = [s.duration_s for s in after.steps if s.kind is StepKind.REST]
    assert 30.0 in rests and 240.0 in rests
    assert all(s.duration_s == 30.0 for s in after.steps if s.main_rest)
    assert main_reps(workout) == 12


def test_a_ladder_written_out_is_a_main_set_with_no_single_rest() -> None:
    workout = resolve_workout("5k-ladder")
    found = find_main_set(workout)
    assert found is not None and found.reps == 5 and found.rest_s is None
    assert len(found.rests) == 4


def test_a_send_off_has_no_rest_to_set() -> None:
    workout = resolve_workout("every-2-30")
    assert main_rest_s(workout) is None
    with pytest.raises(WorkoutError, match="send-off"):
        with_main_rest(workout, 45.0)


def test_an_open_rest_becomes_timed_when_set() -> None:
    workout = parse_quick("4x60m/lap")
    assert main_rest_s(workout) is None and workout.progression is None
    assert main_rest_s(with_main_rest(workout, 20.0)) == 20.0


def test_a_workout_with_no_repeat_and_no_pace_has_no_main_set() -> None:
    workout = parse_workout("name: jog\nsteps:\n  - warmup: 10min\n  - cooldown: 5min\n")
    assert find_main_set(workout) is None
    assert expand(workout, None).main_reps == 0
    with pytest.raises(WorkoutError, match="no main set"):
        with_main_rest(workout, 45.0)


def test_quick_workouts_are_named_by_their_work_and_share_a_ladder() -> None:
    sixty, forty_five = parse_quick("8x400m@mile/60s"), parse_quick("8x400m@mile/45s")
    assert sixty.name == forty_five.name == "8 x 400 m @ mile"
    assert sixty.progression == forty_five.progression
    assert sixty.progression is not None and sixty.progression.rest_s == QUICK_RUNGS_S
    assert sixty.progression.shorter(60.0) == 45.0
    assert main_rest_s(sixty) == 60.0 and main_rest_s(forty_five) == 45.0
    assert with_main_rest(sixty, 45.0).steps == forty_five.steps


def test_rungs_step_shorter_and_longer_from_any_rest() -> None:
    ladder = parse_quick("8x400m@mile/60s").progression
    assert ladder is not None
    assert ladder.shorter(50.0) == 45.0 and ladder.longer(50.0) == 60.0
    assert ladder.shorter(5.0) is None and ladder.longer(180.0) is None
    assert ladder.rung_index(52.5) == ladder.rest_s.index(60.0)  # a tie goes to the longer
