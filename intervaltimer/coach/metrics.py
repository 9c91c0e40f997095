"""Metrics of one session's reps: splits, deviation from target, slowdown, decrement, effort, load.

Pure functions over plain numbers, so the store, the summary screen, the command line and
the trends all compute them the same way. A rep's split is its time in seconds; reps are
in the order they were run, numbered from 1. Every function returns ``None`` where its
figure is undefined (no reps, no efforts, no target, too few values for a slope) rather
than a misleading zero.

Efforts are ratings of perceived exertion on the CR-10 scale (0-10); ``None`` marks a rep
that was not rated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DAYS_IN_WEEK = 7


@dataclass(frozen=True)
class Line:
    """A least-squares straight line ``y = intercept + slope · x``."""

    slope: float
    intercept: float

    def at(self, x: float) -> float:
        """The fitted value at ``x``."""
        return self.intercept + self.slope * x


def least_squares(xs: Sequence[float], ys: Sequence[float]) -> Line | None:
    """Ordinary least-squares line through the points (xs[i], ys[i]).

    slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope · x̄.
    ``None`` with fewer than two points or when every x is the same.
    """
    if len(xs) != len(ys):
        raise ValueError(f"{len(xs)} x values but {len(ys)} y values")
    n = len(xs)
    if n < 2:
        return None
    x_mean = math.fsum(xs) / n
    y_mean = math.fsum(ys) / n
    sxx = math.fsum((x - x_mean) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = math.fsum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return Line(slope=slope, intercept=y_mean - slope * x_mean)


def _per_rep_slope(values: Sequence[float]) -> float | None:
    """Least-squares slope of ``values`` against rep numbers 1, 2, ... n."""
    line = least_squares([float(i) for i in range(1, len(values) + 1)], values)
    return None if line is None else line.slope


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation √(Σ(x − x̄)² / (n − 1)); ``None`` below two values."""
    n = len(values)
    if n < 2:
        return None
    mean = math.fsum(values) / n
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))


# --- splits -------------------------------------------------------------------------------


def mean_split(splits_s: Sequence[float]) -> float | None:
    """Mean split: Σ splits / n. ``None`` when there are no reps."""
    return _mean(splits_s)


def deviations(splits_s: Sequence[float], targets_s: Sequence[float | None]) -> list[float | None]:
    """Each rep's split − target, rep by rep (positive = slower than target).

    ``None`` for a rep without a target. The two sequences are rep-aligned and must be
    the same length.
    """
    if len(splits_s) != len(targets_s):
        raise ValueError(f"{len(splits_s)} splits but {len(targets_s)} targets")
    return [
        None if target is None else split - target
        for split, target in zip(splits_s, targets_s, strict=True)
    ]


def mean_target(targets_s: Sequence[float | None]) -> float | None:
    """Mean target time over the reps that have one; ``None`` when none has."""
    return _mean([t for t in targets_s if t is not None])


def mean_deviation(splits_s: Sequence[float], targets_s: Sequence[float | None]) -> float | None:
    """Mean of (split − target) over the reps that have a target.

    Reps without a target are left out; ``None`` when no rep has one.
    """
    known = [d for d in deviations(splits_s, targets_s) if d is not None]
    return _mean(known)


@dataclass(frozen=True)
class Fade:
    """How much the reps slowed over the session (positive = slower at the end): shown as
    "slowdown", so as not to be taken for the coach's fade (points, see ``grading``)."""

    seconds: float
    """Last split − first split."""
    percent: float
    """(last − first) / first · 100."""
    slope_s_per_rep: float
    """Least-squares slope of split against rep number, in seconds per rep."""


def fade(splits_s: Sequence[float]) -> Fade | None:
    """Fade of a set of reps: last − first, as seconds and per cent of the first, and slope.

    seconds = s_n − s_1; percent = (s_n − s_1) / s_1 · 100; slope_s_per_rep is the
    least-squares slope of split against rep number 1..n. ``None`` with fewer than two
    reps (one rep cannot fade) or a first split that is not positive.
    """
    if len(splits_s) < 2 or splits_s[0] <= 0:
        return None
    first, last = splits_s[0], splits_s[-1]
    slope = _per_rep_slope(splits_s)
    assert slope is not None  # two or more reps on distinct rep numbers always fit
    return Fade(seconds=last - first, percent=(last - first) / first * 100, slope_s_per_rep=slope)


def decrement_pct(splits_s: Sequence[float]) -> float | None:
    """Percentage decrement score Sdec = (Σ splits / (best · n) − 1) · 100.

    best is the fastest (smallest) split. 0 when every rep matches the best; one rep
    gives 0. ``None`` with no reps or a best split that is not positive.
    """
    if not splits_s:
        return None
    best = min(splits_s)
    if best <= 0:
        return None
    return (math.fsum(splits_s) / (best * len(splits_s)) - 1) * 100


def cv_pct(splits_s: Sequence[float]) -> float | None:
    """Coefficient of variation of the splits: sample standard deviation / mean · 100.

    The sample standard deviation divides by n − 1. ``None`` with fewer than two reps or
    a mean that is not positive.
    """
    sd = _sample_sd(splits_s)
    mean = _mean(splits_s)
    if sd is None or mean is None or mean <= 0:
        return None
    return sd / mean * 100


# --- effort -------------------------------------------------------------------------------


def mean_rpe(rpes: Sequence[float | None]) -> float | None:
    """Mean effort over the rated reps: Σ rpe / (number rated). ``None`` when none is rated."""
    return _mean([r for r in rpes if r is not None])


def rpe_drift(rpes: Sequence[float | None]) -> float | None:
    """How fast effort climbs through the session, in RPE points per rep.

    The least-squares slope of RPE against rep number, over the rated reps only, each at
    its own rep number (an unrated rep 3 leaves a gap at x = 3). ``None`` when fewer than
    two reps are rated.
    """
    rated = [(float(i), float(r)) for i, r in enumerate(rpes, start=1) if r is not None]
    line = least_squares([x for x, _ in rated], [y for _, y in rated])
    return None if line is None else line.slope


# --- load ---------------------------------------------------------------------------------


def session_load(session_rpe: float | None, minutes: float) -> float | None:
    """Foster's session load in arbitrary units: session RPE × duration in minutes.

    ``None`` when the session was not rated.
    """
    if session_rpe is None:
        return None
    return session_rpe * minutes


@dataclass(frozen=True)
class WeeklyLoad:
    """Foster's weekly figures from seven daily loads."""

    total: float
    """Σ daily loads."""
    monotony: float | None
    """Mean daily load / standard deviation of daily load; ``None`` when that is 0."""
    strain: float | None
    """total × monotony; ``None`` with monotony."""


def weekly_load(loads_by_day: Sequence[float]) -> WeeklyLoad:
    """Total, monotony and strain of a week (Foster 1998).

    ``loads_by_day`` holds the week's seven daily loads, a rest day as 0 (see
    ``daily_loads``). monotony = mean / sd, with sd the population standard deviation
    √(Σ(L − L̄)² / 7) of the seven days (the week is the whole population, not a sample);
    strain = total × monotony. monotony and strain are ``None`` when every day carries
    the same load (sd = 0), a week of rest included.
    """
    if len(loads_by_day) != DAYS_IN_WEEK:
        raise ValueError(f"a week has {DAYS_IN_WEEK} daily loads, not {len(loads_by_day)}")
    total = math.fsum(loads_by_day)
    mean = total / DAYS_IN_WEEK
    sd = math.sqrt(math.fsum((load - mean) ** 2 for load in loads_by_day) / DAYS_IN_WEEK)
    if sd == 0:
        return WeeklyLoad(total=total, monotony=None, strain=None)
    monotony = mean / sd
    return WeeklyLoad(total=total, monotony=monotony, strain=total * monotony)


def daily_loads(dated_loads: Iterable[tuple[date, float]], week_start: date) -> list[float]:
    """The seven daily loads of the week starting ``week_start``, from (day, session load) pairs.

    Sessions on the same day add up; days without a session are 0; sessions outside the
    week are ignored.
    """
    days = [0.0] * DAYS_IN_WEEK
    for day, load in dated_loads:
        index = (day - week_start).days
        if 0 <= index < DAYS_IN_WEEK:
            days[index] += load
    return days


def week_start_of(day: date) -> date:
    """The Monday of the ISO week that holds ``day``."""
    return day - timedelta(days=day.weekday())
