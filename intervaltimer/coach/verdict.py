"""The coach's answer to "is my anaerobic tolerance improving?", from a workout's sessions.

Read before the within-rung metrics (``trends``), first that applies:

1. **Back off** when the latest session was not finished (stopped, abandoned, cut short, a rep
   skipped) or the last ``BACK_OFF_SESSIONS`` sessions each reached effort ``BACK_OFF_RPE``
   or more. A cut-short set's low fade is not a good sign, so the sentence never praises it.
2. **Across rungs**: the rest changed between sessions. Shorter rest with the pace held (every
   session's mean deviation within ``PACE_HELD_S`` of target) is the improvement the session
   is built for: "rest cut from 90 s to 45 s over 8 sessions, splits held within +1.2 s of
   target: tolerance up". Shorter rest with the pace slipping, or a longer rest, says so.
3. **A new target**: the latest change of target, the sessions before it against those after.
   Faster and met at the same or lower effort: "target 2.0 s/400 m faster at the same effort:
   fitter". Missed with the splits as before: "the new target looks too fast: splits as on
   the old one".

Every figure quoted here is a logged value (a session's mean, the worst of them), never a
fitted line's; the within-rung sentence says when its figures are the fitted trend's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from intervaltimer.coach.points import (
    RPE_NOISE,
    SPLIT_NOISE_FLOOR_S,
    SPLIT_NOISE_FRACTION,
    TARGET_TOLERANCE_S,
    SessionPoint,
)
from intervaltimer.workout.labels import format_span
from intervaltimer.workout.units import format_delta, format_distance, format_time

BACK_OFF_RPE = 9
"""Issue 9: sessions at effort 9 or more (CR-10, one short of maximal)..."""
BACK_OFF_SESSIONS = 2
"""...two sessions running, say to back off."""
PACE_HELD_S = 1.5
"""A session whose reps average within +1.5 s of target held the pace: the advice's fade limit
for shortening (``advice.SHORTEN_MAX_FADE_S``), the drift a set may show and still be held."""
RUNG_TOLERANCE_S = 2.5
"""Rests within this of each other are one rung (a rung read from rest taken is rounded)."""


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _signed(seconds: float) -> str:
    return f"{format_delta(round(seconds, 1) + 0.0)} s"


def _reps_text(point: SessionPoint) -> str:
    done = point.reps_done if point.reps_done is not None else 0
    if point.reps_planned is not None:
        return f"{done} of {point.reps_planned} reps"
    return f"{done} reps"


def back_off(points: Sequence[SessionPoint]) -> str | None:
    """The back-off sentence, or None when the latest sessions give no reason to."""
    if not points:
        return None
    last = points[-1]
    effort = "" if last.peak_rpe is None else f" at effort {last.peak_rpe}"
    if not last.finished:
        if last.status == "completed" and last.skipped:
            what = f"ran {_reps_text(last)} ({last.skipped} skipped){effort}"
        else:
            word = "was stopped" if last.status == "abandoned" else "ended"
            what = f"{word} after {_reps_text(last)}{effort}"
        return f"back off: the last session {what}; run the next one on a longer rest"
    recent = points[-BACK_OFF_SESSIONS:]
    if len(recent) == BACK_OFF_SESSIONS and all(
            p.peak_rpe is not None and p.peak_rpe >= BACK_OFF_RPE for p in recent):
        efforts = ", ".join(str(p.peak_rpe) for p in recent)
        return (f"back off: effort {BACK_OFF_RPE} or more in the last {BACK_OFF_SESSIONS} "
                f"sessions ({efforts}); run the next one on a longer rest")
    return None


def _held(points: Sequence[SessionPoint]) -> tuple[bool, float, str] | None:
    """Whether the sessions held their pace, the worst logged figure, and what it is against:
    the worst session's mean deviation from target, or without targets the worst mean split
    against the first session's."""
    deviations = [p.mean_deviation_s for p in points if p.mean_deviation_s is not None]
    if len(deviations) == len(points):
        worst = max(deviations)
        return worst <= PACE_HELD_S, worst, "target"
    splits = [p.mean_split_s for p in points if p.mean_split_s is not None]
    if len(splits) != len(points):
        return None
    first = splits[0]
    worst = max(splits) - first
    noise = max(SPLIT_NOISE_FLOOR_S, SPLIT_NOISE_FRACTION * first)
    return worst <= noise, worst, "the first session's"


def across_rungs(points: Sequence[SessionPoint]) -> str | None:
    """What was held across rungs of rest, or None when every session ran one rung."""
    rested = [p for p in points if p.rest_s is not None]
    if len(rested) < 2:
        return None
    first, last = rested[0].rest_s, rested[-1].rest_s
    assert first is not None and last is not None
    rests = [p.rest_s for p in rested if p.rest_s is not None]
    if max(rests) - min(rests) <= RUNG_TOLERANCE_S:
        return None
    span = f"over {len(points)} sessions"
    held = _held(rested)
    if last < first - RUNG_TOLERANCE_S:
        cut = f"rest cut from {format_span(first)} to {format_span(last)} {span}"
        if held is None:
            return f"{cut}: run it with targets to see whether the pace held"
        ok, worst, against = held
        if ok:
            return f"{cut}, splits held within {_signed(worst)} of {against}: tolerance up"
        return f"{cut}, but splits slipped to {_signed(worst)} off {against}: not held yet"
    if last > first + RUNG_TOLERANCE_S:
        return (f"rest lengthened from {format_span(first)} to {format_span(last)} {span}: "
                "building back")
    return (f"rest back at {format_span(last)} after {format_span(max(rests))} to "
            f"{format_span(min(rests))} {span}")


def _per_distance(seconds: float, distance_m: float | None) -> str:
    unit = f"s/{format_distance(distance_m)}" if distance_m else "s a rep"
    return f"{abs(seconds):.1f} {unit}"


def new_target(points: Sequence[SessionPoint]) -> str | None:
    """The verdict on a change of target: the sessions at the first target against those at
    the latest one; None when the target did not change."""
    targeted = [p for p in points if p.target_mean_s is not None]
    if len(targeted) < 2:
        return None
    old_target, new_target = targeted[0].target_mean_s, targeted[-1].target_mean_s
    assert old_target is not None and new_target is not None
    moved = new_target - old_target
    if abs(moved) <= TARGET_TOLERANCE_S:
        return None
    def at(target: float) -> list[SessionPoint]:
        return [p for p in targeted
                if abs((p.target_mean_s or 0) - target) <= TARGET_TOLERANCE_S]

    before, after = at(old_target), at(new_target)
    way = "faster" if moved < 0 else "slower"
    size = f"target {_per_distance(moved, after[-1].distance_m)} {way}"
    split_before = _mean([p.mean_split_s for p in before if p.mean_split_s is not None] or [0])
    split_after = _mean([p.mean_split_s for p in after if p.mean_split_s is not None] or [0])
    noise = max(SPLIT_NOISE_FLOOR_S, SPLIT_NOISE_FRACTION * split_before)
    worst = max(p.mean_deviation_s or 0.0 for p in after)
    if worst > PACE_HELD_S:
        if abs(split_after - split_before) < noise:
            return (f"the new target looks too fast: splits as on the old one "
                    f"({format_time(split_after)} against {format_time(split_before)})")
        gained = split_before - split_after
        splits = f"{abs(gained):.1f} s {'faster' if gained > 0 else 'slower'}"
        return f"{size}, splits {splits}, still up to {_signed(worst)} off the new one"
    effort_before = [p.mean_rpe for p in before if p.mean_rpe is not None]
    effort_after = [p.mean_rpe for p in after if p.mean_rpe is not None]
    if not effort_before or not effort_after:
        return f"{size}, met: rate your reps to see what it cost"
    drift = _mean(effort_after) - _mean(effort_before)
    if drift > RPE_NOISE:
        return (f"{size}, met at a higher effort "
                f"({_mean(effort_after):.1f} against {_mean(effort_before):.1f})")
    effort = "the same effort" if drift > -RPE_NOISE else "a lower effort"
    return f"{size} at {effort}" + (": fitter" if moved < 0 else "")


def last_rep(points: Sequence[SessionPoint]) -> str:
    """The latest session's last rep against the others, as logged ("" when it was within
    ``SPLIT_NOISE_FLOOR_S`` of them or there is none)."""
    last = points[-1] if points else None
    if last is None or last.kick_s is None or abs(last.kick_s) < SPLIT_NOISE_FLOOR_S:
        return ""
    how = "faster" if last.kick_s < 0 else "slower"
    effort = "" if last.last_rep_rpe is None else f" at effort {last.last_rep_rpe}"
    return f"last time the last rep was {abs(last.kick_s):.1f} s {how} than the others{effort}"
