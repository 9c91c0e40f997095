"""How much of a step: reading `45s`, `1:30`, `400m`, `1mi` or `lap` into an `Amount`.

Shared by the YAML loader and the quick syntax, so both say the same thing
about the same mistake. A few metres where minutes were surely meant
(`rest: 1m`, `warmup: 15m`) is an error that says so.
"""

from __future__ import annotations

import re

from intervaltimer.workout.model import Amount, StepKind
from intervaltimer.workout.units import UnitError, parse_distance, parse_duration

MAX_STEP_S = 24 * 3600.0
MAX_STEP_M = 100_000.0
# Below these many metres (written with a bare `m`), minutes were surely meant.
_SURELY_MINUTES_BELOW_M = {
    StepKind.WARMUP: 100.0,
    StepKind.COOLDOWN: 100.0,
    StepKind.REST: 11.0,
    StepKind.RUN: 10.0,
}
_BARE_METRES = re.compile(r"^(\d+(?:\.\d+)?)\s*m$", re.IGNORECASE)
_GENERIC_DURATION = "write it like 45s"


def _metres_for_minutes(text: str, metres: float, kind: StepKind) -> str | None:
    """The message when `text` (bare `m`) is too short to be metres for this kind of step."""
    match = _BARE_METRES.match(text)
    limit = _SURELY_MINUTES_BELOW_M.get(kind)
    if match is None or limit is None or metres >= limit:
        return None
    number = match.group(1)
    what = "one metre" if metres == 1 else f"{number} metres"
    return f"`{text}` is {what}; minutes are `min` (write {number}min)"


def parse_duration_amount(text: str) -> float:
    """Seconds of a timed step: more than zero and at most a day."""
    seconds = parse_duration(text)
    if seconds <= 0:
        raise UnitError(f"`{text}` is no time at all; give the step some time, e.g. 60s")
    if seconds > MAX_STEP_S:
        raise UnitError(f"`{text}` is longer than a day; is it right?")
    return seconds


def parse_amount(text: str, kind: StepKind) -> Amount:
    """The amount of a warmup, run, rest or cooldown: a duration, a distance or `lap`."""
    raw = " ".join(text.split())
    if raw.lower() == "lap":
        return Amount()
    try:
        metres = parse_distance(raw)
    except UnitError:
        pass
    else:
        typo = _metres_for_minutes(raw, metres, kind)
        if typo is not None:
            raise UnitError(typo)
        if metres > MAX_STEP_M:
            raise UnitError(f"`{raw}` is longer than 100 km; is it right?")
        return Amount(distance_m=metres)
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        raise UnitError(f"`{raw}` has no unit; write {raw}m for metres, or {raw}s or "
                        f"{raw}min for time")
    try:
        return Amount(duration_s=parse_duration_amount(raw))
    except UnitError as error:
        if _GENERIC_DURATION in str(error) or not raw:
            raise UnitError(f"`{raw}` is not a duration, a distance or lap; write it like "
                            "60s, 1:30, 400m or lap") from None
        raise
