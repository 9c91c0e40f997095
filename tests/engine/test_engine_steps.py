"""Each kind of step on a fake clock: when it starts, which cues it gives, how it ends."""

from __future__ import annotations

import pytest

from intervaltimer.engine import Cue, EventKind, Phase, Session, State
from tests.helpers.engine_helpers import (
    at_of,
    cooldown,
    exercise,
    of_kind,
    plan,
    rest,
    run,
    run_until,
    started,
    timeline,
    warmup,
)
from tests.helpers.fakes import FakeClock


def test_workout_starts_with_a_three_second_lead_in_then_go(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0)), fake_clock)
    assert session.state is State.LEAD_IN and session.phase is Phase.LEAD_IN
    events = run_until(session, fake_clock, 5.0)
    assert timeline(events) == [
        ("lead_in", 0.0, 1),
        ("countdown", 0.0, 1),
        ("countdown", 1.0, 1),
        ("countdown", 2.0, 1),
        ("step_started", 3.0, 1),
    ]
    assert [e.count for e in of_kind(events, EventKind.COUNTDOWN)] == [3, 2, 1]
    assert {e.cue for e in of_kind(events, EventKind.COUNTDOWN)} == {Cue.TICK}
    assert events[-1].cue is Cue.GO
    assert session.state is State.RUNNING and session.phase is Phase.WORK
    assert session.elapsed_s() == 2.0


def test_lead_in_comes_from_the_plan_and_the_argument_overrides_it(
        fake_clock: FakeClock) -> None:
    five = started(plan(run(400.0), lead_in_s=5.0), fake_clock)
    events = run_until(five, fake_clock, 6.0)
    assert at_of(events, EventKind.COUNTDOWN) == [2.0, 3.0, 4.0]
    assert at_of(events, EventKind.STEP_STARTED) == [5.0]
    assert of_kind(events, EventKind.LEAD_IN)[0].seconds == 5.0

    clock = FakeClock(100.0)
    none = started(plan(run(400.0), lead_in_s=5.0), clock, lead_in_s=0)
    events = none.poll()
    assert timeline(events) == [("step_started", 100.0, 1)]
    assert none.state is State.RUNNING


def test_negative_lead_in_is_refused(fake_clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        Session(plan(run(400.0)), fake_clock, lead_in_s=-1)


def test_timed_warmup_counts_down_into_the_first_rep_without_a_lead_in(
        fake_clock: FakeClock) -> None:
    session = started(plan(warmup(600.0), run(400.0)), fake_clock)
    events = run_until(session, fake_clock, 604.0, every=1.0)
    assert at_of(events, EventKind.STEP_STARTED) == [3.0, 603.0]
    assert events[4].cue is Cue.GO  # the warm-up starts with GO too
    assert at_of(events, EventKind.TEN_SECONDS) == [593.0]
    assert at_of(events, EventKind.COUNTDOWN) == [0.0, 1.0, 2.0, 600.0, 601.0, 602.0]
    assert at_of(events, EventKind.STEP_FINISHED) == [603.0]
    assert of_kind(events, EventKind.HALFWAY) == []  # halfway is for reps
    assert of_kind(events, EventKind.LEAD_IN)[0].step_index == 1
    assert session.splits == ()  # a warm-up is not a rep


def test_timed_rep_gives_halfway_ten_seconds_and_a_split_of_its_length(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0, rep=1, rep_count=1), rest(30.0)), fake_clock)
    events = run_until(session, fake_clock, 70.0)
    assert at_of(events, EventKind.HALFWAY) == [33.0]
    assert of_kind(events, EventKind.HALFWAY)[0].cue is Cue.HALFWAY
    assert at_of(events, EventKind.TEN_SECONDS) == [53.0, 83.0][:1]
    finished = of_kind(events, EventKind.STEP_FINISHED)[0]
    assert finished.at == 63.0 and finished.elapsed_s == 60.0
    assert finished.split is not None
    assert finished.split.split_s == 60.0
    assert (finished.split.started_at, finished.split.ended_at) == (3.0, 63.0)
    rest_started = of_kind(events, EventKind.STEP_STARTED)[1]
    assert (rest_started.at, rest_started.cue, rest_started.seconds) == (63.0, Cue.REST, 30.0)
    assert session.phase is Phase.REST


@pytest.mark.parametrize(("seconds", "halfway", "ten"), [(20.0, 0, 1), (15.0, 0, 0), (30.0, 1, 1)])
def test_short_steps_skip_the_halfway_and_ten_second_cues(
        fake_clock: FakeClock, seconds: float, halfway: int, ten: int) -> None:
    session = started(plan(run(duration_s=seconds), rest(5.0)), fake_clock, lead_in_s=0)
    events = run_until(session, fake_clock, seconds + 1.0)
    assert len(of_kind(events, EventKind.HALFWAY)) == halfway
    assert len(of_kind(events, EventKind.TEN_SECONDS)) == ten


def test_distance_rep_counts_up_beeps_at_pacer_checkpoints_and_ends_on_lap(
        fake_clock: FakeClock) -> None:
    rep = run(400.0, target_s=80.0, pacer_m=100.0, rep=1, rep_count=8, label="Rep 1/8")
    session = started(plan(rep, rest(60.0)), fake_clock)
    events = run_until(session, fake_clock, 200.0)
    pacers = of_kind(events, EventKind.PACER)
    assert [(e.at, e.distance_m, e.cue) for e in pacers] == [
        (23.0, 100.0, Cue.PACER), (43.0, 200.0, Cue.PACER), (63.0, 300.0, Cue.PACER)]
    assert of_kind(events, EventKind.STEP_FINISHED) == []  # waits for the lap
    assert session.remaining_s() is None and session.elapsed_s() == 197.0
    fake_clock.set(84.5 + 120)
    split = session.lap()
    assert split is not None
    assert (split.split_s, split.distance_m, split.target_s, split.rep) == (201.5, 400.0, 80.0, 1)
    assert split.label == "Rep 1/8" and split.step_index == 1
    events = session.poll()
    assert [e.kind for e in events] == [EventKind.STEP_FINISHED, EventKind.STEP_STARTED]
    assert events[0].split == split and events[0].at == 204.5
    assert session.splits == (split,)


def test_open_rest_is_ended_by_lap_and_the_next_rep_gets_a_lead_in(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(60.0), rest(), run(60.0)), fake_clock, lead_in_s=3.0)
    fake_clock.set(13.0)
    session.lap()  # 60 m in 10 s
    run_until(session, fake_clock, 80.0)
    assert session.phase is Phase.REST and session.remaining_s() is None
    session.lap()  # back at the line
    events = run_until(session, fake_clock, 85.0)
    assert timeline(events) == [
        ("step_finished", 80.0, 2),
        ("lead_in", 80.0, 3),
        ("countdown", 80.0, 3),
        ("countdown", 81.0, 3),
        ("countdown", 82.0, 3),
        ("step_started", 83.0, 3),
        ("split_updated", 83.0, 1),
    ]
    assert session.splits[0].rest_s == 70.0  # from 13 s to the GO at 83 s


def test_rest_on_time_ticks_3_2_1_and_the_rep_goes_at_its_end(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(45.0), run(200.0)), fake_clock)
    fake_clock.set(40.0)
    session.lap()
    events = run_until(session, fake_clock, 90.0)
    assert at_of(events, EventKind.STEP_STARTED) == [3.0, 40.0, 85.0]
    assert at_of(events, EventKind.TEN_SECONDS) == [75.0]
    assert at_of(events, EventKind.COUNTDOWN) == [0.0, 1.0, 2.0, 82.0, 83.0, 84.0]
    assert at_of(events, EventKind.LEAD_IN) == [0.0]  # only the start's
    assert of_kind(events, EventKind.STEP_STARTED)[2].cue is Cue.GO
    assert session.splits[0].rest_s == 45.0


def test_exercise_counted_in_reps_ends_on_lap_and_a_timed_one_on_time(
        fake_clock: FakeClock) -> None:
    session = started(plan(exercise(reps=20), exercise(duration_s=45.0)), fake_clock)
    run_until(session, fake_clock, 30.0)
    assert session.state is State.RUNNING and session.remaining_s() is None
    first = session.lap()
    assert first is not None and first.split_s == 27.0
    events = run_until(session, fake_clock, 200.0)
    # a lap-ended step is followed by a lead-in before the next exercise
    assert at_of(events, EventKind.STEP_STARTED) == [33.0]
    assert at_of(events, EventKind.STEP_FINISHED) == [30.0, 78.0]
    assert [s.split_s for s in session.splits] == [27.0, 45.0]
    assert session.state is State.FINISHED


def test_cooldown_and_finish(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=30.0), cooldown(600.0)), fake_clock)
    events = run_until(session, fake_clock, 700.0, every=7.0)
    cool = of_kind(events, EventKind.STEP_STARTED)[1]
    assert (cool.at, cool.cue) == (33.0, Cue.GO)
    finish = events[-1]
    assert (finish.kind, finish.at, finish.cue) == (EventKind.WORKOUT_FINISHED, 633.0, Cue.FINISH)
    assert finish.elapsed_s == 633.0
    assert len(of_kind(events, EventKind.WORKOUT_FINISHED)) == 1
    assert session.state is State.FINISHED and session.phase is Phase.FINISHED
    assert session.current is None and session.next_deadline() is None
    assert session.progress.steps_done == 2 and session.progress.fraction == 1.0
    assert session.splits[0].rest_s is None  # straight into the cool-down: no rest
    assert session.poll() == []


def test_nested_repeats_run_in_order_on_their_planned_instants(fake_clock: FakeClock) -> None:
    # repeat 2: [repeat 2: [run 30s, rest 15s], rest lap] -- as expand() flattens it
    inner = [run(duration_s=30.0), rest(15.0)]
    steps = [*inner, *inner, rest(), *inner, *inner, rest()]
    session = started(plan(*steps), fake_clock)
    events = run_until(session, fake_clock, 100.0)
    assert at_of(events, EventKind.STEP_STARTED) == [3.0, 33.0, 48.0, 78.0, 93.0]
    assert session.current is not None and session.current.index == 5
    session.lap()  # open rest ends at 100: lead-in 3 s, GO at 103
    events = run_until(session, fake_clock, 200.0)
    assert at_of(events, EventKind.STEP_STARTED) == [103.0, 133.0, 148.0, 178.0, 193.0]
    assert [e.step_index for e in of_kind(events, EventKind.STEP_STARTED)] == [6, 7, 8, 9, 10]
    assert len(session.splits) == 4
    fake_clock.set(210.0)
    session.lap()
    assert session.state is State.FINISHED


def test_polling_late_gives_the_same_events_as_polling_often() -> None:
    steps = (warmup(120.0), run(duration_s=60.0, rep=1), rest(30.0), run(duration_s=60.0, rep=2),
             rest(30.0), cooldown(90.0))
    often_clock, late_clock = FakeClock(0.0), FakeClock(0.0)
    often = started(plan(*steps), often_clock)
    late = started(plan(*steps), late_clock)
    often_events = run_until(often, often_clock, 1000.0, every=0.1)
    late_clock.set(1000.0)
    late_events = late.poll()
    assert late_events == often_events
    assert [e.at for e in late_events] == sorted(e.at for e in late_events)
    assert late.poll() == []


def test_next_deadline_is_the_next_event_or_the_next_visible_second(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0), rest(60.0)), fake_clock, lead_in_s=0)
    fake_clock.set(10.3)
    session.poll()
    assert session.next_event_at() == 30.0  # halfway
    assert session.next_tick_at() == 11.0  # 49.7 s left shows 50 until 49 left
    assert session.next_deadline() == 11.0
    fake_clock.set(11.0)
    assert session.next_tick_at() == 12.0
    assert session.remaining_s() == 49.0
    session.pause()
    assert session.next_deadline() is None
    session.resume()
    fake_clock.set(60.0)
    session.poll()
    assert session.next_event_at() == 60.0 + 50.0  # the rest's ten seconds, at 110


def test_the_displayed_second_changes_exactly_at_next_tick_at(fake_clock: FakeClock) -> None:
    session = started(plan(rest(10.0), run(400.0)), fake_clock, lead_in_s=0)
    fake_clock.set(0.3)
    assert session.display_s() == 10  # 9.7 s left
    tick = session.next_tick_at()
    assert tick == 1.0
    fake_clock.set(0.999)
    assert session.display_s() == 10
    fake_clock.set(tick)
    assert session.display_s() == 9


def test_open_steps_tick_on_whole_seconds_of_elapsed_time(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0)), fake_clock, lead_in_s=2.0)
    fake_clock.set(4.75)
    session.poll()
    assert session.elapsed_s() == 2.75 and session.display_s() == 2
    assert session.next_tick_at() == 5.0
    assert session.next_event_at() is None  # nothing else is due until the lap


def test_progress_counts_steps_done_and_running_time(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=30.0), rest(30.0), run(200.0)), fake_clock)
    assert session.progress.steps_done == 0
    run_until(session, fake_clock, 40.0)
    progress = session.progress
    assert (progress.steps_done, progress.steps_total, progress.elapsed_s) == (1, 3, 40.0)
    assert progress.estimated_s == 1000.0
    assert session.next_step is not None and session.next_step.index == 3
    assert session.last_split is not None and session.last_split.step_index == 1


def test_a_session_cannot_start_twice_or_outside_the_plan(fake_clock: FakeClock) -> None:
    session = Session(plan(run(200.0), rest(60.0)), fake_clock)
    with pytest.raises(ValueError):
        session.start(3)
    session.start()
    with pytest.raises(RuntimeError):
        session.start()


def test_start_at_a_later_step_resumes_there(fake_clock: FakeClock) -> None:
    the_plan = plan(run(200.0), rest(60.0), run(200.0), rest(60.0))
    at_rest = started(the_plan, fake_clock, at_step=2)
    assert timeline(at_rest.poll()) == [("step_started", 0.0, 2)]  # no lead-in into a rest
    at_rep = started(the_plan, FakeClock(50.0), at_step=3)
    assert at_rep.state is State.LEAD_IN
    assert at_rep.current is not None and at_rep.current.index == 3
    assert at_rep.progress.steps_done == 2
