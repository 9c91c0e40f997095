"""The issue's histories each get the verdict a coach would give (issue 9, "What to build" 3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from intervaltimer.coach.trends import SessionPoint, trend
from intervaltimer.log.review import workout_trend
from intervaltimer.log.store import Store

MONDAY = datetime(2025, 3, 3, 18, 0)


def point(i: int, *, split: float, target: float | None, rpe: float, fade: float = 1.0,
          rest: float | None = None, status: str = "completed", done: int = 8,
          planned: int | None = 8, peak: int | None = None) -> SessionPoint:
    return SessionPoint(
        id=i + 1, started_at=MONDAY + timedelta(days=3 * i), mean_split_s=split,
        mean_deviation_s=None if target is None else split - target, mean_rpe=rpe,
        decrement_pct=fade / 2, fade_pct=fade, load=None, target_mean_s=target, rest_s=rest,
        reps_done=done, reps_planned=planned, status=status,
        peak_rpe=peak if peak is not None else round(rpe) + 1, distance_m=400.0)


def ladder(deviations: Sequence[float]) -> list[SessionPoint]:
    """Eight sessions, two at each rest of 90, 75, 60 and 45 s, effort and fade creeping up."""
    rests = [90, 90, 75, 75, 60, 60, 45, 45]
    fades = [0.9, 1.2, 1.5, 1.9, 2.3, 2.7, 3.0, 3.4]
    return [point(i, split=87.24 + d, target=87.24, rpe=6.0 + 0.17 * i, fade=fades[i],
                  rest=rests[i]) for i, d in enumerate(deviations)]


def test_pace_held_on_shorter_rest_is_tolerance_up_not_a_decline() -> None:
    summary = trend(ladder([0.3, 0.4, 0.5, 0.6, 0.8, 0.9, 1.1, 1.2])).summary
    assert summary == ("rest cut from 90 s to 45 s over 8 sessions, splits held within "
                       "+1.2 s of target: tolerance up")


def test_shorter_rest_with_the_pace_slipping_is_not_tolerance_up() -> None:
    summary = trend(ladder([0.3, 0.4, 0.5, 0.6, 1.0, 1.6, 2.2, 2.6])).summary
    assert summary == ("rest cut from 90 s to 45 s over 8 sessions, but splits slipped "
                       "to +2.6 s off target: not held yet")
    assert "tolerance up" not in summary


def test_a_faster_target_at_the_same_effort_is_fitter() -> None:
    points = [point(0, split=87.5, target=87.24, rpe=7.0),
              point(1, split=87.4, target=87.24, rpe=7.1),
              point(2, split=85.5, target=85.24, rpe=7.1),
              point(3, split=85.4, target=85.24, rpe=7.0)]
    assert trend(points).summary == "target 2.0 s/400 m faster at the same effort: fitter"


def test_a_missed_new_target_with_unchanged_splits_is_too_fast() -> None:
    points = [point(0, split=88.0, target=87.24, rpe=7.0),
              point(1, split=88.0, target=87.24, rpe=7.0),
              point(2, split=88.0, target=85.24, rpe=7.5, peak=8),
              point(3, split=88.0, target=85.24, rpe=7.5, peak=8)]
    assert trend(points).summary == ("the new target looks too fast: splits as on the old "
                                     "one (1:28.0 against 1:28.0)")


def test_a_cut_short_session_at_effort_ten_says_back_off_never_fade_down() -> None:
    points = [point(0, split=88.0, target=87.24, rpe=7.0, fade=4.0, rest=60),
              point(1, split=88.0, target=87.24, rpe=7.0, fade=3.5, rest=60),
              point(2, split=87.6, target=87.24, rpe=8.5, fade=0.5, rest=45,
                    status="abandoned", done=6, peak=10)]
    summary = trend(points).summary
    assert summary == ("back off: the last session was stopped after 6 of 8 reps at effort 10; "
                       "run the next one on a longer rest")
    assert "fade down" not in summary


def test_two_sessions_running_at_effort_nine_or_more_say_back_off() -> None:
    points = [point(i, split=88.0 - 0.5 * i, target=87.24, rpe=8.0, peak=p)
              for i, p in enumerate([8, 9, 10])]
    assert trend(points).summary.startswith(
        "back off: effort 9 or more in the last 2 sessions (9, 10)")


def test_the_cut_short_session_from_the_log(tmp_path: Path) -> None:
    """Written as a run writes it: rung and reps planned at the start, six reps, stopped."""
    with Store.open(tmp_path / "log.sqlite3") as store:
        for day, (status, reps, effort) in enumerate(
                [("completed", 8, 7), ("completed", 8, 8), ("abandoned", 6, 10)]):
            start = MONDAY.timestamp() + day * 86400
            session = store.start_session("8 x 400", "name: 8 x 400\n", {}, 20,
                                          started_at=start, main_rest_s=60.0, reps_planned=8)
            for index in range(1, reps + 1):
                store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/8",
                                 split_s=87.5, ended_at=start + 150 * index, distance_m=400,
                                 target_s=87.24, rest_s=60.0,
                                 rpe=effort if index == reps else 6, main=True)
            store.finish_session(session, status, ended_at=start + 2400)
        result = workout_trend(store, "8 x 400")
    assert [(p.reps_done, p.reps_planned, p.rest_s) for p in result.points] == [
        (8, 8, 60.0), (8, 8, 60.0), (6, 8, 60.0)]
    assert result.summary.startswith(
        "back off: the last session was stopped after 6 of 8 reps at effort 10")
