"""A race result as written: its distance (`mile`, `5k`, `1200m`) and time (`5:40`), checked.

`parse_race("mile=5:40")` reads a `--race` flag; `make_race(distance, time)` the
profile screen's two fields. Each raises `UnitError` saying what is wrong: a
distance too short to predict from, a time faster than the world record or
slower than walking (with "did you mean 3:11:00?" for a marathon of `3:11`).
"""

from __future__ import annotations

from intervaltimer.workout.paces import Race
from intervaltimer.workout.pacespec import RACE_DISTANCES_M, TRAINING_PACES, parse_pace
from intervaltimer.workout.units import UnitError, format_distance, parse_distance, parse_duration

MIN_RACE_M = 400.0
# Quicker than the world records: 400 m 43.03 s (9.3 m/s), 800 m 1:40.91 (7.9 m/s).
FASTEST_M_PER_S = 8.0
FASTEST_SHORT_M_PER_S = 9.5  # under 800 m
SLOWEST_M_PER_S = 0.5  # 33 min per km: slower than a walk
RACE_EXAMPLE = "e.g. mile=5:40, 5k=20:00 or marathon=3:11:17"


def parse_race_distance(text: str) -> tuple[str, float]:
    """(name, metres) of a race distance: `mile`, `5k`, `5km`, `half`, `1200m`, `2mi`."""
    raw = " ".join(text.split())
    if not raw:
        raise UnitError(f"a race needs a distance; {RACE_EXAMPLE}")
    try:
        name = parse_pace(raw).name
    except UnitError:
        name = None
    if name in TRAINING_PACES:
        raise UnitError(f"{raw!r} is a training pace, not a race; {RACE_EXAMPLE}")
    if name is not None and name in RACE_DISTANCES_M:
        return name, RACE_DISTANCES_M[name]
    try:
        metres = parse_distance(raw)
    except UnitError:
        races = ", ".join(RACE_DISTANCES_M)
        raise UnitError(f"{raw!r} is not a race distance; use {races} or a distance "
                        "such as 1200m") from None
    for race_name, race_m in RACE_DISTANCES_M.items():
        if abs(metres - race_m) < 1.0:
            return race_name, race_m
    if metres < MIN_RACE_M:
        raise UnitError(f"a {raw} race is too short to predict paces from; "
                        f"give a race of {MIN_RACE_M:g} m or more")
    return format_distance(metres).replace(" ", ""), metres


def parse_race_time(text: str, name: str, distance_m: float) -> float:
    """Seconds of a race time (`5:40`, `20:00`, `3:11:17`), checked against what runners can do."""
    raw = text.strip()
    try:
        time_s = parse_duration(raw)
    except UnitError as error:
        raise UnitError(f"{name} time: {error}") from None
    if time_s <= 0:
        raise UnitError(f"{name} time {raw!r} must be more than zero")
    speed = distance_m / time_s
    if speed > (FASTEST_M_PER_S if distance_m >= 800.0 else FASTEST_SHORT_M_PER_S):
        hint = ""
        if raw.count(":") == 1 and distance_m >= 10000:
            hint = f"; did you mean {raw}:00 (hours:minutes:seconds)?"
        raise UnitError(f"a {raw} {name} is faster than the world record{hint}")
    if speed < SLOWEST_M_PER_S:
        raise UnitError(f"a {raw} {name} is slower than walking; check the time")
    return time_s


def make_race(distance_text: str, time_text: str) -> Race:
    """A race from its distance and time texts; raises `UnitError` saying what is wrong."""
    name, metres = parse_race_distance(distance_text)
    return Race(name, metres, parse_race_time(time_text, name, metres))


def parse_race(text: str) -> Race:
    """A race from a `--race` value: `mile=5:40`, `5k=20:00`, `marathon=3:11:17`, `1200m=3:50`."""
    raw = text.strip()
    if raw.count("=") != 1:
        raise UnitError(f"race {raw!r} is not DIST=TIME; {RACE_EXAMPLE}")
    distance_text, time_text = raw.split("=")
    if not time_text.strip():
        raise UnitError(f"race {raw!r} has no time; {RACE_EXAMPLE}")
    return make_race(distance_text, time_text)
