"""What a session knows on the clock: one mutable record that its parts share.

A `Session` is three parts over one `Timeline`: `Transitions` (transitions.py)
change it as time passes and keys act, `SessionView` (view.py) reads it for the
screen, and the undo chain (undo.py) puts parts of it back. Keeping the state
in one place, with no behaviour beyond reading the clock and queueing events,
lets each part be read on its own and lets none of them own another.

Instants named `*_s` are session seconds: clock seconds less the time spent
paused (see schedule.py); `at` and `now` are clock instants.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from math import inf
from typing import TYPE_CHECKING

from intervaltimer.engine.events import Event, Split
from intervaltimer.engine.schedule import Segment
from intervaltimer.workout.plan import Plan

if TYPE_CHECKING:  # undo.py reads the timeline; the timeline only holds its records
    from intervaltimer.engine.undo import Undo


class Timeline:
    """The state of one run of a plan; its parts read and write these fields directly."""

    def __init__(self, plan: Plan, clock: Callable[[], float], lead_in_s: float) -> None:
        self.plan = plan
        self.steps = plan.steps
        self.lead_in_s = lead_in_s
        self.clock = clock
        self.now = -inf  # the latest clock reading: the clock never goes backwards here
        self.started = False
        self.finished = False
        self.started_at: float | None = None  # clock instant of the start
        self.origin_s = 0.0  # session second of the start
        self.finished_s: float | None = None  # session second of the finish
        self.seg: Segment | None = None  # the step (or wait) on the clock
        self.splits: list[Split] = []
        self.done = 0  # steps done
        self.paused_s = 0.0  # clock time spent paused, taken off session seconds
        self.pause: tuple[float, float] | None = None  # (clock, session seconds) at the pause
        self.reached_s = -inf  # the latest session second known to have come
        self.round_start_s: float | None = None  # session second the `every:` round began
        self.round_pos: int | None = None  # the round's first step
        self.rest_open = False  # the last split's rest is not over yet
        self.undos: list[Undo] = []  # what `u` can take back, most recent last
        self.last_lap_at: float | None = None  # clock instant of the last lap taken
        self.outbox: list[Event] = []  # events waiting for the next poll
        self.last_at = -inf  # clock instant of the last event queued

    def read(self) -> float:
        """The clock, never going backwards."""
        now = self.clock()
        if now > self.now:
            self.now = now
        return self.now

    def session_s(self, now: float) -> float:
        """Session seconds at clock instant `now` (frozen while paused)."""
        if self.pause is not None:
            return self.pause[1]
        return max(now - self.paused_s, self.reached_s)

    def emit(self, event: Event) -> Event:
        """Queue `event` for the next poll, never earlier than the one before it."""
        if event.at < self.last_at:
            event = replace(event, at=self.last_at)
        self.last_at = event.at
        self.outbox.append(event)
        return event
