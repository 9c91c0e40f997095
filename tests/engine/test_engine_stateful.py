"""Random key presses and clock jumps on random plans: the session keeps its promises.

Never raises (except ValueError for an effort it refuses), never hands out an
event twice or out of order or from the future, and its splits always match
what its events said: a split appears only on a lap or on a timed rep's end,
an undo withdraws exactly the split of the lap it takes back.
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from intervaltimer.engine import Event, EventKind, Session, Split, State
from intervaltimer.workout.plan import Plan, PlannedStep
from tests.helpers.engine_helpers import (
    cooldown,
    exercise,
    plan,
    rest,
    run,
    warmup,
)
from tests.helpers.fakes import FakeClock

NUDGE_S = 0.001  # a key is pressed a moment after whatever came before it


def _block(kind: str, count: int, seconds: float, with_min_rest: bool) -> list[PlannedStep]:
    """A few steps of one sort, as expand() would give them."""
    if kind == "timed reps":
        return [step for _ in range(count)
                for step in (run(duration_s=seconds, rep=1), rest(seconds / 2))]
    if kind == "distance reps":
        return [step for _ in range(count)
                for step in (run(400.0, target_s=seconds, pacer_m=100.0), rest(seconds))]
    if kind == "open rests":
        return [step for _ in range(count) for step in (run(100.0), rest())]
    if kind == "exercises":
        return [exercise(reps=10), exercise(duration_s=seconds)]
    if kind == "warm-up and cool-down":
        return [warmup(seconds), cooldown()]
    min_rest = 20.0 if with_min_rest else None
    steps: list[PlannedStep] = []
    for _ in range(count):
        steps.append(run(200.0, round_s=seconds, round_start=True, min_rest_s=min_rest))
        if kind == "send-off with rest":
            steps.append(rest(seconds / 2, round_s=seconds, min_rest_s=min_rest))
    return steps


KINDS = ["timed reps", "distance reps", "open rests", "exercises", "warm-up and cool-down",
         "send-off with rest", "send-off without rest"]

plans = st.lists(
    st.builds(_block, st.sampled_from(KINDS), st.integers(1, 3),
              st.sampled_from([2.0, 12.0, 30.0, 45.5, 90.0]), st.booleans()),
    min_size=1, max_size=4,
).map(lambda blocks: [step for block in blocks for step in block])


class SessionMachine(RuleBasedStateMachine):
    """Drives one session; checks it after every step."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock(1000.0)
        self.session: Session | None = None
        self.events: list[Event] = []
        self.identities: set[tuple[object, ...]] = set()
        self.model: dict[int, Split] = {}
        self.lapped: list[Split] = []

    @property
    def s(self) -> Session:
        assert self.session is not None
        return self.session

    @initialize(steps=plans, lead_in_s=st.sampled_from([0.0, 3.0, 5.0]),
                at_step=st.integers(1, 3))
    def begin(self, steps: list[PlannedStep], lead_in_s: float, at_step: int) -> None:
        self.plan: Plan = plan(*steps, lead_in_s=lead_in_s)
        self.session = Session(self.plan, self.clock)
        self.session.start(min(at_step, len(steps)))

    @rule(seconds=st.one_of(st.sampled_from([0.25, 1.0, 3.0, 10.0, 60.0]),
                            st.floats(0.0, 600.0, allow_nan=False)))
    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule()
    def poll(self) -> None:
        self._take(self.s.poll())

    @rule()
    def lap(self) -> None:
        self.clock.advance(NUDGE_S)
        split = self.s.lap()
        if split is not None:
            self.lapped.append(split)

    @rule()
    def undo(self) -> None:
        self.clock.advance(NUDGE_S)
        self._take(self.s.poll())
        before = len(self.s.splits)
        could = self.s.can_undo
        done = self.s.undo_lap()
        assert done == could
        events = self.s.poll()
        self._take(events)
        undone = [e for e in events if e.kind is EventKind.LAP_UNDONE]
        assert len(undone) == (1 if done else 0)
        withdrawn = 1 if undone and undone[0].split is not None else 0
        assert before - len(self.s.splits) == withdrawn

    @rule()
    def pause(self) -> None:
        self.clock.advance(NUDGE_S)
        self.s.pause()

    @rule()
    def resume(self) -> None:
        self.clock.advance(NUDGE_S)
        self.s.resume()

    @rule()
    def skip(self) -> None:
        self.clock.advance(NUDGE_S)
        self.s.skip()

    @rule(seconds=st.one_of(st.sampled_from([15.0, -15.0]), st.floats(-300.0, 300.0)))
    def extend(self, seconds: float) -> None:
        self.clock.advance(NUDGE_S)
        applied = self.s.extend(seconds)
        assert applied is None or seconds - 1e-9 <= applied <= max(seconds, 0.0) + 1e-9

    @rule(rpe=st.integers(-1, 11), older=st.booleans())
    def rate(self, rpe: int, older: bool) -> None:
        self.clock.advance(NUDGE_S)
        splits = self.s.splits
        if not splits:
            return
        target = splits[0] if older and len(splits) > 1 else splits[-1]
        refused = not 0 <= rpe <= 10 or target is not splits[-1] or target.skipped
        try:
            rated = self.s.rate(target.step_index, rpe)
        except ValueError:
            assert refused
        else:
            assert not refused and rated.rpe == rpe

    def _take(self, events: list[Event]) -> None:
        """Check new events against everything before them and fold them into the model."""
        for event in events:
            assert not self.events or event.at >= self.events[-1].at
            assert event.at <= self.clock.now + 1e-6
            assert 1 <= event.step_index <= len(self.plan.steps)
            identity = (event.kind, event.at, event.step_index, event.count, event.distance_m)
            assert identity not in self.identities, event
            self.identities.add(identity)
            self.events.append(event)
            split = event.split
            if event.kind is EventKind.STEP_FINISHED and split is not None:
                assert split.step_index not in self.model
                step = self.plan.steps[split.step_index - 1]
                assert step.is_work
                if split not in self.lapped:  # no split without a lap, unless the rep timed out
                    assert step.duration_s is not None and split.split_s is not None
                    assert abs(split.split_s - step.duration_s) < 1e-6
                self.model[split.step_index] = split
            elif event.kind is EventKind.SKIPPED and split is not None:
                # a rep skipped is a rep with no time, in its place among the splits
                assert split.skipped and split.split_s is None
                assert self.plan.steps[split.step_index - 1].is_work
                assert split.step_index not in self.model
                self.model[split.step_index] = split
            elif event.kind is EventKind.LAP_UNDONE and split is not None:
                assert self.model.pop(split.step_index) == split
            elif event.kind is EventKind.SPLIT_UPDATED:
                assert split is not None and split.step_index in self.model
                self.model[split.step_index] = split

    @invariant()
    def keeps_its_promises(self) -> None:
        if self.session is None:
            return
        self._take(self.s.poll())
        assert tuple(self.model.values()) == self.s.splits
        assert [s.step_index for s in self.s.splits] == sorted(
            {s.step_index for s in self.s.splits})
        finished = [e for e in self.events if e.kind is EventKind.WORKOUT_FINISHED]
        assert len(finished) == (1 if self.s.state is State.FINISHED else 0)
        now = self.clock.now
        for instant in (self.s.next_event_at(), self.s.next_tick_at()):
            assert instant is None or instant > now
        assert self.s.elapsed_s() >= 0.0
        remaining = self.s.remaining_s()
        assert remaining is None or remaining >= 0.0
        progress = self.s.progress
        assert 0 <= progress.steps_done <= progress.steps_total
        assert (self.s.current is None) == (self.s.state is State.FINISHED)


SessionMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40,
                                            deadline=None)
TestSessionMachine = SessionMachine.TestCase
