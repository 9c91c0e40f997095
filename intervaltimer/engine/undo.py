"""Taking back a lap or a skip: what each one changed, and how `u` puts it back.

A lap or a skip leaves an `Undo`: the segment it ended (with its clock), the
`every:` round, the splits and the open rest as they were. `u` puts the most
recent one back, in the step it ended, its clock intact; pressed again, the
one before it. A runner who skips a rest and then, by mistake, the rep's
lead-in walks back through both, one press each: every skip (of a rep, a rest,
a lead-in, a wait) stands in the chain until a rep ends.

The chain closes (transitions.py) when a rep ends, on its clock or lapped (that
lap alone can then be taken back), and at the finish. A timed rest or a
send-off wait that runs out on its own clock does not close it, but what lies
behind it changes: a rep's lap stands (its rest is over), a skipped rep comes
back with a new lead-in rather than its old clock (the runner is no longer in
it), and a rest comes back only while its time is not up. A rep skipped in its
lead-in comes back with a new lead-in too, counted in from the undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from intervaltimer.engine.events import Event, EventKind
from intervaltimer.engine.schedule import Segment, Wait
from intervaltimer.engine.timeline import Timeline
from intervaltimer.workout.plan import PlannedStep


@dataclass
class Undo:
    """What a lap or a skip changed, kept until the timeline moves past it. `fresh_lead_in`:
    a rep skipped in its lead-in comes back with a new lead-in, not the old one's clock."""

    segment: Segment
    round_start_s: float | None
    round_pos: int | None
    n_splits: int
    rest_s: float | None
    rest_open: bool
    fresh_lead_in: bool = False
    skip: bool = False


def undo_point(tl: Timeline, seg: Segment, fresh_lead_in: bool = False,
               skip: bool = False) -> Undo:
    """What a lap or a skip of `seg`, about to happen, changes: to put back with `take_back`."""
    return Undo(seg.clone(), tl.round_start_s, tl.round_pos, len(tl.splits),
                tl.splits[-1].rest_s if tl.splits else None, tl.rest_open, fresh_lead_in,
                skip)


def _behind_a_rest(undos: list[Undo], steps: Sequence[PlannedStep]) -> list[Undo]:
    """The chain once a rest after it is over: a rep's lap stands (dropped), a skipped rep
    comes back with a new lead-in, a rest stays (it comes back only while its end is
    ahead: `_takeable`)."""
    kept: list[Undo] = []
    for undo in undos:
        if not steps[undo.segment.pos].is_work:
            kept.append(undo)
        elif undo.skip:
            kept.append(replace(undo, fresh_lead_in=True))
    return kept


def rest_ran_out(tl: Timeline) -> None:
    """A timed rest or a send-off wait ran out on its own clock (see `_behind_a_rest`)."""
    tl.undos[:] = _behind_a_rest(tl.undos, tl.steps)


def keep(tl: Timeline, undo: Undo) -> None:
    """The lap or skip of `undo` happened: `u` can take it back, after any still standing
    before it (unless it finished the workout)."""
    if tl.finished:
        tl.undos.clear()
    else:
        tl.undos.append(undo)


def _takeable(undo: Undo, at_s: float) -> bool:
    """`undo` can still be taken back at session second `at_s`: its step has not run out."""
    end_s = undo.segment.end_s
    return undo.fresh_lead_in or end_s is None or end_s > at_s


def _live(tl: Timeline, at_s: float) -> list[Undo]:
    """The chain as it stands at session second `at_s`: a skipped rest whose time is up is
    gone, and what lies behind it is behind a rest that is over."""
    undos = list(tl.undos)
    while undos and not _takeable(undos[-1], at_s):
        undos.pop()
        undos = _behind_a_rest(undos, tl.steps)
    return undos


def can_undo(tl: Timeline) -> bool:
    """There is a lap or skip that `take_back` would undo now (the timeline caught up)."""
    if not tl.undos or tl.finished:
        return False
    return bool(_live(tl, tl.session_s(tl.read())))


def take_back(tl: Timeline, now: float) -> bool:
    """Undo the most recent lap or skip at clock instant `now` (the timeline caught up to
    it): back in that step, its split withdrawn. False when there is none to undo."""
    if not tl.undos or tl.finished or tl.seg is None:
        return False
    at_s = tl.session_s(now)
    tl.undos[:] = _live(tl, at_s)
    if not tl.undos:
        return False
    undo = tl.undos.pop()
    tl.last_lap_at = None  # the tap taken back: the next lap is a lap
    withdrawn = tl.splits[undo.n_splits] if len(tl.splits) > undo.n_splits else None
    del tl.splits[undo.n_splits:]
    back = undo.segment
    step = tl.steps[back.pos]
    if undo.fresh_lead_in:  # a rep skipped in its lead-in: counted in again from now
        tl.seg = Segment.fresh(back.pos, step, Wait.LEAD_IN, at_s, at_s + tl.lead_in_s, True)
    else:
        back.reschedule(back.items, at_s)
        tl.seg = back
    tl.round_start_s, tl.round_pos = undo.round_start_s, undo.round_pos
    tl.rest_open = undo.rest_open
    tl.done = back.pos
    tl.emit(Event(EventKind.LAP_UNDONE, now, step.index, elapsed_s=at_s - back.start_s,
                  split=withdrawn))
    if tl.splits and tl.splits[-1].rest_s != undo.rest_s:
        tl.splits[-1] = replace(tl.splits[-1], rest_s=undo.rest_s)
        tl.emit(Event(EventKind.SPLIT_UPDATED, now, tl.splits[-1].step_index,
                      split=tl.splits[-1]))
    return True
