"""The session's timeline: what happens on the clock, step after step.

`SessionTransitions` emits what is due, ends timed steps, starts the next
step (or a lead-in, or a send-off wait before it), works out send-off rests
and records splits. `Session` (session.py) adds the runner's keys on top.
Instants named `*_s` here are session seconds (clock less paused time, see
schedule.py); `at` is a clock instant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from math import inf
from typing import Literal

from intervaltimer.engine.events import Cue, Event, EventKind, Split
from intervaltimer.engine.schedule import (
    Due,
    Segment,
    Wait,
    is_send_off_rest,
    is_timed,
    min_rest_s,
    needs_send_off_wait,
    timeline,
)
from intervaltimer.engine.view import SessionView
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import Plan

How = Literal["time", "lap", "skip"]


@dataclass
class Undo:
    """What a lap or a skip changed, kept until the step after it ends. `fresh_lead_in`: a
    rep skipped in its lead-in comes back with a new lead-in, not the old one's clock."""

    segment: Segment
    round_start_s: float | None
    round_pos: int | None
    n_splits: int
    rest_s: float | None
    rest_open: bool
    fresh_lead_in: bool = False


class SessionTransitions(SessionView):
    """The timeline of a session; see `Session` for the keys and the rules."""

    def __init__(self, plan: Plan, clock: Callable[[], float], lead_in_s: float) -> None:
        super().__init__(plan, clock, lead_in_s)
        self._round_start_s: float | None = None  # session second the round began
        self._round_pos: int | None = None  # the round's first step
        self._undo: Undo | None = None
        self._rest_open = False  # the last split's rest is not over yet
        self._outbox: list[Event] = []
        self._last_at = -inf
        self._last_lap_at: float | None = None  # clock instant of the last lap taken

    def _catch_up(self) -> None:
        """Let what is due by now happen; its events wait for the next poll."""
        self._advance(self._read())

    def _emit(self, event: Event) -> Event:
        """Queue `event` for the next poll, never earlier than the one before it."""
        if event.at < self._last_at:
            event = replace(event, at=self._last_at)
        self._last_at = event.at
        self._outbox.append(event)
        return event

    def _advance(self, now: float) -> None:
        """Emit, in order, everything due by `now`, letting steps end and the next begin."""
        if self._pause is None:
            self._reached_s = max(self._reached_s, now - self._paused_s)
        while self._seg is not None and not self._finished and self._pause is None:
            seg = self._seg
            due = seg.next_due()
            if due is None or (due.at_s > self._reached_s and due.at_s + self._paused_s > now):
                return
            seg.mark_emitted(due)
            self._fire(seg, due, due.at_s + self._paused_s)

    def _fire(self, seg: Segment, due: Due, at: float) -> None:
        """Act on one due thing: emit its event, or end the segment."""
        step = self._steps[seg.pos]
        if due.kind is None:
            if seg.wait is None:
                self._end_step(seg, "time", due.at_s, at)
            else:
                self._end_wait(seg, due.at_s)
            return
        event = self._emit(Event(due.kind, at, step.index, due.cue, due.count, due.distance_m,
                                 seconds=due.seconds))
        if due.kind is EventKind.STEP_STARTED:
            seg.started_at = event.at
            if step.kind is not StepKind.REST:
                self._close_rest(event.at, step.is_work)

    def _close_rest(self, at: float, step_is_work: bool) -> None:
        """Something other than a rest begins at `at`: the last rep's rest is over.

        Recorded when some rest was taken, or when a rep follows straight on
        (a rest of 0 s); a rep followed straight by a cool-down or the finish has none.
        """
        if not self._rest_open or not self._splits:
            return
        self._rest_open = False
        last = self._splits[-1]
        if step_is_work or at > last.ended_at:
            self._splits[-1] = replace(last, rest_s=max(0.0, at - last.ended_at))
            self._emit(Event(EventKind.SPLIT_UPDATED, at, last.step_index,
                             split=self._splits[-1]))

    def _end_step(self, seg: Segment, how: How, at_s: float, at: float) -> Split | None:
        """The step ends at `at_s` (session) / `at` (clock): on time, by lap, or skipped."""
        step = self._steps[seg.pos]
        elapsed = at_s - seg.start_s
        self._undo = None
        split = None
        if how == "skip":
            skipped = self._skipped_rep(seg.pos, seg.started_at, at)
            event = self._emit(Event(EventKind.SKIPPED, at, step.index, elapsed_s=elapsed,
                                     split=skipped))
        else:
            at = max(at, self._last_at)
            if step.is_work:
                started_at = seg.started_at if seg.started_at is not None else at
                split = Split(step.index, step.rep, step.label, step.distance_m, step.target_s,
                              elapsed, started_at, at, main_set=step.main_set)
                self._splits.append(split)
                self._rest_open = True
            event = self._emit(Event(EventKind.STEP_FINISHED, at, step.index,
                                     elapsed_s=elapsed, split=split))
        self._after(seg.pos, at_s, event.at, on_time=how == "time", lapped=how == "lap",
                    running_on=how == "lap" and step.kind is StepKind.RUN)
        return split

    def _skipped_rep(self, pos: int, started_at: float | None, at: float) -> Split | None:
        """A rep skipped is still a rep: a Split with no time, `skipped`, at the skip."""
        step = self._steps[pos]
        if not step.is_work:
            return None
        split = Split(step.index, step.rep, step.label, step.distance_m, step.target_s, None,
                      at if started_at is None else started_at, at, skipped=True,
                      main_set=step.main_set)
        self._splits.append(split)
        return split

    def _after(self, pos: int, at_s: float, at: float, on_time: bool, lapped: bool = False,
               running_on: bool = False) -> None:
        """What follows step `pos`, which ended at `at_s`: the finish, a wait, or the next step.

        `running_on`: a run was lapped and the runner is still running; a run
        right after it (a 300 m that flows into a 100 m kick) starts at the
        lap, with no lead-in. An exercise after a lap still gets its lead-in:
        the time to get down into a plank. `lapped`: the lap key ended step `pos`
        (what follows sounds the lap's chirp, see `schedule.entry_cue`).
        """
        self._done = pos + 1
        nxt = pos + 1
        if nxt >= len(self._steps):
            self._finish(at_s, at)
            return
        send_off = self._send_off_wait(pos, at_s)
        if send_off is not None:
            end_s, missed = send_off
            self._set_segment(nxt, Wait.SEND_OFF, at_s, end_s,
                              missed_rest_s=end_s - at_s if missed else None, lapped=lapped)
        elif (not on_time and self._steps[nxt].is_work and self.lead_in_s > 0
              and not (running_on and self._steps[nxt].kind is StepKind.RUN)):
            self._set_segment(nxt, Wait.LEAD_IN, at_s, at_s + self.lead_in_s, lapped=lapped)
        else:
            self._enter_step(nxt, at_s, lapped)

    def _end_wait(self, seg: Segment, at_s: float) -> None:
        """A lead-in or send-off wait is over: its rep starts at `at_s`.

        A send-off wait is a rest: once it is over the lap before it can no
        longer be undone (a lead-in belongs to the step after the lap).
        """
        if seg.wait is Wait.SEND_OFF:
            self._undo = None
        self._enter_step(seg.pos, at_s)

    def _after_wait(self, pos: int, at_s: float) -> None:
        """A send-off wait was skipped: the rep follows after a lead-in, as after any key."""
        if self._steps[pos].is_work and self.lead_in_s > 0:
            self._set_segment(pos, Wait.LEAD_IN, at_s, at_s + self.lead_in_s)
        else:
            self._enter_step(pos, at_s)

    def _send_off_wait(self, pos: int, at_s: float) -> tuple[float, bool] | None:
        """(end, missed) of the wait the engine adds after step `pos` ends a rest-less round."""
        round_s = self._steps[pos].round_s
        if (self._round_pos is None or self._round_start_s is None or round_s is None
                or not needs_send_off_wait(self._steps, self._round_pos, pos)):
            return None
        return self._send_off_end(round_s, min_rest_s(self._steps, self._round_pos, pos), at_s)

    def _send_off_end(self, round_s: float, least_s: float, at_s: float) -> tuple[float, bool]:
        """(end, missed) of a send-off rest starting at `at_s`: the round's end, or its minimum."""
        assert self._round_start_s is not None
        round_end_s = self._round_start_s + round_s
        least_end_s = at_s + least_s
        return max(round_end_s, least_end_s), round_end_s < least_end_s

    def _enter_step(self, pos: int, at_s: float, lapped: bool = False) -> None:
        """Step `pos` starts at `at_s` (`lapped`: at a lap): work out when it ends (send-off
        rests from the round)."""
        step = self._steps[pos]
        if step.round_s is None:
            self._round_start_s, self._round_pos = None, None
        elif step.round_start:
            self._round_start_s, self._round_pos = at_s, pos
        end_s = None
        missed_rest_s = None
        if is_timed(step):
            assert step.duration_s is not None
            end_s = at_s + step.duration_s
            if (step.round_s is not None and self._round_pos is not None
                    and is_send_off_rest(self._steps, pos)):
                end_s, missed = self._send_off_end(
                    step.round_s, min_rest_s(self._steps, self._round_pos, pos), at_s)
                missed_rest_s = end_s - at_s if missed else None
        self._set_segment(pos, None, at_s, end_s, missed_rest_s, lapped)

    def _set_segment(self, pos: int, wait: Wait | None, start_s: float, end_s: float | None,
                     missed_rest_s: float | None = None, lapped: bool = False) -> None:
        """Make the segment for step `pos` (or the wait before it) the current one."""
        step = self._steps[pos]
        if wait is not None:
            countdown = True
        else:
            countdown = (end_s is not None and pos + 1 < len(self._steps)
                         and self._steps[pos + 1].is_work and not self._ends_round(pos))
        items = timeline(step, wait, start_s, end_s, countdown, missed_rest_s, lapped)
        self._seg = Segment(pos, wait, start_s, end_s, items, start_s, countdown, missed_rest_s,
                            lapped)

    def _ends_round(self, pos: int) -> bool:
        """Step `pos` closes a rest-less send-off round: a wait, not the rep, follows it."""
        return self._round_pos is not None and needs_send_off_wait(self._steps,
                                                                   self._round_pos, pos)

    def _finish(self, at_s: float, at: float) -> None:
        """The last step is done: the workout is over."""
        self._finished = True
        self._finished_s = at_s
        self._undo = None
        self._pause = None
        self._seg = None
        self._done = len(self._steps)
        self._close_rest(at, False)
        self._emit(Event(EventKind.WORKOUT_FINISHED, at, self._steps[-1].index,
                         cue=Cue.FINISH, elapsed_s=at_s - self._origin_s))
