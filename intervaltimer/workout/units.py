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
    rf"({_NUMBER})\s*(h|hr|hrs|hours?|min|mins|minutes?|s|sec|secs|seconds?)", re.IGNORECASE
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


def _unit_seconds(unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("h"):
        return 3600.0
    if unit.startswith("m"):
        return 60.0
    return 1.0


def parse_clock(text: str) -> float | None:
    """`1:30` -> 90.0, `1:02:30` -> 3750.0, `1:24.5` -> 84.5; None if not clock form."""
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    first, second, third, fraction = match.groups()
    if third is None:
        seconds = int(first) * 60 + int(second)
    else:
        seconds = int(first) * 3600 + int(second) * 60 + int(third)
    return seconds + (float(fraction) if fraction else 0.0)


def parse_duration(text: str) -> float:
    """Seconds in a duration such as `45s`, `15min`, `1min30s`, `1:30` or `1:02:30`."""
    raw = text.strip()
    if not raw:
        raise UnitError("a duration is empty; write it like 60s, 15min or 1:30")
    clock = parse_clock(raw)
    if clock is not None:
        return clock
    compact = raw.replace(" ", "")
    position = 0
    total = 0.0
    for match in _DURATION_PART.finditer(compact):
        if match.start() != position:
            break
        total += float(match.group(1)) * _unit_seconds(match.group(2))
        position = match.end()
    if position == len(compact) and position > 0:
        if not math.isfinite(total):
            raise UnitError(f"duration {raw!r} is too long")
        return total
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
    match = _DISTANCE.match(raw)
    if match is None:
        if re.fullmatch(_NUMBER, raw):
            raise UnitError(f"distance {raw!r} has no unit; write {raw}m")
        raise UnitError(f"{raw!r} is not a distance; write it like 400m, 1.5km or 1mi")
    value = float(match.group(1)) * _DISTANCE_UNITS[match.group(2).lower()]
    if value <= 0:
        raise UnitError(f"distance {raw!r} must be more than zero")
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


def format_distance(metres: float) -> str:
    """`400` -> `400 m`, `1500` -> `1500 m`, `5000` -> `5 km`, `1609.344` -> `1 mi`."""
    if abs(metres - METRES_PER_MILE * round(metres / METRES_PER_MILE)) < 0.5 and metres > 1000:
        miles = round(metres / METRES_PER_MILE)
        return f"{miles} mi"
    if metres >= 2000 and metres % 100 == 0:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"
