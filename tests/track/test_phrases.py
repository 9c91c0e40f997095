"""What the voice says: the voice specification's own examples, and the screen's rounding kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervaltimer.engine.events import Split
from intervaltimer.track.phrases import (
    SAMPLE,
    go_phrase,
    halfway_phrase,
    halfway_s,
    is_last_rep,
    number_words,
    rep_after,
    say_difference,
    say_time,
    seconds_left_phrase,
    split_phrase,
)
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.units import format_time, parse_duration


def split(split_s: float, target_s: float | None, distance_m: float = 400.0) -> Split:
    return Split(step_index=2, rep=1, label="Rep 1/8", distance_m=distance_m, target_s=target_s,
                 split_s=split_s, started_at=0.0, ended_at=split_s)


def test_the_worked_examples() -> None:
    """The voice's worked examples: "eighty-six four, one second slow"; "one twenty-six";
    "rep 3 of 8, target eighty-four"; "last one"."""
    assert split_phrase(split(86.4, 85.4)) == "eighty-six four, one second slow"
    assert split_phrase(split(86.0, None, 600.0)) == "one twenty-six"
    plan = expand(resolve_workout("8x400m@84s/400m/60s"), None)
    third = [step for step in plan.steps if step.is_work][2]
    assert go_phrase(third) == "rep three of eight, target eighty-four"
    assert [is_last_rep(step) for step in plan.steps if step.is_work] == [False] * 7 + [True]
    assert SAMPLE == split_phrase(split(86.4, 85.4))


@pytest.mark.parametrize(("seconds", "said"), [
    (0.0, "zero"),
    (7.2, "seven two"),
    (13.0, "thirteen"),
    (40.06, "forty one"),  # rounds as the screen does: 40.1
    (40.05, "forty"),  # 40.0 on the screen
    (59.96, "sixty"),
    (99.9, "ninety-nine nine"),
    (100.0, "one forty"),
    (65.0, "sixty-five"),
    (125.0, "two oh five"),
    (120.0, "two flat"),
    (120.4, "two oh oh four"),
    (272.3, "four thirty-two three"),
    (3600.0, "one hour"),
    (3725.0, "one hour oh two oh five"),
])
def test_times_as_a_runner_calls_them(seconds: float, said: str) -> None:
    assert say_time(seconds) == said


@pytest.mark.parametrize(("seconds", "said"), [
    (86.0, "one twenty-six"), (59.5, "fifty-nine five"), (60.0, "one flat"),
    (65.2, "one oh five two"),
])
def test_longer_reps_are_called_in_minutes(seconds: float, said: str) -> None:
    assert say_time(seconds, as_seconds=False) == said


@pytest.mark.parametrize(("split_s", "target_s", "said"), [
    (84.0, 84.0, "on target"),
    (84.04, 84.0, "on target"),
    (84.4, 84.0, "four tenths slow"),
    (83.9, 84.0, "one tenth fast"),
    (85.0, 84.0, "one second slow"),
    (85.4, 84.0, "one second slow"),
    (85.5, 84.0, "two seconds slow"),  # half a second rounds up
    (80.0, 84.0, "four seconds fast"),
])
def test_differences(split_s: float, target_s: float, said: str) -> None:
    assert say_difference(split_s, target_s) == said


def test_other_phrases() -> None:
    assert seconds_left_phrase(30) == "thirty seconds"
    assert seconds_left_phrase(1) == "one second"
    assert halfway_phrase(42.26) == "halfway, forty-two three"
    assert number_words(112) == "one hundred twelve"
    with pytest.raises(ValueError):
        number_words(1000)
    plan = expand(resolve_workout("1x400m/60s"), None)
    rep = next(step for step in plan.steps if step.is_work)
    assert go_phrase(rep) is None  # one rep, no target: nothing to say at GO
    assert go_phrase(replace(rep, target_s=90.0)) == "target ninety"
    assert not is_last_rep(rep)  # a single rep is not announced as "last one"


@given(st.floats(min_value=0.0, max_value=3599.0, allow_nan=False))
def test_the_voice_says_the_number_the_screen_shows(seconds: float) -> None:
    shown = format_time(seconds)
    read_back = parse_duration(shown if ":" in shown else f"{shown}s")
    for as_seconds in (True, False):
        assert say_time(seconds, as_seconds) == say_time(read_back, as_seconds)


def test_the_rep_after_a_step_and_the_halfway_of_a_rep() -> None:
    plan = expand(resolve_workout("3x400m@84s/400m/60s"), None)
    steps = plan.steps
    kinds = [step.kind.value for step in steps]
    first_rest = kinds.index("rest") + 1  # plan indexes are 1-based
    following = rep_after(steps, first_rest)
    assert following is not None and following.rep == 2
    assert rep_after(steps, len(steps)) is None  # nothing after the end
    rep = next(step for step in steps if step.is_work)
    assert halfway_s(rep) == 42.0
    assert halfway_s(steps[first_rest - 1]) is None  # a rest has no halfway
    short = expand(resolve_workout("4x100m@84s/400m/60s"), None)
    assert halfway_s(next(s for s in short.steps if s.is_work)) is None  # 21 s: too short
