"""What the voice says, in words, as a runner or a coach at the track says it.

Times are said the way splits are called: a rep of up to 400 m in seconds while
under 100 s ("eighty-six four" for a 400 m in 86.4), anything longer as minutes
and seconds ("one twenty-six" for a 600 m in 1:26.0, "one oh five", "two
flat", "one forty" for a slow 400 m in 1:40.0). Tenths are said
after the seconds, and only when they are not zero; they are rounded as the
screen rounds them (`format_time`), so the voice never says a number the
screen does not show. Differences from the target are whole seconds from one
second on ("one second slow", "three seconds fast"), tenths below that ("four
tenths fast"), and "on target" when the rounded split is the target.

Pure functions over numbers and the plan's steps: no clock, no sound.
"""

from __future__ import annotations

from intervaltimer.engine.events import Split
from intervaltimer.engine.schedule import HALFWAY_MIN_STEP_S
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import PlannedStep

LAST_ONE = "last one"
SAMPLE = "eighty-six four, one second slow"  # what `intervaltimer sounds` says
SAY_AS_SECONDS_BELOW_S = 100.0  # 99.9 is "ninety-nine nine"; 100 is "one forty"
SAY_AS_SECONDS_UP_TO_M = 400.0  # a 400 is called in seconds, a 600 in minutes

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(number: int) -> str:
    """0..999 in words: 86 -> "eighty-six", 112 -> "one hundred twelve"."""
    if not 0 <= number <= 999:
        raise ValueError(f"{number} is outside 0..999")
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(number, 100)
    head = f"{_ONES[hundreds]} hundred"
    return head if not rest else f"{head} {number_words(rest)}"


def _two_digits(number: int) -> str:
    """The seconds after a minute: 0 -> "oh oh", 5 -> "oh five", 26 -> "twenty-six"."""
    if number == 0:
        return "oh oh"
    return f"oh {_ONES[number]}" if number < 10 else number_words(number)


def in_seconds(distance_m: float | None) -> bool:
    """Whether a rep of this distance is called in seconds (up to 400 m, or no distance)."""
    return distance_m is None or distance_m <= SAY_AS_SECONDS_UP_TO_M


def say_time(seconds: float, as_seconds: bool = True) -> str:
    """A time as a runner says it: 86.4 -> "eighty-six four"; 86.0 with `as_seconds`
    False (a longer rep) -> "one twenty-six"; 126 -> "two oh six" either way."""
    tenths_total = round(abs(seconds) * 10)  # as format_time rounds: never a number off-screen
    whole, tenth = divmod(tenths_total, 10)
    tail = f" {_ONES[tenth]}" if tenth else ""
    if whole < 60 or (as_seconds and whole < SAY_AS_SECONDS_BELOW_S):
        return number_words(whole) + tail
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        head = f"{number_words(hours)} hour{'s' if hours != 1 else ''}"
        if minutes or secs or tenth:
            head += f" {_two_digits(minutes)} {_two_digits(secs)}"
        return head + tail
    if secs == 0 and not tenth:
        return f"{number_words(minutes)} flat"
    return f"{number_words(minutes)} {_two_digits(secs)}{tail}"


def say_difference(split_s: float, target_s: float) -> str:
    """The split against its target: "one second slow", "four tenths fast", "on target"."""
    tenths = round(abs(split_s) * 10) - round(abs(target_s) * 10)
    if tenths == 0:
        return "on target"
    word = "slow" if tenths > 0 else "fast"
    size = abs(tenths)
    if size < 10:
        return f"{number_words(size)} tenth{'s' if size != 1 else ''} {word}"
    whole = (size + 5) // 10  # half a second rounds up: 1.5 s is "two seconds"
    return f"{number_words(min(whole, 999))} second{'s' if whole != 1 else ''} {word}"


def split_phrase(split: Split) -> str:
    """What is said after a lap: "eighty-six four, one second slow", or just the split
    ("skipped" for a rep skipped, which has none)."""
    if split.split_s is None:
        return "skipped"
    said = say_time(split.split_s, in_seconds(split.distance_m))
    if split.target_s is None:
        return said
    return f"{said}, {say_difference(split.split_s, split.target_s)}"


def go_phrase(step: PlannedStep) -> str | None:
    """At the start of a rep: "rep 3 of 8, target eighty-four"; None with nothing to say."""
    parts: list[str] = []
    if step.rep is not None and step.rep_count is not None and step.rep_count > 1:
        parts.append(f"rep {number_words(step.rep)} of {number_words(step.rep_count)}")
    if step.target_s is not None:
        parts.append(f"target {say_time(step.target_s, in_seconds(step.distance_m))}")
    return ", ".join(parts) or None


def seconds_left_phrase(seconds: int) -> str:
    """A rest's countdown: "thirty seconds", "ten seconds"."""
    return f"{number_words(seconds)} second{'s' if seconds != 1 else ''}"


def halfway_phrase(half_s: float, as_seconds: bool = True) -> str:
    """At half the rep's target or duration: "halfway, forty-two"."""
    return f"halfway, {say_time(half_s, as_seconds)}"


def is_last_rep(step: PlannedStep) -> bool:
    """The last rep of its repeat (a repeat of two or more): the one "last one" announces."""
    return (step.is_work and step.rep is not None and step.rep_count is not None
            and step.rep_count > 1 and step.rep == step.rep_count)


def rep_after(steps: tuple[PlannedStep, ...], after_index: int) -> PlannedStep | None:
    """The rep that comes after plan index `after_index` (1-based) with only rests between;
    None if something else (a cool-down) or nothing comes first."""
    for step in steps[after_index:]:
        if step.is_work:
            return step
        if step.kind is not StepKind.REST:
            return None
    return None


def halfway_s(step: PlannedStep) -> float | None:
    """Half the rep's target (or its duration), for a rep long enough to have a halfway."""
    if not step.is_work:
        return None
    whole = step.target_s if step.target_s is not None else step.duration_s
    if whole is None or whole < HALFWAY_MIN_STEP_S:
        return None
    return whole / 2
