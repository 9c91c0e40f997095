"""Metrics that hold for any main set: the shipped kick finisher, 5k ladder and negative split
run exactly on target (or, without targets, exactly like for like) show no fade and no
decrement; the last rep's kick; a skipped rep is listed and lowers the reps run."""

from __future__ import annotations

import pytest

from intervaltimer.coach.figures import SessionMetrics
from intervaltimer.coach.sessions import main_set, metrics_of
from intervaltimer.coach.shape import group_key, set_shape
from intervaltimer.log.records import RepRecord, SessionRecord, SessionStatus
from intervaltimer.resources import workouts_dir
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.profile import Profile, Race

RUNNER = Profile((Race("800m", 800.0, 130.0), Race("5k", 5000.0, 1140.0)))
SESSION = SessionRecord(id=1, workout="w", started_at=0.0, ended_at=3600.0,
                        status=SessionStatus.COMPLETED)


def reps_run_on_target(name: str, profile: Profile | None, slower_by: float = 0.0
                       ) -> list[RepRecord]:
    """Every work step of a shipped workout as a logged rep, run exactly on its target
    (or, without one, at an even 0.36 s a metre), each `slower_by` seconds slower."""
    plan = expand(load_workout(workouts_dir() / f"{name}.yaml"), profile)
    reps = []
    for step in plan.steps:
        if not step.is_work or step.distance_m is None:
            continue
        split = (step.target_s if step.target_s is not None else step.distance_m * 0.36)
        reps.append(RepRecord(session_id=1, index=len(reps) + 1, step_index=step.index,
                              label=step.label, split_s=split + slower_by, started_at=0.0,
                              ended_at=split, distance_m=step.distance_m,
                              target_s=step.target_s))
    return reps


def metrics(name: str, profile: Profile | None) -> SessionMetrics:
    return metrics_of(SESSION, reps_run_on_target(name, profile))


@pytest.mark.parametrize("name", ["kick-finisher", "5k-ladder", "negative-split"])
@pytest.mark.parametrize("profile", [RUNNER, None], ids=["targets", "no-targets"])
def test_a_mixed_main_set_run_exactly_as_planned_has_no_fade_or_decrement(
        name: str, profile: Profile | None) -> None:
    m = metrics(name, profile)
    assert m.reps >= 5
    assert m.decrement_pct == pytest.approx(0.0, abs=1e-9)
    assert m.fade_s == pytest.approx(0.0, abs=1e-9)
    assert m.fade_pct == pytest.approx(0.0, abs=1e-9)
    assert m.cv_pct == pytest.approx(0.0, abs=1e-9)


def test_the_kick_finisher_on_raw_splits_would_read_as_nonsense() -> None:
    """The specification's numbers: on raw splits the kick finisher shows Sdec over 100 %."""
    reps = main_set(reps_run_on_target("kick-finisher", RUNNER))
    splits = [rep.split_s for rep in reps if rep.split_s is not None]
    from intervaltimer.coach.metrics import decrement_pct

    raw = decrement_pct(splits)
    assert raw is not None and raw > 100


def test_a_mixed_set_run_uniformly_slower_fades_nothing_but_deviates() -> None:
    m = metrics_of(SESSION, reps_run_on_target("kick-finisher", RUNNER, slower_by=1.0))
    assert m.mean_deviation_s == pytest.approx(1.0)
    assert m.fade_s == pytest.approx(0.0, abs=1e-9)
    assert m.kick_s == pytest.approx(0.0, abs=1e-9)


def test_groups_drop_the_rep_numbering() -> None:
    assert group_key("Rep 3/8 · 400 m @ mile") == "Rep · 400 m @ mile"
    assert group_key("Settle 2/5 · 300 m @ 5k") == "Settle · 300 m @ 5k"
    assert group_key("Run 1200 m @ 5k", 1200.0) == "1200 m"
    assert group_key("Rep 3", 400.0) == group_key("Rep 4", 400.0) == "400 m"  # an older log


def test_the_kick_is_the_last_rep_against_the_others() -> None:
    # Seven reps 0.5 s over an 84 s target, then a last rep 1.0 s under it.
    splits = [84.5] * 7 + [83.0]
    shape = set_shape(splits, [84.0] * 8)
    assert shape.kick_s == pytest.approx(-1.5)
    assert shape.kick_pct == pytest.approx(-1.5 / 84 * 100)


def test_a_skipped_rep_is_listed_and_lowers_the_reps_run() -> None:
    reps = reps_run_on_target("5k-ladder", RUNNER)
    skipped = RepRecord(session_id=1, index=3, step_index=reps[2].step_index,
                        label=reps[2].label, split_s=None, started_at=0.0, ended_at=0.0,
                        distance_m=reps[2].distance_m, target_s=reps[2].target_s,
                        skipped=True)
    reps[2] = skipped
    assert skipped in main_set(reps)
    m = metrics_of(SESSION, reps, reps_planned=5)
    assert (m.reps, m.skipped, m.reps_planned) == (4, 1, 5)
    assert m.decrement_pct == pytest.approx(0.0, abs=1e-9)
    assert m.to_json()["skipped"] == 1
