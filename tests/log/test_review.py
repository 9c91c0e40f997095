"""The review's shared logic: a session beside the previous one, a workout's trend, from the log.

The review's worked example (splits 87, 86, 87, 88, 88, 89, 90, 91 s against 87.24 s:
mean deviation +1.01 s, Sdec 2.62 %, fade +4 s = 4.60 %, slope +0.64 s a rep, CV 1.89 %) is the
seeded log's latest session; its previous session ran eight reps of 88.0 s at effort 7.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.coach.compare import compare
from intervaltimer.coach.figures import session_metrics
from intervaltimer.coach.sessions import effort_words, left_out_note, main_set, summary_load
from intervaltimer.log.records import RepRecord
from intervaltimer.log.review import (
    previous_session,
    review_session,
    workout_points,
    workout_trend,
)
from intervaltimer.log.store import Store
from tests.helpers.reviewkit import (
    EIGHT_HUNDREDS,
    FIVE_K_400,
    MILE_400,
    WORKED_RPES,
    WORKED_SPLITS,
    Seeded,
    seed,
)


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path / "log.sqlite3")


@pytest.fixture
def store(seeded: Seeded) -> Iterator[Store]:
    opened = Store.open(seeded.path)
    yield opened
    opened.close()


def test_a_session_read_back_has_the_worked_example_metrics(store: Store, seeded: Seeded) -> None:
    review = review_session(store, seeded.latest)
    assert review is not None
    assert [rep.split_s for rep in review.reps] == list(WORKED_SPLITS)
    metrics = review.metrics
    assert metrics.mean_deviation_s == pytest.approx(1.01, abs=0.005)
    assert metrics.decrement_pct == pytest.approx(2.62, abs=0.005)
    assert metrics.fade_s == pytest.approx(4.0)
    assert metrics.fade_pct == pytest.approx(4.60, abs=0.005)
    assert metrics.fade_slope_s_per_rep == pytest.approx(0.64, abs=0.005)
    assert metrics.cv_pct == pytest.approx(1.89, abs=0.005)
    assert metrics.mean_rpe == pytest.approx(7.5)  # (6+6+7+7+8+8+9+9) / 8
    assert metrics.load is None  # no session effort yet
    assert metrics.duration_s == pytest.approx(45 * 60)


def test_the_previous_session_is_the_last_completed_one_before(store: Store,
                                                               seeded: Seeded) -> None:
    latest = store.session(seeded.latest)
    assert latest is not None
    previous = previous_session(store, latest)
    assert previous is not None and previous.id == seeded.previous  # not the abandoned try
    first = store.session(seeded.previous)
    assert first is not None and previous_session(store, first) is None


def test_the_comparison_puts_the_previous_session_beside(store: Store, seeded: Seeded) -> None:
    review = review_session(store, seeded.latest)
    assert review is not None and review.previous is not None
    rows = {row.key: row for row in review.comparison.rows}
    # Previous: eight reps of 88.0 s against 87.24 at effort 7, session effort 6, 45 min.
    assert (rows["mean_split_s"].now, rows["mean_split_s"].before) == ("1:28.2", "1:28.0")
    assert (rows["mean_deviation_s"].now, rows["mean_deviation_s"].before) == ("+1.01 s",
                                                                               "+0.76 s")
    assert (rows["fade_pct"].now, rows["fade_pct"].before) == ("+4.60 %", "+0.00 %")
    assert (rows["decrement_pct"].now, rows["decrement_pct"].before) == ("2.62 %", "0.00 %")
    assert (rows["cv_pct"].now, rows["cv_pct"].before) == ("1.89 %", "0.00 %")
    assert (rows["mean_rpe"].now, rows["mean_rpe"].before, rows["mean_rpe"].change) == (
        "7.5", "7.0", "+0.5")
    assert (rows["load"].now, rows["load"].before) == ("–", "270")  # 6 × 45 min
    # +0.25 s of mean split is within the half second of noise; the slowdown is clearly worse.
    assert rows["mean_split_s"].verdict == "same"
    assert rows["fade_pct"].verdict == "worse"
    assert rows["decrement_pct"].verdict == "worse"
    assert rows["target_mean_s"].verdict == ""  # no better or worse about a target
    assert review.comparison.note == ""


def test_without_a_previous_session_there_is_nothing_beside() -> None:
    now = session_metrics(list(WORKED_SPLITS), [87.24] * 8, list(WORKED_RPES), None, 2700)
    comparison = compare(now, None)
    assert all(row.before == "" and row.change == "" for row in comparison.rows)
    assert "nothing to compare" in comparison.note


def test_changed_targets_compare_by_deviation_not_raw_split() -> None:
    before = session_metrics([172.0] * 6, [170.0] * 6, [8] * 6, None, 3000)
    now = session_metrics([167.0] * 6, [165.0] * 6, [8] * 6, None, 3000)
    comparison = compare(now, before)
    rows = {row.key: row for row in comparison.rows}
    assert comparison.targets_changed
    assert "compare by ± target" in comparison.note
    assert rows["mean_split_s"].change == "-5.0" and rows["mean_split_s"].verdict == ""
    assert rows["mean_deviation_s"].verdict == "same"  # +2.00 s both times


def test_deviation_closer_to_target_is_better_either_side() -> None:
    before = session_metrics([89.0] * 4, [87.0] * 4, [7] * 4, None, None)  # +2.0 s
    now = session_metrics([86.0] * 4, [87.0] * 4, [7] * 4, None, None)  # -1.0 s
    rows = {row.key: row for row in compare(now, before).rows}
    assert rows["mean_deviation_s"].verdict == "better"
    assert rows["mean_split_s"].verdict == "better"  # same target, 3 s faster


def test_a_workout_trend_reads_completed_sessions_oldest_first(store: Store,
                                                               seeded: Seeded) -> None:
    result = workout_trend(store, FIVE_K_400)
    assert [point.id for point in result.points] == list(seeded.five_k)
    assert [point.mean_rpe for point in result.points] == pytest.approx(
        [7.0, 6.8, 6.5, 6.3, 6.1, 5.9])
    assert result.summary == (
        "mean effort down 1.1 over 6 sessions at the same pace; slowdown fell from 4.6 % to 2.0 % "
        "(fitted trend); last time the last rep was 0.6 s slower than the others at effort 6")
    # Loads: session effort × 40 min.
    assert [point.load for point in result.points] == pytest.approx(
        [280, 280, 240, 240, 240, 200])


def test_a_trend_counts_abandoned_sessions_and_can_be_limited(store: Store,
                                                              seeded: Seeded) -> None:
    points = workout_points(store, MILE_400)
    assert [p.id for p in points] == [seeded.previous, seeded.abandoned, seeded.latest]
    assert [(p.status, p.finished) for p in points] == [
        ("completed", True), ("abandoned", False), ("completed", True)]
    assert [p.id for p in workout_points(store, FIVE_K_400, limit=3)] == list(seeded.five_k[3:])


def test_a_trend_across_changed_targets_says_so(store: Store) -> None:
    result = workout_trend(store, EIGHT_HUNDREDS)
    assert result.compare_by == "deviation"
    assert result.summary.startswith("targets changed, so splits are compared by deviation "
                                     "from target: ")


def test_summary_load_and_effort_words(store: Store, seeded: Seeded) -> None:
    rows = {row.id: row for row in store.summaries(workout=MILE_400)}
    assert summary_load(rows[seeded.previous]) == pytest.approx(270.0)  # 6 × 45 min
    assert summary_load(rows[seeded.latest]) is None
    assert effort_words(7) == "7 very hard"
    assert effort_words(6) == "6"
    assert effort_words(None) == ""


def test_a_session_not_in_the_log_reviews_as_none(store: Store) -> None:
    assert review_session(store, 9999) is None


def _rep(index: int, split_s: float, distance_m: float | None, target_s: float | None = None,
         rpe: int | None = None) -> RepRecord:
    return RepRecord(session_id=1, index=index, step_index=index, label=f"Rep {index}",
                     split_s=split_s, started_at=0.0, ended_at=split_s, distance_m=distance_m,
                     target_s=target_s, rest_s=None, rpe=rpe)


def test_strides_before_the_main_set_are_left_out_of_the_metrics(store: Store) -> None:
    """4 x 80 m strides (no target, effort 3) then the worked example's 8 x 400 m: the metrics
    are the worked example's, not a fade from a 14 s stride to a 91 s rep."""
    session_id = store.start_session(MILE_400, "name: x\n", {}, plan_steps=30, started_at=1e9)
    strides = [_rep(i, 14.0 + 0.1 * i, 80.0, rpe=3) for i in range(1, 5)]
    reps = strides + [_rep(4 + i, split, 400.0, 87.24, rpe)
                      for i, (split, rpe) in enumerate(zip(WORKED_SPLITS, WORKED_RPES,
                                                           strict=True), start=1)]
    for rep in reps:
        store.record_rep(session_id, rep.index, step_index=rep.index, label=rep.label,
                         split_s=rep.split_s, ended_at=1e9 + 60 * rep.index,
                         distance_m=rep.distance_m, target_s=rep.target_s, rpe=rep.rpe)
    store.finish_session(session_id, "completed", ended_at=1e9 + 2700)
    review = review_session(store, session_id)
    assert review is not None
    assert len(review.reps) == 12  # the rep table still shows every rep
    metrics = review.metrics
    assert metrics.fade_pct == pytest.approx(4.60, abs=0.005)
    assert metrics.decrement_pct == pytest.approx(2.62, abs=0.005)
    assert metrics.mean_rpe == pytest.approx(7.5)
    assert review.left_out == ("metrics are over the 8 reps with a target; 4 reps without one "
                               "(strides, drills) left out")


def test_without_targets_short_reps_are_strides_and_untimed_reps_count() -> None:
    strides = [_rep(i, 15.0, 80.0) for i in range(1, 5)]
    four_hundreds = [_rep(i, 85.0, 400.0) for i in range(5, 9)]
    assert main_set(strides + four_hundreds) == four_hundreds
    assert left_out_note(strides + four_hundreds) == (
        "metrics leave out 4 short reps (strides) before the main set")
    # a ladder keeps every rung; strides alone are the set; exercises always count
    ladder = [_rep(1, 85.0, 400.0), _rep(2, 180.0, 800.0), _rep(3, 280.0, 1200.0)]
    assert main_set(ladder) == ladder
    assert main_set(strides) == strides
    circuit = [_rep(1, 45.0, None), _rep(2, 45.0, None)]
    assert main_set(circuit) == circuit
    assert left_out_note(circuit) == ""


@pytest.mark.parametrize("targeted", [True, False])
def test_history_rows_average_the_same_main_set_as_the_metrics(store: Store,
                                                               targeted: bool) -> None:
    """The history list's mean split and effort are over the main set, as on the session
    screen: 4 x 80 m strides at 14 s do not drag a 400 m session's mean split to 1:01."""
    session_id = store.start_session(MILE_400, "name: x\n", {}, plan_steps=30, started_at=1e9)
    strides = [_rep(i, 14.0, 80.0, rpe=3) for i in range(1, 5)]
    main = [_rep(4 + i, split, 400.0, 87.24 if targeted else None, rpe)
            for i, (split, rpe) in enumerate(zip(WORKED_SPLITS, WORKED_RPES, strict=True),
                                             start=1)]
    for rep in strides + main:
        store.record_rep(session_id, rep.index, step_index=rep.index, label=rep.label,
                         split_s=rep.split_s, ended_at=1e9 + 60 * rep.index,
                         distance_m=rep.distance_m, target_s=rep.target_s, rpe=rep.rpe)
    assert main_set(strides + main) == main
    row = next(row for row in store.summaries() if row.id == session_id)
    assert row.reps == 12  # every rep is counted
    assert row.mean_split_s == pytest.approx(sum(WORKED_SPLITS) / 8)  # 88.25, not 63.5
    assert row.mean_rpe == pytest.approx(sum(WORKED_RPES) / 8)
    if targeted:
        assert row.mean_deviation_s == pytest.approx(88.25 - 87.24)
    else:
        assert row.mean_deviation_s is None
