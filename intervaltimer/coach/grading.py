"""One session as the advice reads it (its main set in per cent of target) and its grade.

Only the main set counts; a skipped rep is not run and every figure is over the reps run,
in order. A rep's deviation ``d`` is ``(split - target) / target × 100``, positive when slow.

- The last rep run is a **kick** when its d is at least ``KICK_PTS`` below the mean d of the
  other reps run: the workout asks for it, so it is left out of the fade and its effort is
  not judged (the rep before it is).
- **Fade**: the mean d of the last two working reps (the reps run but a kick) minus that of
  the first two; with two or three working reps the last minus the first; with one, 0.
- **Judged effort**: the last rep's effort, or the one before a kick; not rated: the highest
  effort rated in the set (a kick left out); none rated: not judged.
- **Finished**: every main-set rep planned was run and none was skipped (an older log that
  does not know the reps planned: completed with no main-set rep skipped).
- **Rests cut short**: the median rest taken after the main-set reps (the last and rests of
  0 left out) is under ``RESTS_CUT_SHARE`` of the rung.

A session is a **blow-up** when it was not finished, a rep was over ``BLOW_UP_REP_PCT``, the
fade over ``BLOW_UP_FADE_PTS``, or the judged effort was ``MAX_EFFORT`` in it and in the
session before it; **clean** when finished, no blow-up, every rep within ``ON_PACE_PCT``, a
fade of at most ``CLEAN_FADE_PTS`` and a judged effort of at most ``CLEAN_MAX_EFFORT`` (or
none); **held** when no blow-up and a mean d of at most ``HELD_MEAN_PCT``. Without targets a
session is never clean nor held: set race times first.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from intervaltimer.coach.inputs import Rep, Session, ordered_conditions
from intervaltimer.coach.sessions import main_set, rests_taken, rung_of
from intervaltimer.coach.thresholds import (
    BLOW_UP_FADE_PTS,
    BLOW_UP_REP_PCT,
    CLEAN_FADE_PTS,
    CLEAN_MAX_EFFORT,
    HELD_MEAN_PCT,
    KICK_PTS,
    MAX_EFFORT,
    ON_PACE_PCT,
    RESTS_CUT_SHARE,
)

EPS = 1e-9
"""Limits are compared with this slack, so a figure exactly on a limit reads as written."""
COMPLETED = "completed"
RUNNING = "running"


@dataclass(frozen=True)
class Outcome:
    """One session's main set: rep-aligned splits, targets and efforts, and what it ran on.

    ``rung_s`` is the rest it was planned with (or, in an older log, the median rest taken);
    ``rests_s`` the rests taken after its reps run (the last and rests of 0 left out);
    ``conditions`` the bad conditions flagged.
    """

    splits_s: tuple[float | None, ...]
    targets_s: tuple[float | None, ...]
    efforts: tuple[int | None, ...]
    rung_s: float | None
    reps_planned: int | None = None
    status: str = COMPLETED
    rests_s: tuple[float, ...] = ()
    conditions: tuple[str, ...] = ()
    id: int = 0

    # -- the reps run ---------------------------------------------------------------------

    @property
    def run(self) -> list[int]:
        """Indexes of the reps run (not skipped), in order."""
        return [i for i, s in enumerate(self.splits_s) if s is not None]

    @property
    def reps_run(self) -> int:
        """Main-set reps run."""
        return len(self.run)

    @property
    def skipped(self) -> int:
        """Main-set reps skipped."""
        return len(self.splits_s) - self.reps_run

    @property
    def reps_of_work(self) -> int:
        """The main set's reps as planned (an older log: the reps it holds)."""
        return self.reps_planned if self.reps_planned is not None else len(self.splits_s)

    @property
    def reps_told(self) -> int | None:
        """The main set's reps to run next time: as planned, or in an older log the reps it
        holds when it was finished; None when a set stopped short cannot say how many."""
        if self.reps_planned is not None:
            return self.reps_planned
        return len(self.splits_s) if self.finished else None

    @property
    def deviations_pct(self) -> list[float] | None:
        """Each rep run's d, in order; None unless every rep run has a target."""
        out: list[float] = []
        for i in self.run:
            split, target = self.splits_s[i], self.targets_s[i]
            if split is None or target is None or target <= 0:
                return None
            out.append((split - target) / target * 100)
        return out or None

    @property
    def kick(self) -> bool:
        """The last rep run was a kick: its d ``KICK_PTS`` or more below the others' mean."""
        devs = self.deviations_pct
        if devs is None or len(devs) < 2:
            return False
        return devs[-1] <= statistics.fmean(devs[:-1]) - KICK_PTS + EPS

    @property
    def working_pct(self) -> list[float] | None:
        """The d of the reps run but a kick."""
        devs = self.deviations_pct
        if devs is None:
            return None
        return devs[:-1] if self.kick else devs

    @property
    def fade_pts(self) -> float | None:
        """Last two working reps' mean d minus the first two's (see the module)."""
        work = self.working_pct
        if work is None:
            return None
        if len(work) <= 1:
            return 0.0
        if len(work) <= 3:
            return work[-1] - work[0]
        return (work[-1] + work[-2]) / 2 - (work[0] + work[1]) / 2

    @property
    def mean_pct(self) -> float | None:
        """The mean d of the reps run."""
        devs = self.deviations_pct
        return None if devs is None else statistics.fmean(devs)

    @property
    def worst_pct(self) -> float | None:
        """The largest d of the reps run."""
        devs = self.deviations_pct
        return None if devs is None else max(devs)

    @property
    def judged_effort(self) -> int | None:
        """The effort the advice judges (see the module)."""
        run = self.run
        if not run:
            return None
        judged = run[-2] if self.kick else run[-1]
        if self.efforts[judged] is not None:
            return self.efforts[judged]
        left_out = run[-1] if self.kick else None
        rated = [self.efforts[i] for i in run if i != left_out and self.efforts[i] is not None]
        return max((e for e in rated if e is not None), default=None)

    @property
    def mean_effort(self) -> float | None:
        """The mean effort of the rated main-set reps."""
        rated = [e for e in self.efforts if e is not None]
        return statistics.fmean(rated) if rated else None

    @property
    def rated(self) -> bool:
        """Some main-set rep was rated."""
        return any(e is not None for e in self.efforts)

    @property
    def mean_target_s(self) -> float | None:
        """The mean target of the main set's reps (None when a rep has none)."""
        if not self.targets_s or any(t is None for t in self.targets_s):
            return None
        return statistics.fmean(t for t in self.targets_s if t is not None)

    @property
    def mean_split_s(self) -> float | None:
        """The mean split of the reps run."""
        splits = [s for s in self.splits_s if s is not None]
        return statistics.fmean(splits) if splits else None

    @property
    def finished(self) -> bool:
        """Every main-set rep planned was run, none skipped (see the module)."""
        if self.skipped:
            return False
        if self.reps_planned is not None:
            return self.reps_run >= self.reps_planned
        return self.status == COMPLETED

    @property
    def rests_cut(self) -> bool:
        """The median rest taken was under ``RESTS_CUT_SHARE`` of the rung."""
        if not self.rests_s or self.rung_s is None or self.rung_s <= 0:
            return False
        return statistics.median(self.rests_s) < RESTS_CUT_SHARE * self.rung_s

    @property
    def median_rest_s(self) -> float | None:
        """The median rest taken after the reps (see ``rests_s``)."""
        return statistics.median(self.rests_s) if self.rests_s else None

    @property
    def flagged(self) -> bool:
        """The runner flagged bad conditions."""
        return bool(self.conditions)


def outcome_of(session: Session, reps: Sequence[Rep]) -> Outcome:
    """A logged session as the advice reads it."""
    main = main_set(reps)
    return Outcome(
        splits_s=tuple(None if rep.skipped else rep.split_s for rep in main),
        targets_s=tuple(rep.target_s for rep in main),
        efforts=tuple(rep.rpe for rep in main),
        rung_s=rung_of(session.main_rest_s, reps),
        reps_planned=session.reps_planned, status=str(session.status),
        rests_s=tuple(rests_taken(reps)),
        conditions=ordered_conditions(list(getattr(session, "conditions", ()))),
        id=session.id)


def counts(outcome: Outcome) -> bool:
    """A counted session: over (any status but running) with a main-set rep, run or
    skipped."""
    return outcome.status != RUNNING and len(outcome.splits_s) > 0


@dataclass(frozen=True)
class Grade:
    """What a session shows: blow-up, clean, held, and the reasons for a blow-up."""

    blow_up: bool
    clean: bool
    held: bool
    why: tuple[str, ...]


def _pct(value: float) -> str:
    rounded = round(value, 1) + 0.0
    return f"{rounded:+.1f} %"


def grade(outcome: Outcome, before: Outcome | None) -> Grade:
    """The grade of ``outcome``; ``before`` is the session before it (flagged ones left
    out), for effort 10 twice."""
    why: list[str] = []
    if not outcome.finished:
        planned = outcome.reps_planned
        done = (f"{outcome.reps_run} reps" if planned is None
                else f"{outcome.reps_run} of {planned} reps")
        why.append(f"last session {done} ({outcome.skipped} skipped)" if outcome.skipped
                   else f"last session stopped after {done}")
    worst, fade = outcome.worst_pct, outcome.fade_pts
    if worst is not None and worst > BLOW_UP_REP_PCT + EPS:
        why.append(f"a rep {_pct(worst)} off target (over +{BLOW_UP_REP_PCT:g} %)")
    if fade is not None and fade > BLOW_UP_FADE_PTS + EPS:
        why.append(f"a fade of {fade:.1f} points (over {BLOW_UP_FADE_PTS:g})")
    effort = outcome.judged_effort
    if (effort == MAX_EFFORT and before is not None
            and before.judged_effort == MAX_EFFORT):
        why.append(f"effort {MAX_EFFORT} in two sessions running")
    blow_up = bool(why)
    mean = outcome.mean_pct
    clean = (not blow_up and outcome.finished and worst is not None
             and worst <= ON_PACE_PCT + EPS and fade is not None
             and fade <= CLEAN_FADE_PTS + EPS
             and (effort is None or effort <= CLEAN_MAX_EFFORT))
    held = not blow_up and mean is not None and mean <= HELD_MEAN_PCT + EPS
    return Grade(blow_up=blow_up, clean=clean, held=held or clean, why=tuple(why))


def not_clean(outcome: Outcome) -> list[str]:
    """What kept a session that did not blow up from being clean, in the coach's figures
    (``["a rep +1.5 %", "effort 9"]``); [] when it was clean or blew up."""
    worst, fade, effort = outcome.worst_pct, outcome.fade_pts, outcome.judged_effort
    if worst is None:
        return ["no targets to judge by: set race times"]
    out: list[str] = []
    if worst > ON_PACE_PCT + EPS:
        out.append(f"a rep {_pct(worst)}")
    if fade is not None and fade > CLEAN_FADE_PTS + EPS:
        out.append(f"fade {fade:.1f} points")
    if effort is not None and effort > CLEAN_MAX_EFFORT:
        out.append(f"effort {effort}")
    return out


def same_target(a: float | None, b: float | None, pct: float) -> bool:
    """Two mean targets within ``pct`` per cent of each other (both None: the same)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= pct / 100 * b + 1e-9


def fitted_change(values: Sequence[float]) -> float | None:
    """slope × (n − 1) of the least-squares line through ``values`` at x = 0, 1, …; None
    with fewer than two."""
    n = len(values)
    if n < 2:
        return None
    mean_x = (n - 1) / 2
    mean_y = math.fsum(values) / n
    sxx = math.fsum((x - mean_x) ** 2 for x in range(n))
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    return sxy / sxx * (n - 1)
