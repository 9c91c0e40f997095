"""The shipped workouts: every one validates, says what it is for, and is the session it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intervaltimer.resources import workouts_dir
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import Node, Repeat, Step, StepKind, ThenKind, Workout
from intervaltimer.workout.plan import expand

SHIPPED = sorted(workouts_dir().glob("*.yaml"))
REQUIRED = ["8x400-mile", "6x400-mile", "strides", "core-circuit", "kick-finisher", "even-pace",
            "negative-split", "200s-800-pace", "5k-ladder", "threshold-miles", "300s-in-sets",
            "every-2-30"]


def load(name: str) -> Workout:
    return load_workout(workouts_dir() / f"{name}.yaml")


def runs(nodes: tuple[Node, ...]) -> list[Step]:
    """Every run step, in the order written (each repeat's steps once)."""
    found: list[Step] = []
    for node in nodes:
        if isinstance(node, Repeat):
            found += runs(node.steps)
        elif node.kind is StepKind.RUN:
            found.append(node)
    return found


def repeats(nodes: tuple[Node, ...]) -> list[Repeat]:
    found: list[Repeat] = []
    for node in nodes:
        if isinstance(node, Repeat):
            found += [node, *repeats(node.steps)]
    return found


def test_at_least_ten_sessions_including_the_required_ones() -> None:
    names = {path.stem for path in SHIPPED}
    assert len(names) >= 10
    assert set(REQUIRED) <= names


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_validates_with_a_purpose(path: Path) -> None:
    workout = load_workout(path)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem), "library names are kebab-case"
    assert len(workout.description) > 80, "the description says what the session is for"
    assert workout.tags
    kinds = [n.kind for n in workout.steps if isinstance(n, Step)]
    if not {"strength", "post-run"} & set(workout.tags):  # pieces done after a run
        assert kinds[0] is StepKind.WARMUP and kinds[-1] is StepKind.COOLDOWN


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_no_doubled_rest_and_no_rest_before_the_cool_down(path: Path) -> None:
    """The last rep leads into what follows: never two rests in a row, nor a rest then the
    cool-down (`last: {skip_rest: yes}`)."""
    steps = expand(load_workout(path), None).steps
    for before, after in zip(steps, steps[1:], strict=False):
        assert not (before.kind is StepKind.REST and after.kind is StepKind.REST), before.label
        assert not (before.kind is StepKind.REST and after.kind is StepKind.COOLDOWN), \
            before.label


def test_classic_8x400_at_mile_pace() -> None:
    workout = load("8x400-mile")
    main = [r for r in repeats(workout.steps) if r.count == 8]
    assert len(main) == 1
    run, rest = main[0].steps
    assert isinstance(run, Step) and run.amount.distance_m == 400
    assert run.pace is not None and run.pace.name == "mile" and run.pacer_m == 100
    assert isinstance(rest, Step) and rest.amount.duration_s == 60
    assert main[0].last is not None and main[0].last.cue == "last"
    assert main[0].last.note == "LAST ONE: drive the arms, open the stride"


@pytest.mark.parametrize(("name", "reps", "rungs"), [
    ("8x400-mile", 8, (90.0, 75.0, 60.0, 45.0, 30.0)),
    ("6x400-mile", 6, (120.0, 105.0, 90.0, 75.0, 60.0)),
])
def test_the_mile_sessions_climb_a_rest_ladder_then_add_reps(
        name: str, reps: int, rungs: tuple[float, ...]) -> None:
    workout = load(name)
    assert workout.progression is not None and workout.progression.rest_s == rungs
    then = workout.progression.then
    assert then is not None and (then.kind, then.reps) == (ThenKind.REPS, 2)
    plan = expand(workout, None)
    assert plan.main_reps == reps
    last_rep = [s for s in plan.work_steps if s.main_set][-1]
    assert last_rep.cue == "last" and last_rep.note is not None
    assert last_rep.note.startswith("LAST ONE")


@pytest.mark.parametrize("name", ["8x400-mile", "6x400-mile"])
def test_strides_and_core_come_after_the_main_set(name: str) -> None:
    steps = expand(load(name), None).steps
    last_main = max(s.index for s in steps if s.main_set)
    after = steps[last_main:]
    strides = [s for s in after if s.kind is StepKind.RUN and s.label.startswith("Stride")]
    assert 4 <= len(strides) <= 6
    assert all(s.distance_m == 60 for s in strides)
    walks = [s for s in after if s.kind is StepKind.REST and s.activity == "walk"
             and s.duration_s is None]
    assert len(walks) >= len(strides) - 1  # walk back after each but the last, tap space
    exercises = {s.exercise for s in after if s.kind is StepKind.EXERCISE}
    assert {"pushups", "plank", "side plank, left", "side plank, right"} <= exercises


def test_strides_are_50_to_70_m_after_a_tiring_run() -> None:
    workout = load("strides")
    assert "post-run" in workout.tags and "after a session" in workout.description
    assert not any(isinstance(n, Step) and n.kind is StepKind.WARMUP for n in workout.steps)
    distances = {r.amount.distance_m for r in runs(workout.steps)}
    assert distances and all(d is not None and 50 <= d <= 70 for d in distances)
    plan = expand(workout, None)
    assert 4 <= len(plan.work_steps) <= 6


def test_core_circuit_has_reps_and_timed_exercises() -> None:
    workout = load("core-circuit")
    exercises = [s for r in repeats(workout.steps) for s in r.steps
                 if isinstance(s, Step) and s.kind is StepKind.EXERCISE]
    assert any(s.exercise == "pushups" and s.amount.reps for s in exercises)
    assert any(s.amount.duration_s for s in exercises)


def test_kick_finisher_ends_each_rep_with_a_faster_100() -> None:
    rep_runs = runs(load("kick-finisher").steps)
    kicks = [r for r in rep_runs if r.label == "kick"]
    assert kicks[0].note is not None and "open the stride" in kicks[0].note
    last_kick = expand(load("kick-finisher"), None).work_steps[-1]
    assert last_kick.cue == "last" and last_kick.note is not None
    assert "open the stride" in last_kick.note
    assert kicks and all(k.amount.distance_m == 100 for k in kicks)
    assert kicks[0].pace is not None and kicks[0].pace.name == "800m"
    before = rep_runs[rep_runs.index(kicks[0]) - 1]
    assert before.pace is not None and before.pace.name == "5k"


def test_even_pace_uses_the_pacer() -> None:
    assert all(r.pacer_m for r in runs(load("even-pace").steps))


def test_negative_split_second_half_faster() -> None:
    first, second = runs(load("negative-split").steps)
    assert first.amount == second.amount
    assert (first.pace and first.pace.name, second.pace and second.pace.name) == ("10k", "5k")


def test_200s_at_800_pace() -> None:
    (run,) = runs(load("200s-800-pace").steps)
    assert run.amount.distance_m == 200
    assert run.pace is not None and run.pace.name == "800m"


def test_5k_ladder_goes_up_and_down_at_5k_pace() -> None:
    ladder = runs(load("5k-ladder").steps)
    distances = [r.amount.distance_m for r in ladder]
    assert distances == [400, 800, 1200, 800, 400]
    assert all(r.pace is not None and r.pace.name == "5k" for r in ladder)


def test_threshold_session() -> None:
    assert all(r.pace is not None and r.pace.name == "threshold"
               for r in runs(load("threshold-miles").steps))


def test_sets_are_nested_repeats() -> None:
    outer = [r for r in load("300s-in-sets").steps if isinstance(r, Repeat)]
    assert len(outer) == 1 and outer[0].count == 3
    inner = [r for r in outer[0].steps if isinstance(r, Repeat)]
    assert len(inner) == 1 and inner[0].count == 4


def test_every_2_30_is_a_send_off() -> None:
    (send_off,) = repeats(load("every-2-30").steps)
    assert send_off.every_s == 150
    assert send_off.min_rest_s is not None
