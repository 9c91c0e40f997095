"""Paces from race results: Riegel's race equivalence and Daniels' VDOT training paces.

Race paces (`800m` ... `marathon`) come from the runner's result nearest in
distance (nearest by ratio, so a mile is nearer a 3k than a 10k is), scaled by
Riegel's formula T2 = T1 * (D2 / D1) ** 1.06. A result at that very distance
is used as it is. Riegel holds for efforts of about 3.5 to 230 minutes; a pace
whose source or predicted time lies outside that is still given, marked as an
estimate.

Training paces (`easy`, `threshold`, `interval`, `repetition`) come from the
highest VDOT among the results, by Daniels and Gilbert's equations:

    oxygen cost  VO2(v) = -4.60 + 0.182258 v + 0.000104 v^2     (v in m/min)
    fraction     F(t)   = 0.8 + 0.1894393 e^(-0.012778 t)
                              + 0.2989558 e^(-0.1932605 t)       (t in minutes)
    VDOT = VO2(d / t) / F(t)

A training pace is the speed whose oxygen cost is a fraction of VDOT:
easy 66.5 % (the middle of Daniels' 59-74 % range), threshold 88 %,
interval 98 % (his 95-100 %, where the published table sits). Repetition pace
is interval pace less 6 s per 400 m, as Daniels' table has it. With these the
published table is met within a second per 400 m (VDOT 40, 50, 60; see the
tests). VDOT counts only results from 1500 m to the marathon; with none in that
range the nearest result is used and the training paces are marked estimates,
as they are for a VDOT outside 30-85, the span of Daniels' table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intervaltimer.workout.model import PaceSpec
from intervaltimer.workout.pacespec import RACE_DISTANCES_M, TRAINING_PACES
from intervaltimer.workout.units import format_time

if TYPE_CHECKING:
    from intervaltimer.workout.profile import Profile

RIEGEL_EXPONENT = 1.06
RIEGEL_MIN_S = 3.5 * 60.0
RIEGEL_MAX_S = 230.0 * 60.0

VDOT_MIN_M = 1500.0
VDOT_MAX_M = 42195.0
VDOT_TABLE_MIN = 30.0
VDOT_TABLE_MAX = 85.0

# Fraction of VDOT (oxygen uptake) each training pace is run at.
TRAINING_FRACTIONS: dict[str, float] = {"easy": 0.665, "threshold": 0.88, "interval": 0.98}
# Repetition pace: this much faster per 400 m than interval pace.
REPETITION_GAIN_S_PER_400M = 6.0

_SAME_DISTANCE_M = 0.5


@dataclass(frozen=True)
class Race:
    """A race result: its name (`mile`, `5k`, `1200m`), distance and time."""

    name: str
    distance_m: float
    time_s: float

    @property
    def s_per_m(self) -> float:
        """The race's average pace in seconds per metre."""
        return self.time_s / self.distance_m

    def __str__(self) -> str:
        return f"{self.name} {format_race_time(self.time_s)}"


@dataclass(frozen=True)
class ResolvedPace:
    """A pace ready to use: seconds per metre, whether it is an estimate, and where it came from.

    `basis` reads like "5k 20:00", "Riegel from 5k 20:00", "VDOT 49.8 from 5k 20:00"
    or "explicit".
    """

    name: str
    s_per_m: float
    estimate: bool
    basis: str


def format_race_time(time_s: float) -> str:
    """A race time as runners write it: `5:40`, `20:00`, `3:11:17`, `4:05.3`."""
    decimals = 0 if abs(time_s - round(time_s)) < 0.05 else 1
    return format_time(time_s, decimals)


def riegel(time_s: float, from_m: float, to_m: float, exponent: float = RIEGEL_EXPONENT) -> float:
    """The time for `to_m` equivalent to `time_s` over `from_m`: T2 = T1 * (D2 / D1) ** exponent."""
    if time_s <= 0 or from_m <= 0 or to_m <= 0:
        raise ValueError("riegel needs a positive time and distances")
    return float(time_s * (to_m / from_m) ** exponent)


def oxygen_cost(speed_m_per_min: float) -> float:
    """Daniels and Gilbert's oxygen cost of running at a speed, in ml/kg/min."""
    v = speed_m_per_min
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def fraction_sustained(minutes: float) -> float:
    """The fraction of VO2max a runner can hold for a race lasting `minutes`."""
    return (0.8 + 0.1894393 * math.exp(-0.012778 * minutes)
            + 0.2989558 * math.exp(-0.1932605 * minutes))


def vdot(time_s: float, distance_m: float) -> float:
    """Daniels' VDOT of a race: oxygen cost of its speed over the fraction held for its time."""
    if time_s <= 0 or distance_m <= 0:
        raise ValueError("vdot needs a positive time and distance")
    minutes = time_s / 60.0
    return oxygen_cost(distance_m / minutes) / fraction_sustained(minutes)


def speed_at(vo2: float) -> float:
    """The speed in m/min whose oxygen cost is `vo2` (inverse of `oxygen_cost`)."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    return (-b + math.sqrt(b * b - 4.0 * a * c)) / (2.0 * a)


def race_time(vdot_value: float, distance_m: float) -> float:
    """The time over `distance_m` that has this VDOT (VDOT equivalence), found by bisection."""
    if vdot_value <= 0 or distance_m <= 0:
        raise ValueError("race_time needs a positive VDOT and distance")
    fast = distance_m / 1000.0  # 1000 m/s: far faster than any VDOT
    slow = distance_m / 0.5
    while vdot(slow, distance_m) > vdot_value:
        slow *= 2.0
    for _ in range(100):
        middle = (fast + slow) / 2.0
        if vdot(middle, distance_m) > vdot_value:
            fast = middle
        else:
            slow = middle
        if slow - fast < 1e-6:
            break
    return (fast + slow) / 2.0


def training_pace_s_per_m(vdot_value: float, name: str) -> float:
    """Seconds per metre of a Daniels training pace: easy, threshold, interval or repetition."""
    if name == "repetition":
        return training_pace_s_per_m(vdot_value, "interval") - REPETITION_GAIN_S_PER_400M / 400.0
    fraction = TRAINING_FRACTIONS.get(name)
    if fraction is None:
        raise ValueError(f"{name!r} is not a training pace; one of {', '.join(TRAINING_PACES)}")
    if vdot_value <= 0:
        raise ValueError("a training pace needs a positive VDOT")
    return 60.0 / speed_at(fraction * vdot_value)


def _distance_ratio(a_m: float, b_m: float) -> float:
    """How far apart two distances are, by ratio (0 for the same distance)."""
    return abs(math.log(a_m / b_m))


def _riegel_holds(time_s: float) -> bool:
    """True when an effort of this length lies where Riegel's formula holds."""
    return RIEGEL_MIN_S <= time_s <= RIEGEL_MAX_S


def nearest_race(races: Iterable[Race], distance_m: float) -> Race | None:
    """The result nearest `distance_m` by ratio; an exact distance always wins."""
    best: Race | None = None
    for race in races:
        if best is None or (_distance_ratio(race.distance_m, distance_m)
                            < _distance_ratio(best.distance_m, distance_m)):
            best = race
    return best


def race_pace(races: Iterable[Race], name: str) -> ResolvedPace | None:
    """The pace of the named race distance (`mile`, `5k`...) from the results, or None."""
    distance_m = RACE_DISTANCES_M[name]
    source = nearest_race(races, distance_m)
    if source is None:
        return None
    if abs(source.distance_m - distance_m) < _SAME_DISTANCE_M:
        return ResolvedPace(name, source.s_per_m, False, f"race {source}")
    predicted_s = riegel(source.time_s, source.distance_m, distance_m)
    estimate = not (_riegel_holds(source.time_s) and _riegel_holds(predicted_s))
    return ResolvedPace(name, predicted_s / distance_m, estimate, f"Riegel from {source}")


def best_vdot(races: Iterable[Race]) -> tuple[float, bool, Race] | None:
    """(VDOT, estimate, the race it came from): the best result from 1500 m to the marathon,
    else (an estimate) the result nearest that range; None without results."""
    given = list(races)
    in_range = [r for r in given if VDOT_MIN_M - _SAME_DISTANCE_M <= r.distance_m
                <= VDOT_MAX_M + _SAME_DISTANCE_M]
    if in_range:
        best = max(in_range, key=lambda r: vdot(r.time_s, r.distance_m))
        value = vdot(best.time_s, best.distance_m)
        return value, not VDOT_TABLE_MIN <= value <= VDOT_TABLE_MAX, best
    if not given:
        return None

    def outside_by(race: Race) -> float:
        edge = VDOT_MIN_M if race.distance_m < VDOT_MIN_M else VDOT_MAX_M
        return _distance_ratio(race.distance_m, edge)

    nearest = min(given, key=outside_by)
    return vdot(nearest.time_s, nearest.distance_m), True, nearest


def vdot_of(profile: Profile | None) -> tuple[float, bool] | None:
    """The runner's VDOT and whether it is an estimate; None without race results."""
    if profile is None:
        return None
    found = best_vdot(profile.races)
    if found is None:
        return None
    value, estimate, _ = found
    return value, estimate


def training_pace(races: Iterable[Race], name: str) -> ResolvedPace | None:
    """A Daniels training pace from the highest VDOT among the results, or None."""
    found = best_vdot(races)
    if found is None:
        return None
    value, estimate, source = found
    return ResolvedPace(name, training_pace_s_per_m(value, name), estimate,
                        f"VDOT {value:.1f} from {source}")


def resolve(spec: PaceSpec, profile: Profile | None) -> ResolvedPace | None:
    """The pace a spec stands for: explicit paces always; named ones from the profile, else None."""
    if spec.s_per_m is not None:
        return ResolvedPace(spec.text, spec.s_per_m, False, "explicit")
    if spec.name is None or profile is None:
        return None
    if spec.name in RACE_DISTANCES_M:
        return race_pace(profile.races, spec.name)
    if spec.name in TRAINING_PACES:
        return training_pace(profile.races, spec.name)
    return None


def all_paces(profile: Profile | None) -> dict[str, ResolvedPace]:
    """Every named pace the profile gives: race paces short to long, then training paces."""
    if profile is None or not profile.races:
        return {}
    paces: dict[str, ResolvedPace] = {}
    for name in RACE_DISTANCES_M:
        pace = race_pace(profile.races, name)
        if pace is not None:
            paces[name] = pace
    for name in TRAINING_PACES:
        pace = training_pace(profile.races, name)
        if pace is not None:
            paces[name] = pace
    return paces
