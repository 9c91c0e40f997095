"""The advice for the next session: on what rest to run the main set, and why.

It reads the workout's counted sessions (over, with a main-set rep; the newest
``HISTORY_SESSIONS``), oldest first, and gives one action:

1. No counted session: **hold** at the first rung (``start:``, else the written rest).
2. The newest session flagged (bad conditions): **hold** at its rung. An older flagged
   session is left out of everything below, as if it had not been run.
3. A blow-up in the last session: **hold** when its rests were cut short (take the full rest)
   or the new target looks too fast (go back to the old one); else **lengthen** one rung,
   and one more while the last session run at that rung was not held (a ladder walked too
   fast goes back to the last rung held).
4. **Shorten** one rung after two clean sessions in a row on the rung, of the same work
   (targets within ``SAME_TARGET_PCT``, the same reps planned), when the verdict holds
   neither ``effort_rising`` nor ``worse``. At the shortest rung the ladder's ``then:``
   comes instead (**reps** or **pace**, the rest unchanged); with no ``then:``, hold.
5. Otherwise **hold**.

One change at a time: after more reps or a new target the sessions before are other work,
so the rung holds until two clean sessions of the new work. The advice is only ever shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from intervaltimer.coach.grading import Outcome, counts, grade, not_clean
from intervaltimer.coach.ladder import Ladder
from intervaltimer.coach.thresholds import HISTORY_SESSIONS, SESSIONS_TO_SHORTEN
from intervaltimer.coach.verdict import (
    WARNINGS,
    Graded,
    Verdict,
    read_verdict,
    same_work,
    verdict_of,
)
from intervaltimer.workout.labels import format_span
from intervaltimer.workout.model import Then, ThenKind

Action = Literal["shorten", "hold", "lengthen", "reps", "pace"]


@dataclass(frozen=True)
class Advice:
    """What to do next session: the action, the rest and reps to run, why, and the verdict.

    ``reps`` is the main set's reps to run (None when no session tells them); ``command``
    the exact ``intervaltimer run`` line that follows the advice (set by whoever knows how
    the runner names the workout).
    """

    action: Action
    rest_s: float
    reasons: tuple[str, ...]
    verdict: Verdict = field(default_factory=lambda: Verdict((), ""))
    reps: int | None = None
    then: Then | None = None
    sessions: int = 0
    """How many counted sessions the advice read (0: none yet)."""
    command: str | None = None

    @property
    def headline(self) -> str:
        """``45 s rest, one rung shorter``."""
        rest = f"{format_span(self.rest_s)} rest"
        then = f" ({self.then.text})" if self.then is not None else ""
        what = {
            "shorten": "one rung shorter",
            "hold": "same rung" if self.sessions else "the first rung",
            "lengthen": "longer",
            "reps": f"{self.reps} reps{then}" if self.reps else f"more reps{then}",
            "pace": f"a faster target{then}",
        }[self.action]
        return f"{rest}, {what}"

    @property
    def sentence(self) -> str:
        """The headline and its reasons: ``45 s rest, one rung shorter: ...``."""
        return self.headline + (": " + "; ".join(self.reasons) if self.reasons else "")

    def to_json(self) -> dict[str, Any]:
        """``{action, rest_s, reps, reasons, verdict_kinds, verdict, summary, command}``."""
        return {"action": self.action, "rest_s": round(self.rest_s, 3), "reps": self.reps,
                "reasons": list(self.reasons), "verdict_kinds": list(self.verdict.kinds),
                "verdict": self.verdict.sentence, "summary": self.sentence,
                "command": self.command}


Done = Callable[..., "Advice"]


def _graded(sessions: Sequence[Outcome], ladder: Ladder) -> list[Graded]:
    out: list[Graded] = []
    for i, outcome in enumerate(sessions):
        before = sessions[i - 1] if i else None
        rest = outcome.rung_s if outcome.rung_s is not None else ladder.start_s
        out.append(Graded(outcome, grade(outcome, before), ladder.rung(rest)))
    return out


def _walk_up(sessions: Sequence[Graded], ladder: Ladder, rung_s: float) -> float:
    """One rung up, and on while the last session run at that rung was not held."""
    at = rung_s
    while (up := ladder.longer(at)) is not None:
        at = up
        there = [g for g in sessions if abs(g.rung_s - at) < 1e-9]
        if not there or there[-1].grade.held:
            break
    return at


def advise(history: Sequence[Outcome], ladder: Ladder) -> Advice:
    """The advice for the next session from a workout's sessions (oldest first)."""
    counted = [o for o in history if counts(o)][-HISTORY_SESSIONS:]
    newest = counted[-1] if counted else None
    flagged = newest if newest is not None and newest.flagged else None
    sessions = _graded([o for o in counted if not o.flagged], ladder)
    kinds, phrases = read_verdict(sessions, ladder, counted=len(counted), flagged=flagged)

    def done(action: Action, rest_s: float, reasons: Sequence[str],
             reps: int | None = None) -> Advice:
        if action == "lengthen":
            kinds.add("back_off")
            why = "; ".join(reasons)
            phrases["back_off"] = f"the set came apart ({why}): back off to {format_span(rest_s)}"
        if action in ("lengthen",) or (sessions and sessions[-1].grade.blow_up
                                       and flagged is None):
            kinds.discard("improving")
            kinds.discard("no_change")
        return Advice(action=action, rest_s=rest_s, reasons=tuple(reasons),
                      verdict=verdict_of(kinds, phrases), reps=reps, then=ladder.then,
                      sessions=len(counted))

    if newest is None:
        return done("hold", ladder.start_s,
                    [f"no session of this workout yet: start at {format_span(ladder.start_s)}"])
    if flagged is not None:
        rung = ladder.rung(flagged.rung_s if flagged.rung_s is not None else ladder.start_s)
        return done("hold", rung, [f"last session flagged {', '.join(flagged.conditions)}: "
                                   f"run {format_span(rung)} again"], flagged.reps_told)
    last = sessions[-1]
    reps = last.outcome.reps_told
    if last.outcome.rung_s is None and not ladder.declared:
        return done("hold", ladder.start_s, [
            "no timed rest logged yet"], reps)
    if last.grade.blow_up:
        if last.outcome.rests_cut:
            return done("hold", last.rung_s, [
                f"the set came apart ({'; '.join(last.grade.why)}) on rests cut short: "
                f"take the full {format_span(last.rung_s)}"], reps)
        if "target_too_fast" in kinds:
            return done("hold", last.rung_s, [
                "the set came apart at the new target: the target, not the rest"], reps)
        return done("lengthen", _walk_up(sessions, ladder, last.rung_s), last.grade.why, reps)
    return _forward(sessions, ladder, kinds, done, reps)


def _figures(pair: Sequence[Graded]) -> str:
    """``: every rep within +0.7 %, fade 0.4 points, effort 7`` over clean sessions."""
    worst = max(g.outcome.worst_pct or 0.0 for g in pair)
    fade = max(g.outcome.fade_pts or 0.0 for g in pair)
    efforts = [e for g in pair if (e := g.outcome.judged_effort) is not None]
    effort = f", effort {max(efforts)}" if efforts else ", not rated"
    return f": every rep within {round(worst, 1) + 0.0:+.1f} %, fade {fade:.1f} points{effort}"


def _forward(sessions: Sequence[Graded], ladder: Ladder, kinds: set[str],
             done: Done, reps: int | None) -> Advice:
    """Shorten, ``then:``, or hold, after a session that did not blow up."""
    last = sessions[-1]
    rung = last.rung_s
    pair = sessions[-SESSIONS_TO_SHORTEN:]
    blocked = [kind for kind in WARNINGS if kind in kinds]
    if len(pair) < SESSIONS_TO_SHORTEN or not all(g.grade.clean for g in pair):
        short = ", ".join(not_clean(last.outcome))
        why = "clean" if last.grade.clean else (
            f"held, not clean ({short})" if last.grade.held else f"not held ({short})")
        return done("hold", rung, [f"last session {why} on {format_span(rung)}; "
                                   f"{SESSIONS_TO_SHORTEN} clean sessions in a row move you on"],
                    reps)
    if any(abs(g.rung_s - rung) > 1e-9 for g in pair):
        return done("hold", rung, [f"one clean session on {format_span(rung)} so far; "
                                   f"{SESSIONS_TO_SHORTEN} in a row move you on"], reps)
    if not all(same_work(g.outcome, last.outcome) for g in pair):
        return done("hold", rung, [f"one clean session of the new work on {format_span(rung)}; "
                                   "one change at a time: one more"], reps)
    if blocked:
        return done("hold", rung, [f"two clean sessions, but {blocked[0].replace('_', ' ')}"],
                    reps)
    why = f"{SESSIONS_TO_SHORTEN} clean sessions in a row on {format_span(rung)}" + _figures(pair)
    shorter = ladder.shorter(rung)
    if shorter is not None:
        return done("shorten", shorter, [why], reps)
    then = ladder.then
    shortest = f"{format_span(rung)} is the shortest rung"
    if then is None:
        return done("hold", rung, [why, f"{shortest} and the ladder has no then:"], reps)
    if then.kind is ThenKind.REPS:
        more = last.outcome.reps_of_work + then.reps
        return done("reps", rung, [why, f"{shortest}: then {then.text}"], more)
    return done("pace", rung, [why, f"{shortest}: then {then.text}"], reps)
