"""The run screen's words: the split against its target, the clock, the progress line."""

from __future__ import annotations

from intervaltimer.engine.events import Progress, Split
from intervaltimer.engine.session import Session
from intervaltimer.ui.runtext import (
    clock_text,
    delta_text,
    effort_text,
    progress_line,
    scale_text,
    split_verdict,
    step_line,
)
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from tests.fakes import FakeClock
from tests.ui.runkit import profile


def split(split_s: float, target_s: float | None) -> Split:
    return Split(1, 1, "Rep 1/8 · 400 m @ mile", 400.0, target_s, split_s, 0.0, split_s)


def test_faster_and_on_target_are_good_news_slower_is_not() -> None:
    assert split_verdict(split(83.9, 84.5)) == "faster"
    assert split_verdict(split(84.9, 84.5)) == "on"  # within half a second
    assert split_verdict(split(85.2, 84.5)) == "slower"
    assert split_verdict(split(85.2, None)) == ""
    assert delta_text(split(85.2, 84.5)) == "+0.7"
    assert delta_text(split(83.0, 84.5)) == "-1.5"


def test_the_effort_words_are_fosters_cr10() -> None:
    assert effort_text(1) == "1 very, very easy"
    assert effort_text(7) == "7 very hard"
    assert effort_text(6) == "6"
    assert effort_text(10) == "10 maximal"
    assert scale_text().startswith("1 very, very easy · 2 easy · 3 moderate")


def test_the_clock_counts_down_timed_steps_and_up_open_ones() -> None:
    clock = FakeClock()
    plan = expand(resolve_workout("1x400m@mile/60s"), profile("mile=5:40"))
    session = Session(plan, clock)
    session.start()
    clock.advance(0.4)
    assert clock_text(session) == "0:03"  # lead-in: 2.6 s left, shown rounded up
    clock.advance(2.6 + 61.7)
    assert clock_text(session) == "1:01"  # the rep counts up, whole seconds
    assert step_line(session.current) == "Rep 1/1 · 400 m @ mile · target 1:24.5"
    session.lap()
    clock.advance(0.5)
    assert clock_text(session) == "1:00"  # 59.5 s of rest left


def test_the_progress_line() -> None:
    assert progress_line(Progress(4, 19, 600.0, 1800.0), 750.0, False) == \
        "step 5/19 · 12:30 left"
    assert progress_line(Progress(19, 19, 1800.0, 1800.0), 0.0, True) == "19/19 · done"
