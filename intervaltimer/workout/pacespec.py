"""The one pace parser: named race and training paces, and explicit paces.

Named race paces: `800m`, `1500m`, `mile`, `3k`, `5k`, `10k`, `half`, `marathon`.
Named training paces (Daniels): `easy`, `threshold`, `interval`, `repetition`.
Explicit paces: `5:40/mi`, `3:30/km`, `85s/400m`, `1:25/400m`, `4min/km`.
`parse_pace` raises `UnitError` with a suggestion a runner can act on.
"""

from __future__ import annotations

import difflib
import re

from intervaltimer.workout.model import PaceSpec
from intervaltimer.workout.units import UnitError, parse_clock, parse_distance, parse_duration

RACE_DISTANCES_M: dict[str, float] = {
    "800m": 800.0,
    "1500m": 1500.0,
    "mile": 1609.344,
    "3k": 3000.0,
    "5k": 5000.0,
    "10k": 10000.0,
    "half": 21097.5,
    "marathon": 42195.0,
}

TRAINING_PACES: tuple[str, ...] = ("easy", "threshold", "interval", "repetition")

PACE_NAMES: tuple[str, ...] = (*RACE_DISTANCES_M, *TRAINING_PACES)

# Other spellings a runner writes for the same pace; every one is unambiguous.
PACE_ALIASES: dict[str, str] = {
    "800": "800m",
    "1500": "1500m",
    "mi": "mile",
    "3km": "3k",
    "5km": "5k",
    "10km": "10k",
    "hm": "half",
    "halfmarathon": "half",
    "half-marathon": "half",
    "half marathon": "half",
    "mara": "marathon",
    "e": "easy",
    "t": "threshold",
    "tempo": "threshold",
    "i": "interval",
    "r": "repetition",
    "rep": "repetition",
}

# Explicit paces faster than a sprint or slower than a stroll are typos.
FASTEST_S_PER_M = 0.08  # 8 s per 100 m: faster than any human
SLOWEST_S_PER_M = 1.2  # 20:00 per km: a walk

_PER = re.compile(r"\s*(?:/|\bper\b)\s*", re.IGNORECASE)
_CLOCK_WITH_MIN = re.compile(r"^(\d+:\d\d(?:\.\d+)?)\s*(?:min|mins)?$", re.IGNORECASE)
_UNIT_ONLY = re.compile(r"^[a-z]+$", re.IGNORECASE)

EXAMPLE = "try mile, 5k, threshold or 5:40/mi"


def _named(key: str) -> str | None:
    """The canonical pace name `key` stands for, or None."""
    folded = " ".join(key.lower().split())
    if folded in PACE_NAMES:
        return folded
    if folded in PACE_ALIASES:
        return PACE_ALIASES[folded]
    try:
        metres = parse_distance(folded)
    except UnitError:
        return None
    for name, race_m in RACE_DISTANCES_M.items():
        if abs(metres - race_m) < 1.0:
            return name
    return None


def _suggest(text: str) -> list[str]:
    """Close pace names for a misspelt one, best first."""
    folded = text.lower().strip()
    found = difflib.get_close_matches(folded, PACE_NAMES, n=3, cutoff=0.6)
    if found:
        return found
    long_aliases = [a for a in PACE_ALIASES if len(a) > 2]
    for match in difflib.get_close_matches(folded, long_aliases, n=3, cutoff=0.7):
        if PACE_ALIASES[match] not in found:
            found.append(PACE_ALIASES[match])
    return found


def _time_part(text: str, whole: str, per: str) -> float:
    """Seconds in the time half of an explicit pace (`5:40`, `85s`, `4min`)."""
    clock_min = _CLOCK_WITH_MIN.match(text)
    if clock_min is not None:
        seconds = parse_clock(clock_min.group(1))
        if seconds is not None:
            return seconds
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        raise UnitError(f'pace "{whole}" has a time with no unit; write {text}s/{per} '
                        f"for seconds or {text}min/{per} for minutes")
    try:
        return parse_duration(text)
    except UnitError as error:
        raise UnitError(f'pace "{whole}": {error}') from None


def _distance_part(text: str, whole: str) -> float:
    """Metres in the distance half of an explicit pace (`mi`, `km`, `400m`)."""
    written = text
    if _UNIT_ONLY.match(text):
        text = "1" + text
    if text.lower() in ("1k", "1 k"):
        return 1000.0
    try:
        return parse_distance(text)
    except UnitError:
        text = written
        raise UnitError(f'pace "{whole}" is per {text!r}, which is not a distance; '
                        "write it like 5:40/mi, 3:30/km or 85s/400m") from None


def _explicit(raw: str, time_text: str, distance_text: str) -> PaceSpec:
    """An explicit pace from its two halves, checked for being humanly possible."""
    seconds = _time_part(time_text.strip(), raw, distance_text.strip())
    metres = _distance_part(distance_text.strip(), raw)
    if seconds <= 0:
        raise UnitError(f'pace "{raw}" has no time; write it like 5:40/mi')
    s_per_m = seconds / metres
    if s_per_m < FASTEST_S_PER_M:
        raise UnitError(f'pace "{raw}" is faster than any runner ({seconds:g} s for '
                        f"{metres:g} m); check the time and the distance")
    if s_per_m > SLOWEST_S_PER_M:
        raise UnitError(f'pace "{raw}" is slower than walking ({seconds:g} s for '
                        f"{metres:g} m); check the time and the distance")
    return PaceSpec(text=raw, s_per_m=s_per_m)


def parse_pace(text: str) -> PaceSpec:
    """A pace from its text: a named pace (`mile`, `threshold`) or an explicit one (`5:40/mi`)."""
    raw = " ".join(text.split())
    if not raw:
        raise UnitError(f"a pace is empty; {EXAMPLE}")
    halves = _PER.split(raw)
    if len(halves) == 2 and halves[0] and halves[1]:
        return _explicit(raw, halves[0], halves[1])
    if len(halves) > 1:
        raise UnitError(f'pace "{raw}" is not a pace; write an explicit pace as TIME/DISTANCE, '
                        "e.g. 5:40/mi or 85s/400m")
    name = _named(raw)
    if name is not None:
        return PaceSpec(text=raw, name=name)
    if parse_clock(raw) is not None:
        raise UnitError(f'pace "{raw}" has no distance; write {raw}/mi or {raw}/km, '
                        f"or use `target: {raw}` for the rep's time")
    try:
        parse_distance(raw)
    except UnitError:
        suggestions = _suggest(raw)
        if suggestions:
            return _raise_suggest(raw, suggestions)
        raise UnitError(f'pace "{raw}" is not a pace; {EXAMPLE}') from None
    races = ", ".join(RACE_DISTANCES_M)
    raise UnitError(f'pace "{raw}" is not a race pace ({races}); for an explicit pace '
                    f"write a time per distance, e.g. 1:25/{raw.replace(' ', '')}")


def _raise_suggest(raw: str, suggestions: list[str]) -> PaceSpec:
    """Raise the "did you mean" error for a misspelt pace name."""
    if len(suggestions) == 1:
        raise UnitError(f'pace "{raw}" is not a pace; did you mean {suggestions[0]}?')
    head = ", ".join(suggestions[:-1])
    raise UnitError(f'pace "{raw}" is not a pace; did you mean {head} or {suggestions[-1]}?')
