"""Plans built by hand for the engine tests, and small readers of events.

Plans here are PlannedStep tuples written out as `expand()` would give them,
so the engine's tests do not depend on the workout layer's expansion.
"""

from __future__ import annotations

from dataclasses import replace

from intervaltimer.engine import Event, EventKind, Session
from intervaltimer.workout.model import Ends, StepKind
from intervaltimer.workout.plan import Plan, PlannedStep
from tests.helpers.fakes import FakeClock


def _step(kind: StepKind, label: str, ends: Ends, **fields: object) -> PlannedStep:
    return PlannedStep(0, kind, label, ends, **fields)  # type: ignore[arg-type]


def run(distance_m: float | None = None, duration_s: float | None = None,
        **fields: object) -> PlannedStep:
    """A rep: ends on time with `duration_s`, else on lap (a distance, or open)."""
    ends = Ends.TIME if duration_s is not None else Ends.LAP
    return _step(StepKind.RUN, str(fields.pop("label", "Run")), ends, distance_m=distance_m,
                 duration_s=duration_s, **fields)


def rest(duration_s: float | None = None, **fields: object) -> PlannedStep:
    """A rest: on time with `duration_s`, else open (`rest: lap`)."""
    ends = Ends.TIME if duration_s is not None else Ends.LAP
    return _step(StepKind.REST, str(fields.pop("label", "Rest")), ends, duration_s=duration_s,
                 **fields)


def warmup(duration_s: float | None = None) -> PlannedStep:
    """A warm-up, timed or open."""
    ends = Ends.TIME if duration_s is not None else Ends.LAP
    return _step(StepKind.WARMUP, "Warm-up", ends, duration_s=duration_s)


def cooldown(duration_s: float | None = None) -> PlannedStep:
    """A cool-down, timed or open."""
    ends = Ends.TIME if duration_s is not None else Ends.LAP
    return _step(StepKind.COOLDOWN, "Cool-down", ends, duration_s=duration_s)


def exercise(reps: int | None = None, duration_s: float | None = None) -> PlannedStep:
    """An exercise counted in reps (ends on lap) or timed."""
    ends = Ends.TIME if duration_s is not None else Ends.REPS
    return _step(StepKind.EXERCISE, "Pushups", ends, reps=reps, duration_s=duration_s,
                 exercise="pushups")


def plan(*steps: PlannedStep, lead_in_s: float = 3.0) -> Plan:
    """A plan of `steps`, numbered 1.. in order."""
    numbered = tuple(replace(step, index=i) for i, step in enumerate(steps, start=1))
    return Plan("test", numbered, lead_in_s=lead_in_s, estimated_s=1000.0)


def started(the_plan: Plan, clock: FakeClock, lead_in_s: float | None = None,
            at_step: int = 1) -> Session:
    """A session of `the_plan` started now on `clock`."""
    session = Session(the_plan, clock, lead_in_s=lead_in_s)
    session.start(at_step)
    return session


def run_until(session: Session, clock: FakeClock, until: float,
              every: float = 0.25) -> list[Event]:
    """Poll every `every` seconds up to `until`, returning all events."""
    events = session.poll()
    while clock.now < until:
        clock.set(min(until, clock.now + every))
        events += session.poll()
    return events


def timeline(events: list[Event]) -> list[tuple[str, float, int]]:
    """(kind, at, step) of each event, for comparing with a written-out expectation."""
    return [(e.kind.value, e.at, e.step_index) for e in events]


def of_kind(events: list[Event], kind: EventKind) -> list[Event]:
    """The events of one kind."""
    return [e for e in events if e.kind is kind]


def at_of(events: list[Event], kind: EventKind, step_index: int | None = None) -> list[float]:
    """The instants of the events of one kind (for one step)."""
    return [e.at for e in events
            if e.kind is kind and (step_index is None or e.step_index == step_index)]
