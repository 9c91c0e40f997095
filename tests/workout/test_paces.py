"""Riegel and Daniels' VDOT against published figures, and which result each pace comes from."""

from __future__ import annotations

import math

import pytest

from intervaltimer.workout.model import PaceSpec
from intervaltimer.workout.paces import (
    Race,
    all_paces,
    best_vdot,
    format_race_time,
    race_time,
    resolve,
    riegel,
    training_pace_s_per_m,
    vdot,
    vdot_of,
)
from intervaltimer.workout.pacespec import RACE_DISTANCES_M, TRAINING_PACES
from intervaltimer.workout.profile import Profile

MILE_M = 1609.344


def profile_of(*races: tuple[str, float, float]) -> Profile:
    return Profile(tuple(Race(name, metres, time_s) for name, metres, time_s in races))


FIVE_K_20 = profile_of(("5k", 5000.0, 20 * 60.0))


# --- Riegel -----------------------------------------------------------------------------

def test_riegel_takes_a_20_minute_5k_to_a_6_00_8_mile() -> None:
    assert riegel(20 * 60, 5000, MILE_M) == pytest.approx(6 * 60 + 0.8, abs=0.05)


def test_riegel_hand_computed_10k_40_00_to_marathon() -> None:
    # 2400 * 4.2195 ** 1.06 = 2400 * exp(1.06 * 1.439717) = 2400 * 4.6002 = 11040 s (3:04:00)
    assert riegel(2400, 10000, 42195) == pytest.approx(11040, abs=1.0)


def test_riegel_hand_computed_1500_4_00_to_mile() -> None:
    # (1609.344 / 1500) ** 1.06 = exp(1.06 * 0.070361) = 1.07744: 240 s -> 258.6 s (4:18.6)
    assert riegel(240, 1500, MILE_M) == pytest.approx(258.6, abs=0.05)


def test_riegel_doubling_the_distance_costs_more_than_double_the_time() -> None:
    assert riegel(100, 1000, 2000) == pytest.approx(208.49, abs=0.01)  # 2 ** 1.06 = 2.0849
    assert riegel(100, 1000, 1000) == 100
    assert riegel(100, 1000, 2000, exponent=1.0) == pytest.approx(200)


def test_riegel_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        riegel(0, 1000, 2000)


# --- VDOT -------------------------------------------------------------------------------

def test_a_20_minute_5k_is_vdot_49_8() -> None:
    assert round(vdot(20 * 60, 5000), 1) == 49.8


def test_vdot_equivalence_20_minute_5k_predicts_41_28_10k() -> None:
    assert race_time(vdot(20 * 60, 5000), 10000) == pytest.approx(41 * 60 + 28, abs=3)


def test_vdot_equivalence_20_minute_5k_predicts_3_11_17_marathon() -> None:
    assert race_time(vdot(20 * 60, 5000), 42195) == pytest.approx(3 * 3600 + 11 * 60 + 17, abs=5)


@pytest.mark.parametrize("value", [30.0, 45.5, 70.0, 85.0])
@pytest.mark.parametrize("distance_m", [1500.0, 5000.0, 42195.0])
def test_race_time_is_the_inverse_of_vdot(value: float, distance_m: float) -> None:
    assert vdot(race_time(value, distance_m), distance_m) == pytest.approx(value, abs=1e-4)


# Daniels' Running Formula, VDOT table: seconds per 400 m.
DANIELS_TABLE = [
    (50, "threshold", 102),
    (50, "interval", 93),
    (50, "repetition", 87),
    (40, "interval", 112),
    (40, "repetition", 106),
    (60, "interval", 81),
    (60, "repetition", 75),
]


@pytest.mark.parametrize(("value", "name", "s_per_400m"), DANIELS_TABLE)
def test_training_paces_match_daniels_table(value: float, name: str, s_per_400m: float) -> None:
    assert abs(training_pace_s_per_m(value, name) * 400 - s_per_400m) <= 1.0


@pytest.mark.parametrize("value", [35.0, 50.0, 65.0])
def test_training_paces_get_faster_from_easy_to_repetition(value: float) -> None:
    paces = [training_pace_s_per_m(value, name) for name in TRAINING_PACES]
    assert paces == sorted(paces, reverse=True)


def test_easy_pace_at_vdot_50_lies_in_daniels_easy_band() -> None:
    per_km = training_pace_s_per_m(50, "easy") * 1000
    assert 4 * 60 + 55 <= per_km <= 5 * 60 + 45


def test_unknown_training_pace_is_refused() -> None:
    with pytest.raises(ValueError, match="not a training pace"):
        training_pace_s_per_m(50, "tempo-ish")


# --- where each pace comes from -----------------------------------------------------------

def test_a_result_at_that_very_distance_wins() -> None:
    profile = profile_of(("1500m", 1500.0, 316.0), ("mile", MILE_M, 340.0))
    pace = all_paces(profile)["mile"]
    assert pace.s_per_m == pytest.approx(340.0 / MILE_M)
    assert not pace.estimate
    assert pace.basis == "race mile 5:40"


def test_race_paces_come_from_the_nearest_result_by_ratio() -> None:
    profile = profile_of(("mile", MILE_M, 340.0), ("10k", 10000.0, 2400.0))
    paces = all_paces(profile)
    assert paces["3k"].basis == "Riegel from mile 5:40"
    assert paces["5k"].basis == "Riegel from 10k 40:00"  # 2x is nearer than 3.1x
    assert paces["5k"].s_per_m * 5000 == pytest.approx(2400 * 0.5**1.06, abs=0.01)


def test_800m_pace_from_a_marathon_is_an_estimate() -> None:
    paces = all_paces(profile_of(("marathon", 42195.0, 3 * 3600 + 11 * 60 + 17)))
    assert paces["800m"].estimate  # predicted ~2:10, under 3.5 min
    assert not paces["mile"].estimate
    assert not paces["half"].estimate


def test_a_pace_from_a_source_outside_riegels_range_is_an_estimate() -> None:
    paces = all_paces(profile_of(("800m", 800.0, 130.0)))
    assert not paces["800m"].estimate  # given, not derived
    assert paces["5k"].estimate  # source effort of 2:10 is under 3.5 min
    assert paces["interval"].estimate  # VDOT from 800 m: outside 1500 m .. marathon


def test_a_very_slow_marathon_makes_estimates() -> None:
    paces = all_paces(profile_of(("marathon", 42195.0, 4 * 3600.0)))  # 240 min > 230
    assert paces["half"].estimate


def test_training_paces_use_the_highest_vdot_from_1500m_to_marathon() -> None:
    profile = profile_of(
        ("800m", 800.0, 120.0),  # VDOT ~71, but 800 m does not count
        ("5k", 5000.0, 1200.0),  # VDOT 49.8
        ("marathon", 42195.0, 3.5 * 3600),  # VDOT ~44.6
    )
    found = vdot_of(profile)
    assert found is not None
    assert round(found[0], 1) == 49.8
    assert found[1] is False
    assert all_paces(profile)["threshold"].basis == "VDOT 49.8 from 5k 20:00"


def test_without_a_result_in_vdot_range_the_nearest_is_used_as_an_estimate() -> None:
    profile = profile_of(("800m", 800.0, 130.0), ("50km", 50000.0, 4 * 3600.0))
    found = best_vdot(profile.races)
    assert found is not None
    value, estimate, source = found
    assert estimate
    assert source.name == "50km"  # 50 km / 42.195 km is nearer than 1500 / 800
    assert value == pytest.approx(vdot(4 * 3600.0, 50000.0))


def test_vdot_outside_daniels_table_is_an_estimate() -> None:
    found = vdot_of(profile_of(("5k", 5000.0, 45 * 60.0)))  # VDOT ~19
    assert found is not None and found[1]


def test_vdot_of_nothing() -> None:
    assert vdot_of(None) is None
    assert vdot_of(Profile(())) is None


# --- resolve and all_paces ----------------------------------------------------------------

def test_explicit_paces_resolve_without_a_profile() -> None:
    pace = resolve(PaceSpec(text="5:40/mi", s_per_m=340 / MILE_M), None)
    assert pace is not None
    assert pace.s_per_m == pytest.approx(340 / MILE_M)
    assert not pace.estimate
    assert pace.basis == "explicit"


def test_named_paces_need_a_profile() -> None:
    assert resolve(PaceSpec(text="mile", name="mile"), None) is None
    assert resolve(PaceSpec(text="threshold", name="threshold"), None) is None
    assert resolve(PaceSpec(text="mile", name="mile"), Profile(())) is None


def test_named_paces_resolve_from_the_profile() -> None:
    mile = resolve(PaceSpec(text="mile", name="mile"), FIVE_K_20)
    assert mile is not None
    assert mile.s_per_m * MILE_M == pytest.approx(360.8, abs=0.05)
    assert mile.basis == "Riegel from 5k 20:00"
    interval = resolve(PaceSpec(text="I", name="interval"), FIVE_K_20)
    assert interval is not None
    assert abs(interval.s_per_m * 400 - 93) <= 1.0
    assert interval.basis == "VDOT 49.8 from 5k 20:00"


def test_all_paces_come_in_a_stable_order() -> None:
    assert list(all_paces(FIVE_K_20)) == [*RACE_DISTANCES_M, *TRAINING_PACES]
    assert all_paces(None) == {}


def test_every_pace_is_a_finite_positive_number() -> None:
    for pace in all_paces(FIVE_K_20).values():
        assert math.isfinite(pace.s_per_m) and pace.s_per_m > 0


@pytest.mark.parametrize(
    ("time_s", "text"), [(340, "5:40"), (1200, "20:00"), (11477, "3:11:17"), (245.3, "4:05.3")]
)
def test_race_times_are_written_as_runners_write_them(time_s: float, text: str) -> None:
    assert format_race_time(time_s) == text
