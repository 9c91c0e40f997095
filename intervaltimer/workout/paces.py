"""Paces from race results: race equivalents (VDOT or Riegel) and Daniels' training paces.

Race paces (`800m` ... `marathon`) come from the runner's result nearest in
distance (nearest by ratio, so a mile is nearer a 3k than a 10k is); a result
at that very distance is used as it is. How the result is carried to the
other distance is the profile's `model`:

- `vdot` (the default): where both distances lie within 1500 m to the
  marathon, the time with the same VDOT (`daniels.race_time`), as Daniels'
  tables give; outside that span, Riegel's formula.
- `riegel`: Riegel's formula T2 = T1 * (D2 / D1) ** k everywhere.

Riegel's k is 1.06, or, when the runner has given two or more results, the
runner's own exponent fitted between the two nearest the distance:
k = ln(T2 / T1) / ln(D2 / D1) (trusted from `FITTED_K_MIN` to `FITTED_K_MAX`,
else 1.06). Riegel holds for efforts of about 3.5 to 230 minutes; a pace whose
source or predicted time lies outside that is still given, marked as an
estimate.

Training paces (`easy`, `threshold`, `interval`, `repetition`) come from the
highest VDOT among the results (`daniels`): easy as a range (fast and slow
end), repetition from Daniels' table rows. VDOT counts only results from
1500 m to the marathon; with none in that range the nearest result is used
and the training paces are marked estimates, as they are for a VDOT outside
30-85, the span of Daniels' table (and repetition pace beyond its rows).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from intervaltimer.workout.daniels import (
    VDOT_TABLE_MAX,
    VDOT_TABLE_MIN,
    easy_range_s_per_m,
    repetition_is_tabled,
)
from intervaltimer.workout.daniels import fraction_sustained as fraction_sustained
from intervaltimer.workout.daniels import oxygen_cost as oxygen_cost
from intervaltimer.workout.daniels import race_time as race_time
from intervaltimer.workout.daniels import speed_at as speed_at
from intervaltimer.workout.daniels import training_pace_s_per_m as training_pace_s_per_m
from intervaltimer.workout.daniels import vdot as vdot
from intervaltimer.workout.model import PaceSpec
from intervaltimer.workout.pacespec import RACE_DISTANCES_M, TRAINING_PACES
from intervaltimer.workout.units import format_time

RIEGEL_EXPONENT = 1.06
RIEGEL_MIN_S = 3.5 * 60.0
RIEGEL_MAX_S = 230.0 * 60.0
FITTED_K_MIN = 1.0  # a runner who is faster per metre over the longer race: not a fit to use
FITTED_K_MAX = 1.2

VDOT_MIN_M = 1500.0
VDOT_MAX_M = 42195.0
MODELS = ("vdot", "riegel")

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


class RaceBook(Protocol):
    """What the paces are worked out from: the race results and the model carrying them to
    other distances (`vdot` or `riegel`). A `profile.Profile` is one; naming the shape here
    rather than the class keeps this module below the profile, which reads races with it."""

    @property
    def races(self) -> tuple[Race, ...]:
        """The race results, shortest first."""
        ...

    @property
    def model(self) -> str:
        """`vdot` or `riegel`."""
        ...


@dataclass(frozen=True)
class ResolvedPace:
    """A pace ready to use: seconds per metre, whether it is an estimate, and where it came from.

    `basis` reads like "race 5k 20:00", "VDOT 49.8 from 5k 20:00", "Riegel from 800m
    2:10", "Riegel k 1.046 (yours, 10k and marathon) from marathon 2:15:25" or
    "explicit". A pace that is a range (easy) has its fast and slow ends in
    `fast_s_per_m` and `slow_s_per_m`; `s_per_m` is then the middle, the target.
    """

    name: str
    s_per_m: float
    estimate: bool
    basis: str
    fast_s_per_m: float | None = None
    slow_s_per_m: float | None = None


def format_race_time(time_s: float) -> str:
    """A race time as runners write it: `5:40`, `20:00`, `3:11:17`, `4:05.3`."""
    decimals = 0 if abs(time_s - round(time_s)) < 0.05 else 1
    return format_time(time_s, decimals)


def riegel(time_s: float, from_m: float, to_m: float, exponent: float = RIEGEL_EXPONENT) -> float:
    """The time for `to_m` equivalent to `time_s` over `from_m`: T2 = T1 * (D2 / D1) ** exponent."""
    if time_s <= 0 or from_m <= 0 or to_m <= 0:
        raise ValueError("riegel needs a positive time and distances")
    return float(time_s * (to_m / from_m) ** exponent)


def fitted_exponent(one: Race, other: Race) -> float:
    """The Riegel exponent that carries one result to the other: ln(T2/T1) / ln(D2/D1)."""
    if abs(one.distance_m - other.distance_m) < _SAME_DISTANCE_M:
        raise ValueError("two results at the same distance fit no exponent")
    return math.log(other.time_s / one.time_s) / math.log(other.distance_m / one.distance_m)


def riegel_exponent(races: Iterable[Race], distance_m: float) -> tuple[float, str]:
    """Riegel's k for `distance_m` and how it was found: the runner's own, fitted between the
    two results nearest the distance, else (one result, or a fit outside FITTED_K_MIN..MAX)
    the standard 1.06."""
    nearest = sorted(races, key=lambda r: _distance_ratio(r.distance_m, distance_m))[:2]
    if len(nearest) == 2:
        first, second = sorted(nearest, key=lambda r: r.distance_m)
        k = fitted_exponent(first, second)
        if FITTED_K_MIN <= k <= FITTED_K_MAX:
            return k, f"k {k:.3f} (yours, {first.name} and {second.name})"
    return RIEGEL_EXPONENT, ""


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


def _in_vdot_range(distance_m: float) -> bool:
    """True for a distance from 1500 m to the marathon, where VDOT equivalence is used."""
    return VDOT_MIN_M - _SAME_DISTANCE_M <= distance_m <= VDOT_MAX_M + _SAME_DISTANCE_M


def race_pace(races: Iterable[Race], name: str, model: str = "vdot") -> ResolvedPace | None:
    """The pace of the named race distance (`mile`, `5k`...) from the results, or None.

    `model` is `vdot` or `riegel` (see the module docstring).
    """
    given = list(races)
    distance_m = RACE_DISTANCES_M[name]
    source = nearest_race(given, distance_m)
    if source is None:
        return None
    if abs(source.distance_m - distance_m) < _SAME_DISTANCE_M:
        return ResolvedPace(name, source.s_per_m, False, f"race {source}")
    if model == "vdot" and _in_vdot_range(source.distance_m) and _in_vdot_range(distance_m):
        value = vdot(source.time_s, source.distance_m)
        estimate = not VDOT_TABLE_MIN <= value <= VDOT_TABLE_MAX
        return ResolvedPace(name, race_time(value, distance_m) / distance_m, estimate,
                            f"VDOT {value:.1f} from {source}")
    k, how = riegel_exponent(given, distance_m)
    predicted_s = riegel(source.time_s, source.distance_m, distance_m, k)
    estimate = not (_riegel_holds(source.time_s) and _riegel_holds(predicted_s))
    basis = f"Riegel {how} from {source}" if how else f"Riegel from {source}"
    return ResolvedPace(name, predicted_s / distance_m, estimate, basis)


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


def vdot_of(profile: RaceBook | None) -> tuple[float, bool] | None:
    """The runner's VDOT and whether it is an estimate; None without race results."""
    if profile is None:
        return None
    found = best_vdot(profile.races)
    if found is None:
        return None
    value, estimate, _ = found
    return value, estimate


def training_pace(races: Iterable[Race], name: str) -> ResolvedPace | None:
    """A Daniels training pace from the highest VDOT among the results, or None.

    Easy carries its range; repetition beyond the table's rows is an estimate.
    """
    found = best_vdot(races)
    if found is None:
        return None
    value, estimate, source = found
    fast = slow = None
    if name == "easy":
        fast, slow = easy_range_s_per_m(value)
    if name == "repetition" and not repetition_is_tabled(value):
        estimate = True
    return ResolvedPace(name, training_pace_s_per_m(value, name), estimate,
                        f"VDOT {value:.1f} from {source}", fast, slow)


def resolve(spec: PaceSpec, profile: RaceBook | None) -> ResolvedPace | None:
    """The pace a spec stands for: explicit paces always; named ones from the profile, else None."""
    if spec.s_per_m is not None:
        return ResolvedPace(spec.text, spec.s_per_m, False, "explicit")
    if spec.name is None or profile is None:
        return None
    if spec.name in RACE_DISTANCES_M:
        return race_pace(profile.races, spec.name, profile.model)
    if spec.name in TRAINING_PACES:
        return training_pace(profile.races, spec.name)
    return None


def all_paces(profile: RaceBook | None) -> dict[str, ResolvedPace]:
    """Every named pace the profile gives: race paces short to long, then training paces."""
    if profile is None or not profile.races:
        return {}
    paces: dict[str, ResolvedPace] = {}
    for name in RACE_DISTANCES_M:
        pace = race_pace(profile.races, name, profile.model)
        if pace is not None:
            paces[name] = pace
    for name in TRAINING_PACES:
        pace = training_pace(profile.races, name)
        if pace is not None:
            paces[name] = pace
    return paces
