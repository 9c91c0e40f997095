"""What the screen reads from a session: state, the step, its clock, splits, progress.

`SessionView(timeline, catch_up)` answers questions about a session's
`Timeline` and never changes it, so the screen, the voice and the phone can
be handed it without being able to move the session on. Every answer is as of
now: reading first lets what is due by now happen (its events wait for the
next `poll()`), so nothing read is ever stale.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil, floor

from intervaltimer.engine.events import Cue, Phase, Progress, Split, State
from intervaltimer.engine.schedule import Wait
from intervaltimer.engine.timeline import Timeline
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import PlannedStep

_PHASES: dict[StepKind, Phase] = {
    StepKind.WARMUP: Phase.WARMUP,
    StepKind.RUN: Phase.WORK,
    StepKind.EXERCISE: Phase.WORK,
    StepKind.REST: Phase.REST,
    StepKind.COOLDOWN: Phase.COOLDOWN,
}


class SessionView:
    """The read side of a session. Times are clock seconds; `*_s()` methods read the clock.

    `catch_up` lets what is due by now happen before each answer (the session's
    transitions do that); the view itself never changes the timeline.
    """

    def __init__(self, timeline: Timeline, catch_up: Callable[[], None]) -> None:
        self._tl = timeline
        self._catch_up = catch_up
        self.plan = timeline.plan
        self.lead_in_s = timeline.lead_in_s

    @property
    def state(self) -> State:
        """READY, LEAD_IN, RUNNING, PAUSED or FINISHED."""
        self._catch_up()
        if not self._tl.started:
            return State.READY
        if self._tl.finished or self._tl.seg is None:
            return State.FINISHED
        if self._tl.pause is not None:
            return State.PAUSED
        if self._tl.seg.wait is Wait.LEAD_IN:
            return State.LEAD_IN
        return State.RUNNING

    @property
    def phase(self) -> Phase:
        """What the runner is doing, for colours: lead-in, warm-up, work, rest, cool-down."""
        self._catch_up()
        if not self._tl.started:
            return Phase.READY
        seg = self._tl.seg
        if self._tl.finished or seg is None:
            return Phase.FINISHED
        if seg.wait is Wait.LEAD_IN:
            return Phase.LEAD_IN
        if seg.wait is Wait.SEND_OFF:
            return Phase.REST
        return _PHASES[self._tl.steps[seg.pos].kind]

    @property
    def started_at(self) -> float | None:
        """The clock instant of `start()`, None before."""
        return self._tl.started_at

    @property
    def current(self) -> PlannedStep | None:
        """The step on the screen (during a lead-in or send-off wait: the rep about to start)."""
        self._catch_up()
        if self._tl.seg is None or self._tl.finished:
            return None
        return self._tl.steps[self._tl.seg.pos]

    @property
    def next_step(self) -> PlannedStep | None:
        """The step after the current one (before the start: the first step)."""
        self._catch_up()
        if not self._tl.started:
            return self._tl.steps[0]
        if self._tl.seg is None or self._tl.finished:
            return None
        nxt = self._tl.seg.pos + 1
        return self._tl.steps[nxt] if nxt < len(self._tl.steps) else None

    @property
    def waiting(self) -> bool:
        """The current step has not begun: a lead-in or a send-off wait is on the clock."""
        self._catch_up()
        return self._tl.seg is not None and not self._tl.finished and self._tl.seg.wait is not None

    @property
    def send_off_missed(self) -> bool:
        """The last rep missed its send-off: this rest is only the minimum."""
        self._catch_up()
        seg = self._tl.seg
        return seg is not None and not self._tl.finished and seg.missed_rest_s is not None

    def elapsed_s(self) -> float:
        """Time in the current step (0 during a lead-in or wait, and before or after the run)."""
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or seg.wait is not None:
            return 0.0
        return max(0.0, self._tl.session_s(self._tl.read()) - seg.start_s)

    def remaining_s(self) -> float | None:
        """Time left in the lead-in, wait or timed step; None for a step that ends on a key."""
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or seg.end_s is None:
            return None
        return max(0.0, seg.end_s - self._tl.session_s(self._tl.read()))

    def display_s(self) -> int | None:
        """The whole seconds the big clock shows; it changes at `next_tick_at()`.

        Counting down (lead-in, wait, timed step): the time left rounded up,
        so 0 only at the end. Counting up (a step that ends on a key): the
        time run rounded down. None before the start and after the finish.
        """
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished:
            return None
        at_s = self._tl.session_s(self._tl.read())
        if seg.end_s is not None:
            return max(0, ceil(seg.end_s - at_s))
        return max(0, floor(at_s - seg.start_s))

    def ends_at(self) -> float | None:
        """The clock instant the lead-in, wait or timed step ends; None while paused."""
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or seg.end_s is None:
            return None
        return seg.end_s + self._tl.paused_s if self._tl.pause is None else None

    @property
    def splits(self) -> tuple[Split, ...]:
        """The reps run so far, in order (a withdrawn lap is gone)."""
        self._catch_up()
        return tuple(self._tl.splits)

    @property
    def last_split(self) -> Split | None:
        """The most recent rep, the one an effort key rates."""
        self._catch_up()
        return self._tl.splits[-1] if self._tl.splits else None

    @property
    def progress(self) -> Progress:
        """Steps done of all, and running time (pauses excluded) against the estimate."""
        self._catch_up()
        if not self._tl.started:
            elapsed = 0.0
        elif self._tl.finished_s is not None:
            elapsed = self._tl.finished_s - self._tl.origin_s
        else:
            elapsed = self._tl.session_s(self._tl.read()) - self._tl.origin_s
        return Progress(self._tl.done, len(self._tl.steps), max(0.0, elapsed),
                        self.plan.estimated_s)

    def next_event_at(self) -> float | None:
        """The clock instant the next event is due; None when nothing is (paused, open step)."""
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or self._tl.pause is not None:
            return None
        due = seg.next_due()
        return None if due is None else due.at_s + self._tl.paused_s

    def next_tick_at(self) -> float | None:
        """The clock instant the displayed whole second changes.

        Counting down (lead-in, wait, timed step) the display shows the
        remaining time rounded up; counting up (open steps) the elapsed time
        rounded down. None while paused, before the start and after the finish.
        """
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or self._tl.pause is not None:
            return None
        now = self._tl.read()
        at_s = self._tl.session_s(now)
        if seg.end_s is not None:
            left = seg.end_s - at_s
            if left <= 0:
                return now
            tick_s = seg.end_s - (ceil(left) - 1)
        else:
            tick_s = seg.start_s + floor(max(0.0, at_s - seg.start_s)) + 1
        tick = tick_s + self._tl.paused_s
        return tick if tick > now else tick + 1.0

    def next_deadline(self) -> float | None:
        """The sooner of `next_event_at()` and `next_tick_at()`: when the UI should look again."""
        times = [t for t in (self.next_event_at(), self.next_tick_at()) if t is not None]
        return min(times) if times else None

    def cue_times(self) -> list[tuple[float, Cue | None]]:
        """The sounds still due in this segment, as (clock instant, cue), and its end
        (cue None: the next step's cue, or the finish, plays there). Empty while paused.
        For the voice, which must never talk over a beep."""
        self._catch_up()
        seg = self._tl.seg
        if seg is None or self._tl.finished or self._tl.pause is not None:
            return []
        floor_s = max(self._tl.session_s(self._tl.read()), seg.floor_s)
        return [(due.at_s + self._tl.paused_s, due.cue) for due in seg.items[seg.cursor:]
                if due.at_s >= floor_s and due.key not in seg.emitted
                and (due.cue is not None or due.kind is None)]
