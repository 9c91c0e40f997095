"""The one pace parser: named race and training paces, explicit paces, and its errors."""

from __future__ import annotations

import pytest

from intervaltimer.workout.pacespec import (
    PACE_NAMES,
    RACE_DISTANCES_M,
    TRAINING_PACES,
    parse_pace,
)
from intervaltimer.workout.units import UnitError


def test_race_distances_are_the_standard_ones() -> None:
    # IAAF road distances: half 21.0975 km, marathon 42.195 km; mile = 1609.344 m.
    assert RACE_DISTANCES_M == {
        "800m": 800, "1500m": 1500, "mile": 1609.344, "3k": 3000, "5k": 5000,
        "10k": 10000, "half": 21097.5, "marathon": 42195,
    }
    assert TRAINING_PACES == ("easy", "threshold", "interval", "repetition")


@pytest.mark.parametrize("name", PACE_NAMES)
def test_every_named_pace_reads_as_itself(name: str) -> None:
    spec = parse_pace(name)
    assert spec.name == name
    assert spec.s_per_m is None
    assert spec.text == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mile", "mile"),
        ("MILE", "mile"),
        ("1mi", "mile"),
        ("1 mile", "mile"),
        ("mi", "mile"),
        ("5K", "5k"),
        ("5 km", "5k"),
        ("5000m", "5k"),
        ("3km", "3k"),
        ("10 km", "10k"),
        ("800", "800m"),
        ("800 m", "800m"),
        ("1500", "1500m"),
        ("half marathon", "half"),
        ("Half-Marathon", "half"),
        ("HM", "half"),
        ("21.0975km", "half"),
        ("42.195 km", "marathon"),
        ("tempo", "threshold"),
        ("T", "threshold"),
        ("rep", "repetition"),
        ("  easy ", "easy"),
    ],
)
def test_aliases(text: str, name: str) -> None:
    assert parse_pace(text).name == name


@pytest.mark.parametrize(
    ("text", "s_per_m"),
    [
        ("5:40/mi", 340 / 1609.344),
        ("5:40/mile", 340 / 1609.344),
        ("5:40 per mile", 340 / 1609.344),
        ("5:40 / mi", 340 / 1609.344),
        ("3:30/km", 0.21),
        ("3:30 min/km", 0.21),
        ("4min/km", 0.24),
        ("4:00/1k", 0.24),
        ("85s/400m", 85 / 400),
        ("1:25/400m", 85 / 400),
        ("32s/200m", 0.16),
        ("2:05/800m", 125 / 800),
        ("1:24.5/400m", 84.5 / 400),
        ("10:00/2mi", 600 / (2 * 1609.344)),
    ],
)
def test_explicit_paces(text: str, s_per_m: float) -> None:
    spec = parse_pace(text)
    assert spec.name is None
    assert spec.s_per_m == pytest.approx(s_per_m)


def test_explicit_pace_matches_published_conversion() -> None:
    # Pace charts: 5:40 per mile is 3:31 per km; 3:30 per km is 5:38 per mile.
    assert parse_pace("5:40/mi").s_per_m * 1000 == pytest.approx(211.3, abs=0.1)  # type: ignore[operator]
    assert parse_pace("3:30/km").s_per_m * 1609.344 == pytest.approx(338, abs=0.5)  # type: ignore[operator]


def test_text_is_kept_for_labels() -> None:
    assert parse_pace(" 5:40   /mi ").text == "5:40 /mi"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mil", 'pace "mil" is not a pace; did you mean mile?'),
        ("threshhold", "did you mean threshold?"),
        ("marthon", "did you mean marathon?"),
        ("interva", "did you mean interval?"),
        ("5:40", "has no distance; write 5:40/mi or 5:40/km, or use `target: 5:40`"),
        ("400m", "is not a race pace (800m, 1500m, mile"),
        ("400m", "e.g. 1:25/400m"),
        ("85/400m", "has a time with no unit; write 85s/400m"),
        ("5:40/mii", "is per 'mii', which is not a distance"),
        ("0:40/km", "faster than any runner"),
        ("10:00/400m", "slower than walking"),
        ("5:40/", "TIME/DISTANCE"),
        ("/km", "TIME/DISTANCE"),
        ("5:40/mi/km", "TIME/DISTANCE"),
        ("fast", "try mile, 5k, threshold or 5:40/mi"),
        ("", "empty"),
        ("1:60/km", "go up to 59"),
        ("0s/400m", "no time"),
    ],
)
def test_errors_suggest_the_fix(text: str, message: str) -> None:
    with pytest.raises(UnitError) as caught:
        parse_pace(text)
    assert message in str(caught.value)
