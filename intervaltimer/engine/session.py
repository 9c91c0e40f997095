"""The session: a pure state machine that runs a Plan on an injected monotonic clock.

The UI asks it "what happened by now?" (`poll()`) and "when is the next thing
due?" (`next_deadline()`), and hands it the runner's keys. `Session` is a
façade over three parts sharing one `Timeline` (timeline.py): `Transitions`
(transitions.py) move it on, `session.view` (a `SessionView`, view.py) reads
it, and undo.py takes laps and skips back; laps.py says which laps are taken.
The read side is also answered here (`session.state`, `session.splits`, ...)
so callers may hold either. What follows what (lead-ins, `every:` rounds) is
in transitions.py. What the keys do:

- `lap()` ends the step on the screen (a timed step early); during a lead-in
  or a send-off wait it starts the rep now. A timed rest is protected, and a
  double or stray tap ignored (laps.py); `lap_refusal()` says why.
- `skip()` skips the step on the screen. During a lead-in that is the rep
  about to start; during a send-off wait, the wait. A rep skipped (running or
  about to start) is still a rep: a Split with no time and `skipped` set, so
  the log counts it as not run.
- `undo_lap()` takes back the last lap or skip (undo.py), and pressed again
  the skip before it, until a rep ends: a rep skipped in its lead-in gets its
  lead-in again, a rest comes back with the time it had left (if it has not
  run out meanwhile). Cues of the lapped step that fell
  due while the lap stood are not played late.
- `extend(seconds)` moves the end of a rest or a wait; shortened, a rest that
  leads into a rep keeps its 3-2-1 (COUNTDOWN_FROM seconds), as `skip()` keeps
  the lead-in: `-` never starts a rep without a count.
- While paused nothing becomes due. Keys still act on the frozen clock (a lap
  records the rep's time at the pause); what they start waits for `resume()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from math import isfinite

from intervaltimer.engine.events import Cue, Event, EventKind, Phase, Progress, Split, State
from intervaltimer.engine.laps import (
    LAP_DEBOUNCE_S,
    START_GUARD_S,
    LapRefusal,
    lap_refusal,
    pressed_ago,
)
from intervaltimer.engine.timeline import Timeline
from intervaltimer.engine.transitions import Transitions
from intervaltimer.engine.undo import Undo, can_undo, take_back
from intervaltimer.engine.view import SessionView
from intervaltimer.workout.plan import Plan, PlannedStep

__all__ = ["LAP_DEBOUNCE_S", "MAX_RPE", "START_GUARD_S", "LapRefusal", "Session", "Undo"]

MAX_RPE = 10


class Session:
    """One run of a plan. Keys: start, lap, undo_lap, pause, resume, skip, extend, rate.

    `clock` returns monotonic seconds; `lead_in_s` overrides the plan's
    lead-in (0 for none). Events are collected as they become due and handed
    out by `poll()`, in time order, each exactly once. `view` is the read side,
    for code that shows the session but must not drive it.
    """

    def __init__(self, plan: Plan, clock: Callable[[], float],
                 lead_in_s: float | None = None) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be run")
        lead_in = plan.lead_in_s if lead_in_s is None else lead_in_s
        if not isfinite(lead_in) or lead_in < 0:
            raise ValueError(f"lead-in must be 0 s or more, not {lead_in!r}")
        self.plan = plan
        self.lead_in_s = float(lead_in)
        self._tl = Timeline(plan, clock, self.lead_in_s)
        self._moves = Transitions(self._tl)
        self.view = SessionView(self._tl, self._moves.catch_up)

    def _now(self) -> float:
        """Read the clock and let what is due by then happen."""
        now = self._tl.read()
        self._moves.advance(now)
        return now

    # ---- keys ---------------------------------------------------------------

    def start(self, at_step: int = 1, done: Sequence[Split] = ()) -> None:
        """Start the workout at plan step `at_step` (1-based; > 1 resumes a crashed session).

        `done`: the reps a resumed session already ran (from its log), in order,
        each before `at_step`. They are the session's first splits: the last
        of them is the last rep on the screen and can still be rated (until
        the next rep ends), as if the session had never stopped.
        """
        steps = self._tl.steps
        if self._tl.started:
            raise RuntimeError("the session has already started")
        if not 1 <= at_step <= len(steps):
            raise ValueError(f"step {at_step} is not in the plan (1..{len(steps)})")
        late = [split.step_index for split in done if split.step_index >= at_step]
        if late:
            raise ValueError(f"a rep already run (step {late[0]}) cannot come at or after "
                             f"the step the session starts at ({at_step})")
        self._moves.begin(at_step - 1, done, self._tl.read())

    def poll(self) -> list[Event]:
        """Everything that became due since the last poll, in time order, each once."""
        self._now()
        out, self._tl.outbox = self._tl.outbox, []
        return out

    def lap(self, ago_s: float = 0.0) -> Split | None:
        """The runner's lap key: end the step now; the rep's Split if it was a rep.

        `ago_s`: the key was pressed that long before it reached the session (a phone's
        tap delayed by the network): the step ends at the press, so the split is the
        runner's. A press from before the step on the screen began (or in its first
        START_GUARD_S) is not taken. During a lead-in or a send-off wait: start the
        rep now (returns None).
        """
        tl = self._tl
        now = self._now()
        seg = tl.seg
        if seg is None or tl.finished:
            return None
        ago_s = pressed_ago(tl, ago_s)
        if lap_refusal(tl, ago_s) is not None:
            return None
        return self._moves.lap(seg, now, ago_s)

    def lap_refusal(self, ago_s: float = 0.0) -> LapRefusal | None:
        """Why a lap pressed `ago_s` ago would be ignored, or None when it would be taken
        (see laps.py)."""
        self._now()
        return lap_refusal(self._tl, ago_s)

    def lap_guarded(self) -> bool:
        """A lap now would be taken for a double tap (or a stray tap at a step's start) and
        ignored."""
        return self.lap_refusal() in (LapRefusal.DOUBLE_TAP, LapRefusal.JUST_STARTED)

    def undo_lap(self) -> bool:
        """Take back the last lap or skip: back in that step, its clock intact, its split
        withdrawn. True when done; False when there is none to undo (see undo.py)."""
        now = self._now()
        if not take_back(self._tl, now):
            return False
        self._moves.advance(now)
        return True

    @property
    def can_undo(self) -> bool:
        """There is a lap or skip that `undo_lap()` would take back now."""
        self._now()
        return can_undo(self._tl)

    def pause(self) -> bool:
        """Freeze the clock of the session (also during the lead-in). False if not running."""
        return self._moves.pause(self._now())

    def resume(self) -> bool:
        """Carry on from where the pause froze the clock. False if not paused."""
        return self._moves.resume()

    def skip(self) -> bool:
        """Skip the step on the screen (the rep about to start, during its lead-in); `u`
        takes it back (see undo.py)."""
        tl = self._tl
        now = self._now()
        seg = tl.seg
        if seg is None or tl.finished:
            return False
        self._moves.skip(seg, now)
        return True

    def extend(self, seconds: float) -> float | None:
        """Move the end of a rest (or lead-in, or other timed non-rep step) by `seconds`.

        Never earlier than now, and a rest or wait that counts down to a rep keeps
        at least its 3-2-1 (COUNTDOWN_FROM s) when shortened. Returns the change
        applied, or None when the step on the screen has no end to move (a rep,
        an open step).
        """
        tl = self._tl
        now = self._now()
        seg = tl.seg
        if seg is None or tl.finished or seg.end_s is None or not isfinite(seconds):
            return None
        if seg.wait is None and tl.steps[seg.pos].is_work:
            return None
        applied = self._moves.move_end(seg, seconds, now)
        self._moves.advance(now)
        return applied

    def rate(self, rep: int, rpe: int) -> Split:
        """Give the effort (CR-10, 0..10) of rep `rep` (its `Split.step_index`).

        Only the most recent split can be rated (changeable until the next rep
        ends); anything else raises ValueError.
        """
        splits = self._tl.splits
        if isinstance(rpe, bool) or not isinstance(rpe, int) or not 0 <= rpe <= MAX_RPE:
            raise ValueError(f"effort is a whole number from 0 to {MAX_RPE}, not {rpe!r}")
        if splits and splits[-1].step_index == rep and splits[-1].skipped:
            raise ValueError(f"step {rep} was skipped: a rep not run has no effort")
        if not splits or splits[-1].step_index != rep:
            if any(split.step_index == rep for split in splits):
                raise ValueError(f"step {rep} can no longer be rated: a later rep has ended")
            raise ValueError(f"step {rep} has no split to rate")
        now = self._now()
        rated = replace(splits[-1], rpe=rpe)
        splits[-1] = rated
        self._tl.emit(Event(EventKind.SPLIT_UPDATED, now, rep, split=rated))
        return rated

    def rate_last(self, rpe: int) -> Split | None:
        """Rate the most recent split (the rep just run); None if no rep has been run
        (or the last one was skipped)."""
        splits = self._tl.splits
        if not splits or splits[-1].skipped:
            return None
        return self.rate(splits[-1].step_index, rpe)

    def record_rest_so_far(self) -> Split | None:
        """The runner stops in the rest after a rep (quits, or the app is killed): record
        the rest taken so far as that rep's `rest_s`; the updated split, or None when no
        rep's rest is open. While paused the rest ends at the pause.

        Call it only when the session is being left: its rest is closed for good.
        """
        tl = self._tl
        now = self._now()
        if tl.finished or not tl.rest_open or not tl.splits:
            return None
        at = now if tl.pause is None else tl.pause[0]
        self._moves.close_rest(max(at, tl.splits[-1].ended_at), True)
        return tl.splits[-1]

    # ---- the read side, as `view` answers it ----------------------------------------

    @property
    def state(self) -> State:
        """READY, LEAD_IN, RUNNING, PAUSED or FINISHED."""
        return self.view.state

    @property
    def phase(self) -> Phase:
        """What the runner is doing, for colours (see `SessionView.phase`)."""
        return self.view.phase

    @property
    def started_at(self) -> float | None:
        """The clock instant of `start()`, None before."""
        return self.view.started_at

    @property
    def current(self) -> PlannedStep | None:
        """The step on the screen (during a lead-in or send-off wait: the rep about to start)."""
        return self.view.current

    @property
    def next_step(self) -> PlannedStep | None:
        """The step after the current one (before the start: the first step)."""
        return self.view.next_step

    @property
    def waiting(self) -> bool:
        """The current step has not begun: a lead-in or a send-off wait is on the clock."""
        return self.view.waiting

    @property
    def send_off_missed(self) -> bool:
        """The last rep missed its send-off: this rest is only the minimum."""
        return self.view.send_off_missed

    @property
    def splits(self) -> tuple[Split, ...]:
        """The reps run so far, in order (a withdrawn lap is gone)."""
        return self.view.splits

    @property
    def last_split(self) -> Split | None:
        """The most recent rep, the one an effort key rates."""
        return self.view.last_split

    @property
    def progress(self) -> Progress:
        """Steps done of all, and running time (pauses excluded) against the estimate."""
        return self.view.progress

    def elapsed_s(self) -> float:
        """Time in the current step (see `SessionView.elapsed_s`)."""
        return self.view.elapsed_s()

    def remaining_s(self) -> float | None:
        """Time left in the lead-in, wait or timed step; None for a step that ends on a key."""
        return self.view.remaining_s()

    def display_s(self) -> int | None:
        """The whole seconds the big clock shows (see `SessionView.display_s`)."""
        return self.view.display_s()

    def ends_at(self) -> float | None:
        """The clock instant the lead-in, wait or timed step ends; None while paused."""
        return self.view.ends_at()

    def next_event_at(self) -> float | None:
        """The clock instant the next event is due; None when nothing is."""
        return self.view.next_event_at()

    def next_tick_at(self) -> float | None:
        """The clock instant the displayed whole second changes."""
        return self.view.next_tick_at()

    def next_deadline(self) -> float | None:
        """When the UI should look again (see `SessionView.next_deadline`)."""
        return self.view.next_deadline()

    def cue_times(self) -> list[tuple[float, Cue | None]]:
        """The sounds still due in this segment, and its end (see `SessionView.cue_times`)."""
        return self.view.cue_times()
