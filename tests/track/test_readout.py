"""What the run screen shows, read from the engine: the big numbers, the pacer's next
checkpoint, the LAST REP banner, which reps ask for effort, and lines that shorten whole."""

from __future__ import annotations

from intervaltimer.engine.events import Split
from intervaltimer.engine.session import Session
from intervaltimer.track.readout import (
    Card,
    asks_effort,
    due_text,
    label_variants,
    read_out,
)
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.plan import expand
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import profile

PACED = """\
name: 2 x 400
lead_in: 3s
steps:
  - repeat: 2
    steps:
      - run: 400m
        pace: mile
        pacer: 100m
      - rest: 60s
  - run: 80m
    label: stride
"""


def session_of(text: str, clock: FakeClock) -> Session:
    plan = expand(parse_workout(text, "paced.yaml"), profile("mile=5:40"))
    session = Session(plan, clock)
    session.start()
    return session


def test_a_line_shortens_by_whole_parts() -> None:
    assert label_variants("Rep 3/8 · 400 m @ mile · target 1:24.5") == (
        "Rep 3/8 · 400 m @ mile · target 1:24.5", "Rep 3/8 · target 1:24.5",
        "Rep 3/8 · 400 m @ mile", "Rep 3/8")
    assert label_variants("Rest 60 s · stand") == ("Rest 60 s · stand", "Rest 60 s")


def test_a_due_time_reads_as_the_clock_does() -> None:
    assert due_text(21.125) == "0:21.1"
    assert due_text(63.375) == "1:03.4"


def test_in_a_rep_the_target_and_the_pacers_next_checkpoint(fake_clock: FakeClock) -> None:
    """Mile pace 5:40: 400 m in 1:24.5, a checkpoint every 21.1 s."""
    session = session_of(PACED, fake_clock)
    fake_clock.advance(3.0 + 10.0)
    readout = read_out(session)
    assert readout.cards == (Card("target", "target", "1:24.5"),
                             Card("pacer", "100 m due", "0:21.1"))
    assert readout.clock_note == ("100 m · due 0:21.1 · space at the line",
                                  "100 m · due 0:21.1")
    fake_clock.advance(12.0)  # past 100 m: the next checkpoint
    assert read_out(session).cards[1] == Card("pacer", "200 m due", "0:42.3")
    fake_clock.advance(50.0)  # past 300 m: the finish is next
    assert read_out(session).cards[1] == Card("pacer", "400 m due", "1:24.5")
    assert not read_out(session).last_rep and read_out(session).phase_word == "RUN"


def test_in_a_rest_the_split_its_difference_and_the_next_target(
        fake_clock: FakeClock) -> None:
    session = session_of(PACED, fake_clock)
    fake_clock.advance(3.0 + 87.0)
    session.lap()  # 1:27.0, 2.5 s slow
    readout = read_out(session)
    assert readout.cards == (
        Card("last", "last · Rep 1/2", "1:27.0"),
        Card("delta", "slower", "+2.5", "slower"),
        Card("next", "next · LAST REP", "1:24.5"))
    assert readout.next[0] == "Next: LAST REP · Rep 2/2 · 400 m @ mile · target 1:24.5"
    assert readout.effort_split is not None and readout.asking


def test_the_last_rep_is_a_banner(fake_clock: FakeClock) -> None:
    session = session_of(PACED, fake_clock)
    fake_clock.advance(3.0 + 84.0)
    session.lap()
    fake_clock.advance(60.0 + 5.0)
    readout = read_out(session)
    assert readout.last_rep and readout.phase_word == "LAST REP"
    session.pause()
    assert read_out(session).phase_word == "PAUSED"  # plain, on the laptop and the phone


def test_a_rep_run_by_feel_asks_no_effort_unless_the_profile_says_so() -> None:
    stride = Split(5, None, "Stride 80 m", 80.0, None, 14.0, 0.0, 14.0)
    paced = Split(2, 1, "Rep 1/8 · 400 m @ mile", 400.0, 84.5, 85.0, 0.0, 85.0)
    assert asks_effort(paced) and not asks_effort(stride)
    assert asks_effort(stride, ask_unpaced=True)
