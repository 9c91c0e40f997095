"""How the sessions of one workout moved over time, and one sentence that says so.

A trend fits a least-squares line to each metric against the session's place in the
series (0, 1, 2, ... oldest first), so every slope is *per session*, whatever the days
between them. The sentence compares the line's fitted values at the first and the last
session that has the metric rather than the raw first and last sessions: one good or bad
day at either end would otherwise decide the story. With two sessions the two are the same.

A change is told only when it is clear: the fitted change is at least a practical
threshold (half a point of effort, one percentage point of slowdown or decrement, 1 % of the
mean split with a floor of half a second) and, with three sessions or more, the slope is at
least one standard error away from zero (a zig-zag that happens to end lower is noise).

When the target paces changed between sessions (their mean targets differ by more than
half a second) or some sessions had no target, raw splits are not comparable, so splits
are compared by their deviation from target instead, and the sentence says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from intervaltimer.coach.metrics import Line, least_squares
from intervaltimer.coach.points import PCT_NOISE as PCT_NOISE
from intervaltimer.coach.points import RPE_NOISE as RPE_NOISE
from intervaltimer.coach.points import SPLIT_NOISE_FLOOR_S as SPLIT_NOISE_FLOOR_S
from intervaltimer.coach.points import SPLIT_NOISE_FRACTION as SPLIT_NOISE_FRACTION
from intervaltimer.coach.points import TARGET_TOLERANCE_S as TARGET_TOLERANCE_S
from intervaltimer.coach.points import SessionPoint as SessionPoint
from intervaltimer.coach.thresholds import SAME_REST_S
from intervaltimer.workout.units import format_delta, format_time

if TYPE_CHECKING:
    pass

CompareBy = Literal["split", "deviation"]

TRENDED = (
    "mean_split_s",
    "mean_deviation_s",
    "mean_rpe",
    "decrement_pct",
    "fade_pct",
    "load",
    "kick_s",
    "rest_s",
)
"""The SessionPoint fields that get a trend line and a slope."""


@dataclass(frozen=True)
class Trend:
    """The sessions of a workout oldest first, their per-session slopes, and the sentence."""

    points: tuple[SessionPoint, ...]
    slopes: dict[str, float | None]
    """Least-squares slope per session of each TRENDED field, keyed ``<field>_per_session``
    (e.g. ``mean_rpe_per_session``); ``None`` when fewer than two sessions have the field."""
    compare_by: CompareBy
    summary: str
    lines: dict[str, Line | None]
    """The fitted line of each TRENDED field against the index into ``points`` (0 = oldest),
    for drawing a trend line through a chart; ``None`` like the slopes."""


@dataclass(frozen=True)
class _Series:
    """One field's values over the sessions that have it, with its fitted line."""

    xs: list[float]
    ys: list[float]
    line: Line

    @property
    def start(self) -> float:
        return self.line.at(self.xs[0])

    @property
    def end(self) -> float:
        return self.line.at(self.xs[-1])

    @property
    def change(self) -> float:
        return self.end - self.start

    @property
    def mean(self) -> float:
        return math.fsum(self.ys) / len(self.ys)

    def is_clear(self, threshold: float) -> bool:
        """At least ``threshold`` of fitted change, and a slope beyond one standard error."""
        if abs(self.change) < threshold:
            return False
        n = len(self.xs)
        if n < 3:
            return True
        pairs = zip(self.xs, self.ys, strict=True)
        residual = math.fsum((y - self.line.at(x)) ** 2 for x, y in pairs)
        x_mean = math.fsum(self.xs) / n
        sxx = math.fsum((x - x_mean) ** 2 for x in self.xs)
        standard_error = math.sqrt(residual / (n - 2) / sxx)
        return standard_error == 0 or abs(self.line.slope) >= standard_error


def _series(points: Sequence[SessionPoint], field: str) -> _Series | None:
    pairs = [
        (float(i), float(value))
        for i, point in enumerate(points)
        if (value := getattr(point, field)) is not None
    ]
    xs = [x for x, _ in pairs]
    ys = [y for _, y in pairs]
    line = least_squares(xs, ys)
    return None if line is None else _Series(xs, ys, line)


def _compare_by(points: Sequence[SessionPoint]) -> tuple[CompareBy, str]:
    """Split or deviation, and the words that explain a switch to deviation ("" if none)."""
    targets = [p.target_mean_s for p in points if p.target_mean_s is not None]
    if len(targets) < 2:
        return "split", ""
    missing = len(points) - len(targets)
    if missing:
        return "deviation", (
            f"{missing} of {len(points)} sessions had no target, so splits are compared "
            f"by deviation from target in the other {len(targets)}: "
        )
    if max(targets) - min(targets) > TARGET_TOLERANCE_S:
        return "deviation", "targets changed, so splits are compared by deviation from target: "
    return "split", ""


def _signed_s(seconds: float) -> str:
    """``+1.0 s``, ``-0.9 s``; a fitted ``-0.00001`` reads ``+0.0 s``, not ``-0.0 s``."""
    return format_delta(round(seconds, 1)) + " s"


def _direction(change: float) -> str:
    return "down" if change < 0 else "up"


def _summary(points: Sequence[SessionPoint], compare_by: CompareBy, preamble: str) -> str:
    """The one sentence under the trend charts: what moved within the latest rung (the
    finished sessions on the latest session's rest, in a row, those flagged for bad conditions
    left out as the advice leaves them out), then the latest session's last rep. What the
    sessions mean for the ladder is the verdict's (``coach.verdict``)."""
    if not points:
        return "no sessions of this workout yet"
    plain = [p for p in points if not p.flagged] or list(points)
    if len(points) == 1:
        sentence = "one session so far: run it again to see a trend"
    else:
        rung = [p for p in _latest_rung(plain) if p.finished]
        if len(rung) < 2:
            sentence = "one finished session on this rest so far"
        else:
            sentence = _within_rung(rung, compare_by, preamble)
    kick = last_rep(points)
    return sentence + (f"; {kick}" if kick else "")


def _latest_rung(points: Sequence[SessionPoint]) -> list[SessionPoint]:
    """The newest sessions, in a row, on the latest session's rest."""
    last = points[-1].rest_s
    out: list[SessionPoint] = []
    for point in reversed(points):
        if (point.rest_s is None) != (last is None) or (
                point.rest_s is not None and last is not None
                and abs(point.rest_s - last) > SAME_REST_S):
            break
        out.append(point)
    return out[::-1]


def last_rep(points: Sequence[SessionPoint]) -> str:
    """The latest session's last rep against the others, as logged ("" when it was within
    ``SPLIT_NOISE_FLOOR_S`` of them or there is none)."""
    last = points[-1] if points else None
    if last is None or last.kick_s is None or abs(last.kick_s) < SPLIT_NOISE_FLOOR_S:
        return ""
    how = "faster" if last.kick_s < 0 else "slower"
    effort = "" if last.last_rep_rpe is None else f" at effort {last.last_rep_rpe}"
    return f"last time the last rep was {abs(last.kick_s):.1f} s {how} than the others{effort}"


def _within_rung(points: Sequence[SessionPoint], compare_by: CompareBy, preamble: str) -> str:
    """The metrics' sentence over sessions of one rung and target; see the module docstring."""
    n = len(points)

    effort = _series(points, "mean_rpe")
    fade = _series(points, "fade_pct")
    decrement = _series(points, "decrement_pct")
    pace_field = "mean_split_s" if compare_by == "split" else "mean_deviation_s"
    pace = _series(points, pace_field)
    split_s = _series(points, "mean_split_s")
    pace_noise = SPLIT_NOISE_FLOOR_S
    if split_s is not None:
        pace_noise = max(SPLIT_NOISE_FLOOR_S, SPLIT_NOISE_FRACTION * split_s.mean)

    clauses: list[str] = []
    effort_moved = effort is not None and effort.is_clear(RPE_NOISE)
    if effort is not None and effort_moved:
        clauses.append(f"mean effort {_direction(effort.change)} {abs(effort.change):.1f}")

    # Slowdown and decrement tell the same story; tell the one that moved more beyond its noise.
    shape = [s for s in (fade, decrement) if s is not None and s.is_clear(PCT_NOISE)]
    if shape:
        best = max(shape, key=lambda s: abs(s.change))
        name = "slowdown" if best is fade else "decrement"
        clauses.append(
            f"{name} {'fell' if best.change < 0 else 'rose'} from {best.start:.1f} % to "
            f"{best.end:.1f} %"
        )

    pace_moved = pace is not None and pace.is_clear(pace_noise)
    if pace is not None and pace_moved:
        speed = "faster" if pace.change < 0 else "slower"
        if compare_by == "split":
            clauses.append(
                f"splits {speed}, from {format_time(pace.start)} to {format_time(pace.end)}"
            )
        else:
            clauses.append(
                f"splits {speed} against target, "
                f"from {_signed_s(pace.start)} to {_signed_s(pace.end)}"
            )

    if not clauses:
        levels = []
        if effort is not None:
            levels.append(f"effort about {effort.mean:.1f}")
        if fade is not None:
            levels.append(f"slowdown about {fade.mean:.1f} %")
        if pace is not None:
            levels.append(
                f"splits about {format_time(pace.mean)}"
                if compare_by == "split"
                else f"about {_signed_s(pace.mean)} off target"
            )
        sentence = f"no clear change over {n} sessions" + (
            ": " + ", ".join(levels) if levels else ""
        )
    else:
        held: list[str] = []
        if pace is not None and not pace_moved:
            if compare_by == "deviation":
                held.append("the same pace relative to target")
            elif all(p.target_mean_s is not None for p in points):
                held.append("the same pace")
            else:
                held.append("similar splits")
        if effort is not None and not effort_moved:
            held.append("the same effort")
        context = ""
        if held == ["the same pace", "the same effort"]:
            context = " at the same pace and effort"
        elif held:
            context = " at " + " and ".join(held)
        clauses[0] += f" over {n} sessions{context}"
        sentence = "; ".join(clauses)
        if n > 2 and " from " in sentence:
            sentence += " (fitted trend)"
    if n == 2:
        sentence += " (two sessions: run it again to confirm)"
    return preamble + sentence


def trend(points: Sequence[SessionPoint]) -> Trend:
    """The trend of a workout's sessions (any order in; oldest first out)."""
    ordered = tuple(sorted(points, key=lambda p: (p.started_at, p.id)))
    lines: dict[str, Line | None] = {}
    for field in TRENDED:
        series = _series(ordered, field)
        lines[field] = None if series is None else series.line
    slopes = {
        f"{field}_per_session": None if line is None else line.slope
        for field, line in lines.items()
    }
    compare_by, preamble = _compare_by(ordered)
    return Trend(
        points=ordered,
        slopes=slopes,
        compare_by=compare_by,
        summary=_summary(ordered, compare_by, preamble),
        lines=lines,
    )


