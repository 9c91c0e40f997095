"""The session: a pure state machine that runs a Plan on an injected monotonic clock.

The UI asks it "what happened by now?" (`poll()`) and "when is the next thing
due?" (`next_deadline()`), and hands it the runner's keys. Decisions a runner
will meet:

- The workout's start, and a rep that follows a step ended by a key (lap or
  skip), get a lead-in: LEAD_IN, COUNTDOWN 3-2-1 (TICK), then GO. A timed
  step followed by a rep ticks 3-2-1 in its own last seconds; GO at its end.
  A run lapped straight into another run (300 m at 5k pace, then a 100 m
  kick) needs none: the runner is running on, and the next rep starts at the
  lap. An exercise after a lap keeps its lead-in (time to get into position).
- `lap()` ends the step on the screen (a timed step early); during a lead-in
  or a send-off wait it starts the rep now. A timed rest is protected: a lap
  there does nothing (the rest is what the coaching moves; `skip()` ends it).
  A lap within LAP_DEBOUNCE_S of the last lap taken (from any source: every
  key, clicker and phone comes through here), or within START_GUARD_S of a
  step's start, is a double tap and ignored. `lap_refusal()` says which.
- `skip()` skips the step on the screen. During a lead-in that is the rep
  about to start; during a send-off wait, the wait. A rep skipped (running or
  about to start) is still a rep: a Split with no time and `skipped` set, so
  the log counts it as not run. Every skip (a rep, a rest, a lead-in, a wait)
  can be taken back with `undo_lap()`, like a lap, until the next step
  ends: a rep skipped in its lead-in gets its lead-in again, a rest comes
  back with the time it had left (if it has not run out meanwhile).
- `extend(seconds)` moves the end of a rest or a wait; shortened, a rest that
  leads into a rep keeps its 3-2-1 (COUNTDOWN_FROM seconds), as `skip()` keeps
  the lead-in: `-` never starts a rep without a count.
- `undo_lap()` works only for the most recent lap, and only while the session
  is still in the step that lap started (or its lead-in, or the send-off wait
  after it). A timed step whose end has passed cannot be re-entered; nor can
  a finished workout. Cues of the lapped step that fell due while the lap
  stood are not played late.
- While paused nothing becomes due. Keys still act on the frozen clock (a lap
  records the rep's time at the pause); what they start waits for `resume()`.
- `every:` rounds: a round starts when its first step starts; its send-off
  rest (the plan's last timed rest of the round) ends at round start +
  `round_s`, but no sooner than `min_rest` after it begins (SEND_OFF_MISSED
  says so). A round with no rest gets a send-off wait from the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from math import isfinite

from intervaltimer.engine.events import Event, EventKind, Split
from intervaltimer.engine.schedule import COUNTDOWN_FROM, Segment, Wait, timeline
from intervaltimer.engine.transitions import SessionTransitions, Undo
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import Plan

LAP_DEBOUNCE_S = 3.0  # a second lap this soon after a lap is a double tap
START_GUARD_S = 1.0  # a lap this soon after a step starts (on time) is taken for a stray tap
MAX_RPE = 10


class LapRefusal(StrEnum):
    """Why a lap now would be ignored: a double tap, a tap just after a step began, or a
    timed rest (which only `skip()` ends)."""

    DOUBLE_TAP = "double_tap"
    JUST_STARTED = "just_started"
    TIMED_REST = "timed_rest"


class Session(SessionTransitions):
    """One run of a plan. Keys: start, lap, undo_lap, pause, resume, skip, extend, rate.

    `clock` returns monotonic seconds; `lead_in_s` overrides the plan's
    lead-in (0 for none). Events are collected as they become due and handed
    out by `poll()`, in time order, each exactly once.
    """

    def __init__(self, plan: Plan, clock: Callable[[], float],
                 lead_in_s: float | None = None) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be run")
        lead_in = plan.lead_in_s if lead_in_s is None else lead_in_s
        if not isfinite(lead_in) or lead_in < 0:
            raise ValueError(f"lead-in must be 0 s or more, not {lead_in!r}")
        super().__init__(plan, clock, float(lead_in))

    # ---- keys ---------------------------------------------------------------

    def start(self, at_step: int = 1, done: Sequence[Split] = ()) -> None:
        """Start the workout at plan step `at_step` (1-based; > 1 resumes a crashed session).

        `done`: the reps a resumed session already ran (from its log), in order,
        each before `at_step`. They are the session's first splits: the last
        of them is the last rep on the screen and can still be rated (until
        the next rep ends), as if the session had never stopped.
        """
        if self._started:
            raise RuntimeError("the session has already started")
        if not 1 <= at_step <= len(self._steps):
            raise ValueError(f"step {at_step} is not in the plan (1..{len(self._steps)})")
        late = [split.step_index for split in done if split.step_index >= at_step]
        if late:
            raise ValueError(f"a rep already run (step {late[0]}) cannot come at or after "
                             f"the step the session starts at ({at_step})")
        now = self._read()
        self._splits = list(done)
        self._started = True
        self._started_at = now
        self._origin_s = now
        pos = at_step - 1
        self._done = pos
        if self.lead_in_s > 0 and self._steps[pos].kind is not StepKind.REST:
            self._set_segment(pos, Wait.LEAD_IN, now, now + self.lead_in_s)
        else:
            self._enter_step(pos, now)
        self._advance(now)

    def poll(self) -> list[Event]:
        """Everything that became due since the last poll, in time order, each once."""
        self._advance(self._read())
        out, self._outbox = self._outbox, []
        return out

    def lap(self, ago_s: float = 0.0) -> Split | None:
        """The runner's lap key: end the step now; the rep's Split if it was a rep.

        `ago_s`: the key was pressed that long before it reached the session (a phone's
        tap delayed by the network): the step ends at the press, so the split is the
        runner's. A press from before the step on the screen began (or in its first
        LAP_DEBOUNCE_S) is not taken. During a lead-in or a send-off wait: start the
        rep now (returns None).
        """
        now = self._read()
        self._advance(now)
        seg = self._seg
        if seg is None or self._finished:
            return None
        at_s = self._session_s(now)
        ago_s = max(0.0, ago_s) if self._pause is None else 0.0
        if self.lap_refusal(ago_s) is not None:
            return None
        self._last_lap_at = now - ago_s
        if seg.wait is not None:
            self._end_wait(seg, at_s)
            self._advance(now)
            return None
        undo = self._undo_point(seg)
        split = self._end_step(seg, "lap", at_s - ago_s, now - ago_s)
        if not self._finished:
            self._undo = undo
        self._advance(now)
        return split

    def lap_refusal(self, ago_s: float = 0.0) -> LapRefusal | None:
        """Why a lap pressed `ago_s` ago would be ignored, or None when it would be taken: a
        double tap (LAP_DEBOUNCE_S after the last lap), a press in the first START_GUARD_S of
        the step or its wait (or before it began), or a timed rest on the clock."""
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished:
            return None
        ago_s = max(0.0, ago_s) if self._pause is None else 0.0
        now = self._read()
        if self._last_lap_at is not None and now - ago_s - self._last_lap_at < LAP_DEBOUNCE_S:
            return LapRefusal.DOUBLE_TAP
        if self._session_s(now) - ago_s - seg.start_s < START_GUARD_S:
            return LapRefusal.JUST_STARTED
        step = self._steps[seg.pos]
        if seg.wait is None and step.kind is StepKind.REST and seg.end_s is not None:
            return LapRefusal.TIMED_REST
        return None

    def lap_guarded(self) -> bool:
        """A lap now would be taken for a double tap (or a stray tap at a step's start) and
        ignored."""
        return self.lap_refusal() in (LapRefusal.DOUBLE_TAP, LapRefusal.JUST_STARTED)

    def _undo_point(self, seg: Segment, fresh_lead_in: bool = False) -> Undo:
        """What a lap or a skip of `seg` changes, to put back with `undo_lap()`."""
        return Undo(seg.clone(), self._round_start_s, self._round_pos, len(self._splits),
                    self._splits[-1].rest_s if self._splits else None, self._rest_open,
                    fresh_lead_in)

    def undo_lap(self) -> bool:
        """Take back the last lap: back in that step, its clock intact, its split withdrawn.

        True when done; False when there is no lap to undo (see the module's notes).
        """
        now = self._read()
        self._advance(now)
        undo = self._undo
        if undo is None or self._finished or self._seg is None:
            return False
        at_s = self._session_s(now)
        back = undo.segment
        if back.end_s is not None and back.end_s <= at_s and not undo.fresh_lead_in:
            self._undo = None
            return False
        self._undo = None
        self._last_lap_at = None  # the tap taken back: the next lap is a lap
        withdrawn = self._splits[undo.n_splits] if len(self._splits) > undo.n_splits else None
        del self._splits[undo.n_splits:]
        if undo.fresh_lead_in:  # a rep skipped in its lead-in: counted in again from now
            self._set_segment(back.pos, Wait.LEAD_IN, at_s, at_s + self.lead_in_s)
        else:
            back.reschedule(back.items, at_s)
            self._seg = back
        self._round_start_s, self._round_pos = undo.round_start_s, undo.round_pos
        self._rest_open = undo.rest_open
        self._done = back.pos
        step = self._steps[back.pos]
        self._emit(Event(EventKind.LAP_UNDONE, now, step.index,
                         elapsed_s=at_s - back.start_s, split=withdrawn))
        if self._splits and self._splits[-1].rest_s != undo.rest_s:
            self._splits[-1] = replace(self._splits[-1], rest_s=undo.rest_s)
            self._emit(Event(EventKind.SPLIT_UPDATED, now, self._splits[-1].step_index,
                             split=self._splits[-1]))
        self._advance(now)
        return True

    def pause(self) -> bool:
        """Freeze the clock of the session (also during the lead-in). False if not running."""
        now = self._read()
        self._advance(now)
        if self._seg is None or self._finished or self._pause is not None:
            return False
        at_s = self._session_s(now)
        self._pause = (now, at_s)
        self._emit(Event(EventKind.PAUSED, now, self._steps[self._seg.pos].index,
                         elapsed_s=self.elapsed_s()))
        return True

    def resume(self) -> bool:
        """Carry on from where the pause froze the clock. False if not paused."""
        if self._pause is None or self._seg is None:
            return False
        now = self._read()
        paused_at, at_s = self._pause
        self._pause = None
        self._paused_s = now - at_s
        self._reached_s = max(self._reached_s, at_s)
        self._emit(Event(EventKind.RESUMED, now, self._steps[self._seg.pos].index,
                         seconds=now - paused_at))
        self._advance(now)
        return True

    def skip(self) -> bool:
        """Skip the step on the screen (the rep about to start, during its lead-in)."""
        now = self._read()
        self._advance(now)
        seg = self._seg
        if seg is None or self._finished:
            return False
        at_s = self._session_s(now)
        undo = self._undo_point(seg, fresh_lead_in=seg.wait is Wait.LEAD_IN)
        if seg.wait is Wait.SEND_OFF:
            self._after_wait(seg.pos, at_s)
        elif seg.wait is Wait.LEAD_IN:
            skipped = self._skipped_rep(seg.pos, None, now)
            self._emit(Event(EventKind.SKIPPED, now, self._steps[seg.pos].index, elapsed_s=0.0,
                             split=skipped))
            self._after(seg.pos, at_s, now, on_time=False)
        else:
            self._end_step(seg, "skip", at_s, now)
        # Every skip can be taken back until the next step ends (see `undo_lap`).
        self._undo = None if self._finished else undo
        self._advance(now)
        return True

    def extend(self, seconds: float) -> float | None:
        """Move the end of a rest (or lead-in, or other timed non-rep step) by `seconds`.

        Never earlier than now, and a rest or wait that counts down to a rep keeps
        at least its 3-2-1 (COUNTDOWN_FROM s) when shortened. Returns the change
        applied, or None when the step on the screen has no end to move (a rep,
        an open step).
        """
        now = self._read()
        self._advance(now)
        seg = self._seg
        if seg is None or self._finished or seg.end_s is None or not isfinite(seconds):
            return None
        step = self._steps[seg.pos]
        if seg.wait is None and step.is_work:
            return None
        at_s = self._session_s(now)
        # Shortened, a rest before a rep keeps its 3-2-1 (unless it has less left already).
        least_s = COUNTDOWN_FROM if seg.countdown else 0.0
        end_s = max(seg.end_s + seconds, min(seg.end_s, at_s + least_s))
        applied = end_s - seg.end_s
        seg.end_s = end_s
        seg.reschedule(timeline(step, seg.wait, seg.start_s, end_s, seg.countdown,
                                seg.missed_rest_s, seg.lapped), at_s)
        self._emit(Event(EventKind.EXTENDED, now, step.index, seconds=applied))
        self._advance(now)
        return applied

    def rate(self, rep: int, rpe: int) -> Split:
        """Give the effort (CR-10, 0..10) of rep `rep` (its `Split.step_index`).

        Only the most recent split can be rated (changeable until the next rep
        ends); anything else raises ValueError.
        """
        if isinstance(rpe, bool) or not isinstance(rpe, int) or not 0 <= rpe <= MAX_RPE:
            raise ValueError(f"effort is a whole number from 0 to {MAX_RPE}, not {rpe!r}")
        if self._splits and self._splits[-1].step_index == rep and self._splits[-1].skipped:
            raise ValueError(f"step {rep} was skipped: a rep not run has no effort")
        if not self._splits or self._splits[-1].step_index != rep:
            if any(split.step_index == rep for split in self._splits):
                raise ValueError(f"step {rep} can no longer be rated: a later rep has ended")
            raise ValueError(f"step {rep} has no split to rate")
        now = self._read()
        self._advance(now)
        rated = replace(self._splits[-1], rpe=rpe)
        self._splits[-1] = rated
        self._emit(Event(EventKind.SPLIT_UPDATED, now, rep, split=rated))
        return rated

    def rate_last(self, rpe: int) -> Split | None:
        """Rate the most recent split (the rep just run); None if no rep has been run
        (or the last one was skipped)."""
        if not self._splits or self._splits[-1].skipped:
            return None
        return self.rate(self._splits[-1].step_index, rpe)

    def record_rest_so_far(self) -> Split | None:
        """The runner stops in the rest after a rep (quits, or the app is killed): record
        the rest taken so far as that rep's `rest_s`; the updated split, or None when no
        rep's rest is open. While paused the rest ends at the pause.

        Call it only when the session is being left: its rest is closed for good.
        """
        now = self._read()
        self._advance(now)
        if self._finished or not self._rest_open or not self._splits:
            return None
        at = now if self._pause is None else self._pause[0]
        self._close_rest(max(at, self._splits[-1].ended_at), True)
        return self._splits[-1]

    @property
    def can_undo(self) -> bool:
        """There is a lap that `undo_lap()` would take back now."""
        self._catch_up()
        undo = self._undo
        if undo is None or self._finished:
            return False
        if undo.fresh_lead_in:
            return True
        end_s = undo.segment.end_s
        return end_s is None or end_s > self._session_s(self._read())
