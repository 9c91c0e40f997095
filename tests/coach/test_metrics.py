"""Session metrics against the review's worked example and hand-computed cases."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervaltimer.coach.figures import session_metrics
from intervaltimer.coach.metrics import (
    Fade,
    cv_pct,
    daily_loads,
    decrement_pct,
    deviations,
    fade,
    least_squares,
    mean_deviation,
    mean_rpe,
    mean_split,
    mean_target,
    rpe_drift,
    session_load,
    week_start_of,
    weekly_load,
)

# The worked example: 8 reps against a target of 87.24 s.
SPLITS = [87.0, 86.0, 87.0, 88.0, 88.0, 89.0, 90.0, 91.0]
TARGETS: list[float | None] = [87.24] * 8


class TestWorkedExample:
    """Published figures: mean deviation +1.01 s, Sdec 2.62 %, fade +4 s = 4.60 %
    (slope +0.64 s per rep), CV 1.89 %."""

    def test_mean_deviation(self) -> None:
        deviation = mean_deviation(SPLITS, TARGETS)
        assert deviation is not None
        assert f"{deviation:+.2f}" == "+1.01"

    def test_decrement(self) -> None:
        sdec = decrement_pct(SPLITS)
        assert sdec is not None
        assert f"{sdec:.2f}" == "2.62"

    def test_fade(self) -> None:
        faded = fade(SPLITS)
        assert faded is not None
        assert f"{faded.seconds:+.0f}" == "+4"
        assert f"{faded.percent:.2f}" == "4.60"
        assert f"{faded.slope_s_per_rep:+.2f}" == "+0.64"

    def test_cv(self) -> None:
        cv = cv_pct(SPLITS)
        assert cv is not None
        assert f"{cv:.2f}" == "1.89"

    def test_exact_values_by_hand(self) -> None:
        # sum = 706, n = 8, mean = 88.25, best = 86
        assert mean_split(SPLITS) == pytest.approx(88.25)
        # 88.25 - 87.24 = 1.01
        assert mean_deviation(SPLITS, TARGETS) == pytest.approx(1.01)
        # 706 / (86 * 8) = 706 / 688 = 1.0261628 -> 2.61628 %
        assert decrement_pct(SPLITS) == pytest.approx((706 / 688 - 1) * 100)
        # x = 1..8, x_mean = 4.5, Sxx = 42; Sxy = 27 -> slope = 27 / 42 = 0.642857
        # (91 - 87) / 87 * 100 = 4.5977 %
        assert fade(SPLITS) == Fade(
            seconds=4.0, percent=pytest.approx(400 / 87), slope_s_per_rep=pytest.approx(27 / 42)
        )
        # squared deviations from 88.25 sum to 19.5; / 7 = 2.785714; sqrt = 1.669046;
        # / 88.25 * 100 = 1.891270 %
        assert cv_pct(SPLITS) == pytest.approx(math.sqrt(19.5 / 7) / 88.25 * 100)

    def test_session_metrics_bundles_the_same_figures(self) -> None:
        m = session_metrics(SPLITS, TARGETS, [None] * 8, session_rpe=None, duration_s=None)
        out = m.to_json()
        assert out["reps"] == 8
        assert out["mean_split_s"] == 88.25
        assert out["target_mean_s"] == 87.24
        assert out["mean_deviation_s"] == 1.01
        assert out["fade_s"] == 4.0
        assert out["fade_pct"] == 4.598
        assert out["fade_slope_s_per_rep"] == 0.643
        assert out["decrement_pct"] == 2.616
        assert out["cv_pct"] == 1.891
        assert out["mean_rpe"] is None and out["rpe_drift_per_rep"] is None
        assert out["rated_reps"] == 0
        assert out["load"] is None


class TestOneRep:
    def test_one_rep(self) -> None:
        # one 90 s rep against 88 s: deviation 2; Sdec = 90 / (90 * 1) - 1 = 0
        assert mean_split([90.0]) == 90.0
        assert mean_deviation([90.0], [88.0]) == 2.0
        assert decrement_pct([90.0]) == 0.0
        # fade, CV (sample sd needs n - 1 >= 1) and drift need two reps
        assert fade([90.0]) is None
        assert cv_pct([90.0]) is None
        assert rpe_drift([7]) is None
        assert mean_rpe([7]) == 7.0

    def test_one_rep_session(self) -> None:
        m = session_metrics([90.0], [88.0], [7], session_rpe=6, duration_s=600)
        # load = 6 * 600 / 60 = 60
        assert (m.reps, m.mean_deviation_s, m.decrement_pct, m.load) == (1, 2.0, 0.0, 60.0)
        assert m.fade_s is None and m.fade_pct is None and m.cv_pct is None


class TestNoReps:
    def test_everything_undefined(self) -> None:
        assert mean_split([]) is None
        assert mean_deviation([], []) is None
        assert fade([]) is None
        assert decrement_pct([]) is None
        assert cv_pct([]) is None
        assert mean_rpe([]) is None
        assert rpe_drift([]) is None
        m = session_metrics([], [], [], session_rpe=None, duration_s=None)
        assert m.reps == 0 and m.mean_split_s is None and m.decrement_pct is None


class TestAllRepsEqual:
    def test_no_fade_no_decrement_no_variation(self) -> None:
        splits = [80.0, 80.0, 80.0, 80.0]
        # 320 / (80 * 4) - 1 = 0; sd = 0 -> CV 0; last - first = 0; flat slope
        assert decrement_pct(splits) == 0.0
        assert cv_pct(splits) == 0.0
        assert fade(splits) == Fade(seconds=0.0, percent=0.0, slope_s_per_rep=0.0)


class TestTargets:
    def test_reps_without_a_target_are_left_out(self) -> None:
        splits = [70.0, 72.0, 75.0]
        targets: list[float | None] = [None, 71.0, 73.0]
        # rep 2: 72 - 71 = +1, rep 3: 75 - 73 = +2; mean (1 + 2) / 2 = 1.5
        assert deviations(splits, targets) == [None, 1.0, 2.0]
        assert mean_deviation(splits, targets) == 1.5
        assert mean_target(targets) == 72.0

    def test_faster_than_target_is_negative(self) -> None:
        # 84 - 85 = -1, 85 - 85 = 0 -> mean -0.5
        assert mean_deviation([84.0, 85.0], [85.0, 85.0]) == -0.5

    def test_no_target_at_all(self) -> None:
        assert deviations([70.0, 72.0], [None, None]) == [None, None]
        assert mean_deviation([70.0, 72.0], [None, None]) is None
        assert mean_target([None, None]) is None

    def test_misaligned_lists_are_a_programming_error(self) -> None:
        with pytest.raises(ValueError, match="2 splits but 1 targets"):
            deviations([70.0, 72.0], [70.0])


class TestEffort:
    def test_missing_efforts_are_ignored(self) -> None:
        rpes: list[int | None] = [6, None, 7, None, 9]
        # mean over the rated reps: (6 + 7 + 9) / 3 = 7.333
        assert mean_rpe(rpes) == pytest.approx(22 / 3)
        # drift at rep numbers 1, 3, 5: x_mean 3, y_mean 22/3;
        # Sxy = (-2)(6 - 22/3) + 0 + (2)(9 - 22/3) = 8/3 + 10/3 = 6; Sxx = 4 + 0 + 4 = 8
        # slope = 6 / 8 = 0.75 per rep
        assert rpe_drift(rpes) == pytest.approx(0.75)

    def test_drift_with_every_rep_rated(self) -> None:
        # 5, 6, 7, 8 -> one point per rep
        assert rpe_drift([5, 6, 7, 8]) == pytest.approx(1.0)

    def test_no_efforts(self) -> None:
        assert mean_rpe([None, None, None]) is None
        assert rpe_drift([None, None, None]) is None

    def test_one_effort_has_no_drift(self) -> None:
        assert mean_rpe([None, 8, None]) == 8.0
        assert rpe_drift([None, 8, None]) is None

    def test_session_metrics_counts_rated_reps(self) -> None:
        m = session_metrics([80.0, 81.0, 82.0], [None] * 3, [7, None, 9], None, None)
        # (7 + 9) / 2 = 8; slope between (1, 7) and (3, 9) = 2 / 2 = 1
        assert (m.rated_reps, m.mean_rpe, m.rpe_drift_per_rep) == (2, 8.0, 1.0)


class TestLoad:
    def test_foster_session_load(self) -> None:
        # session RPE 7 for 45 minutes: 7 * 45 = 315 AU
        assert session_load(7, 45) == 315.0
        assert session_load(None, 45) is None

    def test_session_metrics_load_from_duration_in_seconds(self) -> None:
        # 2700 s = 45 min; 7 * 45 = 315
        m = session_metrics([80.0], [None], [None], session_rpe=7, duration_s=2700)
        assert m.load == 315.0
        assert session_metrics([80.0], [None], [None], None, 2700).load is None
        assert session_metrics([80.0], [None], [None], 7, None).load is None

    def test_weekly_monotony_and_strain(self) -> None:
        # 4 days at 350 AU and 3 rest days: total 1400, mean 200;
        # deviations +150 (x4) and -200 (x3): (4 * 22500 + 3 * 40000) / 7 = 210000 / 7 = 30000
        # sd = sqrt(30000) = 173.205; monotony = 200 / 173.205 = 1.1547;
        # strain = 1400 * 1.1547 = 1616.6
        week = weekly_load([350.0, 0.0, 350.0, 0.0, 350.0, 350.0, 0.0])
        assert week.total == 1400.0
        assert week.monotony == pytest.approx(200 / math.sqrt(30000))
        assert week.monotony == pytest.approx(1.1547, abs=1e-4)
        assert week.strain == pytest.approx(1616.6, abs=0.1)

    def test_same_load_every_day_has_no_monotony(self) -> None:
        # sd = 0: mean / sd is undefined
        week = weekly_load([200.0] * 7)
        assert (week.total, week.monotony, week.strain) == (1400.0, None, None)
        assert weekly_load([0.0] * 7).monotony is None

    def test_a_week_has_seven_days(self) -> None:
        with pytest.raises(ValueError, match="7 daily loads"):
            weekly_load([100.0, 200.0])

    def test_daily_loads_add_up_sessions_of_a_day(self) -> None:
        monday = date(2025, 3, 3)
        sessions = [
            (date(2025, 3, 3), 300.0),
            (date(2025, 3, 5), 200.0),
            (date(2025, 3, 5), 150.0),  # a second session on Wednesday
            (date(2025, 3, 10), 999.0),  # next week
            (date(2025, 3, 2), 999.0),  # the week before
        ]
        assert daily_loads(sessions, monday) == [300.0, 0.0, 350.0, 0.0, 0.0, 0.0, 0.0]
        assert week_start_of(date(2025, 3, 9)) == monday
        assert week_start_of(monday) == monday


positive_splits = st.lists(
    st.floats(min_value=5.0, max_value=3600.0, allow_nan=False), min_size=1, max_size=40
)


@given(positive_splits)
def test_decrement_is_never_negative(splits: list[float]) -> None:
    sdec = decrement_pct(splits)
    assert sdec is not None and sdec >= 0


@given(positive_splits.filter(lambda s: len(s) >= 2), st.floats(min_value=0.1, max_value=10))
def test_cv_does_not_depend_on_units(splits: list[float], scale: float) -> None:
    before = cv_pct(splits)
    after = cv_pct([s * scale for s in splits])
    assert before is not None and after is not None
    assert after == pytest.approx(before, rel=1e-6, abs=1e-9)


@given(
    st.floats(min_value=30, max_value=600),
    st.floats(min_value=-5, max_value=5),
    st.integers(min_value=2, max_value=30),
)
def test_slope_of_a_linear_series_is_its_step(first: float, step: float, reps: int) -> None:
    splits = [first + step * i for i in range(reps)]
    faded = fade(splits)
    assert faded is not None
    assert faded.slope_s_per_rep == pytest.approx(step, abs=1e-7)
    assert faded.seconds == pytest.approx(step * (reps - 1), abs=1e-7)


@given(positive_splits, st.floats(min_value=5.0, max_value=3600.0))
def test_one_target_moves_the_mean_deviation_with_the_mean_split(
    splits: list[float], target: float
) -> None:
    deviation = mean_deviation(splits, [target] * len(splits))
    split = mean_split(splits)
    assert deviation is not None and split is not None
    assert deviation == pytest.approx(split - target, abs=1e-6)


def test_least_squares_needs_two_distinct_x() -> None:
    assert least_squares([1.0], [2.0]) is None
    assert least_squares([3.0, 3.0], [1.0, 2.0]) is None
    line = least_squares([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    assert line is not None and (line.slope, line.intercept, line.at(3)) == (2.0, 1.0, 7.0)
