"""A session's figures beside those of the previous run of its workout, row by row.

The side-by-side rows (``compare``) carry their text already formatted (a change in the
unit of its figure: seconds, percentage points, CR-10 points), with a verdict
("better", "worse", "same") only where a direction means something and the change is beyond
the noise the trend sentence also ignores (``RPE_NOISE``, ``PCT_NOISE``,
``SPLIT_NOISE_FLOOR_S``). When the targets changed between the two sessions, raw splits and
effort are not comparable: their verdicts are left out and ``Comparison.note`` says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from intervaltimer.coach.figures import SessionMetrics
from intervaltimer.coach.points import (
    PCT_NOISE,
    RPE_NOISE,
    SPLIT_NOISE_FLOOR_S,
    TARGET_TOLERANCE_S,
)
from intervaltimer.coach.thresholds import SLOPE_NOISE
from intervaltimer.workout.units import format_signed as _signed
from intervaltimer.workout.units import format_time

Verdict = Literal["better", "worse", "same", ""]

MISSING = "–"
"""What a figure that is undefined shows as."""


@dataclass(frozen=True)
class MetricRow:
    """One line of the side-by-side table: a metric now, the previous time and the change."""

    key: str
    label: str
    now: str
    before: str
    change: str
    verdict: Verdict


@dataclass(frozen=True)
class Comparison:
    """A session's metrics beside those of the previous session of its workout."""

    rows: tuple[MetricRow, ...]
    targets_changed: bool
    note: str
    """One line on what the comparison cannot say ("" when nothing to say)."""


@dataclass(frozen=True)
class _Metric:
    key: str
    label: str
    show: Callable[[float], str]
    change: Callable[[float], str]
    noise: float | None
    """None: no direction (neither better nor worse); else lower is better beyond this."""
    pace_bound: bool = False
    """Only comparable when the targets are the same."""
    closer_to_zero: bool = False


_METRICS: tuple[_Metric, ...] = (
    _Metric("mean_split_s", "mean split", format_time, lambda d: _signed(d, 1),
            SPLIT_NOISE_FLOOR_S, pace_bound=True),
    _Metric("target_mean_s", "target", format_time, lambda d: _signed(d, 1), None),
    _Metric("mean_deviation_s", "± target", lambda v: _signed(v, 2, " s"),
            lambda d: _signed(d, 2), SPLIT_NOISE_FLOOR_S, closer_to_zero=True),
    _Metric("fade_s", "slowdown", lambda v: _signed(v, 1, " s"), lambda d: _signed(d, 1),
            SPLIT_NOISE_FLOOR_S),
    _Metric("fade_pct", "slowdown %", lambda v: _signed(v, 2, " %"), lambda d: _signed(d, 2),
            PCT_NOISE),
    _Metric("fade_slope_s_per_rep", "slowdown/rep", lambda v: _signed(v, 2, " s"),
            lambda d: _signed(d, 2), SLOPE_NOISE),
    _Metric("decrement_pct", "Sdec", lambda v: f"{v:.2f} %", lambda d: _signed(d, 2),
            PCT_NOISE),
    _Metric("cv_pct", "CV", lambda v: f"{v:.2f} %", lambda d: _signed(d, 2), PCT_NOISE / 2),
    _Metric("mean_rpe", "mean effort", lambda v: f"{v:.1f}", lambda d: _signed(d, 1),
            RPE_NOISE, pace_bound=True),
    _Metric("rpe_drift_per_rep", "effort/rep", lambda v: _signed(v, 2), lambda d: _signed(d, 2),
            SLOPE_NOISE),
    _Metric("kick_s", "last rep", lambda v: _signed(v, 1, " s"), lambda d: _signed(d, 1),
            SPLIT_NOISE_FLOOR_S),
    _Metric("last_rep_rpe", "last RPE", lambda v: f"{v:.0f}", lambda d: _signed(d, 0),
            RPE_NOISE, pace_bound=True),
    _Metric("session_rpe", "session RPE", lambda v: f"{v:.0f}", lambda d: _signed(d, 0), None),
    _Metric("load", "load", lambda v: f"{v:.0f}", lambda d: _signed(d, 0), None),
)
"""The rows of the side-by-side table, in order; "lower is better" unless noise is None."""


def targets_changed(now: SessionMetrics, before: SessionMetrics) -> bool:
    """Whether the two sessions ran to different targets (or only one had targets)."""
    if (now.target_mean_s is None) != (before.target_mean_s is None):
        return True
    if now.target_mean_s is None or before.target_mean_s is None:
        return False
    return abs(now.target_mean_s - before.target_mean_s) > TARGET_TOLERANCE_S


def _verdict(metric: _Metric, now: float, before: float, comparable: bool) -> Verdict:
    if metric.noise is None or not comparable:
        return ""
    a, b = (abs(now), abs(before)) if metric.closer_to_zero else (now, before)
    if abs(a - b) < metric.noise:
        return "same"
    return "better" if a < b else "worse"


def compare(now: SessionMetrics, before: SessionMetrics | None) -> Comparison:
    """The side-by-side rows of ``now`` and ``before`` (the previous session), if any."""
    changed = before is not None and targets_changed(now, before)
    rows: list[MetricRow] = []
    for metric in _METRICS:
        value = getattr(now, metric.key)
        old = None if before is None else getattr(before, metric.key)
        change = ""
        verdict: Verdict = ""
        if value is not None and old is not None:
            change = metric.change(value - old)
            verdict = _verdict(metric, value, old, not (metric.pace_bound and changed))
        rows.append(MetricRow(
            key=metric.key, label=metric.label,
            now=MISSING if value is None else metric.show(value),
            before="" if before is None else MISSING if old is None else metric.show(old),
            change=change, verdict=verdict))
    note = ""
    if before is None:
        note = "first completed session of this workout: nothing to compare with yet"
    elif changed:
        note = "targets changed since last time, so compare by ± target, not raw splits"
    return Comparison(rows=tuple(rows), targets_changed=changed, note=note)


