"""The run screen's words: the split against its target, the clock, the progress line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from intervaltimer.engine.events import EventKind, Progress, Split
from intervaltimer.engine.session import Session
from intervaltimer.track.runtext import (
    clock_note,
    clock_text,
    delta_text,
    effort_text,
    progress_line,
    scale_text,
    short_sound,
    split_verdict,
    step_line,
    steps_left_s,
)
from intervaltimer.ui.widgets.effort_prompt import prompt_content
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import profile

WORKOUTS = Path(__file__).resolve().parents[2] / "workouts"


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


def test_the_time_left_counts_the_send_off_rounds() -> None:
    """`every: 2:30`: a round lasts 2:30 whatever the split, so the time left counts 2:30 a rep
    (as the plan's estimate does), not the reps' target times alone; after the last rep the
    cool-down follows at once, so the last round counts only its rep."""
    clock = FakeClock()
    plan = expand(resolve_workout(str(WORKOUTS / "every-2-30.yaml")), profile("mile=5:40"))
    session = Session(plan, clock)
    session.start()
    assert steps_left_s(session) == pytest.approx(plan.estimated_s)
    clock.advance(10.0)  # the lead-in: the warm-up starts
    session.skip()  # no warm-up today: the 10 s lead-in of rep 1
    cooldown_s = 600.0
    last_rep_s = plan.steps[-2].expected_s
    assert steps_left_s(session) == pytest.approx(10.0 + 7 * 150.0 + last_rep_s + cooldown_s)
    clock.advance(10.0 + 70.0)
    session.lap()  # a fast rep, 1:10: 1:20 of the round is left as rest
    clock.advance(0.5)
    assert session.waiting
    assert steps_left_s(session) == pytest.approx(80.0 + 6 * 150.0 + last_rep_s + cooldown_s)


def test_a_send_off_session_run_to_plan_takes_the_plans_estimate() -> None:
    """Each rep lapped at its expected time: the engine finishes when the estimate says
    (no send-off wait after the last round: the cool-down starts at the last lap)."""
    clock = FakeClock()
    plan = expand(resolve_workout(str(WORKOUTS / "every-2-30.yaml")), profile("mile=5:40"))
    session = Session(plan, clock)
    session.start()
    finished = []
    while not finished:
        step = session.current
        assert step is not None
        if step.is_work and not session.waiting:
            clock.advance(step.expected_s)
            session.lap()
        else:
            left = session.remaining_s()
            assert left is not None
            clock.advance(left)
        finished = [e for e in session.poll() if e.kind is EventKind.WORKOUT_FINISHED]
    assert finished[0].elapsed_s == pytest.approx(plan.estimated_s)


@pytest.mark.parametrize("name", sorted(path.name for path in WORKOUTS.glob("*.yaml")))
def test_the_time_left_at_the_start_is_the_plans_estimate(name: str) -> None:
    clock = FakeClock()
    plan = expand(resolve_workout(str(WORKOUTS / name)), profile("mile=5:40"))
    session = Session(plan, clock)
    session.start()
    assert steps_left_s(session) == pytest.approx(plan.estimated_s)


def test_the_scale_breaks_between_numbers_never_inside_their_words() -> None:
    first, second = scale_text(lines=2).split("\n")
    assert first == "1 very, very easy · 2 easy · 3 moderate · 4 somewhat hard"
    assert second == "· 5 hard · 7 very hard · 10 maximal"
    assert len(first) <= 60 - 3  # the prompt's border and padding in the narrowest full layout


def test_the_compact_effort_prompt_fits_40_columns_once_rated() -> None:
    rated = replace(split(84.0, 84.5), label="Rep 10/10 · 400 m @ mile", rpe=4)
    text = prompt_content(rated, compact=True).plain
    assert text == "Effort Rep 10/10: 4 somewhat hard"
    assert len(text) <= 40 - 2
    assert prompt_content(replace(rated, rpe=None), compact=True).plain == \
        "Effort Rep 10/10: ?  1-9, 0=10"


def test_a_compact_top_line_says_the_sound_in_a_word() -> None:
    assert short_sound("sound: on") == "sound on"
    assert short_sound("sound: terminal bell (no audio device: no sound card found)") == "bell"
    assert short_sound("sound: off (--no-sound)") == "no sound"
    assert short_sound("sound: muted") == "muted"


def test_a_rest_run_by_distance_ends_at_the_line() -> None:
    """A 400 m jog ends at the line; a walk back (`lap`) whenever the runner is ready."""
    for quick, step, note in (("2x800m@5k/400m", "Rest 400 m · jog", "space at the line"),
                              ("4x60m/lap", "Rest until lap", "space when ready")):
        clock = FakeClock()
        session = Session(expand(resolve_workout(quick), profile("mile=5:40")), clock)
        session.start()
        clock.advance(3.0 + 30.0)
        session.lap()
        assert step_line(session.current) == step
        assert clock_note(session, None) == note
