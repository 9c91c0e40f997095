"""`every:` send-offs: a round starts every round_s; what is left after the rep is rest.

Plans are written out as expand() gives them: `round_s` on every step of the
round, `round_start` on its first, the round's last rest timed with its
planned length (which the engine recomputes from the round's real start).
"""

from __future__ import annotations

from intervaltimer.engine import Cue, EventKind, Phase, State
from intervaltimer.workout.plan import PlannedStep
from tests.helpers.engine_helpers import (
    at_of,
    cooldown,
    of_kind,
    plan,
    rest,
    run,
    run_until,
    started,
)
from tests.helpers.fakes import FakeClock


def _rounds(count: int, round_s: float, min_rest_s: float | None,
            with_rest: bool = True) -> list[PlannedStep]:
    steps: list[PlannedStep] = []
    for rep in range(1, count + 1):
        steps.append(run(600.0, rep=rep, rep_count=count, round_s=round_s, round_start=True,
                         min_rest_s=min_rest_s))
        if with_rest:
            steps.append(rest(45.0, round_s=round_s, min_rest_s=min_rest_s))
    return steps


def test_fast_rep_rests_until_the_next_round_and_a_slow_one_gets_min_rest(
        fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(3, 150.0, 20.0), cooldown(300.0)), fake_clock)
    fake_clock.set(103.0)  # 100 s rep: 50 s left of the round
    session.lap()
    events = run_until(session, fake_clock, 160.0)
    rest_start = of_kind(events, EventKind.STEP_STARTED)[1]
    assert (rest_start.at, rest_start.cue, rest_start.seconds) == (103.0, Cue.LAP, 50.0)
    assert at_of(events, EventKind.COUNTDOWN, 2) == [150.0, 151.0, 152.0]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [153.0]  # 3 + 150, exactly
    assert of_kind(events, EventKind.SEND_OFF_MISSED) == []

    fake_clock.set(293.0)  # 140 s rep: the round ends at 303, but 20 s rest at least
    session.lap()
    assert session.send_off_missed
    events = run_until(session, fake_clock, 320.0)
    missed = of_kind(events, EventKind.SEND_OFF_MISSED)
    assert [(e.at, e.step_index, e.seconds) for e in missed] == [(293.0, 4, 20.0)]
    assert at_of(events, EventKind.STEP_STARTED, 5) == [313.0]
    assert not session.send_off_missed

    fake_clock.set(413.0)
    session.lap()
    events = run_until(session, fake_clock, 470.0)
    assert at_of(events, EventKind.STEP_STARTED, 7) == [463.0]  # the last round fills too
    assert [s.rest_s for s in session.splits] == [50.0, 20.0, 50.0]


def test_a_rep_slower_than_the_round_without_min_rest_goes_again_at_once(
        fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(2, 90.0, None)), fake_clock)
    fake_clock.set(103.0)
    session.lap()
    events = session.poll()
    assert [(e.kind.value, e.at, e.step_index) for e in events][-6:] == [
        ("step_finished", 103.0, 1), ("step_started", 103.0, 2),
        ("send_off_missed", 103.0, 2), ("step_finished", 103.0, 2), ("step_started", 103.0, 3),
        ("split_updated", 103.0, 1)]
    assert session.splits[0].rest_s == 0.0
    assert of_kind(events, EventKind.SEND_OFF_MISSED)[0].seconds == 0.0
    assert session.phase is Phase.WORK and session.current is not None
    assert session.current.index == 3
    fake_clock.set(103.5)
    assert session.lap() is None  # the tap at the line is not rep 2's end


def test_a_round_without_a_rest_step_gets_a_send_off_wait(fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(3, 150.0, 20.0, with_rest=False)), fake_clock)
    fake_clock.set(103.0)
    session.lap()
    assert session.phase is Phase.REST and session.state is State.RUNNING
    assert session.waiting and session.current is not None and session.current.index == 2
    assert session.remaining_s() == 50.0 and session.elapsed_s() == 0.0
    events = run_until(session, fake_clock, 160.0)
    wait = of_kind(events, EventKind.SEND_OFF_REST)
    assert [(e.at, e.step_index, e.cue, e.seconds) for e in wait] == [(103.0, 2, Cue.LAP, 50.0)]
    assert at_of(events, EventKind.COUNTDOWN, 2) == [150.0, 151.0, 152.0]
    assert at_of(events, EventKind.STEP_STARTED, 2) == [153.0]
    assert not session.can_undo  # the wait was the rest after the lap: it is over
    fake_clock.set(293.0)
    session.lap()
    assert session.can_undo
    events = run_until(session, fake_clock, 320.0)
    assert [e.seconds for e in of_kind(events, EventKind.SEND_OFF_MISSED)] == [20.0]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [313.0]
    fake_clock.set(400.0)
    session.lap()  # the last round: nothing to wait for
    assert session.state is State.FINISHED
    assert [s.rest_s for s in session.splits] == [50.0, 20.0, None]


def test_skipping_the_send_off_wait_brings_the_rep_after_a_lead_in(
        fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(2, 150.0, None, with_rest=False)), fake_clock)
    fake_clock.set(103.0)
    session.lap()
    fake_clock.set(110.0)
    session.skip()
    events = run_until(session, fake_clock, 120.0)
    assert at_of(events, EventKind.LEAD_IN, 2) == [110.0]
    assert at_of(events, EventKind.STEP_STARTED, 2) == [113.0]
    assert of_kind(events, EventKind.SKIPPED) == []  # the rep itself is not skipped


def test_timed_reps_on_a_send_off(fake_clock: FakeClock) -> None:
    steps: list[PlannedStep] = []
    for _ in range(3):
        steps += [run(duration_s=40.0, round_s=60.0, round_start=True),
                  rest(20.0, round_s=60.0)]
    session = started(plan(*steps), fake_clock)
    events = run_until(session, fake_clock, 200.0)
    assert at_of(events, EventKind.STEP_STARTED) == [3.0, 43.0, 63.0, 103.0, 123.0, 163.0]
    assert at_of(events, EventKind.WORKOUT_FINISHED) == [183.0]


def test_nested_send_off_inside_sets(fake_clock: FakeClock) -> None:
    one_set = [run(duration_s=30.0, round_s=60.0, round_start=True), rest(30.0, round_s=60.0),
               run(duration_s=30.0, round_s=60.0, round_start=True), rest(30.0, round_s=60.0),
               rest(120.0)]
    session = started(plan(*one_set, *one_set), fake_clock)
    events = run_until(session, fake_clock, 500.0, every=1.0)
    assert at_of(events, EventKind.STEP_STARTED) == [
        3.0, 33.0, 63.0, 93.0, 123.0, 243.0, 273.0, 303.0, 333.0, 363.0]
    assert at_of(events, EventKind.WORKOUT_FINISHED) == [483.0]


def test_a_pause_inside_a_round_moves_the_send_off(fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(2, 150.0, 20.0)), fake_clock)
    fake_clock.set(50.0)
    session.pause()
    fake_clock.set(80.0)
    session.resume()
    fake_clock.set(133.0)
    split = session.lap()
    assert split is not None and split.split_s == 100.0
    events = run_until(session, fake_clock, 190.0)
    assert at_of(events, EventKind.STEP_STARTED, 3) == [183.0]  # 3 + 150 + 30 paused


def test_a_send_off_rest_can_be_extended_or_cut_short(fake_clock: FakeClock) -> None:
    session = started(plan(*_rounds(3, 150.0, None)), fake_clock)
    fake_clock.set(103.0)
    session.lap()
    fake_clock.set(110.0)
    assert session.extend(15.0) == 15.0
    events = run_until(session, fake_clock, 170.0)
    assert at_of(events, EventKind.STEP_STARTED, 3) == [168.0]  # round 2 starts late ...
    fake_clock.set(268.0)
    session.lap()
    fake_clock.set(280.0)
    session.skip()  # ... and the runner goes early on round 3: after a lead-in
    events = run_until(session, fake_clock, 300.0)
    assert at_of(events, EventKind.STEP_STARTED, 5) == [283.0]
