"""One session's main set and its figures, as every screen and command computes them.

Which reps count: the *main set* (``main_set``). Warm-up strides logged before 8 x 400 m
would otherwise turn an 80 m split into "the first rep" and make slowdown and Sdec hundreds of
per cent. The reps the plan marked as the main set, when it did; in a log from before plans
said so, the reps with a target when some have one, and with no targets at all (no profile)
the reps of at least a quarter of the longest rep's distance (reps without a distance, timed
or exercises, always count). The rep table still shows every rep.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime

from intervaltimer.coach.figures import SessionMetrics, session_metrics
from intervaltimer.coach.inputs import Rep, Session, Timed, ordered_conditions
from intervaltimer.coach.points import SessionPoint
from intervaltimer.coach.shape import group_key
from intervaltimer.coach.thresholds import SHORT_REP_SHARE

CR10_WORDS: dict[int, str] = {
    0: "rest", 1: "very, very easy", 2: "easy", 3: "moderate", 4: "somewhat hard", 5: "hard",
    6: "", 7: "very hard", 8: "", 9: "", 10: "maximal",
}
"""Foster's words for the CR-10 effort scale ("" where the scale has none)."""

def effort_words(rpe: int | None) -> str:
    """``7 very hard``, ``6``; "" without a rating."""
    if rpe is None:
        return ""
    words = CR10_WORDS.get(rpe, "")
    return f"{rpe} {words}" if words else str(rpe)


def main_set(reps: Sequence[Rep]) -> list[Rep]:
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


def left_out_note(reps: Sequence[Rep]) -> str:
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


def metrics_of(session: Timed, reps: Sequence[Rep],
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


def rung_of(main_rest_s: float | None, reps: Sequence[Rep]) -> float | None:
    """The rest between the main set's reps in a session: as planned when the log has it,
    else (an older log, a version-1 export) the median rest taken after its main-set reps
    but the last (the last rep's "rest" runs into the cool-down), leaving out a rep run
    straight into the next (no rest); rounded to the second."""
    if main_rest_s is not None:
        return main_rest_s
    taken = rests_taken(reps)
    return None if not taken else float(round(statistics.median(taken)))


def rests_taken(reps: Sequence[Rep]) -> list[float]:
    """The rests taken after the main set's reps run, but the last (its "rest" runs into the
    cool-down) and a rest of 0 (a rep run straight into the next)."""
    return [rep.rest_s for rep in main_set(reps)[:-1]
            if rep.rest_s is not None and rep.rest_s > 0 and not rep.skipped]


def summary_load(row: Timed) -> float | None:
    """Foster's load of a history row (session RPE × minutes) without reading its reps."""
    if row.session_rpe is None or row.duration_s is None:
        return None
    return row.session_rpe * row.duration_s / 60


def local_time(epoch_s: float) -> datetime:
    """An instant as an aware local datetime to the second (how JSON shows it)."""
    return datetime.fromtimestamp(epoch_s).astimezone().replace(microsecond=0)


def point_of(session: Session, reps: Sequence[Rep]) -> SessionPoint:
    """The trend point of a session: its main set's metrics, rung, status and peak effort."""
    main = main_set(reps)
    efforts = [rep.rpe for rep in main if rep.rpe is not None]
    distances = {rep.distance_m for rep in main}
    return SessionPoint.from_metrics(
        session.id, local_time(session.started_at),
        metrics_of(session, reps, session.reps_planned),
        rest_s=rung_of(session.main_rest_s, reps), status=str(session.status),
        peak_rpe=max(efforts) if efforts else session.session_rpe,
        distance_m=distances.pop() if len(distances) == 1 else None,
        conditions=ordered_conditions(list(session.conditions)))


