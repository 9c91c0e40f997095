"""Plan expansion: run order, numbering, labels, targets, send-offs, estimates and limits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervaltimer.log.shapes import plan_to_json
from intervaltimer.workout.model import (
    Activity,
    Amount,
    PaceSpec,
    Repeat,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)
from intervaltimer.workout.paces import Race
from intervaltimer.workout.plan import (
    GUESS_OPEN_S,
    GUESS_S_PER_M,
    MAX_PLAN_STEPS,
    Plan,
    end_times,
    expand,
)
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.units import METRES_PER_MILE

MILE = PaceSpec(text="mile", name="mile")
P85 = PaceSpec(text="85s/400m", s_per_m=85 / 400)  # 1:25 per lap


def run(distance_m: float | None = None, *, duration_s: float | None = None,
        pace: PaceSpec | None = None, **more: object) -> Step:
    return Step(StepKind.RUN, Amount(duration_s=duration_s, distance_m=distance_m),
                pace=pace, **more)  # type: ignore[arg-type]


def rest(duration_s: float | None = None, **more: object) -> Step:
    return Step(StepKind.REST, Amount(duration_s=duration_s), **more)  # type: ignore[arg-type]


def workout(*steps: Step | Repeat, lead_in_s: float = 3.0, path: str | None = None) -> Workout:
    return Workout(name="test", steps=steps, lead_in_s=lead_in_s, path=path)


def classic() -> Workout:
    """The classic: 15 min warm-up, 8 x 400 m at mile pace with 60 s standing rest, 10 min down."""
    return workout(
        Step(StepKind.WARMUP, Amount(duration_s=900)),
        Repeat(8, (run(400, pace=MILE, pacer_m=100), rest(60, activity=Activity.STAND))),
        Step(StepKind.COOLDOWN, Amount(duration_s=600)),
    )


def test_classic_is_flat_numbered_and_labelled() -> None:
    plan = expand(classic(), None)
    assert [s.index for s in plan.steps] == list(range(1, 19))
    assert plan.steps[0].label == "Warm-up 15 min"
    assert plan.steps[5].label == "Rep 3/8 · 400 m @ mile"
    assert plan.steps[2].label == "Rest 60 s · stand"
    assert plan.steps[-1].label == "Cool-down 10 min"
    assert [s.kind for s in plan.steps[1:5]] == [StepKind.RUN, StepKind.REST] * 2
    reps = plan.work_steps
    assert [(s.rep, s.rep_count) for s in reps] == [(n, 8) for n in range(1, 9)]
    assert all(s.rep is None for s in plan.steps if not s.is_work)


def test_ends_time_for_durations_lap_for_distances_and_open_reps_for_counts() -> None:
    plan = expand(workout(
        Step(StepKind.WARMUP, Amount(duration_s=600)),
        run(400),
        rest(),
        Step(StepKind.EXERCISE, Amount(reps=20), exercise="pushups"),
        Step(StepKind.EXERCISE, Amount(duration_s=45), exercise="plank"),
    ), None)
    assert [s.ends.value for s in plan.steps] == ["time", "lap", "lap", "reps", "time"]
    assert plan.steps[2].label == "Rest until lap"
    assert plan.steps[3].label == "Pushups × 20"
    assert plan.steps[3].reps == 20
    assert plan.steps[4].label == "Plank 45 s"


def test_no_profile_means_no_target_for_named_paces() -> None:
    plan = expand(classic(), None)
    assert plan.has_profile is False
    assert all(s.target_s is None for s in plan.work_steps)
    assert plan.work_steps[0].pace_text == "mile"


def test_explicit_paces_need_no_profile() -> None:
    plan = expand(workout(Repeat(2, (run(400, pace=P85), rest(60)))), None)
    assert plan.has_profile is True
    assert plan.work_steps[0].target_s == pytest.approx(85.0)
    assert plan.work_steps[0].pace_estimate is False


def test_pace_times_distance_gives_the_target() -> None:
    per_mile = PaceSpec(text="5:40/mi", s_per_m=340 / METRES_PER_MILE)
    plan = expand(workout(run(METRES_PER_MILE, pace=per_mile), run(800, pace=per_mile)), None)
    assert plan.steps[0].target_s == pytest.approx(340.0)
    # 5:40 a mile is 2:49.0 per 800 m (340 * 800 / 1609.344 = 169.01 s)
    assert plan.steps[1].target_s == pytest.approx(169.01, abs=0.01)


def test_written_target_wins_over_pace() -> None:
    plan = expand(workout(run(400, pace=P85, target_s=80.0)), None)
    assert plan.steps[0].target_s == 80.0
    assert plan.steps[0].pace_s_per_m == pytest.approx(85 / 400)


def test_timed_run_with_pace_has_no_target_but_keeps_the_pace() -> None:
    plan = expand(workout(run(duration_s=1200, pace=P85)), None)
    step = plan.steps[0]
    assert step.ends.value == "time"
    assert step.duration_s == 1200
    assert step.target_s is None
    assert step.pace_s_per_m == pytest.approx(85 / 400)
    assert step.label == "Run 20 min @ 85s/400m"


def test_pacer_checkpoints_split_the_target_evenly() -> None:
    plan = expand(workout(run(400, pace=P85, pacer_m=100)), None)
    assert plan.steps[0].pacer_m == 100
    assert plan.steps[0].checkpoints() == (
        (100, pytest.approx(21.25)), (200, pytest.approx(42.5)), (300, pytest.approx(63.75)))


def test_nested_repeats_run_in_order_and_number_reps_across_the_set() -> None:
    sets = Repeat(3, (Repeat(4, (run(400, pace=P85), rest(60))), rest(180)))
    plan = expand(workout(sets), None)
    assert len(plan.steps) == 3 * (4 * 2 + 1)
    assert [s.duration_s for s in plan.steps[:10]] == [
        None, 60, None, 60, None, 60, None, 60, 180, None]
    reps = plan.work_steps
    assert [s.rep for s in reps] == list(range(1, 13))
    assert {s.rep_count for s in reps} == {12}
    assert reps[4].label == "Rep 5/12 · 400 m @ 85s/400m"


def test_each_top_level_repeat_numbers_its_own_reps() -> None:
    plan = expand(workout(Repeat(2, (run(400),)), Repeat(3, (run(200),))), None)
    assert [(s.rep, s.rep_count) for s in plan.steps] == [(1, 2), (2, 2), (1, 3), (2, 3), (3, 3)]


def test_labelled_runs_and_exercises_keep_their_own_count() -> None:
    strides = Repeat(4, (run(60, label="stride"), rest()))
    circuit = Repeat(3, (Step(StepKind.EXERCISE, Amount(reps=20), exercise="pushups"),
                         Step(StepKind.EXERCISE, Amount(duration_s=45), exercise="plank")))
    plan = expand(workout(strides, circuit), None)
    assert plan.steps[2].label == "Stride 2/4 · 60 m"
    assert plan.steps[3].ends.value == "lap"
    circuit_steps = plan.steps[8:]
    assert [s.label for s in circuit_steps[:4]] == [
        "Pushups 1/3 · 20 reps", "Plank 1/3 · 45 s", "Pushups 2/3 · 20 reps", "Plank 2/3 · 45 s"]


def test_a_single_run_outside_a_repeat_has_no_rep_number() -> None:
    plan = expand(workout(run(100, label="kick", pace=P85)), None)
    assert plan.steps[0].rep is None
    assert plan.steps[0].label == "Kick 100 m @ 85s/400m"


def send_off(rep: Step, *, count: int = 4, every_s: float = 150, min_rest_s: float | None = None,
             with_rest: bool = True) -> Workout:
    steps: tuple[Step, ...] = (rep, rest(60, activity=Activity.WALK)) if with_rest else (rep,)
    return workout(Repeat(count, steps, every_s=every_s, min_rest_s=min_rest_s))


def test_send_off_rest_is_what_is_left_of_the_round() -> None:
    plan = expand(send_off(run(400, pace=P85)), None)
    assert len(plan.steps) == 8
    assert all(s.round_s == 150 for s in plan.steps)
    assert [s.round_start for s in plan.steps] == [True, False] * 4
    rests = [s for s in plan.steps if s.kind is StepKind.REST]
    assert [s.duration_s for s in rests] == [pytest.approx(65.0)] * 4  # 2:30 - 1:25
    assert rests[0].ends.value == "time"
    assert rests[0].label == "Rest until 2:30 · walk"


def test_send_off_slow_rep_gets_the_minimum_rest_or_none() -> None:
    # A target longer than the round is a mistake in the workout: the
    # round would be a rep followed at once by the next one.
    slow = PaceSpec(text="5:00/km", s_per_m=0.3)  # 600 m in 3:00, longer than the 2:30 round
    with pytest.raises(WorkoutError, match="one round's steps take 3:00 at their targets"):
        expand(send_off(run(600, pace=slow), min_rest_s=20), None)
    close = PaceSpec(text="4:00/km", s_per_m=0.24)  # 600 m in 2:24: 6 s left, below 20
    with_min = expand(send_off(run(600, pace=close), min_rest_s=20), None)
    assert with_min.steps[1].duration_s == 20
    assert with_min.steps[1].min_rest_s == 20
    without = expand(send_off(run(600, pace=close)), None)
    assert without.steps[1].duration_s == pytest.approx(6.0)
    fast = PaceSpec(text="3:30/km", s_per_m=0.21)  # 600 m in 2:06: 24 s left, above 20
    assert expand(send_off(run(600, pace=fast), min_rest_s=20), None).steps[1].duration_s == (
        pytest.approx(24.0))


def test_send_off_without_a_rest_step_still_marks_rounds() -> None:
    plan = expand(send_off(run(400, pace=P85), count=6, with_rest=False), None)
    assert len(plan.steps) == 6
    assert all(s.round_start and s.round_s == 150 for s in plan.steps)
    # each round but the last lasts its 2:30 (the engine waits out the rest); after the
    # last rep the engine goes straight on (nothing follows here): 3 s lead-in + 5 x 2:30 + 1:25
    assert plan.estimated_s == pytest.approx(3 + 5 * 150 + 85)


def test_the_last_rest_less_round_ends_with_its_rep() -> None:
    """`every: 2:30` with no rest step, then a cool-down: the engine adds no send-off wait
    after the last rep (it goes straight on to the cool-down), so neither does the estimate."""
    w = workout(Repeat(3, (run(400, pace=P85),), every_s=150),
                Step(StepKind.COOLDOWN, Amount(duration_s=600)), lead_in_s=0)
    plan = expand(w, None)
    assert end_times(plan.steps) == pytest.approx((150, 300, 385, 985))
    assert plan.estimated_s == pytest.approx(2 * 150 + 85 + 600)
    # two `every:` repeats of the same period back to back: the wait closes the first one too
    w = workout(Repeat(2, (run(400, pace=P85),), every_s=150),
                Repeat(1, (run(200, pace=P85),), every_s=150), lead_in_s=0)
    assert expand(w, None).estimated_s == pytest.approx(2 * 150 + 85 / 2)


def test_send_off_with_no_target_uses_the_guess_for_the_rep() -> None:
    plan = expand(send_off(run(200)), None)  # 200 m guessed at 6:00/km = 72 s
    assert plan.steps[1].duration_s == pytest.approx(150 - 72)


def test_estimate_adds_durations_targets_and_lead_in() -> None:
    w = workout(
        Step(StepKind.WARMUP, Amount(duration_s=900)),
        Repeat(8, (run(400, pace=P85), rest(60))),
        Step(StepKind.COOLDOWN, Amount(duration_s=600)),
        lead_in_s=5,
    )
    # 5 + 900 + 8 * (85 + 60) + 600
    assert expand(w, None).estimated_s == pytest.approx(2665.0)


def test_estimate_guesses_what_it_cannot_know() -> None:
    w = workout(run(1000), rest(), Step(StepKind.EXERCISE, Amount(reps=20), exercise="pushups"),
                lead_in_s=0)
    plan = expand(w, None)
    assert plan.steps[0].expected_guess is True
    assert plan.estimated_s == pytest.approx(1000 * GUESS_S_PER_M + GUESS_OPEN_S[StepKind.REST]
                                             + 20 * 2.0)
    assert GUESS_S_PER_M == pytest.approx(360 / 1000)  # an easy 6:00 per km


def test_plan_of_exactly_the_limit_is_allowed() -> None:
    plan = expand(workout(Repeat(100, (Repeat(100, (run(100),)),))), None)
    assert len(plan.steps) == MAX_PLAN_STEPS


def test_repeats_multiplying_past_the_limit_name_the_repeat() -> None:
    inner = Repeat(2, (run(100),), line=4, col=11)
    middle = Repeat(100, (inner,), line=3, col=7)
    outer = Repeat(100, (middle,), line=2, col=3)
    with pytest.raises(WorkoutError) as caught:
        expand(workout(outer, path="big.yaml"), None)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.col) == ("big.yaml", 2, 3)
    assert "20,000" in problem.message and "10,000" in problem.message


def test_astronomical_repeats_fail_fast() -> None:
    node: Step | Repeat = run(100)
    for depth in range(50):
        node = Repeat(100, (node,), line=depth + 1, col=1)
    with pytest.raises(WorkoutError) as caught:
        expand(workout(node), None)
    assert caught.value.problems[0].line == 3  # the third repeat from the inside: 1,000,000


def test_many_top_level_repeats_past_the_limit() -> None:
    big = Repeat(100, (Repeat(60, (run(100),)),), line=1, col=3)
    again = Repeat(100, (Repeat(60, (run(100),)),), line=9, col=3)
    with pytest.raises(WorkoutError) as caught:
        expand(workout(big, again), None)
    assert caught.value.problems[0].line == 9


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    node: Step | Repeat = run(100)
    for depth in range(5000):
        node = Repeat(1, (node,), line=depth + 1, col=1)
    with pytest.raises(WorkoutError) as caught:
        expand(workout(node), None)
    assert "nested" in caught.value.problems[0].message


def test_json_has_the_documented_shape() -> None:
    data = plan_to_json(expand(classic(), None))
    assert {"name", "estimated_s", "steps"} <= set(data)
    assert data["name"] == "test"
    step = data["steps"][1]
    assert {"index", "kind", "label", "distance_m", "duration_s", "target_s", "ends",
            "pacer_m"} <= set(step)
    assert step == {**step, "index": 2, "kind": "run", "label": "Rep 1/8 · 400 m @ mile",
                    "distance_m": 400, "duration_s": None, "target_s": None, "ends": "lap",
                    "pacer_m": 100}
    assert data["steps"][2]["duration_s"] == 60 and data["steps"][2]["ends"] == "time"
    assert json.loads(json.dumps(data)) == data


def test_plan_carries_name_lead_in_and_source() -> None:
    w = Workout(name="Hills", steps=(run(200),), lead_in_s=10, source="name: Hills\n")
    plan = expand(w, None)
    assert isinstance(plan, Plan)
    assert (plan.name, plan.lead_in_s, plan.source) == ("Hills", 10, "name: Hills\n")


def profile_5k(time_s: float) -> Profile:
    return Profile((Race("5k", 5000.0, time_s),))


def test_named_pace_from_the_profile_gives_the_published_equivalent() -> None:
    # Daniels' VDOT table, row 50: a 19:57 5k and a 5:50 mile (VDOT's equivalents
    # from 1500 m to the marathon).
    plan = expand(workout(run(METRES_PER_MILE, pace=MILE)), profile_5k(19 * 60 + 57))
    assert plan.has_profile is True
    assert plan.steps[0].target_s == pytest.approx(350.0, abs=2.0)
    assert plan.steps[0].pace_estimate is False
    assert plan.steps[0].pace_basis is not None and "5k" in plan.steps[0].pace_basis


def test_training_pace_target_matches_daniels_table() -> None:
    # A 19:57 5k is VDOT 50; Daniels' table gives threshold 1:42 per 400 m.
    threshold = PaceSpec(text="threshold", name="threshold")
    plan = expand(workout(run(400, pace=threshold)), profile_5k(19 * 60 + 57))
    assert plan.steps[0].target_s == pytest.approx(102.0, abs=1.0)


def test_pace_far_from_the_race_is_marked_estimate() -> None:
    marathon_only = Profile((Race("marathon", 42195.0, 3 * 3600 + 11 * 60 + 17),))
    pace = PaceSpec(text="800m", name="800m")
    plan = expand(workout(run(800, pace=pace)), marathon_only)
    assert plan.steps[0].target_s is not None
    assert plan.steps[0].pace_estimate is True
    assert plan_to_json(plan)["steps"][0]["estimate"] is True


def test_profile_without_races_leaves_named_paces_open() -> None:
    plan = expand(classic(), Profile(()))
    assert plan.has_profile is False
    assert plan.work_steps[0].target_s is None


def test_end_times_count_from_the_lead_in_and_close_send_off_rounds() -> None:
    w = workout(Step(StepKind.WARMUP, Amount(duration_s=600)),
                Repeat(3, (run(400, pace=P85),), every_s=120),
                Step(StepKind.COOLDOWN, Amount(duration_s=300)), lead_in_s=5)
    plan = expand(w, None)
    # 5 s lead-in, 10 min warm-up, three rounds of 2:00 (each rep 1:25, no wait after the
    # last: the cool-down follows at once), 5 min cool-down
    assert end_times(plan.steps, plan.lead_in_s) == pytest.approx(
        (605, 725, 845, 930, 1230))
    assert plan.estimated_s == pytest.approx(1230)


def test_send_off_with_rest_rounds_last_their_period() -> None:
    plan = expand(send_off(run(400, pace=P85), count=4), None)
    assert plan.estimated_s == pytest.approx(3 + 4 * 150)


def _size(node: Step | Repeat) -> int:
    return 1 if isinstance(node, Step) else node.count * sum(_size(c) for c in node.steps)


_leaf = st.sampled_from([run(400, pace=P85), rest(60), run(200, label="stride"),
                         Step(StepKind.EXERCISE, Amount(reps=10), exercise="squats")])
_tree = st.recursive(
    _leaf,
    lambda children: st.builds(
        Repeat, st.integers(1, 4), st.lists(children, min_size=1, max_size=3).map(tuple),
        every_s=st.none() | st.sampled_from([90.0, 150.0])),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_tree, min_size=1, max_size=4))
def test_expansion_keeps_every_step_and_numbers_them(nodes: list[Step | Repeat]) -> None:
    try:
        plan = expand(workout(*nodes), None)
    except WorkoutError as error:  # a send-off round shorter than its reps' targets
        assert all("one round's steps take" in p.message for p in error.problems)
        return
    assert len(plan.steps) == sum(_size(n) for n in nodes)
    assert [s.index for s in plan.steps] == list(range(1, len(plan.steps) + 1))
    start = 0
    for node in nodes:
        part = plan.steps[start:start + _size(node)]
        start += _size(node)
        for word in ("Rep", "Stride", "Squats"):
            group = [s for s in part if s.is_work and s.label.startswith(word + " ")]
            if isinstance(node, Step):
                assert all(s.rep is None for s in group)
            else:  # numbered 1..N across the whole top-level repeat
                assert [s.rep for s in group] == list(range(1, len(group) + 1))
                assert {s.rep_count for s in group} <= {len(group)}
    for step in plan.steps:
        if step.kind is StepKind.REST and step.round_s is not None:
            assert step.duration_s is not None and step.duration_s >= 0
    lead_in = plan.lead_in_s if plan.steps[0].kind is not StepKind.REST else 0.0  # as the engine
    assert plan.estimated_s >= lead_in + sum(
        s.expected_s for s in plan.steps if s.round_s is None)
    assert plan.estimated_s == pytest.approx(end_times(plan.steps, plan.lead_in_s)[-1])
