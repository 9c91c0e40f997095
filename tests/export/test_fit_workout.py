"""FIT workouts: every shipped workout, and generated ones, decode to the steps of their plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervaltimer.export.fitworkout import fit_workout
from intervaltimer.export.steps import SEND_OFF_NOTE, export_blocks
from intervaltimer.workout.loader import load_workout, parse_workout
from intervaltimer.workout.model import (
    Activity,
    Amount,
    Ends,
    PaceSpec,
    Repeat,
    Step,
    StepKind,
    Workout,
)
from intervaltimer.workout.plan import Plan, expand
from tests.helpers.fitkit import PROFILE, SHIPPED, of, run_order, sdk_checks

KIND_OF = {"warmup": StepKind.WARMUP, "active": StepKind.RUN, "rest": StepKind.REST,
           "recovery": StepKind.REST, "other": StepKind.EXERCISE, "cooldown": StepKind.COOLDOWN}


def _expected_speed(step: Any) -> float | None:
    if step.kind is StepKind.REST:
        return None
    if step.distance_m and step.target_s:
        return float(step.distance_m / step.target_s)
    if step.pace_s_per_m:
        return float(1.0 / step.pace_s_per_m)
    return None


def assert_same_steps(data: bytes, plan: Plan) -> list[int]:
    """The FIT file's steps, written out, are the plan's: kind, amount, target speed.
    Returns the repeat counts of the file."""
    assert sdk_checks(data)
    [file_id] = of(data, "file_id")
    assert file_id["type"] == "workout"
    [workout] = of(data, "workout")
    steps = of(data, "workout_step")
    assert workout["num_valid_steps"] == len(steps)
    order, counts = run_order(steps)
    order = [s for s in order if s.get("notes") != SEND_OFF_NOTE]
    assert len(order) == len(plan.steps)
    for got, planned in zip(order, plan.steps, strict=True):
        where = f"step {planned.index} ({planned.label})"
        assert KIND_OF[got["intensity"]] is planned.kind, where
        if planned.ends is Ends.TIME:
            assert got["duration_type"] == "time", where
            assert got["duration_time"] == pytest.approx(planned.duration_s, abs=0.0005), where
        elif planned.distance_m is not None:
            assert got["duration_type"] == "distance", where
            assert got["duration_distance"] == pytest.approx(planned.distance_m, abs=0.005)
        elif planned.ends is Ends.REPS:
            assert got["duration_type"] == "reps", where
            assert got["duration_reps"] == planned.reps, where
        else:
            assert got["duration_type"] == "open", where
        speed = _expected_speed(planned)
        if speed is None:
            assert got["target_type"] == "open", where
        else:
            assert got["target_type"] == "speed", where
            middle = (got["custom_target_speed_low"] + got["custom_target_speed_high"]) / 2
            assert middle == pytest.approx(speed, rel=0.01), where
            assert got["custom_target_speed_low"] < speed < got["custom_target_speed_high"]
    return counts


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_workout_decodes_to_its_plan(path: Path) -> None:
    workout = load_workout(path)
    plan = expand(workout, PROFILE)
    assert_same_steps(fit_workout(workout.name, export_blocks(workout, plan)), plan)


def test_a_plain_repeat_is_one_repeat_step_with_its_count() -> None:
    workout = parse_workout("name: Ten\nsteps:\n  - 10x400m@85s/400m/60s\n")
    plan = expand(workout, None)
    data = fit_workout(workout.name, export_blocks(workout, plan))
    assert assert_same_steps(data, plan) == [10]
    steps = of(data, "workout_step")
    assert [s["duration_type"] for s in steps] == ["distance", "time",
                                                  "repeat_until_steps_cmplt"]
    assert steps[2]["duration_step"] == 0 and steps[2]["repeat_steps"] == 10
    assert steps[0]["duration_distance"] == 400.0 and steps[1]["duration_time"] == 60.0
    assert steps[1]["intensity"] == "rest"


def test_sets_of_reps_flatten_to_one_level_and_keep_every_rep() -> None:
    text = """\
name: Sets
steps:
  - repeat: 3
    steps:
      - repeat: 4
        steps:
          - run: 300m
            pace: 1:00/400m
          - rest: 45s
            activity: jog
      - rest: 3min
"""
    workout = parse_workout(text)
    plan = expand(workout, None)
    data = fit_workout(workout.name, export_blocks(workout, plan))
    counts = assert_same_steps(data, plan)
    assert counts and all(count >= 2 for count in counts)
    assert sum(1 for s in run_order(of(data, "workout_step"))[0]
               if s["intensity"] == "active") == 12
    assert {s["intensity"] for s in of(data, "workout_step") if s.get("duration_time") == 45.0} \
        == {"recovery"}


def test_a_send_off_without_a_rest_gets_the_rest_of_its_round() -> None:
    workout = load_workout(next(p for p in SHIPPED if p.stem == "every-2-30"))
    plan = expand(workout, PROFILE)
    data = fit_workout(workout.name, export_blocks(workout, plan))
    order, _ = run_order(of(data, "workout_step"))
    waits = [s for s in order if s.get("notes") == SEND_OFF_NOTE]
    rep = next(step for step in plan.steps if step.is_work)
    assert rep.round_s is not None and rep.target_s is not None
    assert len(waits) == 7  # between eight rounds
    assert waits[0]["duration_time"] == pytest.approx(rep.round_s - rep.target_s, abs=0.001)


# -- generated workouts ------------------------------------------------------------------------

_paces = st.one_of(st.none(), st.floats(0.15, 0.6).map(
    lambda s: PaceSpec(text=f"{s * 1000:.2f}s/km", s_per_m=s)))
_amounts = st.one_of(
    st.integers(5, 3600).map(lambda s: Amount(duration_s=float(s))),
    st.integers(50, 10000).map(lambda m: Amount(distance_m=float(m))),
    st.just(Amount()),
)


@st.composite
def _steps(draw: st.DrawFn) -> Step:
    kind = draw(st.sampled_from(list(StepKind)))
    if kind is StepKind.EXERCISE:
        amount = draw(st.one_of(st.integers(1, 50).map(lambda n: Amount(reps=n)), _amounts))
        return Step(kind, amount, exercise=draw(st.sampled_from(["pushups", "plank"])))
    if kind is StepKind.REST:
        return Step(kind, draw(_amounts), activity=draw(st.sampled_from([None, *Activity])))
    pace = draw(_paces) if kind is StepKind.RUN else None
    return Step(kind, draw(_amounts), pace=pace)


_nodes = st.recursive(_steps(), lambda inner: st.builds(
    lambda count, steps: Repeat(count, tuple(steps)), st.integers(1, 6),
    st.lists(inner, min_size=1, max_size=4)), max_leaves=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_nodes, min_size=1, max_size=5))
def test_generated_workouts_decode_to_their_plans(nodes: list[Step | Repeat]) -> None:
    workout = Workout(name="generated", steps=tuple(nodes))
    plan = expand(workout, None)
    assert_same_steps(fit_workout(workout.name, export_blocks(workout, plan)), plan)
