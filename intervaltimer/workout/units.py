"""The one place that reads and writes durations and distances.

Durations: `45s`, `90 s`, `15min`, `1h`, `1min30s`, `1:30`, `1:02:30`, `1:24.5`.
Distances: `400m`, `400 m`, `1km`, `1.5km`, `1mi`, `1 mile`. `m` is always metres.
Parsers raise `UnitError` with a message a runner can act on.
"""

from __future__ import annotations

import math
import re

METRES_PER_MILE = 1609.344


class UnitError(ValueError):
    """A duration or distance that cannot be read; the message says how to fix it."""


_NUMBER = r"\d+(?:\.\d+)?"
_DURATION_PART = re.compile(
    rf"({_NUMBER})\s*(hours?|hrs|hr|h|minutes?|mins|min|seconds?|secs|sec|s)(?![a-z])",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?(\.\d+)?$")
_DISTANCE = re.compile(
    rf"^({_NUMBER})\s*(m|metres?|meters?|km|kilometres?|kilometers?|mi|miles?)$", re.IGNORECASE
)
_DISTANCE_UNITS = {
    "m": 1.0, "metre": 1.0, "metres": 1.0, "meter": 1.0, "meters": 1.0,
    "km": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0,
    "kilometer": 1000.0, "kilometers": 1000.0,
    "mi": METRES_PER_MILE, "mile": METRES_PER_MILE, "miles": METRES_PER_MILE,
}


MAX_TEXT = 64  # no real duration or distance is written longer than this


def _shown(raw: str) -> str:
    """The text as quoted in a message, cut short if it is long."""
    return raw if len(raw) <= 40 else raw[:37] + "..."


def _unit_seconds(unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("h"):
        return 3600.0
    if unit.startswith("m"):
        return 60.0
    return 1.0


def parse_clock(text: str) -> float | None:
    """`1:30` -> 90.0, `1:02:30` -> 3750.0, `1:24.5` -> 84.5; None if not clock form."""
    raw = text.strip()
    if len(raw) > MAX_TEXT:
        return None
    match = _CLOCK.match(raw)
    if match is None:
        return None
    first, second, third, fraction = match.groups()
    if third is None:
        seconds = int(first) * 60 + int(second)
    else:
        seconds = int(first) * 3600 + int(second) * 60 + int(third)
    return float(seconds) + (float(fraction) if fraction else 0.0)


def _clock_problem(raw: str) -> str | None:
    """What is wrong with something written like a clock (`1:60`, `1:5`), or None."""
    match = re.fullmatch(r"(\d+):(\d+)(?::(\d+))?(\.\d+)?", raw)
    if match is None:
        return None
    parts = [p for p in match.groups()[1:3] if p is not None]
    if any(len(p) != 2 for p in parts):
        return f"{raw!r} is not a duration; write minutes and seconds with two digits, like 1:05"
    return f"{raw!r} is not a duration; seconds and minutes go up to 59, e.g. 1:59 or 2:00"


def _duration_parts(compact: str) -> list[tuple[float, float]] | None:
    """(number, seconds per unit) of each part of `1h5min30s`-style text, or None."""
    position = 0
    parts: list[tuple[float, float]] = []
    for match in _DURATION_PART.finditer(compact):
        if match.start() != position:
            return None
        parts.append((float(match.group(1)), _unit_seconds(match.group(2))))
        position = match.end()
    if position != len(compact) or not parts:
        return None
    return parts


def parse_duration(text: str) -> float:
    """Seconds in a duration such as `45s`, `15min`, `1min30s`, `1:30` or `1:02:30`."""
    raw = text.strip()
    if not raw:
        raise UnitError("a duration is empty; write it like 60s, 15min or 1:30")
    if len(raw) > MAX_TEXT:
        raise UnitError(f"duration {_shown(raw)!r} is too long; write it like 45s or 15min")
    clock = parse_clock(raw)
    if clock is not None:
        return clock
    parts = _duration_parts(raw.replace(" ", ""))
    if parts is not None:
        units = [unit for _, unit in parts]
        if units != sorted(set(units), reverse=True):
            raise UnitError(f"{raw!r} is not a duration; write hours, then minutes, then "
                            "seconds, each once, e.g. 1h5min or 1min30s")
        total = sum(value * unit for value, unit in parts)
        if not math.isfinite(total) or total > 1e9:
            raise UnitError(f"duration {raw!r} is too long")
        return total
    problem = _clock_problem(raw)
    if problem is not None:
        raise UnitError(problem)
    metres_minutes = re.fullmatch(rf"({_NUMBER})\s*m\s*({_NUMBER})\s*s", raw, re.IGNORECASE)
    if metres_minutes is not None:
        minutes, seconds = metres_minutes.groups()
        raise UnitError(f"`{raw}`: `m` is metres; minutes are `min`, e.g. {minutes}min{seconds}s")
    if _DISTANCE.match(raw):
        if re.fullmatch(rf"{_NUMBER}\s*m", raw, re.IGNORECASE):
            raise UnitError(f"`{raw}` is metres, not a duration; minutes are `min`, e.g. "
                            f"{raw[:-1].strip()}min")
        raise UnitError(f"`{raw}` is a distance, not a duration; write it like 60s or 1:30")
    if re.fullmatch(_NUMBER, raw):
        raise UnitError(f"duration {raw!r} has no unit; write {raw}s or {raw}min")
    raise UnitError(f"{raw!r} is not a duration; write it like 45s, 15min, 1min30s or 1:30")


def parse_distance(text: str) -> float:
    """Metres in a distance such as `400m`, `1.5km`, `1mi` or `1 mile`."""
    raw = text.strip()
    if len(raw) > MAX_TEXT:
        raise UnitError(f"distance {_shown(raw)!r} is too long; write it like 400m or 1.5km")
    match = _DISTANCE.match(raw)
    if match is None:
        if re.fullmatch(_NUMBER, raw):
            raise UnitError(f"distance {raw!r} has no unit; write {raw}m")
        raise UnitError(f"{raw!r} is not a distance; write it like 400m, 1.5km or 1mi")
    value = float(match.group(1)) * _DISTANCE_UNITS[match.group(2).lower()]
    if value <= 0:
        raise UnitError(f"distance {raw!r} must be more than zero")
    if not math.isfinite(value) or value > 1e9:
        raise UnitError(f"distance {raw!r} is too long")
    return value


def format_time(seconds: float, decimals: int = 1) -> str:
    """`84.5` -> `1:24.5`; `3750` -> `1:02:30.0`; `9.25` -> `9.2`. Negative gets a minus."""
    sign = "-" if seconds < 0 else ""
    scale = 10**decimals
    total = round(abs(seconds) * scale) / scale
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    width = 3 + decimals if decimals else 2
    sec_text = f"{secs:0{width}.{decimals}f}"
    if hours:
        return f"{sign}{int(hours)}:{int(minutes):02d}:{sec_text}"
    if minutes:
        return f"{sign}{int(minutes)}:{sec_text}"
    return f"{sign}{secs:.{decimals}f}"


def format_clock(seconds: float) -> str:
    """Whole-second clock for the big digits: `65` -> `1:05`, `3750` -> `1:02:30`."""
    sign = "-" if seconds < 0 else ""
    total = int(math.ceil(abs(seconds) - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def format_delta(seconds: float, decimals: int = 1) -> str:
    """A difference from target with its sign: `+1.2`, `-0.4`, `+1:02.0`."""
    sign = "+" if seconds >= 0 else "-"
    return sign + format_time(abs(seconds), decimals)


def format_signed(value: float, decimals: int, unit: str = "") -> str:
    """A number with its sign, never `-0.00`: `+1.01 s`, `-0.20`, `+4.60 %`."""
    text = f"{round(value, decimals):+.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = "+" + text[1:]
    return text + unit


def rounded(value: float | None, digits: int = 3) -> float | None:
    """`value` rounded for a JSON document (None stays None): the one rounding of the outputs."""
    return None if value is None else round(float(value), digits)


def format_distance(metres: float) -> str:
    """`400` -> `400 m`, `1500` -> `1500 m`, `5000` -> `5 km`, `1609.344` -> `1 mi`."""
    if abs(metres - METRES_PER_MILE * round(metres / METRES_PER_MILE)) < 0.5 and metres > 1000:
        miles = round(metres / METRES_PER_MILE)
        return f"{miles} mi"
    if metres >= 2000 and metres % 100 == 0:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"


SKIPPED_WORD = "skipped"


def format_split(seconds: float | None) -> str:
    """A rep's split as `format_time` gives it, or `skipped` for a rep skipped (no split)."""
    return SKIPPED_WORD if seconds is None else format_time(seconds)
