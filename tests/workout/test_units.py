"""Every duration and distance form units.py reads and writes, and every error it gives."""

from __future__ import annotations

import pytest

from intervaltimer.workout.units import (
    METRES_PER_MILE,
    UnitError,
    format_clock,
    format_delta,
    format_distance,
    format_time,
    parse_clock,
    parse_distance,
    parse_duration,
)


def test_a_mile_is_the_international_mile() -> None:
    # 1 mile = 1760 yd x 0.9144 m (international yard, 1959).
    assert METRES_PER_MILE == pytest.approx(1760 * 0.9144)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45s", 45.0),
        ("90 s", 90.0),
        ("15min", 900.0),
        ("1h", 3600.0),
        ("1min30s", 90.0),
        ("1min 30s", 90.0),
        ("1 h 30 min", 5400.0),
        ("1 hour 30 minutes", 5400.0),
        ("2 hours", 7200.0),
        ("1hr 5mins 3secs", 3903.0),
        ("90 seconds", 90.0),
        ("10sec", 10.0),
        ("1.5h", 5400.0),
        ("2.5min", 150.0),
        ("45S", 45.0),
        ("15MIN", 900.0),
        ("1:30", 90.0),
        ("5:40", 340.0),
        ("0:45", 45.0),
        ("90:00", 5400.0),
        ("1:02:30", 3750.0),
        ("3:11:17", 11477.0),
        ("1:24.5", 84.5),
        ("  60s  ", 60.0),
        ("0s", 0.0),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1m", "`1m` is metres, not a duration; minutes are `min`, e.g. 1min"),
        ("5 m", "minutes are `min`, e.g. 5min"),
        ("1m30s", "`m` is metres; minutes are `min`, e.g. 1min30s"),
        ("1km", "is a distance, not a duration"),
        ("400", "has no unit; write 400s or 400min"),
        ("1:60", "go up to 59"),
        ("1:5", "two digits, like 1:05"),
        ("30s1min", "hours, then minutes, then seconds"),
        ("1min1min", "each once"),
        ("1.5.3min", "is not a duration; write it like 45s"),
        ("fast", "is not a duration"),
        ("1mins30", "is not a duration"),
        ("1" * 100 + "s", "too long"),
        ("1" * 5000 + ":00", "too long"),
        ("9" * 60 + "h", "too long"),
    ],
)
def test_duration_errors_say_how_to_fix(text: str, fragment: str) -> None:
    with pytest.raises(UnitError) as caught:
        parse_duration(text)
    assert fragment in str(caught.value)


def test_long_text_is_cut_short_in_the_message() -> None:
    with pytest.raises(UnitError) as caught:
        parse_duration("1" * 500 + "s")
    assert len(str(caught.value)) < 120


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1:30", 90.0), ("1:02:30", 3750.0), ("1:24.5", 84.5), ("0:00", 0.0), ("12:00:00", 43200.0)],
)
def test_clock(text: str, seconds: float) -> None:
    assert parse_clock(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["90", "1:60", "1:5", "1:02:60", "abc", "1:30s", "", "1" * 5000])
def test_not_clock_form_is_none(text: str) -> None:
    assert parse_clock(text) is None


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("400m", 400.0),
        ("400 m", 400.0),
        ("400M", 400.0),
        ("1km", 1000.0),
        ("1.5km", 1500.0),
        ("1.5 km", 1500.0),
        ("1mi", METRES_PER_MILE),
        ("1 mile", METRES_PER_MILE),
        ("2 miles", 2 * METRES_PER_MILE),
        ("800 metres", 800.0),
        ("800 meters", 800.0),
        ("5 kilometres", 5000.0),
        ("10 kilometers", 10000.0),
        ("42.195km", 42195.0),
    ],
)
def test_distances(text: str, metres: float) -> None:
    assert parse_distance(text) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("400", "has no unit; write 400m"),
        ("0m", "must be more than zero"),
        ("60s", "is not a distance"),
        ("lap", "is not a distance"),
        ("4OOm", "is not a distance"),
        ("", "is not a distance"),
        ("1" * 400 + "m", "too long"),
        ("9" * 60 + "km", "too long"),
    ],
)
def test_distance_errors(text: str, fragment: str) -> None:
    with pytest.raises(UnitError) as caught:
        parse_distance(text)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    ("seconds", "decimals", "text"),
    [
        (84.5, 1, "1:24.5"),
        (3750, 1, "1:02:30.0"),
        (9.25, 1, "9.2"),
        (59.96, 1, "1:00.0"),
        (65, 0, "1:05"),
        (5, 0, "5"),
        (-3.5, 1, "-3.5"),
        (0, 1, "0.0"),
    ],
)
def test_format_time(seconds: float, decimals: int, text: str) -> None:
    assert format_time(seconds, decimals) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(65, "1:05"), (3750, "1:02:30"), (0.2, "0:01"), (59.0, "0:59"), (0, "0:00"), (-5, "-0:05")],
)
def test_format_clock_rounds_up_like_a_countdown(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"), [(1.2, "+1.2"), (-0.4, "-0.4"), (62, "+1:02.0"), (0, "+0.0")]
)
def test_format_delta(seconds: float, text: str) -> None:
    assert format_delta(seconds) == text


@pytest.mark.parametrize(
    ("metres", "text"),
    [(400, "400 m"), (1500, "1500 m"), (5000, "5 km"), (METRES_PER_MILE, "1 mi"),
     (2 * METRES_PER_MILE, "2 mi"), (10000, "10 km"), (60, "60 m"), (2500, "2.5 km")],
)
def test_format_distance(metres: float, text: str) -> None:
    assert format_distance(metres) == text


@pytest.mark.parametrize("text", ["90s", "1:30", "1:02:30", "15min"])
def test_durations_read_back(text: str) -> None:
    seconds = parse_duration(text)
    assert parse_duration(format_time(seconds, 0)) == pytest.approx(seconds)


def test_one_signed_formatter_never_says_minus_zero() -> None:
    from intervaltimer.workout.units import format_signed

    assert format_signed(1.005, 2, " s") in ("+1.00 s", "+1.01 s")
    assert format_signed(-0.2, 2) == "-0.20"
    assert format_signed(-0.004, 2, " %") == "+0.00 %"
    assert format_signed(4.6, 1, " %") == "+4.6 %"


def test_one_rounding_for_json_keeps_none() -> None:
    from intervaltimer.workout.units import rounded

    assert rounded(None) is None
    assert rounded(88.24999) == 88.25
    assert rounded(1.26, 1) == 1.3
