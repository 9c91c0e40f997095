"""What becomes due when, one segment of the session at a time.

A segment is a step on the clock, or a wait before a step (the lead-in, or the
rest the engine adds between rounds of an `every:` repeat that has none).
Instants here are session seconds: clock readings minus the time spent
paused, so a pause shifts everything after it without touching these numbers.
Every instant is computed from the segment's start or end, never by adding up
ticks, so nothing drifts.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum

from intervaltimer.engine.events import Cue, EventKind
from intervaltimer.workout.model import Ends, StepKind
from intervaltimer.workout.plan import PlannedStep

TEN_SECONDS_MIN_STEP_S = 15.0  # the ten-seconds cue only in steps longer than this
HALFWAY_MIN_STEP_S = 30.0  # the halfway cue only in timed reps at least this long
COUNTDOWN_FROM = 3  # 3-2-1 before a rep

# Order of things due at the same instant.
_ENTRY, _MISSED, _TICK, _MARK, _TEN, _END = 0, 1, 2, 3, 4, 9

DueKey = tuple[float, int, int | None, float | None]


class Wait(StrEnum):
    """Why a segment waits before its step: the lead-in, or a send-off rest between rounds."""

    LEAD_IN = "lead_in"
    SEND_OFF = "send_off"


@dataclass(frozen=True)
class Due:
    """One thing due at `at_s` (session seconds). `kind` None means: the segment ends here."""

    at_s: float
    order: int
    kind: EventKind | None
    cue: Cue | None = None
    count: int | None = None
    distance_m: float | None = None
    seconds: float | None = None

    @property
    def key(self) -> DueKey:
        """What makes it this one and no other within its segment."""
        return (self.at_s, self.order, self.count, self.distance_m)


def entry_cue(step: PlannedStep, wait: Wait | None, lapped: bool) -> Cue | None:
    """The sound at a segment's start: a step's own cue (LAST for a repeat's last rep), else
    GO for a rep; a rest or a send-off wait sounds REST, a lead-in nothing.

    A lap that starts a rest, a send-off wait or a lead-in sounds LAP, a watch's short
    chirp, in place of the rest cue or silence: the runner pressed the key and knows a rest
    begins, wants to hear that the lap was taken, and then the split spoken without waiting
    for a long cue. A rep that starts at the lap keeps its GO.
    """
    if wait is None and step.cue is not None:
        return Cue(step.cue)
    if wait is None and step.kind is not StepKind.REST:
        return Cue.GO
    if lapped:
        return Cue.LAP
    return None if wait is Wait.LEAD_IN else Cue.REST


_ENTRY_KIND = {Wait.LEAD_IN: EventKind.LEAD_IN, Wait.SEND_OFF: EventKind.SEND_OFF_REST,
               None: EventKind.STEP_STARTED}


def segment_dues(step: PlannedStep, wait: Wait | None, start_s: float, end_s: float | None,
             countdown: bool, missed_rest_s: float | None = None,
             lapped: bool = False) -> list[Due]:
    """Everything due in one segment, in order.

    `countdown`: tick 3-2-1 before `end_s` (the next thing is a rep's GO).
    `missed_rest_s`: the rep missed its send-off; the rest is only this long.
    `lapped`: the runner's lap key began the segment (see `entry_cue`).
    """
    items: list[Due] = []
    length = None if end_s is None else end_s - start_s
    items.append(Due(start_s, _ENTRY, _ENTRY_KIND[wait], entry_cue(step, wait, lapped),
                     seconds=length))
    if missed_rest_s is not None:
        items.append(Due(start_s, _MISSED, EventKind.SEND_OFF_MISSED, seconds=missed_rest_s))
    if end_s is None or length is None:
        if wait is None and step.is_work:
            items += [Due(start_s + due_s, _MARK, EventKind.PACER, Cue.PACER, distance_m=mark_m)
                      for mark_m, due_s in step.checkpoints()]
        return items
    if (wait is None and step.is_work and step.duration_s is not None
            and step.duration_s >= HALFWAY_MIN_STEP_S):
        items.append(Due(start_s + step.duration_s / 2, _MARK, EventKind.HALFWAY, Cue.HALFWAY))
    if length > TEN_SECONDS_MIN_STEP_S:
        items.append(Due(end_s - 10.0, _TEN, EventKind.TEN_SECONDS, Cue.TEN_SECONDS))
    if countdown:
        for count in range(COUNTDOWN_FROM, 0, -1):
            if end_s - count >= start_s:
                items.append(Due(end_s - count, _TICK, EventKind.COUNTDOWN, Cue.TICK,
                                 count=count))
    items.append(Due(end_s, _END, None))
    items.sort(key=lambda due: (due.at_s, due.order))
    return items


@dataclass
class Segment:
    """The segment being run: its step, its span, and which of its dues are done.

    `floor_s`: dues before it are stale (the end moved, or a lap was undone)
    and are never emitted. `countdown`, `missed_rest_s` and `lapped` are what the
    dues were worked out with (see `segment_dues`), kept to rebuild them when the end
    moves. `started_at`: the clock instant the step's entry was emitted (its
    GO), for the split.
    """

    pos: int
    wait: Wait | None
    start_s: float
    end_s: float | None
    items: list[Due]
    floor_s: float
    countdown: bool = False
    missed_rest_s: float | None = None
    lapped: bool = False
    started_at: float | None = None
    cursor: int = 0
    emitted: set[DueKey] = field(default_factory=set)

    @classmethod
    def fresh(cls, pos: int, step: PlannedStep, wait: Wait | None, start_s: float,
              end_s: float | None, countdown: bool, missed_rest_s: float | None = None,
              lapped: bool = False) -> Segment:
        """A segment for `step` (at `pos` in the plan, or the wait before it) from `start_s`,
        nothing of it emitted yet."""
        items = segment_dues(step, wait, start_s, end_s, countdown, missed_rest_s, lapped)
        return cls(pos, wait, start_s, end_s, items, start_s, countdown, missed_rest_s, lapped)

    def next_due(self) -> Due | None:
        """The first due not yet emitted and not stale, or None."""
        while self.cursor < len(self.items):
            due = self.items[self.cursor]
            if due.at_s < self.floor_s or due.key in self.emitted:
                self.cursor += 1
                continue
            return due
        return None

    def mark_emitted(self, due: Due) -> None:
        """Remember that `due` went out, so it never goes out again."""
        self.emitted.add(due.key)
        self.cursor += 1

    def reschedule(self, items: list[Due], floor_s: float) -> None:
        """New dues (the end moved); those before `floor_s` are dropped."""
        self.items = items
        self.floor_s = floor_s
        self.cursor = 0

    def clone(self) -> Segment:
        """An independent copy, kept to undo a lap."""
        twin = copy.copy(self)
        twin.items = list(self.items)
        twin.emitted = set(self.emitted)
        return twin


def is_timed(step: PlannedStep) -> bool:
    """The step ends on its own, on the clock."""
    return step.ends is Ends.TIME and step.duration_s is not None


def is_send_off_rest(steps: tuple[PlannedStep, ...], pos: int) -> bool:
    """The rest that fills a send-off round: the last timed rest of its `every:` round."""
    step = steps[pos]
    if step.kind is not StepKind.REST or step.round_s is None or not is_timed(step):
        return False
    for later in steps[pos + 1:]:
        if later.round_s != step.round_s or later.round_start:
            return True
        if later.kind is StepKind.REST:
            return False
    return True


def needs_send_off_wait(steps: tuple[PlannedStep, ...], round_pos: int, pos: int) -> bool:
    """Step `pos` ends a send-off round that has no rest step, and another round follows.

    The engine then waits for the next round's start itself (a SEND_OFF segment).
    """
    step = steps[pos]
    if step.round_s is None or pos + 1 >= len(steps):
        return False
    following = steps[pos + 1]
    if not following.round_start or following.round_s != step.round_s:
        return False
    return all(s.kind is not StepKind.REST for s in steps[round_pos:pos + 1])


def min_rest_s(steps: tuple[PlannedStep, ...], round_pos: int, pos: int) -> float:
    """The least rest a round gives after a slow rep (`min_rest`), 0 without one."""
    own = steps[pos].min_rest_s
    if own is None:
        own = steps[round_pos].min_rest_s
    return own or 0.0
