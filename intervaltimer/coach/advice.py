"""Advice for the next session of a rest ladder: shorten, hold, lengthen, or the workout's `then:`.

Anaerobic tolerance shows as the same pace held on shorter rest. A workout's main set may
declare the rungs of its rest (longest first); each session ran at one rung. The advice
reads the last sessions and says what to do next time, with its reasons. It is only ever a
suggestion: nothing here changes a workout or a session.

The rule (issue 9, from how a coach moves a runner down a rest ladder), on the main set's
reps, judged against their targets so a set that mixes paces reads right:

- **lengthen** one rung when, in the last session, a rep was more than ``LENGTHEN_OVER_S``
  over its target, or the fade was more than ``HOLD_MAX_FADE_S``, or the session was not
  finished (stopped, abandoned, or a rep skipped); or when effort ``LENGTHEN_RPE`` came in
  ``LENGTHEN_RPE_SESSIONS`` sessions running;
- **hold** the rung when the fade was ``SHORTEN_MAX_FADE_S``–``HOLD_MAX_FADE_S``, or the last
  rep's effort was ``HOLD_LAST_RPE``, or fewer than ``SESSIONS_TO_SHORTEN`` sessions in a row
  at this rung were good enough to shorten (or something needed to judge is missing: no
  targets, the last rep not rated);
- **shorten** one rung after ``SESSIONS_TO_SHORTEN`` sessions in a row at the current rung in
  which every rep was within ``SHORTEN_MAX_OVER_S`` of target, the fade was at most
  ``SHORTEN_MAX_FADE_S`` and the last rep's effort at most ``SHORTEN_MAX_LAST_RPE``;
- at the shortest rung, shortening becomes the workout's ``then:``: more reps, or a faster
  target (a ladder with no ``then:`` holds there).

*Fade* here is the mean deviation from target of the last two reps minus that of the first
two (seconds; positive = slower at the end). A workout that declares no ladder (and is not a
quick workout, which has ``QUICK_RUNGS_S``) gets one from its rest: that rest, then
``DEFAULT_RUNG_STEP_S`` shorter each rung, down to ``DEFAULT_SHORTEST_S``; its ``then:`` is
``DEFAULT_THEN``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from intervaltimer.workout.labels import format_span
from intervaltimer.workout.model import Then, ThenKind
from intervaltimer.workout.units import format_delta

Action = Literal["shorten", "hold", "lengthen", "reps", "pace"]

SESSIONS_TO_SHORTEN = 2
"""Issue 9: shorten only after two sessions in a row at the rung pass (one good day is luck)."""
SHORTEN_MAX_OVER_S = 1.0
"""Issue 9: every main-set rep within +1.0 s of its target (a rep that pace holds)."""
SHORTEN_MAX_FADE_S = 1.5
"""Issue 9: mean of the last two reps minus the mean of the first two at most 1.5 s."""
HOLD_MAX_FADE_S = 3.0
"""Issue 9: a fade of 1.5-3 s holds the rung; more than that is a set that came apart."""
SHORTEN_MAX_LAST_RPE = 8
"""Issue 9: the last rep's effort at most 8 on CR-10 (hard, with something left)."""
HOLD_LAST_RPE = 9
"""Issue 9: a last rep at effort 9 holds the rung."""
LENGTHEN_OVER_S = 3.0
"""Issue 9: any rep more than 3 s over its target lengthens the rest."""
LENGTHEN_RPE = 10
"""Issue 9: maximal effort (CR-10 10, Foster's "maximal")..."""
LENGTHEN_RPE_SESSIONS = 2
"""...in two sessions running lengthens the rest."""
DEFAULT_RUNG_STEP_S = 15.0
"""A ladder not declared steps down 15 s a rung, as the issue's example 90, 75, 60, 45, 30 s."""
DEFAULT_SHORTEST_S = 15.0
"""...and stops at 15 s, the shortest rung a runner can walk back and reset in."""


DEFAULT_THEN = Then(ThenKind.REPS, reps=2, text="reps +2")
"""The issue's example ``then:``: two more reps once the shortest rest holds."""


@dataclass(frozen=True)
class Outcome:
    """One session of a workout as the advice reads it: its rung and its main set.

    ``splits_s``, ``targets_s`` and ``efforts`` are rep-aligned over the main set in order
    (a skipped rep has split None). ``finished``: the session completed with every rep
    planned run.
    """

    rest_s: float | None
    splits_s: tuple[float | None, ...]
    targets_s: tuple[float | None, ...]
    efforts: tuple[int | None, ...]
    finished: bool
    reps_planned: int | None = None
    stopped: bool = False
    """Ended before the plan did (stopped or abandoned), as opposed to a rep skipped."""

    @property
    def deviations_s(self) -> list[float] | None:
        """Each rep run's split − target, in order; None unless every rep run has a target."""
        pairs = [(s, t) for s, t in zip(self.splits_s, self.targets_s, strict=True)
                 if s is not None]
        if not pairs or any(t is None for _, t in pairs):
            return None
        return [s - t for s, t in pairs if t is not None]

    @property
    def worst_over_s(self) -> float | None:
        """The largest deviation from target among the reps run (None without targets)."""
        devs = self.deviations_s
        return None if devs is None else max(devs)

    @property
    def fade_s(self) -> float | None:
        """Mean deviation of the last two reps run minus that of the first two."""
        devs = self.deviations_s
        if devs is None or len(devs) < 2:
            return None
        return (devs[-1] + devs[-2]) / 2 - (devs[0] + devs[1]) / 2

    @property
    def last_rep_rpe(self) -> int | None:
        """The effort of the last rep run."""
        run = [e for s, e in zip(self.splits_s, self.efforts, strict=True) if s is not None]
        return run[-1] if run else None

    @property
    def peak_rpe(self) -> int | None:
        """The highest effort given to a rep."""
        return max((e for e in self.efforts if e is not None), default=None)

    @property
    def reps_run(self) -> int:
        """Main-set reps run (not skipped)."""
        return sum(1 for s in self.splits_s if s is not None)


@dataclass(frozen=True)
class Advice:
    """What to do next session: the action, the rest to run it at, and why."""

    action: Action
    rest_s: float | None
    reasons: tuple[str, ...]
    then: Then | None = None
    sessions: int = 0
    """How many sessions the advice read (0: none yet, nothing to go on)."""

    @property
    def headline(self) -> str:
        """``45 s rest, one rung shorter``."""
        if self.rest_s is None:
            return "as last time"
        rest = f"{format_span(self.rest_s)} rest"
        what = {
            "shorten": "one rung shorter",
            "hold": "same rung",
            "lengthen": "one rung longer",
            "reps": f"more reps ({self.then.text if self.then else DEFAULT_THEN.text})",
            "pace": f"a faster target ({self.then.text if self.then else 'pace -1s'})",
        }[self.action]
        return f"{rest}, {what}"

    @property
    def sentence(self) -> str:
        """The headline and its reasons: ``45 s rest, one rung shorter: last 2 sessions ...``."""
        return self.headline + (": " + "; ".join(self.reasons) if self.reasons else "")

    def to_json(self) -> dict[str, Any]:
        """``{action, rest_s, reasons: [...], summary}``."""
        return {"action": self.action,
                "rest_s": None if self.rest_s is None else round(self.rest_s, 3),
                "reasons": list(self.reasons), "summary": self.sentence}


def implied_rungs(rest_s: float | None) -> tuple[float, ...]:
    """The ladder of a workout that declares none: its rest, then DEFAULT_RUNG_STEP_S shorter
    a rung down to DEFAULT_SHORTEST_S (just the rest when it is already that short)."""
    if rest_s is None:
        return ()
    rungs = [float(rest_s)]
    while rungs[-1] - DEFAULT_RUNG_STEP_S >= DEFAULT_SHORTEST_S - 1e-9:
        rungs.append(rungs[-1] - DEFAULT_RUNG_STEP_S)
    return tuple(rungs)


def nearest_rung(rungs: Sequence[float], rest_s: float) -> int:
    """The index of the rung closest to ``rest_s`` (the longer one on a tie)."""
    return min(range(len(rungs)), key=lambda i: (abs(rungs[i] - rest_s), i))


def _s(value: float) -> str:
    return f"{format_delta(round(value, 1) + 0.0)} s"


def _unfinished(outcome: Outcome) -> str:
    planned = outcome.reps_planned or len(outcome.splits_s)
    done = f"{outcome.reps_run} of {planned} reps"
    if outcome.stopped:
        return f"last session stopped after {done}"
    skipped = len(outcome.splits_s) - outcome.reps_run
    if skipped:
        return f"last session {done} ({skipped} skipped)"
    return f"last session not finished ({done})"


def _blow_up(history: Sequence[Outcome]) -> list[str]:
    """Reasons to lengthen, from the last session (and the one before, for effort 10)."""
    last = history[-1]
    reasons: list[str] = []
    if not last.finished:
        reasons.append(_unfinished(last))
    worst = last.worst_over_s
    if worst is not None and worst > LENGTHEN_OVER_S:
        reasons.append(f"a rep {_s(worst)} off target (more than +{LENGTHEN_OVER_S:g} s)")
    fade = last.fade_s
    if fade is not None and fade > HOLD_MAX_FADE_S:
        reasons.append(f"fade {_s(fade)} (more than {HOLD_MAX_FADE_S:g} s)")
    recent = history[-LENGTHEN_RPE_SESSIONS:]
    if len(recent) == LENGTHEN_RPE_SESSIONS and all(
            (o.peak_rpe or 0) >= LENGTHEN_RPE for o in recent):
        reasons.append(f"effort {LENGTHEN_RPE} in {LENGTHEN_RPE_SESSIONS} sessions running")
    return reasons


def _shortfalls(outcome: Outcome) -> list[str]:
    """Why this session does not count towards shortening ([] when it does)."""
    worst, fade, rpe = outcome.worst_over_s, outcome.fade_s, outcome.last_rep_rpe
    if worst is None:
        return ["no targets to judge the splits by (set race times in the profile)"]
    out: list[str] = []
    if worst > SHORTEN_MAX_OVER_S:
        out.append(f"a rep {_s(worst)} off target (over +{SHORTEN_MAX_OVER_S:g} s)")
    if fade is not None and fade > SHORTEN_MAX_FADE_S:
        out.append(f"fade {_s(fade)}")
    if rpe is None:
        out.append("last rep not rated: rate it so the advice can read the effort")
    elif rpe >= HOLD_LAST_RPE:
        out.append(f"last-rep effort {rpe}")
    return out


def advise(history: Sequence[Outcome], rungs: Sequence[float] = (),
           then: Then | None = None) -> Advice:
    """The advice for the next session from a workout's sessions (oldest first).

    ``rungs`` are the main set's rests, longest first (a workout without a ladder: empty,
    and ``implied_rungs`` of the last session's rest stand in, with ``DEFAULT_THEN``);
    ``then`` is what to do at the shortest rung (None: hold there).
    """
    ladder = tuple(float(r) for r in rungs)
    sessions = [o for o in history if o.splits_s]
    if not sessions:
        return Advice("hold", None, ("no session of this workout yet",), then)
    advice = _advise(sessions, ladder, then)
    return replace(advice, sessions=len(sessions))


def _advise(sessions: Sequence[Outcome], ladder: tuple[float, ...],
            then: Then | None) -> Advice:
    last = sessions[-1]
    if not ladder:
        ladder = implied_rungs(last.rest_s)
        then = then or DEFAULT_THEN
    if not ladder or last.rest_s is None:
        rest = last.rest_s if last.rest_s is not None else (ladder[0] if ladder else None)
        return Advice("hold", rest, ("the rest of the last session is not known",), then)
    at = nearest_rung(ladder, last.rest_s)
    rung = ladder[at]

    blown = _blow_up(sessions)
    if blown:
        if at == 0:
            return Advice("hold", rung, (*blown, "already the longest rest of the ladder"), then)
        return Advice("lengthen", ladder[at - 1], tuple(blown), then)

    streak = []
    for outcome in reversed(sessions):
        if outcome.rest_s is None or nearest_rung(ladder, outcome.rest_s) != at:
            break
        streak.append(outcome)
        if len(streak) == SESSIONS_TO_SHORTEN:
            break
    short = _shortfalls(last)
    if short:
        return Advice("hold", rung, tuple(short), then)
    earlier = [reason for o in streak[1:] for reason in _shortfalls(o)]
    if len(streak) < SESSIONS_TO_SHORTEN or earlier:
        why = (f"last session held at {format_span(rung)}; {SESSIONS_TO_SHORTEN} in a row "
               "move you on")
        return Advice("hold", rung, (why, *(f"the one before: {r}" for r in earlier)), then)

    over = max(o.worst_over_s or 0.0 for o in streak)
    fade = max((o.fade_s for o in streak if o.fade_s is not None), default=0.0)
    effort = max(o.last_rep_rpe or 0 for o in streak)
    why = (f"last {len(streak)} sessions every rep within {_s(over)}, fade {_s(fade)}, "
           f"last-rep effort {effort}")
    if at + 1 < len(ladder):
        return Advice("shorten", ladder[at + 1], (why,), then)
    shortest = f"{format_span(rung)} is the shortest rest of the ladder"
    if then is None:
        return Advice("hold", rung, (why, shortest), None)
    action: Action = "reps" if then.kind is ThenKind.REPS else "pace"
    return Advice(action, rung, (why, shortest), then)

