"""No drift: a two-hour session polled thousands of times at random instants.

Every step must start and end on the instant computed independently from the
plan (the previous end plus the duration, or the lap plus the lead-in),
exactly, however late or often the session is polled; every event must come
out once, in order, at the first poll at or after its instant.
"""

from __future__ import annotations

import math
import random

import pytest

from intervaltimer.engine import Event, EventKind, Session
from intervaltimer.workout.plan import Plan, PlannedStep
from tests.helpers.engine_helpers import cooldown, plan, rest, run, warmup
from tests.helpers.fakes import FakeClock

LEAD_IN_S = 5.0
START = 12345.678  # a monotonic clock is far from zero


def _two_hours(rng: random.Random) -> tuple[Plan, dict[int, float]]:
    """62 timed steps and 12 lap steps; and how long into each lap step the runner laps."""
    steps: list[PlannedStep] = [warmup(1200.0)]
    for _ in range(6):
        for _ in range(5):
            steps.append(run(duration_s=round(rng.uniform(40.0, 120.0), 3)))
            steps.append(rest(round(rng.uniform(45.0, 90.0), 3)))
        steps.append(run(400.0, target_s=80.0, pacer_m=100.0))
        steps.append(rest())
    steps.append(cooldown(600.0))
    laps = {pos: round(rng.uniform(60.0, 150.0), 4)
            for pos, step in enumerate(steps) if step.duration_s is None}
    return plan(*steps, lead_in_s=LEAD_IN_S), laps


def _planned_instants(the_plan: Plan, laps: dict[int, float]) -> list[tuple[float, float]]:
    """(start, end) of each step, from the plan alone."""
    spans: list[tuple[float, float]] = []
    start = START + LEAD_IN_S
    steps = the_plan.steps
    for pos, step in enumerate(steps):
        end = start + (step.duration_s if step.duration_s is not None else laps[pos])
        spans.append((start, end))
        lapped = step.duration_s is None
        following_rep = pos + 1 < len(steps) and steps[pos + 1].is_work
        start = end + LEAD_IN_S if lapped and following_rep else end
    return spans


def _poll_instants(rng: random.Random, spans: list[tuple[float, float]], count: int) -> list[float]:
    """Random instants, each boundary and the float just before it; a few long silences."""
    last = spans[-1][1]
    instants = [rng.uniform(START, last + 5.0) for _ in range(count)]
    for start, end in spans:
        for edge in (start, end, end - 3.0, end - 10.0):
            instants += [edge, math.nextafter(edge, -math.inf)]
    instants += [START + rng.uniform(0.0, 600.0) for _ in range(count // 10)]  # a busy start
    gaps = [(t, t + rng.uniform(120.0, 600.0)) for t in
            (rng.uniform(START, last) for _ in range(5))]  # the laptop slept: polled late
    return sorted(t for t in instants if not any(a < t < b for a, b in gaps))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_hour_session_ends_every_step_on_its_planned_instant(seed: int) -> None:
    rng = random.Random(seed)
    the_plan, laps = _two_hours(rng)
    spans = _planned_instants(the_plan, laps)
    assert spans[-1][1] - START > 2 * 3600  # it is a two-hour session
    assert sum(s.duration_s is not None for s in the_plan.steps) == 62

    clock = FakeClock(START)
    session = Session(the_plan, clock)
    session.start()
    lap_at = {spans[pos][0] + offset: pos for pos, offset in laps.items()}
    actions = sorted([(t, "poll") for t in _poll_instants(rng, spans, 4000)]
                     + [(t, "lap") for t in lap_at])
    seen: list[tuple[float, Event]] = []  # (the instant it was handed out, the event)
    previous = math.nextafter(START, -math.inf)  # start() made the first events due
    for instant, action in actions:
        clock.set(instant)
        if action == "lap":
            current = session.current
            assert current is not None and current.index == lap_at[instant] + 1
            session.lap()
        handed = session.poll()
        for event in handed:  # due by now, and not yet due at the previous poll
            assert previous < event.at <= instant or event.at == instant == previous
        seen += [(instant, event) for event in handed]
        previous = instant

    events = [event for _, event in seen]
    starts = [(e.step_index, e.at) for e in events if e.kind is EventKind.STEP_STARTED]
    ends = [(e.step_index, e.at) for e in events if e.kind is EventKind.STEP_FINISHED]
    assert starts == [(pos + 1, start) for pos, (start, _) in enumerate(spans)]
    assert ends == [(pos + 1, end) for pos, (_, end) in enumerate(spans)]
    finished = [e for e in events if e.kind is EventKind.WORKOUT_FINISHED]
    assert [e.at for e in finished] == [spans[-1][1]]

    assert [e.at for e in events] == sorted(e.at for e in events)
    identities = [(e.kind, e.at, e.step_index, e.count, e.distance_m) for e in events]
    assert len(identities) == len(set(identities))

    timed = [(pos, step) for pos, step in enumerate(the_plan.steps) if step.duration_s]
    durations = {pos: step.duration_s or 0.0 for pos, step in timed}
    ten = {(e.step_index, e.at) for e in events if e.kind is EventKind.TEN_SECONDS}
    assert ten == {(pos + 1, spans[pos][1] - 10.0) for pos, step in timed}
    halfway = {(e.step_index, e.at) for e in events if e.kind is EventKind.HALFWAY}
    assert halfway == {(pos + 1, spans[pos][0] + durations[pos] / 2)
                       for pos, step in timed if step.is_work}
    ticks = [(e.step_index, e.at) for e in events if e.kind is EventKind.COUNTDOWN]
    lead_ins = [e for e in events if e.kind is EventKind.LEAD_IN]
    assert len(lead_ins) == 1 + 5  # the start, and each set's first rep after the open rest
    assert len(ticks) == 3 * (len(lead_ins) + sum(
        1 for pos, step in timed
        if pos + 1 < len(the_plan.steps) and the_plan.steps[pos + 1].is_work))
    pacers = [e for e in events if e.kind is EventKind.PACER]
    assert len(pacers) == 6 * 3

    splits = session.splits
    assert len(splits) == 36
    for split in splits:
        start, end = spans[split.step_index - 1]
        assert (split.started_at, split.ended_at) == (start, end)
        assert split.split_s == pytest.approx(end - start, abs=1e-9)
