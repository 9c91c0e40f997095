"""When a lap is not taken: double taps, stray taps at a step's start, timed rests.

Every lap key, clicker and phone tap comes through `Session.lap`, so one rule
here guards them all. A lap within LAP_DEBOUNCE_S of the last lap taken, or
within START_GUARD_S of a step's start, is a double tap (or a stray one) and
ignored; a lap in a timed rest does nothing, because the rest is what the
coaching moves and only a skip ends it.
"""

from __future__ import annotations

from enum import StrEnum

from intervaltimer.engine.timeline import Timeline
from intervaltimer.workout.model import StepKind

LAP_DEBOUNCE_S = 3.0  # a second lap this soon after a lap is a double tap
START_GUARD_S = 1.0  # a lap this soon after a step starts (on time) is taken for a stray tap


class LapRefusal(StrEnum):
    """Why a lap now would be ignored: a double tap, a tap just after a step began, or a
    timed rest (which only `skip()` ends)."""

    DOUBLE_TAP = "double_tap"
    JUST_STARTED = "just_started"
    TIMED_REST = "timed_rest"


def pressed_ago(tl: Timeline, ago_s: float) -> float:
    """How long before now a lap reported `ago_s` ago was pressed, as the session counts
    it: never in the future, and now while paused (the session's clock stands still)."""
    return max(0.0, ago_s) if tl.pause is None else 0.0


def lap_refusal(tl: Timeline, ago_s: float = 0.0) -> LapRefusal | None:
    """Why a lap pressed `ago_s` ago would be ignored, or None when it would be taken (the
    timeline caught up to now): a double tap (LAP_DEBOUNCE_S after the last lap), a press in
    the first START_GUARD_S of the step or its wait (or before it began), or a timed rest."""
    seg = tl.seg
    if seg is None or tl.finished:
        return None
    ago_s = pressed_ago(tl, ago_s)
    now = tl.read()
    if tl.last_lap_at is not None and now - ago_s - tl.last_lap_at < LAP_DEBOUNCE_S:
        return LapRefusal.DOUBLE_TAP
    # Session seconds never go back (they hold the highest reached), so the press is
    # placed `ago_s` before now's session seconds, not at session_s(now - ago_s).
    if tl.session_s(now) - ago_s - seg.start_s < START_GUARD_S:
        return LapRefusal.JUST_STARTED
    step = tl.steps[seg.pos]
    if seg.wait is None and step.kind is StepKind.REST and seg.end_s is not None:
        return LapRefusal.TIMED_REST
    return None
