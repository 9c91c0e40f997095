"""Riegel and Daniels' VDOT against published figures, and which result each pace comes from."""

from __future__ import annotations

import math

import pytest

from intervaltimer.workout.model import PaceSpec
from intervaltimer.workout.paces import (
    Race,
    all_paces,
    best_vdot,
    fitted_exponent,
    format_race_time,
    race_time,
    resolve,
    riegel,
    speed_at,
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
    (40, "interval", 112),
    (60, "interval", 81),
]
# The same table's repetition pace per 400 m, the rows as printed.
DANIELS_REPETITION = [(30, 134), (35, 117), (40, 104), (45, 94), (50, 87), (55, 81), (60, 75),
                      (65, 70), (70, 65)]


@pytest.mark.parametrize(("value", "name", "s_per_400m"), DANIELS_TABLE)
def test_training_paces_match_daniels_table(value: float, name: str, s_per_400m: float) -> None:
    assert abs(training_pace_s_per_m(value, name) * 400 - s_per_400m) <= 1.0


@pytest.mark.parametrize(("value", "s_per_400m"), DANIELS_REPETITION)
def test_repetition_pace_is_daniels_table_not_interval_less_6_s(value: float,
                                                                s_per_400m: float) -> None:
    assert abs(training_pace_s_per_m(value, "repetition") * 400 - s_per_400m) <= 1.0


def test_repetition_pace_between_rows_lies_between_them() -> None:
    paces = [training_pace_s_per_m(v, "repetition") * 400 for v in (40, 41, 42.5, 44, 45)]
    assert paces == sorted(paces, reverse=True)
    assert 104 > paces[2] > 94


def test_repetition_pace_beyond_the_rows_is_an_estimate_that_keeps_getting_faster() -> None:
    beyond = [training_pace_s_per_m(v, "repetition") * 400 for v in (70, 75, 80)]
    assert beyond == sorted(beyond, reverse=True) and beyond[1] < 65
    fast = all_paces(profile_of(("5k", 5000.0, 15 * 60.0 + 30)))  # VDOT ~67
    assert not fast["repetition"].estimate
    faster = all_paces(profile_of(("5k", 5000.0, 14 * 60.0)))  # VDOT ~75.7
    assert faster["repetition"].estimate and not faster["interval"].estimate


@pytest.mark.parametrize("value", [35.0, 50.0, 65.0])
def test_training_paces_get_faster_from_easy_to_repetition(value: float) -> None:
    paces = [training_pace_s_per_m(value, name) for name in TRAINING_PACES]
    assert paces == sorted(paces, reverse=True)


def test_easy_pace_at_vdot_50_lies_in_daniels_easy_band() -> None:
    per_km = training_pace_s_per_m(50, "easy") * 1000
    assert 4 * 60 + 55 <= per_km <= 5 * 60 + 45


def test_easy_is_a_range_from_74_to_59_percent_with_the_target_in_the_middle() -> None:
    easy = all_paces(FIVE_K_20)["easy"]
    assert easy.fast_s_per_m is not None and easy.slow_s_per_m is not None
    assert easy.fast_s_per_m < easy.s_per_m < easy.slow_s_per_m
    # speed at 74 % and 59 % of VDOT 49.8 by Daniels and Gilbert's oxygen cost
    assert easy.fast_s_per_m * 1000 == pytest.approx(60_000 / speed_at(0.74 * vdot(1200, 5000)))
    assert easy.slow_s_per_m * 1000 == pytest.approx(60_000 / speed_at(0.59 * vdot(1200, 5000)))
    # Daniels' 2nd-edition table gives one E pace for a 20:00 5k: 8:40 a mile; it lies inside
    assert easy.fast_s_per_m * MILE_M < 8 * 60 + 40 < easy.slow_s_per_m * MILE_M
    assert all(p.fast_s_per_m is None for n, p in all_paces(FIVE_K_20).items() if n != "easy")


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
    assert paces["3k"].basis == f"VDOT {vdot(340.0, MILE_M):.1f} from mile 5:40"
    assert paces["5k"].basis == "VDOT 51.9 from 10k 40:00"  # 2x is nearer than 3.1x
    assert paces["5k"].s_per_m * 5000 == pytest.approx(race_time(vdot(2400, 10000), 5000))


def test_race_equivalents_within_1500m_to_marathon_are_daniels_table() -> None:
    """Daniels' VDOT table, row 50: 5k 19:57, 10k 41:21, mile 5:50, marathon 3:10:49 — one
    row's times carry to one another within a few seconds."""
    paces = all_paces(profile_of(("5k", 5000.0, 19 * 60 + 57)))
    assert paces["10k"].s_per_m * 10000 == pytest.approx(41 * 60 + 21, abs=5)
    assert paces["mile"].s_per_m * MILE_M == pytest.approx(5 * 60 + 50, abs=2)
    assert paces["marathon"].s_per_m * 42195 == pytest.approx(3 * 3600 + 10 * 60 + 49, abs=30)


def test_outside_1500m_to_marathon_riegel_is_used() -> None:
    paces = all_paces(FIVE_K_20)
    assert paces["800m"].basis == "Riegel from 5k 20:00"
    assert paces["800m"].s_per_m * 800 == pytest.approx(riegel(1200, 5000, 800), abs=0.01)
    from_800 = all_paces(profile_of(("800m", 800.0, 130.0)))
    assert from_800["mile"].basis == "Riegel from 800m 2:10"


def test_model_riegel_in_the_profile_uses_riegel_everywhere() -> None:
    profile = Profile(FIVE_K_20.races, model="riegel")
    mile = all_paces(profile)["mile"]
    assert mile.basis == "Riegel from 5k 20:00"
    assert mile.s_per_m * MILE_M == pytest.approx(360.8, abs=0.05)


def test_two_results_give_riegel_the_runners_own_exponent() -> None:
    """Paula Radcliffe: 10,000 m 30:01.09 (Munich, 6 August 2002) and marathon 2:15:25
    (London, 13 April 2003). By hand:
        k = ln(8125 / 1801.09) / ln(42195 / 10000) = ln(4.511157) / ln(4.2195)
          = 1.506554 / 1.439717 = 1.046423
    and her half marathon from the nearer result, the marathon (ratio 2.0 against 2.11):
        T = 8125 · (21097.5 / 42195)^1.046423 = 8125 · 0.5^1.046423 = 8125 · 0.484167
          = 3933.9 s = 1:05:34 (her best half was 1:05:40)."""
    profile = Profile((Race("10k", 10000.0, 1801.09), Race("marathon", 42195.0, 8125.0)),
                      model="riegel")
    half = all_paces(profile)["half"]
    assert half.s_per_m * 21097.5 == pytest.approx(3933.9, abs=0.1)
    assert half.basis == "Riegel k 1.046 (yours, 10k and marathon) from marathon 2:15:25"


def test_the_fitted_exponent_also_serves_800m_by_default() -> None:
    """Hicham El Guerrouj: 1500 m 3:26.00 (Rome, 14 July 1998), mile 3:43.13 (Rome, 7 July
    1999). k = ln(223.13 / 206.00) / ln(1609.344 / 1500) = 0.079878 / 0.070362 = 1.135257;
    800 m from the 1500 m: 206.00 · (800 / 1500)^1.135257 = 206.00 · 0.489862 = 100.91 s."""
    profile = profile_of(("1500m", 1500.0, 206.0), ("mile", MILE_M, 223.13))
    eight = all_paces(profile)["800m"]
    assert eight.s_per_m * 800 == pytest.approx(100.91, abs=0.01)
    assert eight.basis.startswith("Riegel k 1.135 (yours, 1500m and mile)")


def test_an_implausible_fit_falls_back_to_1_06() -> None:
    # a 10k run faster per km than the 5k: k < 1, not the runner's endurance
    profile = Profile((Race("5k", 5000.0, 1200.0), Race("10k", 10000.0, 2350.0)),
                      model="riegel")
    assert fitted_exponent(*profile.races) < 1.0
    half = all_paces(profile)["half"]
    assert half.basis == "Riegel from 10k 39:10"
    assert half.s_per_m * 21097.5 == pytest.approx(riegel(2350.0, 10000, 21097.5), abs=0.01)


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


def test_a_very_slow_marathon_makes_riegel_estimates() -> None:
    marathon = profile_of(("marathon", 42195.0, 4 * 3600.0))  # 240 min > 230
    assert Profile(marathon.races, model="riegel") != marathon
    assert all_paces(Profile(marathon.races, model="riegel"))["half"].estimate
    assert not all_paces(marathon)["half"].estimate  # VDOT 37.9: inside Daniels' table


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
    assert mile.s_per_m * MILE_M == pytest.approx(race_time(vdot(1200, 5000), MILE_M))
    assert mile.basis == "VDOT 49.8 from 5k 20:00"
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
