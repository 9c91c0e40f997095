"""Skips taken back one at a time: `u` walks back through a run of skips until a rep ends."""

from __future__ import annotations

from intervaltimer.engine import EventKind, Phase, State
from tests.helpers.engine_helpers import at_of, of_kind, plan, rest, run, run_until, started
from tests.helpers.fakes import FakeClock


def test_a_rest_then_a_lead_in_skipped_come_back_one_at_a_time(fake_clock: FakeClock) -> None:
    # lead-in 0..3, a 60 s rep 3..63 that ends on time, a 90 s rest 63..153
    session = started(plan(run(duration_s=60.0), rest(90.0), run(400.0), rest(90.0),
                           run(400.0)), fake_clock)
    run_until(session, fake_clock, 70.0)
    session.skip()  # the rest: rep 2's lead-in 70..73
    fake_clock.set(71.0)
    session.skip()  # rep 2 in its lead-in: a skipped rep, then the second rest
    assert [(s.step_index, s.skipped) for s in session.splits] == [(1, False), (3, True)]
    fake_clock.set(80.0)
    session.poll()
    assert session.undo_lap() is True  # the lead-in's skip: rep 2 counted in again
    assert session.state is State.LEAD_IN and len(session.splits) == 1
    assert session.can_undo
    assert session.undo_lap() is True  # the rest's skip: the rest with the time it had left
    assert session.phase is Phase.REST and session.current is not None
    assert session.current.index == 2 and session.remaining_s() == 73.0
    undone = of_kind(session.poll(), EventKind.LAP_UNDONE)
    assert [(e.step_index, e.split is not None) for e in undone] == [(3, True), (2, False)]
    assert not session.can_undo and session.undo_lap() is False  # rep 1 ended on its clock
    events = run_until(session, fake_clock, 154.0)
    assert at_of(events, EventKind.STEP_STARTED, 3) == [153.0]


def test_a_rep_then_its_rest_skipped_come_back_one_at_a_time(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(90.0), run(400.0)), fake_clock)
    fake_clock.set(10.0)
    session.skip()  # rep 1, run from 3: the rest 10..100
    fake_clock.set(20.0)
    session.skip()  # the rest: rep 2's lead-in 20..23
    fake_clock.set(21.0)
    assert session.undo_lap() is True
    assert session.phase is Phase.REST and session.remaining_s() == 79.0
    assert session.undo_lap() is True  # the skipped rep is a rep again, its clock intact
    assert session.phase is Phase.WORK and session.splits == ()
    assert session.elapsed_s() == 18.0
    fake_clock.set(70.0)
    split = session.lap()
    assert split is not None and split.split_s == 67.0 and not split.skipped
    fake_clock.set(80.0)
    session.skip()  # the rest after the lap
    assert session.undo_lap() is True and session.phase is Phase.REST
    assert session.undo_lap() is True and session.phase is Phase.WORK  # the lap, as ever
    assert session.splits == ()
    fake_clock.set(90.0)
    session.lap()  # rep 1 ends again: nothing before it comes back
    assert session.undo_lap() is True and session.undo_lap() is False


def test_a_skip_survives_the_lap_of_an_open_rest_after_it(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(), run(400.0)), fake_clock)
    fake_clock.set(10.0)
    session.skip()  # rep 1: the open rest from 10
    fake_clock.set(30.0)
    session.lap()  # walked back: rep 2's lead-in 30..33
    fake_clock.set(31.0)
    assert session.undo_lap() is True
    assert session.phase is Phase.REST and session.elapsed_s() == 21.0
    assert session.undo_lap() is True  # and the skipped rep still comes back
    assert session.phase is Phase.WORK and session.splits == ()
    assert session.current is not None and session.current.index == 1


def test_a_skipped_rep_comes_back_with_a_new_lead_in_after_its_rest_ran_out(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(30.0), run(400.0), rest(90.0), run(400.0)),
                      fake_clock)
    fake_clock.set(10.0)
    session.skip()  # rep 1: the rest 10..40
    fake_clock.set(20.0)
    session.skip()  # the rest: rep 2's lead-in 20..23
    fake_clock.set(21.0)
    session.skip()  # rep 2 in its lead-in: the second rest 21..111
    fake_clock.set(30.0)
    assert session.undo_lap() is True and session.state is State.LEAD_IN
    assert session.undo_lap() is True and session.remaining_s() == 10.0
    events = run_until(session, fake_clock, 45.0)  # the rest runs out: rep 2 from 40
    assert at_of(events, EventKind.STEP_STARTED, 3) == [40.0]
    # Rep 2 has not ended: rep 1's skip still comes back, counted in afresh (the runner
    # is no longer in it, so not on its old clock).
    assert session.can_undo is True and session.undo_lap() is True
    assert session.state is State.LEAD_IN and session.splits == ()
    assert session.current is not None and session.current.index == 1
    events = run_until(session, fake_clock, 49.0)
    assert at_of(events, EventKind.STEP_STARTED, 1) == [48.0]


def test_a_rep_skipped_in_get_ready_comes_back_during_the_next_rep(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(30.0), run(400.0), rest(30.0), run(400.0)),
                      fake_clock)
    fake_clock.set(1.0)
    session.skip()  # GET READY of rep 1, then s: the rest 1..31, rep 2 from 31
    events = run_until(session, fake_clock, 40.0)
    assert at_of(events, EventKind.STEP_STARTED, 3) == [31.0]
    assert session.can_undo and session.undo_lap() is True  # rep 1 back, counted in again
    assert session.current is not None and session.current.index == 1
    assert session.splits == ()
    events = run_until(session, fake_clock, 44.0)
    assert at_of(events, EventKind.STEP_STARTED, 1) == [43.0]
    fake_clock.set(100.0)
    session.lap()  # rep 1 run: the walk back ends here
    fake_clock.set(110.0)
    session.skip()  # its rest
    run_until(session, fake_clock, 200.0)
    fake_clock.set(201.0)
    session.lap()  # rep 2 ends: u takes back that lap, never the skip before it
    assert session.undo_lap() is True and session.undo_lap() is False


def test_a_skip_behind_a_lapped_rep_is_gone(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(30.0), run(400.0), rest(30.0), run(400.0)),
                      fake_clock)
    fake_clock.set(1.0)
    session.skip()  # rep 1 in GET READY
    run_until(session, fake_clock, 40.0)  # the rest ran out: rep 2 from 31
    fake_clock.set(100.0)
    session.lap()  # rep 2 ends
    assert session.undo_lap() is True  # the lap
    assert session.current is not None and session.current.index == 3
    assert session.undo_lap() is False and not session.can_undo
