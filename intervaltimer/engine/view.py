"""What the screen reads from a session: state, the step, its clock, splits, progress.

`SessionView` holds the session's state and answers questions about it;
`Session` (session.py) adds the keys and the timeline. Every answer is as of
now: reading first lets what is due by now happen (its events wait for the
next `poll()`), so nothing read is ever stale.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil, floor, inf

from intervaltimer.engine.events import Cue, Phase, Progress, Split, State
from intervaltimer.engine.schedule import Segment, Wait
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import Plan, PlannedStep

_PHASES: dict[StepKind, Phase] = {
    StepKind.WARMUP: Phase.WARMUP,
    StepKind.RUN: Phase.WORK,
    StepKind.EXERCISE: Phase.WORK,
    StepKind.REST: Phase.REST,
    StepKind.COOLDOWN: Phase.COOLDOWN,
}


class SessionView:
    """The read side of a session. Times are clock seconds; `*_s()` methods read the clock."""

    def __init__(self, plan: Plan, clock: Callable[[], float], lead_in_s: float) -> None:
        self.plan = plan
        self.lead_in_s = lead_in_s
        self._clock = clock
        self._steps = plan.steps
        self._started = False
        self._finished = False
        self._seg: Segment | None = None
        self._splits: list[Split] = []
        self._done = 0
        self._now = -inf
        self._started_at: float | None = None
        # Session seconds are clock seconds less the time spent paused.
        self._paused_s = 0.0
        self._pause: tuple[float, float] | None = None  # (clock, session seconds) at the pause
        self._reached_s = -inf  # the latest session second known to have come
        self._origin_s = 0.0
        self._finished_s: float | None = None

    def _catch_up(self) -> None:
        """Let what is due by now happen (the session's timeline does this)."""

    def _read(self) -> float:
        """The clock, never going backwards."""
        now = self._clock()
        if now > self._now:
            self._now = now
        return self._now

    def _session_s(self, now: float) -> float:
        """Session seconds at clock instant `now` (frozen while paused)."""
        if self._pause is not None:
            return self._pause[1]
        return max(now - self._paused_s, self._reached_s)

    @property
    def state(self) -> State:
        """READY, LEAD_IN, RUNNING, PAUSED or FINISHED."""
        self._catch_up()
        if not self._started:
            return State.READY
        if self._finished or self._seg is None:
            return State.FINISHED
        if self._pause is not None:
            return State.PAUSED
        if self._seg.wait is Wait.LEAD_IN:
            return State.LEAD_IN
        return State.RUNNING

    @property
    def phase(self) -> Phase:
        """What the runner is doing, for colours: lead-in, warm-up, work, rest, cool-down."""
        self._catch_up()
        if not self._started:
            return Phase.READY
        seg = self._seg
        if self._finished or seg is None:
            return Phase.FINISHED
        if seg.wait is Wait.LEAD_IN:
            return Phase.LEAD_IN
        if seg.wait is Wait.SEND_OFF:
            return Phase.REST
        return _PHASES[self._steps[seg.pos].kind]

    @property
    def started_at(self) -> float | None:
        """The clock instant of `start()`, None before."""
        return self._started_at

    @property
    def current(self) -> PlannedStep | None:
        """The step on the screen (during a lead-in or send-off wait: the rep about to start)."""
        self._catch_up()
        if self._seg is None or self._finished:
            return None
        return self._steps[self._seg.pos]

    @property
    def next_step(self) -> PlannedStep | None:
        """The step after the current one (before the start: the first step)."""
        self._catch_up()
        if not self._started:
            return self._steps[0]
        if self._seg is None or self._finished:
            return None
        nxt = self._seg.pos + 1
        return self._steps[nxt] if nxt < len(self._steps) else None

    @property
    def waiting(self) -> bool:
        """The current step has not begun: a lead-in or a send-off wait is on the clock."""
        self._catch_up()
        return self._seg is not None and not self._finished and self._seg.wait is not None

    @property
    def send_off_missed(self) -> bool:
        """The last rep missed its send-off: this rest is only the minimum."""
        self._catch_up()
        seg = self._seg
        return seg is not None and not self._finished and seg.missed_rest_s is not None

    def elapsed_s(self) -> float:
        """Time in the current step (0 during a lead-in or wait, and before or after the run)."""
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished or seg.wait is not None:
            return 0.0
        return max(0.0, self._session_s(self._read()) - seg.start_s)

    def remaining_s(self) -> float | None:
        """Time left in the lead-in, wait or timed step; None for a step that ends on a key."""
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished or seg.end_s is None:
            return None
        return max(0.0, seg.end_s - self._session_s(self._read()))

    def display_s(self) -> int | None:
        """The whole seconds the big clock shows; it changes at `next_tick_at()`.

        Counting down (lead-in, wait, timed step): the time left rounded up,
        so 0 only at the end. Counting up (a step that ends on a key): the
        time run rounded down. None before the start and after the finish.
        """
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished:
            return None
        at_s = self._session_s(self._read())
        if seg.end_s is not None:
            return max(0, ceil(seg.end_s - at_s))
        return max(0, floor(at_s - seg.start_s))

    def ends_at(self) -> float | None:
        """The clock instant the lead-in, wait or timed step ends; None while paused."""
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished or seg.end_s is None:
            return None
        return seg.end_s + self._paused_s if self._pause is None else None

    @property
    def splits(self) -> tuple[Split, ...]:
        """The reps run so far, in order (a withdrawn lap is gone)."""
        self._catch_up()
        return tuple(self._splits)

    @property
    def last_split(self) -> Split | None:
        """The most recent rep, the one an effort key rates."""
        self._catch_up()
        return self._splits[-1] if self._splits else None

    @property
    def progress(self) -> Progress:
        """Steps done of all, and running time (pauses excluded) against the estimate."""
        self._catch_up()
        if not self._started:
            elapsed = 0.0
        elif self._finished_s is not None:
            elapsed = self._finished_s - self._origin_s
        else:
            elapsed = self._session_s(self._read()) - self._origin_s
        return Progress(self._done, len(self._steps), max(0.0, elapsed), self.plan.estimated_s)

    def next_event_at(self) -> float | None:
        """The clock instant the next event is due; None when nothing is (paused, open step)."""
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished or self._pause is not None:
            return None
        due = seg.next_due()
        return None if due is None else due.at_s + self._paused_s

    def next_tick_at(self) -> float | None:
        """The clock instant the displayed whole second changes.

        Counting down (lead-in, wait, timed step) the display shows the
        remaining time rounded up; counting up (open steps) the elapsed time
        rounded down. None while paused, before the start and after the finish.
        """
        self._catch_up()
        seg = self._seg
        if seg is None or self._finished or self._pause is not None:
            return None
        now = self._read()
        at_s = self._session_s(now)
        if seg.end_s is not None:
            left = seg.end_s - at_s
            if left <= 0:
                return now
            tick_s = seg.end_s - (ceil(left) - 1)
        else:
            tick_s = seg.start_s + floor(max(0.0, at_s - seg.start_s)) + 1
        tick = tick_s + self._paused_s
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
        seg = self._seg
        if seg is None or self._finished or self._pause is not None:
            return []
        floor_s = max(self._session_s(self._read()), seg.floor_s)
        return [(due.at_s + self._paused_s, due.cue) for due in seg.items[seg.cursor:]
                if due.at_s >= floor_s and due.key not in seg.emitted
                and (due.cue is not None or due.kind is None)]
