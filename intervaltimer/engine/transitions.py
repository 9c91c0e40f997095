"""How a session's timeline changes: what is due happens, steps end, the next begins.

`Transitions(timeline)` emits what is due, ends timed steps, starts the next
step (or a lead-in, or a send-off wait before it), works out send-off rests and
records splits; the keys of `Session` (session.py) come here to end, skip or
move a step. It is the only part that moves the session forward, so the rules
of what follows what live in one place:

- The workout's start, and a rep that follows a step ended by a key (lap or
  skip), get a lead-in: LEAD_IN, COUNTDOWN 3-2-1 (TICK), then GO. A timed
  step followed by a rep ticks 3-2-1 in its own last seconds; GO at its end.
  A run lapped straight into another run (300 m at 5k pace, then a 100 m
  kick) needs none: the runner is running on, and the next rep starts at the
  lap. An exercise after a lap keeps its lead-in (time to get into position).
- `every:` rounds: a round starts when its first step starts; its send-off
  rest (the plan's last timed rest of the round) ends at round start +
  `round_s`, but no sooner than `min_rest` after it begins (SEND_OFF_MISSED
  says so). A round with no rest gets a send-off wait from the engine.

Instants named `*_s` here are session seconds (clock less paused time, see
schedule.py); `at` is a clock instant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from intervaltimer.engine.events import Cue, Event, EventKind, Split
from intervaltimer.engine.schedule import (
    COUNTDOWN_FROM,
    Due,
    Segment,
    Wait,
    is_send_off_rest,
    is_timed,
    min_rest_s,
    needs_send_off_wait,
    segment_dues,
)
from intervaltimer.engine.timeline import Timeline
from intervaltimer.engine.undo import keep, rest_ran_out, undo_point
from intervaltimer.workout.model import StepKind

How = Literal["time", "lap", "skip"]


class Transitions:
    """Moves `timeline` on: by the clock (`advance`) and by the runner's keys."""

    def __init__(self, timeline: Timeline) -> None:
        self.tl = timeline

    def catch_up(self) -> None:
        """Let what is due by now happen; its events wait for the next poll."""
        self.advance(self.tl.read())

    def advance(self, now: float) -> None:
        """Emit, in order, everything due by `now`, letting steps end and the next begin."""
        tl = self.tl
        if tl.pause is None:
            tl.reached_s = max(tl.reached_s, now - tl.paused_s)
        while tl.seg is not None and not tl.finished and tl.pause is None:
            seg = tl.seg
            due = seg.next_due()
            if due is None or (due.at_s > tl.reached_s and due.at_s + tl.paused_s > now):
                return
            seg.mark_emitted(due)
            self._fire(seg, due, due.at_s + tl.paused_s)

    # ---- what the keys do ---------------------------------------------------------

    def begin(self, pos: int, done: Sequence[Split], now: float) -> None:
        """The workout starts at `now` with step `pos` (after a lead-in unless it is a rest),
        `done` the reps a resumed session already ran."""
        tl = self.tl
        tl.splits = list(done)
        tl.started = True
        tl.started_at = now
        tl.origin_s = now
        tl.done = pos
        if tl.lead_in_s > 0 and tl.steps[pos].kind is not StepKind.REST:
            self._set_segment(pos, Wait.LEAD_IN, now, now + tl.lead_in_s)
        else:
            self._enter_step(pos, now)
        self.advance(now)

    def pause(self, now: float) -> bool:
        """Freeze the session's clock at `now` (caught up to it). False if not running."""
        tl = self.tl
        seg = tl.seg
        if seg is None or tl.finished or tl.pause is not None:
            return False
        at_s = tl.session_s(now)
        tl.pause = (now, at_s)
        elapsed = 0.0 if seg.wait is not None else max(0.0, at_s - seg.start_s)
        tl.emit(Event(EventKind.PAUSED, now, tl.steps[seg.pos].index, elapsed_s=elapsed))
        return True

    def resume(self) -> bool:
        """Carry on from where the pause froze the clock. False if not paused."""
        tl = self.tl
        if tl.pause is None or tl.seg is None:
            return False
        now = tl.read()
        paused_at, at_s = tl.pause
        tl.pause = None
        tl.paused_s = now - at_s
        tl.reached_s = max(tl.reached_s, at_s)
        tl.emit(Event(EventKind.RESUMED, now, tl.steps[tl.seg.pos].index,
                      seconds=now - paused_at))
        self.advance(now)
        return True

    def lap(self, seg: Segment, now: float, ago_s: float) -> Split | None:
        """A lap taken at `now`, pressed `ago_s` before: end `seg` at the press (the rep's
        Split), or during a wait start its rep now. `u` can take the step's end back."""
        tl = self.tl
        at_s = tl.session_s(now)
        tl.last_lap_at = now - ago_s
        if seg.wait is not None:
            self.end_wait(seg, at_s)
            self.advance(now)
            return None
        undo = undo_point(tl, seg)
        split = self.end_step(seg, "lap", at_s - ago_s, now - ago_s)
        keep(tl, undo)
        self.advance(now)
        return split

    def skip(self, seg: Segment, now: float) -> None:
        """Skip `seg` at `now`: a wait, the rep a lead-in counts down to, or the step; `u`
        can take it back."""
        tl = self.tl
        at_s = tl.session_s(now)
        undo = undo_point(tl, seg, fresh_lead_in=seg.wait is Wait.LEAD_IN, skip=True)
        if seg.wait is Wait.SEND_OFF:
            self._after_wait(seg.pos, at_s)
        elif seg.wait is Wait.LEAD_IN:
            skipped = self._skipped_rep(seg.pos, None, now)
            tl.emit(Event(EventKind.SKIPPED, now, tl.steps[seg.pos].index, elapsed_s=0.0,
                          split=skipped))
            self._after(seg.pos, at_s, now, on_time=False)
        else:
            self.end_step(seg, "skip", at_s, now)
        keep(tl, undo)
        self.advance(now)

    def move_end(self, seg: Segment, seconds: float, now: float) -> float:
        """Move the end of `seg` by `seconds`, never before now, and keeping the 3-2-1 of a
        segment that counts down to a rep; the change applied."""
        tl = self.tl
        assert seg.end_s is not None
        step = tl.steps[seg.pos]
        at_s = tl.session_s(now)
        least_s = COUNTDOWN_FROM if seg.countdown else 0.0
        end_s = max(seg.end_s + seconds, min(seg.end_s, at_s + least_s))
        applied = end_s - seg.end_s
        seg.end_s = end_s
        seg.reschedule(segment_dues(step, seg.wait, seg.start_s, end_s, seg.countdown,
                                    seg.missed_rest_s, seg.lapped), at_s)
        tl.emit(Event(EventKind.EXTENDED, now, step.index, seconds=applied))
        return applied

    def end_step(self, seg: Segment, how: How, at_s: float, at: float) -> Split | None:
        """The step ends at `at_s` (session) / `at` (clock): on time, by lap, or skipped.

        A rep that ends, on its clock or lapped, closes the undo chain: its split stands
        once the runner has run it. A timed rest that runs out leaves the skips behind it
        (see undo.py); skips, and laps of steps that are not reps, leave the chain as it
        is: the runner walks back through them with `u`.
        """
        tl = self.tl
        step = tl.steps[seg.pos]
        elapsed = at_s - seg.start_s
        if step.is_work and how != "skip":
            tl.undos.clear()
        elif how == "time":
            rest_ran_out(tl)
        split = None
        if how == "skip":
            skipped = self._skipped_rep(seg.pos, seg.started_at, at)
            event = tl.emit(Event(EventKind.SKIPPED, at, step.index, elapsed_s=elapsed,
                                  split=skipped))
        else:
            at = max(at, tl.last_at)
            if step.is_work:
                started_at = seg.started_at if seg.started_at is not None else at
                split = Split(step.index, step.rep, step.label, step.distance_m, step.target_s,
                              elapsed, started_at, at, main_set=step.main_set)
                tl.splits.append(split)
                tl.rest_open = True
            event = tl.emit(Event(EventKind.STEP_FINISHED, at, step.index,
                                  elapsed_s=elapsed, split=split))
        self._after(seg.pos, at_s, event.at, on_time=how == "time", lapped=how == "lap",
                    running_on=how == "lap" and step.kind is StepKind.RUN)
        return split

    def end_wait(self, seg: Segment, at_s: float) -> None:
        """A lead-in or send-off wait is over: its rep starts at `at_s`.

        A send-off wait is a rest: once it is over the lap before it can no
        longer be undone (a lead-in belongs to the step after the lap), and a
        rep skipped before it comes back with a new lead-in.
        """
        if seg.wait is Wait.SEND_OFF:
            rest_ran_out(self.tl)
        self._enter_step(seg.pos, at_s)

    def close_rest(self, at: float, step_is_work: bool) -> None:
        """Something other than a rest begins at `at`: the last rep's rest is over.

        Recorded when some rest was taken, or when a rep follows straight on
        (a rest of 0 s); a rep followed straight by a cool-down or the finish has none.
        """
        tl = self.tl
        if not tl.rest_open or not tl.splits:
            return
        tl.rest_open = False
        last = tl.splits[-1]
        if step_is_work or at > last.ended_at:
            tl.splits[-1] = replace(last, rest_s=max(0.0, at - last.ended_at))
            tl.emit(Event(EventKind.SPLIT_UPDATED, at, last.step_index, split=tl.splits[-1]))

    # ---- what follows what --------------------------------------------------------

    def _fire(self, seg: Segment, due: Due, at: float) -> None:
        """Act on one due thing: emit its event, or end the segment."""
        step = self.tl.steps[seg.pos]
        if due.kind is None:
            if seg.wait is None:
                self.end_step(seg, "time", due.at_s, at)
            else:
                self.end_wait(seg, due.at_s)
            return
        event = self.tl.emit(Event(due.kind, at, step.index, due.cue, due.count, due.distance_m,
                                   seconds=due.seconds))
        if due.kind is EventKind.STEP_STARTED:
            seg.started_at = event.at
            if step.kind is not StepKind.REST:
                self.close_rest(event.at, step.is_work)

    def _skipped_rep(self, pos: int, started_at: float | None, at: float) -> Split | None:
        """A rep skipped is still a rep: a Split with no time, `skipped`, at the skip."""
        step = self.tl.steps[pos]
        if not step.is_work:
            return None
        split = Split(step.index, step.rep, step.label, step.distance_m, step.target_s, None,
                      at if started_at is None else started_at, at, skipped=True,
                      main_set=step.main_set)
        self.tl.splits.append(split)
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
        tl = self.tl
        tl.done = pos + 1
        nxt = pos + 1
        if nxt >= len(tl.steps):
            self._finish(at_s, at)
            return
        send_off = self._send_off_wait(pos, at_s)
        if send_off is not None:
            end_s, missed = send_off
            self._set_segment(nxt, Wait.SEND_OFF, at_s, end_s,
                              missed_rest_s=end_s - at_s if missed else None, lapped=lapped)
        elif (not on_time and tl.steps[nxt].is_work and tl.lead_in_s > 0
              and not (running_on and tl.steps[nxt].kind is StepKind.RUN)):
            self._set_segment(nxt, Wait.LEAD_IN, at_s, at_s + tl.lead_in_s, lapped=lapped)
        else:
            self._enter_step(nxt, at_s, lapped)

    def _after_wait(self, pos: int, at_s: float) -> None:
        """A send-off wait was skipped: the rep follows after a lead-in, as after any key."""
        tl = self.tl
        if tl.steps[pos].is_work and tl.lead_in_s > 0:
            self._set_segment(pos, Wait.LEAD_IN, at_s, at_s + tl.lead_in_s)
        else:
            self._enter_step(pos, at_s)

    def _send_off_wait(self, pos: int, at_s: float) -> tuple[float, bool] | None:
        """(end, missed) of the wait the engine adds after step `pos` ends a rest-less round."""
        tl = self.tl
        round_s = tl.steps[pos].round_s
        if (tl.round_pos is None or tl.round_start_s is None or round_s is None
                or not needs_send_off_wait(tl.steps, tl.round_pos, pos)):
            return None
        return self._send_off_end(round_s, min_rest_s(tl.steps, tl.round_pos, pos), at_s)

    def _send_off_end(self, round_s: float, least_s: float, at_s: float) -> tuple[float, bool]:
        """(end, missed) of a send-off rest starting at `at_s`: the round's end, or its minimum."""
        assert self.tl.round_start_s is not None
        round_end_s = self.tl.round_start_s + round_s
        least_end_s = at_s + least_s
        return max(round_end_s, least_end_s), round_end_s < least_end_s

    def _enter_step(self, pos: int, at_s: float, lapped: bool = False) -> None:
        """Step `pos` starts at `at_s` (`lapped`: at a lap): work out when it ends (send-off
        rests from the round)."""
        tl = self.tl
        step = tl.steps[pos]
        if step.round_s is None:
            tl.round_start_s, tl.round_pos = None, None
        elif step.round_start:
            tl.round_start_s, tl.round_pos = at_s, pos
        end_s = None
        missed_rest_s = None
        if is_timed(step):
            assert step.duration_s is not None
            end_s = at_s + step.duration_s
            if (step.round_s is not None and tl.round_pos is not None
                    and is_send_off_rest(tl.steps, pos)):
                end_s, missed = self._send_off_end(
                    step.round_s, min_rest_s(tl.steps, tl.round_pos, pos), at_s)
                missed_rest_s = end_s - at_s if missed else None
        self._set_segment(pos, None, at_s, end_s, missed_rest_s, lapped)

    def _set_segment(self, pos: int, wait: Wait | None, start_s: float, end_s: float | None,
                     missed_rest_s: float | None = None, lapped: bool = False) -> None:
        """Make the segment for step `pos` (or the wait before it) the current one."""
        tl = self.tl
        if wait is not None:
            countdown = True
        else:
            countdown = (end_s is not None and pos + 1 < len(tl.steps)
                         and tl.steps[pos + 1].is_work and not self._ends_round(pos))
        tl.seg = Segment.fresh(pos, tl.steps[pos], wait, start_s, end_s, countdown,
                               missed_rest_s, lapped)

    def _ends_round(self, pos: int) -> bool:
        """Step `pos` closes a rest-less send-off round: a wait, not the rep, follows it."""
        round_pos = self.tl.round_pos
        return round_pos is not None and needs_send_off_wait(self.tl.steps, round_pos, pos)

    def _finish(self, at_s: float, at: float) -> None:
        """The last step is done: the workout is over."""
        tl = self.tl
        tl.finished = True
        tl.finished_s = at_s
        tl.undos.clear()
        tl.pause = None
        tl.seg = None
        tl.done = len(tl.steps)
        self.close_rest(at, False)
        tl.emit(Event(EventKind.WORKOUT_FINISHED, at, tl.steps[-1].index,
                      cue=Cue.FINISH, elapsed_s=at_s - tl.origin_s))
