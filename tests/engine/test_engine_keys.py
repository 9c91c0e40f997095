"""The runner's other keys on a fake clock: pause, resume, skip, extend, effort, leaving."""

from __future__ import annotations

import pytest

from intervaltimer.engine import Cue, EventKind, Phase, Session, State
from tests.helpers.engine_helpers import (
    at_of,
    cooldown,
    of_kind,
    plan,
    rest,
    run,
    run_until,
    started,
    timeline,
)
from tests.helpers.fakes import FakeClock

# ---- pause and resume ----------------------------------------------------------


def test_pause_inside_the_lead_in_shifts_the_countdown_and_the_go(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0)), fake_clock)
    run_until(session, fake_clock, 1.5)
    assert session.pause() is True
    assert session.state is State.PAUSED and session.phase is Phase.LEAD_IN
    assert session.pause() is False
    fake_clock.set(10.0)
    assert session.remaining_s() == 1.5
    assert [e.kind for e in session.poll()] == [EventKind.PAUSED]
    assert session.next_deadline() is None
    fake_clock.set(20.0)
    assert session.resume() is True
    events = run_until(session, fake_clock, 23.0)
    assert timeline(events) == [
        ("resumed", 20.0, 1), ("countdown", 20.5, 1), ("step_started", 21.5, 1)]
    assert events[0].seconds == 18.5


def test_pause_shifts_the_rest_of_a_timed_step(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0), rest(20.0)), fake_clock, lead_in_s=0)
    fake_clock.set(20.0)
    session.pause()
    fake_clock.set(50.0)
    assert session.elapsed_s() == 20.0 and session.remaining_s() == 40.0
    session.resume()
    events = run_until(session, fake_clock, 100.0)
    assert at_of(events, EventKind.HALFWAY) == [60.0]
    assert at_of(events, EventKind.TEN_SECONDS) == [80.0, 100.0]
    assert at_of(events, EventKind.STEP_FINISHED) == [90.0]
    split = session.splits[0]
    assert (split.split_s, split.started_at, split.ended_at) == (60.0, 0.0, 90.0)
    assert session.progress.elapsed_s == 70.0  # 100 s on the clock, 30 s of it paused


def test_a_pause_is_not_counted_in_the_split(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0)), fake_clock)
    fake_clock.set(10.0)
    session.pause()
    fake_clock.set(30.0)
    session.resume()
    fake_clock.set(50.0)
    split = session.lap()
    assert split is not None and split.split_s == 27.0


def test_resume_and_pause_only_when_they_make_sense(fake_clock: FakeClock) -> None:
    session = Session(plan(run(200.0)), fake_clock)
    assert session.pause() is False and session.resume() is False
    session.start()
    assert session.resume() is False


# ---- skip --------------------------------------------------------------------


def test_a_skipped_rep_is_a_rep_with_no_split(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(10.0)
    assert session.skip() is True
    events = session.poll()
    skipped = of_kind(events, EventKind.SKIPPED)
    assert [(e.at, e.step_index, e.elapsed_s) for e in skipped] == [(10.0, 1, 7.0)]
    assert of_kind(events, EventKind.STEP_FINISHED) == []
    [split] = session.splits
    assert (split.step_index, split.split_s, split.skipped) == (1, None, True)
    assert (split.started_at, split.ended_at, split.rest_s) == (3.0, 10.0, None)
    assert skipped[0].split == split
    assert session.phase is Phase.REST and at_of(events, EventKind.STEP_STARTED) == [3.0, 10.0]


def test_a_skipped_rep_comes_back_with_undo_its_clock_intact(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(10.0)
    session.skip()
    fake_clock.set(12.0)
    assert session.can_undo is True
    assert session.undo_lap() is True
    events = session.poll()
    assert of_kind(events, EventKind.LAP_UNDONE)[0].split is not None
    assert session.splits == () and session.phase is Phase.WORK
    fake_clock.set(70.0)
    split = session.lap()
    assert split is not None and split.split_s == 67.0 and not split.skipped


def test_a_rep_skipped_in_its_lead_in_is_a_skipped_rep(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(1.5)
    session.skip()
    assert [(s.step_index, s.skipped) for s in session.splits] == [(1, True)]


def test_skipping_a_rest_brings_the_rep_after_a_lead_in(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(90.0), run(200.0)), fake_clock)
    fake_clock.set(30.0)
    session.lap()
    fake_clock.set(40.0)
    session.skip()
    events = run_until(session, fake_clock, 45.0)
    assert timeline(events)[-7:] == [
        ("skipped", 40.0, 2), ("lead_in", 40.0, 3), ("countdown", 40.0, 3),
        ("countdown", 41.0, 3), ("countdown", 42.0, 3), ("step_started", 43.0, 3),
        ("split_updated", 43.0, 1)]
    assert session.splits[0].rest_s == 13.0


def test_a_rep_skipped_in_its_lead_in_comes_back_with_undo_and_a_new_lead_in(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(1.5)
    session.skip()  # GET READY, then s: the rep would be gone with no way back
    fake_clock.set(20.0)
    assert session.can_undo and session.undo_lap() is True
    assert session.splits == () and session.state is State.LEAD_IN
    events = run_until(session, fake_clock, 24.0)
    assert at_of(events, EventKind.STEP_STARTED, 1) == [23.0]
    assert [e.split for e in of_kind(events, EventKind.LAP_UNDONE)][0] is not None


def test_a_rest_skipped_comes_back_with_undo_until_the_next_rep_ends(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(90.0), run(200.0), rest(90.0), run(200.0),
                           rest(90.0)), fake_clock)
    fake_clock.set(30.0)
    session.lap()
    fake_clock.set(40.0)
    session.skip()  # 80 s of rest cut
    fake_clock.set(50.0)  # the next rep has begun (GO at 43)
    assert session.phase is Phase.WORK and session.splits[0].rest_s == 13.0
    assert session.undo_lap() is True
    assert session.phase is Phase.REST and session.remaining_s() == 70.0
    assert session.splits[0].rest_s is None
    run_until(session, fake_clock, 121.0)
    assert session.splits[0].rest_s == 90.0  # the rest actually taken
    fake_clock.set(150.0)
    session.lap()
    fake_clock.set(160.0)
    session.skip()  # the second rest
    fake_clock.set(200.0)
    session.lap()  # the next rep ends: the skip can no longer be taken back
    assert session.undo_lap() is True  # u now takes back that lap, not the skip
    assert session.current is not None and session.current.index == 5
    assert session.phase is Phase.WORK and len(session.splits) == 2


def test_skip_during_the_lead_in_skips_the_rep_about_to_start(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(1.5)
    session.skip()
    events = run_until(session, fake_clock, 5.0)
    assert timeline(events)[-2:] == [("skipped", 1.5, 1), ("step_started", 1.5, 2)]
    assert at_of(events, EventKind.STEP_STARTED, 1) == []


def test_skip_of_the_last_step_finishes_the_workout(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(120.0)), fake_clock)
    fake_clock.set(30.0)
    session.lap()
    fake_clock.set(50.0)
    session.skip()
    events = session.poll()
    assert timeline(events)[-3:] == [
        ("skipped", 50.0, 2), ("split_updated", 50.0, 1), ("workout_finished", 50.0, 2)]
    assert events[-1].cue is Cue.FINISH
    assert session.state is State.FINISHED
    assert session.splits[0].rest_s == 20.0
    assert session.skip() is False and session.poll() == []


def test_skip_during_a_pause_moves_on_and_stays_paused(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0), rest(30.0), run(duration_s=60.0)),
                      fake_clock, lead_in_s=0)
    fake_clock.set(10.0)
    session.pause()
    fake_clock.set(15.0)
    session.skip()
    assert session.state is State.PAUSED and session.phase is Phase.REST
    assert session.elapsed_s() == 0.0 and session.remaining_s() == 30.0
    events = session.poll()
    assert [e.kind for e in events][-2:] == [EventKind.PAUSED, EventKind.SKIPPED]
    fake_clock.set(25.0)
    session.resume()
    events = run_until(session, fake_clock, 60.0)
    assert timeline(events)[:2] == [("resumed", 25.0, 2), ("step_started", 25.0, 2)]
    assert at_of(events, EventKind.STEP_STARTED) == [25.0, 55.0]


def test_skip_before_the_start_does_nothing(fake_clock: FakeClock) -> None:
    session = Session(plan(run(200.0)), fake_clock)
    assert session.skip() is False
    assert session.lap() is None and session.undo_lap() is False
    assert session.extend(15.0) is None
    assert session.poll() == [] and session.state is State.READY
    assert session.next_deadline() is None and session.current is None


# ---- extend ------------------------------------------------------------------


def _rest_from_23(clock: FakeClock) -> Session:
    session = started(plan(run(200.0), rest(60.0), run(200.0)), clock)
    clock.set(23.0)
    session.lap()  # rest 23..83
    return session


def test_extend_moves_the_end_of_the_rest_and_its_cues(fake_clock: FakeClock) -> None:
    session = _rest_from_23(fake_clock)
    fake_clock.set(30.0)
    assert session.extend(15.0) == 15.0
    events = run_until(session, fake_clock, 100.0)
    assert [(e.kind, e.seconds) for e in events if e.kind is EventKind.EXTENDED] == [
        (EventKind.EXTENDED, 15.0)]
    assert at_of(events, EventKind.TEN_SECONDS) == [88.0]
    assert at_of(events, EventKind.COUNTDOWN, 2) == [95.0, 96.0, 97.0]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [98.0]


def test_shortening_the_rest_never_goes_below_now(fake_clock: FakeClock) -> None:
    session = _rest_from_23(fake_clock)
    fake_clock.set(30.0)
    assert session.extend(-15.0) == -15.0
    events = run_until(session, fake_clock, 70.0)
    assert at_of(events, EventKind.COUNTDOWN, 2) == [65.0, 66.0, 67.0]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [68.0]



def test_shortening_a_rest_before_a_rep_keeps_its_countdown(fake_clock: FakeClock) -> None:
    """`-` with little rest left must not start the rep cold: the 3-2-1 stays, as the
    lead-in stays when the rest is skipped."""
    session = _rest_from_23(fake_clock)
    fake_clock.set(30.0)
    assert session.extend(-100.0) == -50.0  # to 33: three seconds for the 3-2-1
    events = run_until(session, fake_clock, 40.0)
    assert [(e.at, e.count) for e in of_kind(events, EventKind.COUNTDOWN)
            if e.step_index == 2] == [(30.0, 3), (31.0, 2), (32.0, 1)]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [33.0]

    clock = FakeClock(0.0)
    session = _rest_from_23(clock)
    clock.set(81.5)  # 1.5 s left, two ticks gone: `-` changes nothing
    session.poll()
    assert session.extend(-15.0) == 0.0
    events = run_until(session, clock, 90.0)
    assert [e.count for e in of_kind(events, EventKind.COUNTDOWN) if e.step_index == 2] == [1]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [83.0]


def test_a_rest_before_the_cool_down_can_be_cut_to_now(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(60.0), cooldown(60.0)), fake_clock)
    fake_clock.set(23.0)
    session.lap()
    fake_clock.set(30.0)
    assert session.extend(-100.0) == -53.0  # no rep follows: no count to keep
    assert at_of(session.poll(), EventKind.STEP_STARTED)[-1] == 30.0


def test_extend_during_the_countdown_moves_the_countdown_too(fake_clock: FakeClock) -> None:
    session = _rest_from_23(fake_clock)
    events = run_until(session, fake_clock, 81.5)  # ticks 3 and 2 have sounded
    session.extend(15.0)
    events += run_until(session, fake_clock, 100.0)
    countdown = of_kind(events, EventKind.COUNTDOWN)
    assert [(e.at, e.count) for e in countdown if e.step_index == 2] == [
        (80.0, 3), (81.0, 2), (95.0, 3), (96.0, 2), (97.0, 1)]
    assert at_of(events, EventKind.STEP_STARTED, 3) == [98.0]
    assert at_of(events, EventKind.TEN_SECONDS) == [73.0, 88.0]


def test_extend_the_lead_in_and_while_paused(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0)), fake_clock)
    fake_clock.set(1.5)
    assert session.extend(15.0) == 15.0
    events = run_until(session, fake_clock, 20.0)
    assert at_of(events, EventKind.COUNTDOWN) == [0.0, 1.0, 15.0, 16.0, 17.0]
    assert at_of(events, EventKind.STEP_STARTED) == [18.0]

    clock = FakeClock(0.0)
    session = _rest_from_23(clock)
    clock.set(30.0)
    session.pause()
    clock.set(40.0)
    session.extend(15.0)
    clock.set(50.0)
    session.resume()
    events = run_until(session, clock, 120.0)
    assert at_of(events, EventKind.STEP_STARTED)[-1] == 118.0  # 83 + 15 + 20 paused


def test_a_rep_or_an_open_step_cannot_be_extended(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=60.0), rest(), run(200.0)), fake_clock, lead_in_s=0)
    fake_clock.set(10.0)
    assert session.extend(15.0) is None
    fake_clock.set(70.0)
    session.poll()
    assert session.phase is Phase.REST and session.extend(15.0) is None
    assert of_kind(session.poll(), EventKind.EXTENDED) == []


# ---- effort ------------------------------------------------------------------


def test_effort_for_the_rep_just_run_is_changeable_until_the_next_rep_ends(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0, rep=1), rest(60.0), run(200.0, rep=2), rest(60.0)),
                      fake_clock)
    with pytest.raises(ValueError):
        session.rate(1, 5)
    assert session.rate_last(5) is None
    fake_clock.set(33.0)
    session.lap()
    session.poll()
    rated = session.rate(1, 7)
    assert rated.rpe == 7 and session.splits[0].rpe == 7
    events = session.poll()
    assert [(e.kind, e.split) for e in events] == [(EventKind.SPLIT_UPDATED, rated)]
    run_until(session, fake_clock, 100.0)  # rep 2 runs from 93
    assert session.rate(1, 6).rpe == 6
    fake_clock.set(123.0)
    session.lap()
    with pytest.raises(ValueError, match="no longer"):
        session.rate(1, 5)
    last = session.rate_last(4)
    assert last is not None and last.step_index == 3
    assert [s.rpe for s in session.splits] == [6, 4]


@pytest.mark.parametrize("rpe", [-1, 11, 7.5, True])
def test_effort_outside_0_to_10_is_refused(fake_clock: FakeClock, rpe: object) -> None:
    session = started(plan(run(200.0), rest(60.0)), fake_clock)
    fake_clock.set(30.0)
    session.lap()
    with pytest.raises(ValueError):
        session.rate(1, rpe)  # type: ignore[arg-type]
    assert session.rate(1, 0).rpe == 0
    assert session.rate(1, 10).rpe == 10


# ---- leaving -----------------------------------------------------------------


def test_leaving_in_a_rest_records_the_rest_taken_so_far(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(60.0), run(200.0), rest(60.0)), fake_clock)
    assert session.record_rest_so_far() is None  # no rep yet
    fake_clock.set(33.0)
    session.lap()
    session.poll()
    fake_clock.set(45.5)
    split = session.record_rest_so_far()
    assert split is not None and split.rest_s == 12.5 and session.splits[0].rest_s == 12.5
    assert [(e.kind, e.split) for e in session.poll()] == [(EventKind.SPLIT_UPDATED, split)]
    assert session.record_rest_so_far() is None  # recorded once


def test_leaving_while_paused_in_a_rest_counts_it_to_the_pause(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(60.0), run(200.0)), fake_clock)
    fake_clock.set(33.0)
    session.lap()
    fake_clock.set(40.0)
    session.pause()
    fake_clock.set(400.0)
    split = session.record_rest_so_far()
    assert split is not None and split.rest_s == 7.0


def test_leaving_in_a_rep_changes_no_rest(fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), rest(10.0), run(200.0)), fake_clock)
    fake_clock.set(33.0)
    session.lap()
    run_until(session, fake_clock, 50.0)  # the rest is over at 43: rep 2 runs
    assert session.splits[0].rest_s == 10.0
    assert session.record_rest_so_far() is None
    assert session.splits[0].rest_s == 10.0
