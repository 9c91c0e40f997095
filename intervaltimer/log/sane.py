"""What a value in the log may be: the bounds that `import` enforces and reading code relies on.

A split is 0 to 24 hours, a distance 0 to 1000 km, an effort 0 to 10, an instant
between 1970 and 2100, a whole number within SQLite's 64-bit range, text valid
Unicode (no lone surrogates) of bounded length. Each check returns None when the
value is fine, else the reason, which names the value ("is 1e+308 s; a split is
0 to 24 hours"), so an import can say `path: reason` and a reader can mark the row.
"""

from __future__ import annotations

import math

MAX_SECONDS = 24 * 3600.0
MAX_DISTANCE_M = 1_000_000.0
MIN_INSTANT = 0.0                # 1970-01-01T00:00:00Z
MAX_INSTANT = 4_102_444_800.0    # 2100-01-01T00:00:00Z
SQLITE_MIN_INT = -(2**63)
SQLITE_MAX_INT = 2**63 - 1
MAX_REPS = 10_000                # a plan holds at most 10,000 steps
MAX_PACE_S_PER_M = 3600.0

# Longest text of each kind, in characters.
TEXT_LIMITS = {
    "workout": 200, "label": 200, "note": 10_000, "source": 1_048_576, "workout_path": 4096,
    "source_hash": 128, "status": 20, "pace": 40,
}


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf


def seconds_problem(value: object, what: str = "a split") -> str | None:
    """Why `value` is not a time of 0 to 24 hours in seconds, or None."""
    number = _number(value)
    if number is None or not math.isfinite(number) or not 0 <= number <= MAX_SECONDS:
        return f"is {_shown(value)}; {what} is 0 to {MAX_SECONDS:.0f} s (24 hours)"
    return None


def distance_problem(value: object) -> str | None:
    """Why `value` is not a distance of 0 to 1000 km in metres, or None."""
    number = _number(value)
    if number is None or not math.isfinite(number) or not 0 <= number <= MAX_DISTANCE_M:
        return f"is {_shown(value)}; a distance is 0 to {MAX_DISTANCE_M:.0f} m (1000 km)"
    return None


def instant_problem(value: object) -> str | None:
    """Why `value` (epoch seconds) is not an instant from 1970 to 2100, or None."""
    number = _number(value)
    if number is None or not math.isfinite(number) or not MIN_INSTANT <= number <= MAX_INSTANT:
        return f"is {_shown(value)}; an instant is between 1970 and 2100"
    return None


def whole_problem(value: object, low: int, high: int) -> str | None:
    """Why `value` is not a whole number from `low` to `high`, or None."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"is {_shown(value)}; it must be a whole number from {low} to {high}"
    return None


def text_problem(value: object, kind: str) -> str | None:
    """Why `value` is not valid text of at most the `kind`'s length, or None."""
    if not isinstance(value, str):
        return f"is {_shown(value)}, not text"
    limit = TEXT_LIMITS[kind]
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return (f"is not valid Unicode (a lone surrogate \\u{ord(value[error.start]):04x} "
                f"at character {error.start + 1})")
    return None


class HugeNumber(str):
    """A whole number written with more digits than any value of the log can have (JSON
    text keeps it as its digits, so that reading it costs nothing and the message can
    say how long it is)."""


def _shown(value: object) -> str:
    """A value for a message: short, whatever its size."""
    if isinstance(value, HugeNumber):
        return f"a {len(value.lstrip('-'))}-digit number"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        if value.bit_length() < 10_000:
            return f"a {len(str(abs(value)))}-digit number"
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
