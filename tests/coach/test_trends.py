"""Trends over the sessions of one workout: slopes, which figure to compare, the sentence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervaltimer.coach.figures import session_metrics
from intervaltimer.coach.trends import SessionPoint, trend
from intervaltimer.log.shapes import trend_to_json

MONDAY = datetime(2025, 3, 3, 18, 0)


def sessions(
    rpe: Sequence[float | None],
    fade: Sequence[float | None],
    split: Sequence[float],
    target: Sequence[float | None] | None = None,
    decrement: Sequence[float | None] | None = None,
    load: Sequence[float | None] | None = None,
) -> list[SessionPoint]:
    """Weekly sessions, oldest first; deviation = split - target where there is a target."""
    n = len(rpe)
    targets = list(target) if target is not None else [None] * n
    return [
        SessionPoint(
            id=i + 1,
            started_at=MONDAY + timedelta(days=7 * i),
            mean_split_s=split[i],
            mean_deviation_s=None if (t := targets[i]) is None else split[i] - t,
            mean_rpe=rpe[i],
            decrement_pct=(decrement or fade)[i],
            fade_pct=fade[i],
            load=None if load is None else load[i],
            target_mean_s=targets[i],
        )
        for i in range(n)
    ]


class TestSummary:
    def test_improving_at_the_same_pace(self) -> None:
        # effort falls 0.223 a session (fitted 6.99 -> 5.88: down 1.1), fade 4.6 -> 2.0 exactly
        # linear (-0.52 a session), splits and targets the same every week.
        points = sessions(
            rpe=[7.0, 6.8, 6.5, 6.3, 6.1, 5.9],
            fade=[4.6, 4.08, 3.56, 3.04, 2.52, 2.0],
            split=[88.0] * 6,
            target=[87.24] * 6,
        )
        result = trend(points)
        assert result.compare_by == "split"
        assert result.summary == (
            "mean effort down 1.1 over 6 sessions at the same pace; slowdown fell from 4.6 % "
            "to 2.0 % (fitted trend)"
        )

    def test_worsening(self) -> None:
        # effort +0.26 a session (6.0 -> 7.3), fade +0.5 a session (2.0 -> 4.5),
        # splits +0.6 a session from 1:26.0 (86 s) to 1:29.0 (89 s): 3 s, well over 1 %.
        points = sessions(
            rpe=[6.0, 6.26, 6.52, 6.78, 7.04, 7.3],
            fade=[2.0, 2.5, 3.0, 3.5, 4.0, 4.5],
            split=[86.0, 86.6, 87.2, 87.8, 88.4, 89.0],
            target=[87.24] * 6,
        )
        assert trend(points).summary == (
            "mean effort up 1.3 over 6 sessions; slowdown rose from 2.0 % to 4.5 %; "
            "splits slower, from 1:26.0 to 1:29.0 (fitted trend)"
        )

    def test_flat_says_no_clear_change_and_the_level(self) -> None:
        # effort wanders within 0.3, fade within 0.3, splits within 0.3 s of 1:28
        points = sessions(
            rpe=[6.0, 6.3, 5.9, 6.1, 6.0, 6.2],
            fade=[3.0, 3.2, 2.9, 3.1, 3.0, 3.2],
            split=[88.0, 88.2, 87.9, 88.1, 88.0, 88.2],
            target=[87.24] * 6,
        )
        # means: effort 36.5 / 6 = 6.08, fade 18.4 / 6 = 3.07, split 528.4 / 6 = 88.07
        assert trend(points).summary == (
            "no clear change over 6 sessions: effort about 6.1, slowdown about 3.1 %, "
            "splits about 1:28.1"
        )

    def test_zigzag_is_noise(self) -> None:
        # Raw first-to-last effort drops 2 points, the fitted line 0.86 (over the 0.5
        # threshold), but the slope (-0.17) is inside one standard error (0.28): noise.
        points = sessions(rpe=[7.0, 5.0, 7.0, 5.0, 7.0, 5.0], fade=[3.0] * 6, split=[88.0] * 6)
        assert trend(points).summary.startswith("no clear change over 6 sessions")

    def test_changed_targets_compare_by_deviation(self) -> None:
        # targets 90 -> 87 s (3 s apart > 0.5 s); deviation 0 -> -0.9 in steps of 0.18,
        # effort and fade flat.
        targets = [90.0, 89.4, 88.8, 88.2, 87.6, 87.0]
        deviation = [0.0, -0.18, -0.36, -0.54, -0.72, -0.9]
        points = sessions(
            rpe=[6.0, 6.1, 6.0, 6.0, 6.1, 6.0],
            fade=[3.0, 3.1, 3.0, 3.0, 3.1, 3.0],
            split=[t + d for t, d in zip(targets, deviation, strict=True)],
            target=targets,
        )
        result = trend(points)
        assert result.compare_by == "deviation"
        # What moved is told against target (a faster target met at the same effort is the
        # verdict's `fitter`, see tests/coach/test_verdict.py).
        assert result.summary.startswith("targets changed, so splits are compared by "
                                         "deviation from target: splits faster against target")

    def test_changed_targets_with_effort_down_and_deviation_held(self) -> None:
        points = sessions(
            rpe=[7.0, 6.5, 6.0, 5.5],
            fade=[3.0] * 4,
            split=[91.0, 90.0, 89.0, 88.0],
            target=[90.0, 89.0, 88.0, 87.0],  # always 1 s slow: deviation +1.0 throughout
        )
        assert trend(points).summary == (
            "targets changed, so splits are compared by deviation from target: mean effort "
            "down 1.5 over 4 sessions at the same pace relative to target")

    def test_small_target_drift_is_the_same_pace(self) -> None:
        # targets within 0.4 s of each other: still compared by raw split
        points = sessions(
            rpe=[6.0, 5.0, 4.0], fade=[3.0] * 3, split=[88.0] * 3, target=[87.2, 87.4, 87.6]
        )
        result = trend(points)
        assert result.compare_by == "split"
        assert result.summary == "mean effort down 2.0 over 3 sessions at the same pace"

    def test_sessions_without_a_target_switch_to_deviation(self) -> None:
        points = sessions(
            rpe=[6.0] * 4, fade=[3.0] * 4, split=[88.0] * 4, target=[None, 87.0, 87.0, 87.0]
        )
        result = trend(points)
        assert result.compare_by == "deviation"
        # the three sessions with a target ran 88 - 87 = +1.0 s off it
        assert result.summary == (
            "1 of 4 sessions had no target, so splits are compared by deviation from target "
            "in the other 3: no clear change over 4 sessions: effort about 6.0, "
            "slowdown about 3.0 %, about +1.0 s off target"
        )

    def test_no_targets_at_all_compares_splits(self) -> None:
        points = sessions(rpe=[7.0, 6.0, 5.0], fade=[3.0] * 3, split=[88.0] * 3)
        result = trend(points)
        assert result.compare_by == "split"
        assert result.summary == "mean effort down 2.0 over 3 sessions at similar splits"

    def test_faster_at_the_same_effort(self) -> None:
        points = sessions(rpe=[6.0] * 3, fade=[3.0] * 3, split=[90.0, 88.5, 87.0])
        assert trend(points).summary == (
            "splits faster, from 1:30.0 to 1:27.0 over 3 sessions at the same effort (fitted trend)"
        )

    def test_decrement_told_when_it_moved_more_than_slowdown(self) -> None:
        points = sessions(
            rpe=[6.0] * 3,
            fade=[3.0, 3.2, 3.0],
            decrement=[4.0, 3.0, 2.0],
            split=[88.0] * 3,
            target=[88.0] * 3,
        )
        assert trend(points).summary == (
            "decrement fell from 4.0 % to 2.0 % over 3 sessions at the same pace and effort"
            " (fitted trend)"
        )

    def test_no_efforts_rated(self) -> None:
        points = sessions(rpe=[None] * 3, fade=[5.0, 4.0, 3.0], split=[88.0] * 3)
        assert trend(points).summary == (
            "slowdown fell from 5.0 % to 3.0 % over 3 sessions at similar splits (fitted trend)"
        )


class TestFewSessions:
    def test_no_sessions(self) -> None:
        result = trend([])
        assert result.summary == "no sessions of this workout yet"
        assert result.points == ()
        assert all(slope is None for slope in result.slopes.values())

    def test_one_session(self) -> None:
        result = trend(sessions(rpe=[6.0], fade=[3.0], split=[88.0]))
        assert result.summary == "one session so far: run it again to see a trend"
        assert result.slopes["mean_rpe_per_session"] is None

    def test_two_sessions_compare_the_two_and_ask_for_a_third(self) -> None:
        result = trend(sessions(rpe=[7.0, 6.0], fade=[3.0, 3.0], split=[88.0, 88.0]))
        assert result.summary == (
            "mean effort down 1.0 over 2 sessions at similar splits "
            "(two sessions: run it again to confirm)"
        )
        assert result.slopes["mean_rpe_per_session"] == pytest.approx(-1.0)


class TestSlopes:
    def test_slopes_are_per_session_and_input_order_does_not_matter(self) -> None:
        points = sessions(
            rpe=[7.0, 6.5, 6.0, 5.5],
            fade=[4.0, 3.0, 2.0, 1.0],
            split=[88.0, 87.5, 87.0, 86.5],
            load=[300.0, 320.0, 340.0, 360.0],
        )
        result = trend(list(reversed(points)))
        assert [p.id for p in result.points] == [1, 2, 3, 4]
        assert result.slopes["mean_rpe_per_session"] == pytest.approx(-0.5)
        assert result.slopes["fade_pct_per_session"] == pytest.approx(-1.0)
        assert result.slopes["decrement_pct_per_session"] == pytest.approx(-1.0)
        assert result.slopes["mean_split_s_per_session"] == pytest.approx(-0.5)
        assert result.slopes["load_per_session"] == pytest.approx(20.0)
        assert result.slopes["mean_deviation_s_per_session"] is None
        line = result.lines["mean_rpe"]
        assert line is not None and line.at(0) == pytest.approx(7.0)

    def test_a_session_missing_a_figure_keeps_its_place(self) -> None:
        # efforts at sessions 0, 2, 3 (session 1 unrated): 6, 5, 4.5
        # x = 0, 2, 3; x_mean 5/3, y_mean 31/6
        # Sxy = (-5/3)(5/6) + (1/3)(-1/6) + (4/3)(-2/3) = -25/18 - 1/18 - 16/18 = -42/18
        # Sxx = 25/9 + 1/9 + 16/9 = 42/9; slope = (-42/18) / (42/9) = -0.5
        points = sessions(rpe=[6.0, None, 5.0, 4.5], fade=[3.0] * 4, split=[88.0] * 4)
        assert trend(points).slopes["mean_rpe_per_session"] == pytest.approx(-0.5)


@given(
    st.floats(min_value=1, max_value=10),
    st.floats(min_value=-1, max_value=1),
    st.integers(min_value=2, max_value=40),
)
def test_slope_of_a_linear_series_is_its_step(first: float, step: float, n: int) -> None:
    rpe = [first + step * i for i in range(n)]
    result = trend(sessions(rpe=rpe, fade=[3.0] * n, split=[88.0] * n))
    assert result.slopes["mean_rpe_per_session"] == pytest.approx(step, abs=1e-7)


class TestJson:
    def test_shape(self) -> None:
        m = session_metrics(
            [87.0, 86.0, 87.0, 88.0, 88.0, 89.0, 90.0, 91.0],
            [87.24] * 8,
            [5, 6, 6, 7, 7, 8, 8, 9],
            session_rpe=7,
            duration_s=1800,
        )
        first = SessionPoint.from_metrics(11, MONDAY, m)
        later = SessionPoint.from_metrics(12, MONDAY + timedelta(days=7), m)
        doc = trend_to_json(trend([later, first]), "8 x 400 m at mile pace")
        json.dumps(doc)  # serialisable as is
        assert set(doc) == {"workout", "compare_by", "sessions", "slopes", "summary", "verdict",
                            "advice"}
        assert doc["workout"] == "8 x 400 m at mile pace"
        assert [s["id"] for s in doc["sessions"]] == [11, 12]
        assert doc["sessions"][0] == {
            "id": 11,
            "started_at": "2025-03-03T18:00:00",
            "status": "completed",
            "rest_s": None,
            "reps_done": 8,
            "reps_planned": None,
            "mean_split_s": 88.25,
            "mean_deviation_s": 1.01,
            "mean_rpe": 7.0,  # 56 / 8
            "decrement_pct": 2.616,
            "fade_pct": 4.598,
            "load": 210.0,  # 7 * 30 min
            "target_mean_s": 87.24,
            # the last rep (+3.76 s) against the mean of the others (+0.617 s)
            "kick_s": 3.143,
            "kick_pct": 3.603,
            "last_rep_rpe": 9,
            "conditions": [],
        }
        assert doc["slopes"]["mean_rpe_per_session"] == 0.0
        assert doc["summary"].startswith("no clear change over 2 sessions")

    def test_a_flagged_session_is_shown_but_left_out_of_the_sentence(self) -> None:
        even = session_metrics([87.5] * 8, [87.24] * 8, [7] * 8, None, None)
        hot = session_metrics([91.0] * 8, [87.24] * 8, [9] * 8, None, None)
        points = [SessionPoint.from_metrics(10 + i, MONDAY + timedelta(days=2 * i), m,
                                            rest_s=60.0, conditions=flags)
                  for i, (m, flags) in enumerate([(hot, ("heat",)), (even, ()), (even, ())])]
        doc = trend_to_json(trend(points), "8 x 400 m at mile pace")
        assert [s["conditions"] for s in doc["sessions"]] == [["heat"], [], []]
        # Over all three, splits "faster" and effort "down": the hot day's doing, not told.
        assert doc["summary"].startswith("no clear change over 2 sessions")
        unflagged = [SessionPoint.from_metrics(p.id, p.started_at, m, rest_s=60.0)
                     for p, m in zip(points, (hot, even, even), strict=True)]
        assert "faster" in trend(unflagged).summary
