"""A lap sounds the lap's short chirp where a rest, a send-off wait or a lead-in begins; the
clock's own step ends keep their cues, and a rep that starts at the lap keeps its GO."""

from __future__ import annotations

from intervaltimer.engine import Cue, EventKind
from tests.helpers.engine_helpers import exercise, of_kind, plan, rest, run, run_until, started
from tests.helpers.fakes import FakeClock


def _entries(events: list) -> list[tuple[str, int, Cue | None]]:  # type: ignore[type-arg]
    """(kind, step, cue) of each segment's start."""
    starts = (EventKind.STEP_STARTED, EventKind.LEAD_IN, EventKind.SEND_OFF_REST)
    return [(e.kind.value, e.step_index, e.cue) for e in events if e.kind in starts]


def test_a_lap_into_a_rest_chirps_and_a_rep_ending_on_the_clock_sounds_rest(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(duration_s=30.0), rest(60.0),
                           run(400.0)), fake_clock)
    fake_clock.set(70.0)
    session.lap()  # the 400 m at the line
    events = run_until(session, fake_clock, 300.0)
    assert _entries(events)[:5] == [
        ("lead_in", 1, None), ("step_started", 1, Cue.GO), ("step_started", 2, Cue.LAP),
        ("step_started", 3, Cue.GO), ("step_started", 4, Cue.REST),
    ]


def test_a_lap_into_a_lead_in_chirps_where_a_lead_in_is_otherwise_silent(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(200.0), exercise(reps=20)), fake_clock)
    events = session.poll()
    assert _entries(events) == [("lead_in", 1, None)]  # the start of the session: no chirp
    assert _entries(run_until(session, fake_clock, 40.0)) == [("step_started", 1, Cue.GO)]
    session.lap()
    events = run_until(session, fake_clock, 44.0)
    assert _entries(events) == [("lead_in", 2, Cue.LAP), ("step_started", 2, Cue.GO)]


def test_a_run_that_flows_on_from_a_lap_keeps_its_go(fake_clock: FakeClock) -> None:
    session = started(plan(run(300.0), run(100.0), rest(60.0)), fake_clock)
    fake_clock.set(50.0)
    session.lap()  # the 300 m flows into the 100 m kick: it starts now
    assert _entries(session.poll())[-1] == ("step_started", 2, Cue.GO)


def test_a_skip_is_not_a_lap_and_its_rest_sounds_rest(fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(20.0)
    assert session.skip()
    assert _entries(session.poll())[-1] == ("step_started", 2, Cue.REST)


def test_the_lapped_rest_is_not_sounded_again_when_it_changes_or_after_an_undo(
        fake_clock: FakeClock) -> None:
    session = started(plan(run(400.0), rest(60.0), run(400.0)), fake_clock)
    fake_clock.set(70.0)
    session.lap()
    fake_clock.set(75.0)
    assert session.extend(15.0) == 15.0
    fake_clock.set(80.0)
    assert session.undo_lap()
    fake_clock.set(85.0)
    session.lap()  # the lap again, 15 s later
    events = run_until(session, fake_clock, 100.0)
    entries = [(kind, step, cue) for kind, step, cue in _entries(events) if step == 2]
    assert entries == [("step_started", 2, Cue.LAP), ("step_started", 2, Cue.LAP)]
    assert [e.at for e in of_kind(events, EventKind.STEP_STARTED) if e.step_index == 2] == [
        70.0, 85.0]
