"""Daniels' training paces: VDOT from a race, the race time a VDOT predicts, and E/T/I/R paces.

The equations are Daniels and Gilbert's (Oxygen Power, 1979):

    oxygen cost  VO2(v) = -4.60 + 0.182258 v + 0.000104 v^2     (v in m/min)
    fraction     F(t)   = 0.8 + 0.1894393 e^(-0.012778 t)
                              + 0.2989558 e^(-0.1932605 t)       (t in minutes)
    VDOT = VO2(d / t) / F(t)

Threshold and interval pace are the speeds whose oxygen cost is 88 % and
98 % of VDOT (his 95-100 % for I, where the published table sits). Easy is a
range: Daniels puts E at 59 to 74 % of VO2max, so the slow end is the speed
at 59 %, the fast end at 74 %, and the pace a workout's `pace: easy` targets
is the middle, 66.5 %.

Repetition pace is not a fraction of VDOT: it is read from Daniels' table
(Daniels' Running Formula, the VDOT training-pace table, R per 400 m), rows
`REPETITION_S_PER_400M`, and linearly interpolated between them (the rows are
5 VDOT apart and curve gently, so a value between rows is within about half a
second of the row the book prints). Beyond the rows it follows interval pace
in proportion from the nearest row, and is marked an estimate.
"""

from __future__ import annotations

import math

VDOT_TABLE_MIN = 30.0
VDOT_TABLE_MAX = 85.0
TRAINING_PACES_ORDER = ("easy", "threshold", "interval", "repetition")

# Fraction of VDOT (oxygen uptake) each training pace is run at.
TRAINING_FRACTIONS: dict[str, float] = {"easy": 0.665, "threshold": 0.88, "interval": 0.98}
# Daniels' E range: 59 to 74 % of VO2max (slow end, fast end).
EASY_FRACTIONS = (0.59, 0.74)
# Daniels' table, repetition pace in seconds per 400 m at VDOT 30, 35, ... 70.
REPETITION_S_PER_400M: tuple[tuple[float, float], ...] = (
    (30.0, 134.0), (35.0, 117.0), (40.0, 104.0), (45.0, 94.0), (50.0, 87.0),
    (55.0, 81.0), (60.0, 75.0), (65.0, 70.0), (70.0, 65.0),
)


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


def _at_fraction(vdot_value: float, fraction: float) -> float:
    """Seconds per metre at the speed whose oxygen cost is `fraction` of VDOT."""
    if vdot_value <= 0:
        raise ValueError("a training pace needs a positive VDOT")
    return 60.0 / speed_at(fraction * vdot_value)


def repetition_s_per_m(vdot_value: float) -> float:
    """Repetition pace from Daniels' table rows, interpolated (see the module docstring)."""
    rows = REPETITION_S_PER_400M
    if vdot_value <= rows[0][0] or vdot_value >= rows[-1][0]:
        edge_vdot, edge_s = rows[0] if vdot_value <= rows[0][0] else rows[-1]
        scale = _at_fraction(vdot_value, TRAINING_FRACTIONS["interval"]) / \
            _at_fraction(edge_vdot, TRAINING_FRACTIONS["interval"])
        return edge_s * scale / 400.0
    for (low_vdot, low_s), (high_vdot, high_s) in zip(rows, rows[1:], strict=False):
        if low_vdot <= vdot_value <= high_vdot:
            share = (vdot_value - low_vdot) / (high_vdot - low_vdot)
            return (low_s + share * (high_s - low_s)) / 400.0
    raise AssertionError("unreachable: the rows cover the range")


def repetition_is_tabled(vdot_value: float) -> bool:
    """True when repetition pace lies within the table's rows (not extended beyond them)."""
    return REPETITION_S_PER_400M[0][0] <= vdot_value <= REPETITION_S_PER_400M[-1][0]


def training_pace_s_per_m(vdot_value: float, name: str) -> float:
    """Seconds per metre of a Daniels training pace: easy (the middle), threshold, interval
    or repetition."""
    if name == "repetition":
        if vdot_value <= 0:
            raise ValueError("a training pace needs a positive VDOT")
        return repetition_s_per_m(vdot_value)
    fraction = TRAINING_FRACTIONS.get(name)
    if fraction is None:
        raise ValueError(f"{name!r} is not a training pace; one of "
                         f"{', '.join(TRAINING_PACES_ORDER)}")
    return _at_fraction(vdot_value, fraction)


def easy_range_s_per_m(vdot_value: float) -> tuple[float, float]:
    """(fast end, slow end) of easy pace in seconds per metre: 74 % and 59 % of VDOT."""
    slow, fast = EASY_FRACTIONS
    return _at_fraction(vdot_value, fast), _at_fraction(vdot_value, slow)
