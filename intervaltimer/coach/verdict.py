"""The verdict: what a workout's sessions show, as a set of kinds from a fixed list.

The kinds, in the order they are listed (``KINDS``):

- ``first_session``: fewer than two counted sessions;
- ``back_off``: the advice lengthens the rest (set by the advice, never here);
- ``tolerance_up``: at the current target, the newest held session ran on a shorter rung
  than the first;
- ``not_held_yet``: the last session was not held, on a shorter rung than the first at the
  current target;
- ``fitter`` / ``target_too_fast``: the last change of target made it faster by more than
  ``SAME_TARGET_PCT``; the last session held it at no more than ``FITTER_EFFORT`` more
  effort (fitter), or did not hold it with splits no more than ``TOO_FAST_SPLIT_PCT`` faster
  than before (too fast);
- ``effort_rising``: over the newest 2 to 4 of the rung's sessions, mean effort up by
  ``EFFORT_RISING`` or more while mean d moved less than ``CLEAR_CHANGE_PTS`` down;
- ``worse``: over the rung's sessions, mean d or fade up by ``CLEAR_CHANGE_PTS`` or more;
- ``improving``: mean effort down ``EFFORT_FALLING`` or more, or fade or mean d down
  ``CLEAR_CHANGE_PTS`` or more, and neither of the two above;
- ``no_change``: the rung has two sessions or more and none of the three above;
- ``conditions``: the newest session is flagged; ``rests_cut``: the last session's rests were
  cut short; ``unrated``: no main-set rep of the last session was rated.

*The current target* is the newest sessions, in a row, on the last session's target; *the
rung's sessions* the newest, in a row, on its rung and of its work (at most ``RUNG_WINDOW``).
Changes are fitted: slope × (n − 1) of the least-squares line.

The sentence is built from the kinds and their figures; progress already made
(``tolerance_up``, ``fitter``) comes first, next to any warning.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from intervaltimer.coach.grading import EPS, Grade, Outcome, fitted_change, same_target
from intervaltimer.coach.ladder import Ladder
from intervaltimer.coach.thresholds import (
    BEFORE_CHANGE_SESSIONS,
    CLEAR_CHANGE_PTS,
    EFFORT_FALLING,
    EFFORT_RISING,
    EFFORT_WINDOW,
    FITTER_EFFORT,
    RUNG_WINDOW,
    SAME_TARGET_PCT,
    TOO_FAST_SPLIT_PCT,
)
from intervaltimer.workout.labels import format_span
from intervaltimer.workout.units import format_time

KINDS: tuple[str, ...] = (
    "first_session", "back_off", "tolerance_up", "not_held_yet", "fitter", "target_too_fast",
    "effort_rising", "worse", "improving", "no_change", "conditions", "rests_cut", "unrated")
"""Every kind, in the order a verdict lists them."""
PROGRESS = ("tolerance_up", "fitter")
"""Kinds that report progress already made: they stand next to any warning."""
WARNINGS = ("back_off", "not_held_yet", "target_too_fast", "effort_rising", "worse",
            "conditions")
"""Kinds that forbid a shorter rest, more reps or a faster target."""


@dataclass(frozen=True)
class Verdict:
    """The kinds (in ``KINDS`` order) and the sentence built from them."""

    kinds: tuple[str, ...]
    sentence: str

    def to_json(self) -> dict[str, Any]:
        """``{kinds: [...], sentence}``."""
        return {"kinds": list(self.kinds), "sentence": self.sentence}


@dataclass(frozen=True)
class Graded:
    """A session and its grade, on its rung of the ladder."""

    outcome: Outcome
    grade: Grade
    rung_s: float


def same_work(a: Outcome, b: Outcome) -> bool:
    """Targets within ``SAME_TARGET_PCT`` and the same reps planned."""
    return (same_target(a.mean_target_s, b.mean_target_s, SAME_TARGET_PCT)
            and a.reps_of_work == b.reps_of_work)


def _newest_in_a_row(sessions: Sequence[Graded], keep: Callable[[Graded], bool],
                     limit: int | None = None) -> list[Graded]:
    out: list[Graded] = []
    for graded in reversed(sessions):
        if not keep(graded) or (limit is not None and len(out) >= limit):
            break
        out.append(graded)
    return out[::-1]


def _fit(sessions: Sequence[Graded], figure: Callable[[Outcome], float | None]) -> float | None:
    values = [v for g in sessions if (v := figure(g.outcome)) is not None]
    return fitted_change(values)


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.fmean(known) if known else None


class _Reading:
    """The kinds and their phrases, worked out over the sessions (flagged ones left out)."""

    def __init__(self, sessions: Sequence[Graded], ladder: Ladder) -> None:
        self.sessions = sessions
        self.ladder = ladder
        self.kinds: set[str] = set()
        self.phrases: dict[str, str] = {}

    def add(self, kind: str, phrase: str) -> None:
        self.kinds.add(kind)
        self.phrases[kind] = phrase

    # -- across rungs and targets -------------------------------------------------------

    def target_kinds(self) -> None:
        last = self.sessions[-1]
        target = last.outcome.mean_target_s
        current = _newest_in_a_row(self.sessions, lambda g: same_target(
            g.outcome.mean_target_s, target, SAME_TARGET_PCT))
        first = current[0]
        held = [g for g in current if g.grade.held]
        if held and held[-1].rung_s < first.rung_s - EPS:
            self.add("tolerance_up", f"rest cut from {format_span(first.rung_s)} to "
                     f"{format_span(held[-1].rung_s)}, pace held: tolerance up")
        if not last.grade.held and last.rung_s < first.rung_s - EPS:
            self.add("not_held_yet", f"{format_span(last.rung_s)} not held yet")
        before = self.sessions[:len(self.sessions) - len(current)][-BEFORE_CHANGE_SESSIONS:]
        if not before or target is None:
            return
        old = before[-1].outcome.mean_target_s
        if old is None or target >= old * (1 - SAME_TARGET_PCT / 100) - EPS:
            return
        faster = (old - target) / old * 100
        if last.grade.held:
            now_effort = _mean([g.outcome.mean_effort for g in current])
            was_effort = _mean([g.outcome.mean_effort for g in before])
            if now_effort is None or was_effort is None or (
                    now_effort <= was_effort + FITTER_EFFORT + EPS):
                self.add("fitter", f"target {faster:.1f} % faster ({old - target:.1f} s a "
                         "rep) at the same effort: fitter")
            return
        now_split = _mean([g.outcome.mean_split_s for g in current])
        was_split = _mean([g.outcome.mean_split_s for g in before])
        if now_split is not None and was_split is not None and (
                now_split >= was_split * (1 - TOO_FAST_SPLIT_PCT / 100) - EPS):
            self.add("target_too_fast", "the new target looks too fast: splits as on the old "
                     f"one; go back to {format_time(old)}")

    # -- within the rung ------------------------------------------------------------------

    def rung_kinds(self) -> None:
        last = self.sessions[-1]
        rung = _newest_in_a_row(
            self.sessions, lambda g: abs(g.rung_s - last.rung_s) < EPS
            and same_work(g.outcome, last.outcome), RUNG_WINDOW)
        if len(rung) < 2:
            return
        where = f"over {len(rung)} sessions"
        if last.outcome.rung_s is not None:
            where += f" on {format_span(last.rung_s)}"
        low, high = EFFORT_WINDOW
        rated = _newest_in_a_row(rung, lambda g: g.outcome.mean_effort is not None, high)
        effort = _fit(rated, lambda o: o.mean_effort) if len(rated) >= low else None
        drift = _fit(rated, lambda o: o.mean_pct)
        if effort is not None and effort >= EFFORT_RISING - EPS and (
                drift is None or drift > -CLEAR_CHANGE_PTS):
            splits = ("slower splits" if drift is not None and drift >= CLEAR_CHANGE_PTS - EPS
                      else "the same splits")
            self.add("effort_rising", f"{splits} cost {effort:.1f} more effort over "
                     f"{len(rated)} sessions: check recovery; hold")
        mean_d = _fit(rung, lambda o: o.mean_pct)
        fade = _fit(rung, lambda o: o.fade_pts)
        worse = [f"{name} up {value:.1f} points" for name, value in
                 (("mean off target", mean_d), ("fade", fade))
                 if value is not None and value >= CLEAR_CHANGE_PTS - EPS]
        if worse:
            self.add("worse", f"{' and '.join(worse)} {where}: worse")
        if "worse" in self.kinds or "effort_rising" in self.kinds:
            return
        all_effort = _fit(rung, lambda o: o.mean_effort)
        better = [f"{name} down {-value:.1f}{unit}" for name, value, limit, unit in
                  (("effort", all_effort, EFFORT_FALLING, ""),
                   ("fade", fade, -CLEAR_CHANGE_PTS, " points"),
                   ("mean off target", mean_d, -CLEAR_CHANGE_PTS, " points"))
                  if value is not None and value <= limit + EPS]
        if better:
            self.add("improving", f"{' and '.join(better)} {where}: improving")
        else:
            self.add("no_change", f"no clear change {where}")

    # -- the last session -----------------------------------------------------------------

    def last_kinds(self) -> None:
        last = self.sessions[-1]
        median = last.outcome.median_rest_s
        if last.outcome.rests_cut and median is not None:
            self.add("rests_cut", f"rests cut to {median:.0f} s on a {format_span(last.rung_s)} "
                     "rung: take the rest as set")
        if not last.outcome.rated:
            self.add("unrated", "rate your reps")


def read_verdict(sessions: Sequence[Graded], ladder: Ladder, *, counted: int,
                 flagged: Outcome | None) -> tuple[set[str], dict[str, str]]:
    """The kinds and their phrases, before the advice adds ``back_off``.

    ``sessions`` are the counted sessions not flagged, oldest first; ``counted`` how many
    counted sessions there are in all; ``flagged`` the newest session when it is flagged
    (then only ``conditions``, ``first_session``, and the ``tolerance_up`` and ``fitter`` the
    sessions before it give are read).
    """
    reading = _Reading(sessions, ladder)
    if counted < 2:
        reading.add("first_session", "one session so far" if counted == 1
                    else "no session of this workout yet")
    if sessions:
        reading.target_kinds()
    if flagged is not None:
        for kind in ("not_held_yet", "target_too_fast"):
            reading.kinds.discard(kind)
        reading.add("conditions", f"last session flagged {', '.join(flagged.conditions)}: "
                    "repeat the rung")
        return reading.kinds, reading.phrases
    if sessions:
        reading.rung_kinds()
        reading.last_kinds()
    return reading.kinds, reading.phrases


def verdict_of(kinds: set[str], phrases: dict[str, str]) -> Verdict:
    """The verdict of ``kinds``: listed in ``KINDS`` order, the sentence progress first."""
    ordered = tuple(kind for kind in KINDS if kind in kinds)
    progress = [phrases[k] for k in ordered if k in PROGRESS]
    others = [phrases[k] for k in ordered if k not in PROGRESS]
    warned = any(k in WARNINGS for k in ordered)
    sentence = "; ".join(progress)
    if progress and others:
        sentence += (", but " if warned else "; ") + "; ".join(others)
    elif others:
        sentence = "; ".join(others)
    return Verdict(kinds=ordered, sentence=sentence)
