"""What the review screens and commands share: a session's metrics beside the previous run of
its workout, and a workout's trend, read from the log.

The summary screen, the session screen, ``show --json`` and ``trend`` all call these, so a
figure is computed one way everywhere. Which sessions count:

- the *previous session* of a session is the newest earlier session of the same workout
  that was completed and has reps (an abandoned try is not "the last time");
- a *trend* is over the sessions with reps of one workout, oldest first, the newest
  ``limit`` of them when a limit is given: abandoned and cut-short sessions count (the
  verdict says to back off after one), a session still running does not.

Which reps count: the *main set* (``main_set``). Warm-up strides logged before 8 x 400 m
would otherwise turn an 80 m split into "the first rep" and make fade and Sdec hundreds of
per cent. The reps the plan marked as the main set, when it did; in a log from before plans
said so, the reps with a target when some have one, and with no targets at all (no profile)
the reps of at least a quarter of the longest rep's distance (reps without a distance, timed
or exercises, always count). The rep table still shows every rep.

The side-by-side rows (``compare``) carry their text already formatted (a change in the
unit of its figure: seconds, percentage points, CR-10 points), with a verdict
("better", "worse", "same") only where a direction means something and the change is beyond
the noise the trend sentence also ignores (``trends.RPE_NOISE``, ``PCT_NOISE``,
``SPLIT_NOISE_FLOOR_S``). When the targets changed between the two sessions, raw splits and
effort are not comparable: their verdicts are left out and ``Comparison.note`` says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

from intervaltimer.log.figures import SessionMetrics, session_metrics
from intervaltimer.log.records import (
    SHORT_REP_SHARE,
    RepRecord,
    SessionRecord,
    SessionStatus,
    SessionSummary,
)
from intervaltimer.log.shape import group_key
from intervaltimer.log.trends import (
    PCT_NOISE,
    RPE_NOISE,
    SPLIT_NOISE_FLOOR_S,
    TARGET_TOLERANCE_S,
    SessionPoint,
    Trend,
    trend,
)
from intervaltimer.workout.units import format_signed as _signed
from intervaltimer.workout.units import format_time

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

Verdict = Literal["better", "worse", "same", ""]

CR10_WORDS: dict[int, str] = {
    0: "rest", 1: "very, very easy", 2: "easy", 3: "moderate", 4: "somewhat hard", 5: "hard",
    6: "", 7: "very hard", 8: "", 9: "", 10: "maximal",
}
"""Foster's words for the CR-10 effort scale ("" where the scale has none)."""

DEFAULT_TREND_LIMIT = 200
"""How many of a workout's newest sessions the trend screen draws."""

MISSING = "–"
"""What a figure that is undefined shows as."""


class Timed(Protocol):
    """A session row that knows its session RPE and duration (record or summary)."""

    @property
    def session_rpe(self) -> int | None: ...

    @property
    def duration_s(self) -> float | None: ...


def effort_words(rpe: int | None) -> str:
    """``7 very hard``, ``6``; "" without a rating."""
    if rpe is None:
        return ""
    words = CR10_WORDS.get(rpe, "")
    return f"{rpe} {words}" if words else str(rpe)


"""Without targets, a rep shorter than this share of the longest rep is a stride, not the set."""


def main_set(reps: Sequence[RepRecord]) -> list[RepRecord]:
    """The reps the metrics are about, in order: the main set, not the strides before it.

    The reps marked ``main`` when the log has the plan's marks; else the reps with a target
    when some have one; else the reps of at least ``SHORT_REP_SHARE`` of the longest
    distance (and every rep without a distance). Skipped reps are in it (with no split).
    A rep the log holds damaged (read back with stand-ins, ``RepRecord.damaged``) never
    counts.
    """
    reps = [rep for rep in reps if rep.damaged is None]  # read back with stand-ins
    if any(rep.main is not None for rep in reps):
        return [rep for rep in reps if rep.main]
    targeted = [rep for rep in reps if rep.target_s is not None]
    if targeted:
        return targeted
    longest = max((rep.distance_m for rep in reps if rep.distance_m), default=None)
    if longest is None:
        return list(reps)
    return [rep for rep in reps
            if not rep.distance_m or rep.distance_m >= SHORT_REP_SHARE * longest]


def left_out_note(reps: Sequence[RepRecord]) -> str:
    """One line on the reps the metrics leave out ("" when every rep counts)."""
    damaged = sum(1 for rep in reps if rep.damaged is not None)
    if damaged:
        plural = "" if damaged == 1 else "s"
        return (f"metrics leave out {damaged} rep{plural} the log holds damaged (marked ⚠; "
                "see `intervaltimer show`)")
    counted = main_set(reps)
    left = len(reps) - len(counted)
    if left == 0:
        return ""
    plural = "" if left == 1 else "s"
    if any(rep.main is not None for rep in reps):
        return f"metrics are over the {len(counted)} reps of the main set; {left} rep{plural} " \
               "before or after it (strides, drills) left out"
    if any(rep.target_s is not None for rep in reps):
        return f"metrics are over the {len(counted)} reps with a target; {left} rep{plural} " \
               "without one (strides, drills) left out"
    return f"metrics leave out {left} short rep{plural} (strides) before the main set"


def metrics_of(session: Timed, reps: Sequence[RepRecord],
               reps_planned: int | None = None) -> SessionMetrics:
    """Every metric of a session from its reps (in order) and its session RPE and duration.

    Only the main set counts (``main_set``): strides before the reps are left out. Reps
    without targets are compared within their group (``shape.group_key`` of the label).
    """
    reps = main_set(reps)
    return session_metrics(
        [rep.split_s for rep in reps],
        [rep.target_s for rep in reps],
        [None if rep.rpe is None else float(rep.rpe) for rep in reps],
        None if session.session_rpe is None else float(session.session_rpe),
        session.duration_s,
        groups=[group_key(rep.label, rep.distance_m) for rep in reps],
        reps_planned=reps_planned,
    )


def rung_of(main_rest_s: float | None, reps: Sequence[RepRecord]) -> float | None:
    """The rest between the main set's reps in a session: as planned when the log has it,
    else (an older log, a version-1 export) the median rest taken after its main-set reps
    but the last (the last rep's "rest" runs into the cool-down), leaving out a rep run
    straight into the next (no rest); rounded to the second."""
    if main_rest_s is not None:
        return main_rest_s
    taken = sorted(rep.rest_s for rep in main_set(reps)[:-1]
                   if rep.rest_s is not None and rep.rest_s > 0 and not rep.skipped)
    if not taken:
        return None
    middle = len(taken) // 2
    median = taken[middle] if len(taken) % 2 else (taken[middle - 1] + taken[middle]) / 2
    return float(round(median))


def summary_load(row: Timed) -> float | None:
    """Foster's load of a history row (session RPE × minutes) without reading its reps."""
    if row.session_rpe is None or row.duration_s is None:
        return None
    return row.session_rpe * row.duration_s / 60


def local_time(epoch_s: float) -> datetime:
    """An instant as an aware local datetime to the second (how JSON shows it)."""
    return datetime.fromtimestamp(epoch_s).astimezone().replace(microsecond=0)


def point_of(session: SessionSummary | SessionRecord, reps: Sequence[RepRecord]) -> SessionPoint:
    """The trend point of a session: its main set's metrics, rung, status and peak effort."""
    main = main_set(reps)
    efforts = [rep.rpe for rep in main if rep.rpe is not None]
    distances = {rep.distance_m for rep in main}
    return SessionPoint.from_metrics(
        session.id, local_time(session.started_at),
        metrics_of(session, reps, session.reps_planned),
        rest_s=rung_of(session.main_rest_s, reps), status=str(session.status),
        peak_rpe=max(efforts) if efforts else session.session_rpe,
        distance_m=distances.pop() if len(distances) == 1 else None)


# -- the previous session ---------------------------------------------------------------------


def _counts(row: SessionSummary) -> bool:
    return row.status == SessionStatus.COMPLETED and row.reps > 0


def previous_session(store: Store, session: SessionRecord) -> SessionSummary | None:
    """The newest completed session with reps of the same workout started before ``session``."""
    before = (session.started_at, session.id)
    for limit in (20, None):
        rows = store.summaries(workout=session.workout, limit=limit)
        for row in rows:
            if (row.started_at, row.id) < before and _counts(row):
                return row
        if limit is None or len(rows) < limit:
            return None
    return None


# -- one session beside the previous one --------------------------------------------------------


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
    _Metric("fade_s", "fade", lambda v: _signed(v, 1, " s"), lambda d: _signed(d, 1),
            SPLIT_NOISE_FLOOR_S),
    _Metric("fade_pct", "fade %", lambda v: _signed(v, 2, " %"), lambda d: _signed(d, 2),
            PCT_NOISE),
    _Metric("fade_slope_s_per_rep", "fade/rep", lambda v: _signed(v, 2, " s"),
            lambda d: _signed(d, 2), 0.1),
    _Metric("decrement_pct", "Sdec", lambda v: f"{v:.2f} %", lambda d: _signed(d, 2),
            PCT_NOISE),
    _Metric("cv_pct", "CV", lambda v: f"{v:.2f} %", lambda d: _signed(d, 2), PCT_NOISE / 2),
    _Metric("mean_rpe", "mean effort", lambda v: f"{v:.1f}", lambda d: _signed(d, 1),
            RPE_NOISE, pace_bound=True),
    _Metric("rpe_drift_per_rep", "effort/rep", lambda v: _signed(v, 2), lambda d: _signed(d, 2),
            0.1),
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


@dataclass(frozen=True)
class Review:
    """A session read back for review: its reps, metrics and the previous session's."""

    session: SessionRecord
    reps: tuple[RepRecord, ...]
    metrics: SessionMetrics
    previous: SessionSummary | None
    previous_metrics: SessionMetrics | None

    @property
    def comparison(self) -> Comparison:
        """The side-by-side rows of this session and the previous one."""
        return compare(self.metrics, self.previous_metrics)

    @property
    def left_out(self) -> str:
        """One line on the reps the metrics leave out ("" when every rep counts)."""
        return left_out_note(self.reps)


def review_session(store: Store, session_id: int) -> Review | None:
    """Read a session, its reps and the previous session of its workout; None if not logged."""
    session = store.session(session_id)
    if session is None:
        return None
    reps = store.reps(session_id)
    previous = previous_session(store, session)
    previous_metrics = None
    if previous is not None:
        previous_metrics = metrics_of(previous, store.reps(previous.id), previous.reps_planned)
    return Review(session=session, reps=tuple(reps),
                  metrics=metrics_of(session, reps, session.reps_planned),
                  previous=previous, previous_metrics=previous_metrics)


# -- a workout's trend ----------------------------------------------------------------------------


def _in_trend(row: SessionSummary) -> bool:
    return row.status != SessionStatus.RUNNING and row.reps > 0


def workout_points(store: Store, workout: str, limit: int | None = None) -> list[SessionPoint]:
    """The trend points of a workout's sessions with reps, oldest first: completed, stopped
    and abandoned ones alike (a session still running is left out).

    With ``limit``, only the newest ``limit`` of them.
    """
    rows = [row for row in store.summaries(workout=workout) if _in_trend(row)]
    if limit is not None:
        rows = rows[:limit]
    reps = store.reps_by_session([row.id for row in rows])
    return [point_of(row, reps.get(row.id, [])) for row in reversed(rows)]


def workout_trend(store: Store, workout: str, limit: int | None = None) -> Trend:
    """The trend of a workout's sessions with reps (the newest ``limit``, if given)."""
    return trend(workout_points(store, workout, limit))
