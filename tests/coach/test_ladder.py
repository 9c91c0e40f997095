"""The ladder the advice walks: declared or standard, and always a rung above."""

from __future__ import annotations

import pytest

from intervaltimer.coach.ladder import ladder_of
from intervaltimer.log.coach import ladder_of_workout
from intervaltimer.workout.library import resolve_workout


@pytest.mark.parametrize(("workout", "rung", "longer", "shorter"), [
    ("8x400-mile", 90.0, 105.0, 75.0),          # a declared ladder goes on above its top
    ("6x400-mile", 120.0, 150.0, 105.0),
    ("threshold-miles", 60.0, 75.0, 45.0),      # no ladder: the standard rungs
    ("kick-finisher", 180.0, 210.0, None),      # one rung: the long walk stays
])
def test_lengthening_is_always_possible(workout: str, rung: float, longer: float,
                                        shorter: float | None) -> None:
    ladder = ladder_of_workout(resolve_workout(workout))
    assert ladder.longer(rung) == longer
    assert ladder.shorter(rung) == shorter


def test_a_workout_without_a_ladder_keeps_its_written_rest_as_a_rung() -> None:
    ladder = ladder_of(None, 50.0)
    assert ladder.start_s == 50.0 and ladder.rung(50.0) == 50.0
    assert (ladder.longer(50.0), ladder.shorter(50.0)) == (60.0, 45.0)
    assert ladder.shorter(15.0) is None and ladder.then is not None  # a file: reps +2
    quick = ladder_of(None, 20.0, quick=True)
    assert quick.shorter(10.0) == 5.0 and quick.then is None


def test_a_rest_snaps_to_the_nearest_rung_the_longer_on_a_tie() -> None:
    ladder = ladder_of(None, 60.0)
    assert ladder.rung(52.5) == 60.0 and ladder.rung(50.0) == 45.0
