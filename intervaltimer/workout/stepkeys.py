"""What a step may say: its kinds and keys, the words runners use for them, example values,
limits, and the parsers of a repeat's count, an exercise's reps and a rest's activity.

`StepReader` in `steps` reads a workout's steps with these.
"""

from __future__ import annotations

import difflib
import re

from intervaltimer.workout.model import Activity
from intervaltimer.workout.units import UnitError

KINDS = ("warmup", "run", "rest", "exercise", "cooldown", "repeat")
COMMON_KEYS = ("note", "label")
KEYS: dict[str, tuple[str, ...]] = {
    "warmup": COMMON_KEYS,
    "cooldown": COMMON_KEYS,
    "run": ("pace", "target", "pacer", *COMMON_KEYS),
    "rest": ("activity", *COMMON_KEYS),
    "exercise": ("reps", "duration", *COMMON_KEYS),
    "repeat": ("steps", "every", "min_rest", "last", *COMMON_KEYS),
}
# Words runners use for a step kind, and the kind they mean.
KIND_HINTS = {
    "warm-up": "warmup", "warm_up": "warmup", "warm up": "warmup",
    "cool-down": "cooldown", "cool_down": "cooldown", "cool down": "cooldown",
    "recovery": "rest", "recover": "rest", "jog": "rest", "walk": "rest",
    "interval": "run", "rep": "run", "work": "run", "sprint": "run", "stride": "run",
    "sets": "repeat", "set": "repeat", "rounds": "repeat", "times": "repeat", "x": "repeat",
}
# An example value for each key, for "needs a value" messages.
EXAMPLES = {
    "warmup": "15min", "run": "400m", "rest": "60s", "cooldown": "10min", "repeat": "8",
    "pace": "mile", "target": "1:25", "pacer": "100m", "activity": "walk", "reps": "20",
    "duration": "45s", "every": "2:30", "min_rest": "20s", "lead_in": "5s",
}
MAX_REPEAT = 100
MAX_REPEAT_DEPTH = 8  # how deep a file's repeats may nest
MAX_REPS = 1000
MAX_LABEL = 60
MAX_NOTE = 500


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """"; did you mean X?" for a close choice, else ""."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def parse_count(text: str) -> int:
    """A repeat count: a whole number from 1 to 100."""
    if not re.fullmatch(r"\d{1,6}", text):
        raise UnitError(f"repeat {text!r} is not a count; write a whole number from 1 to "
                        f"{MAX_REPEAT}, e.g. `repeat: 8`")
    count = int(text)
    if not 1 <= count <= MAX_REPEAT:
        raise UnitError(f"repeat {count}: a repeat is 1 to {MAX_REPEAT} times")
    return count


def parse_reps(text: str) -> int:
    """An exercise's reps: a whole number from 1 to 1000."""
    if not re.fullmatch(r"\d{1,6}", text):
        raise UnitError(f"reps {text!r} is not a count; write a whole number, e.g. `reps: 20`")
    reps = int(text)
    if not 1 <= reps <= MAX_REPS:
        raise UnitError(f"reps {reps}: write 1 to {MAX_REPS}")
    return reps


def parse_activity(text: str) -> Activity:
    """A rest's activity: stand, walk or jog."""
    try:
        return Activity(text.lower())
    except ValueError:
        names = tuple(a.value for a in Activity)
        raise UnitError(f"activity {text!r} is not stand, walk or jog"
                        f"{did_you_mean(text, names)}") from None
