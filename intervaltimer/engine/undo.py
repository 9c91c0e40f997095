"""Taking back a lap or a skip: what each one changed, and how `u` puts it back.

A lap or a skip leaves an `Undo`: the segment it ended (with its clock), the
`every:` round, the splits and the open rest as they were. `u` puts the most
recent one back, in the step it ended, its clock intact; pressed again, the
one before it. A runner who skips a rest and then, by mistake, the rep's
lead-in walks back through both, one press each: every skip (of a rep, a rest,
a lead-in, a wait) stands in the chain until a rep ends.

The chain closes (transitions.py) when a rep is lapped (that lap alone can
be taken back), when a step runs out on its own clock or a send-off wait ends
(a timed step whose end has passed cannot be re-entered), and at the finish.
A rep skipped in its lead-in comes back with a new lead-in, counted in from
the undo, not the old one's clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from intervaltimer.engine.events import Event, EventKind
from intervaltimer.engine.schedule import Segment, Wait
from intervaltimer.engine.timeline import Timeline


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


def undo_point(tl: Timeline, seg: Segment, fresh_lead_in: bool = False) -> Undo:
    """What a lap or a skip of `seg`, about to happen, changes: to put back with `take_back`."""
    return Undo(seg.clone(), tl.round_start_s, tl.round_pos, len(tl.splits),
                tl.splits[-1].rest_s if tl.splits else None, tl.rest_open, fresh_lead_in)


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


def can_undo(tl: Timeline) -> bool:
    """There is a lap or skip that `take_back` would undo now (the timeline caught up)."""
    if not tl.undos or tl.finished:
        return False
    return _takeable(tl.undos[-1], tl.session_s(tl.read()))


def take_back(tl: Timeline, now: float) -> bool:
    """Undo the most recent lap or skip at clock instant `now` (the timeline caught up to
    it): back in that step, its split withdrawn. False when there is none to undo."""
    if not tl.undos or tl.finished or tl.seg is None:
        return False
    at_s = tl.session_s(now)
    undo = tl.undos.pop()
    if not _takeable(undo, at_s):
        tl.undos.clear()  # the ones before it lie further back still
        return False
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
