"""The advice for the next session, on made-up histories of a rest ladder (issue 9's rule)."""

from __future__ import annotations

from collections.abc import Sequence

from intervaltimer.coach.advice import (
    DEFAULT_THEN,
    Outcome,
    advise,
    implied_rungs,
    nearest_rung,
)
from intervaltimer.workout.ladder import parse_then

LADDER = (90.0, 75.0, 60.0, 45.0, 30.0)
TARGET = 84.0


def session(rest_s: float, deviations: Sequence[float | None], efforts: Sequence[int | None],
            *, finished: bool = True, stopped: bool = False,
            planned: int | None = None) -> Outcome:
    """A session of 400s at TARGET: each rep this far off target (None = skipped)."""
    return Outcome(
        rest_s=rest_s,
        splits_s=tuple(None if d is None else TARGET + d for d in deviations),
        targets_s=(TARGET,) * len(deviations), efforts=tuple(efforts),
        finished=finished, stopped=stopped, reps_planned=planned)


GOOD = [0.0, -0.4, 0.3, 0.0, 0.4, 0.5, 0.6, 0.6]  # every rep within +0.6 s, fade +0.8 s
GOOD_EFFORT = [5, 5, 6, 6, 6, 7, 7, 7]


def test_improving_at_one_rung_shortens_with_its_reasons() -> None:
    advice = advise([session(60, GOOD, GOOD_EFFORT), session(60, GOOD, GOOD_EFFORT)], LADDER)
    assert advice.action == "shorten" and advice.rest_s == 45.0
    assert advice.sentence == ("45 s rest, one rung shorter: last 2 sessions every rep within "
                               "+0.6 s, fade +0.8 s, last-rep effort 7")
    assert advice.to_json()["reasons"] == [
        "last 2 sessions every rep within +0.6 s, fade +0.8 s, last-rep effort 7"]


def test_one_good_session_at_a_new_rung_holds() -> None:
    history = [session(75, GOOD, GOOD_EFFORT), session(60, GOOD, GOOD_EFFORT)]
    advice = advise(history, LADDER)
    assert advice.action == "hold" and advice.rest_s == 60.0
    assert "2 in a row" in advice.reasons[0]


def test_flat_with_a_fade_of_two_seconds_holds() -> None:
    fading = [-1.0, -0.8, 0.0, 0.3, 0.6, 0.8, 0.9, 1.0]  # fade 0.95 - (-0.9) = +1.85 s
    history = [session(60, fading, GOOD_EFFORT), session(60, fading, GOOD_EFFORT)]
    advice = advise(history, LADDER)
    assert advice.action == "hold" and advice.rest_s == 60.0
    assert advice.reasons == ("fade +1.9 s",)


def test_last_rep_at_effort_nine_holds() -> None:
    history = [session(60, GOOD, GOOD_EFFORT), session(60, GOOD, [*GOOD_EFFORT[:-1], 9])]
    advice = advise(history, LADDER)
    assert (advice.action, advice.reasons) == ("hold", ("last-rep effort 9",))


def test_a_blow_up_lengthens_one_rung() -> None:
    blown = [0.0, 0.3, 0.8, 1.5, 2.2, 2.9, 3.4, 3.1]
    history = [session(60, GOOD, GOOD_EFFORT), session(45, blown, GOOD_EFFORT)]
    advice = advise(history, LADDER)
    assert advice.action == "lengthen" and advice.rest_s == 60.0
    assert advice.reasons[0] == "a rep +3.4 s off target (more than +3 s)"


def test_not_finished_lengthens() -> None:
    cut = session(45, GOOD[:6], GOOD_EFFORT[:6], finished=False, stopped=True, planned=8)
    advice = advise([session(60, GOOD, GOOD_EFFORT), cut], LADDER)
    assert advice.action == "lengthen" and advice.rest_s == 60.0
    assert advice.reasons == ("last session stopped after 6 of 8 reps",)


def test_a_skipped_rep_is_not_finished() -> None:
    skipped = session(45, [0.1, 0.2, None, 0.3], [6, 6, None, 7], finished=False, planned=4)
    advice = advise([skipped], LADDER)
    assert advice.action == "lengthen" and advice.rest_s == 60.0
    assert advice.reasons == ("last session 3 of 4 reps (1 skipped)",)


def test_effort_ten_in_two_sessions_running_lengthens_but_once_holds() -> None:
    maxed = [*GOOD_EFFORT[:-1], 10]
    once = advise([session(60, GOOD, GOOD_EFFORT), session(60, GOOD, maxed)], LADDER)
    assert once.action == "hold"
    twice = advise([session(60, GOOD, maxed), session(60, GOOD, maxed)], LADDER)
    assert twice.action == "lengthen" and twice.rest_s == 75.0
    assert "effort 10 in 2 sessions running" in twice.reasons


def test_at_the_shortest_rung_the_workout_then_comes() -> None:
    history = [session(30, GOOD, GOOD_EFFORT), session(30, GOOD, GOOD_EFFORT)]
    more = advise(history, LADDER, parse_then("reps +2"))
    assert more.action == "reps" and more.rest_s == 30.0
    assert more.headline == "30 s rest, more reps (reps +2)"
    faster = advise(history, LADDER, parse_then("pace -1s"))
    assert faster.action == "pace" and faster.rest_s == 30.0
    assert faster.headline == "30 s rest, a faster target (pace -1s)"
    stay = advise(history, LADDER, None)  # a ladder without then: holds at its shortest rung
    assert (stay.action, stay.rest_s) == ("hold", 30.0)


def test_a_blow_up_at_the_longest_rung_holds_there() -> None:
    advice = advise([session(90, [0.0, 4.0], [6, 8])], LADDER)
    assert advice.action == "hold" and advice.rest_s == 90.0
    assert advice.reasons[-1] == "already the longest rest of the ladder"


def test_no_session_yet_has_nothing_to_go_on() -> None:
    advice = advise([], LADDER)
    assert (advice.action, advice.rest_s, advice.sessions) == ("hold", None, 0)
    assert advise([session(60, GOOD, GOOD_EFFORT)], LADDER).sessions == 1


def test_an_unrated_last_rep_or_no_targets_cannot_shorten() -> None:
    unrated = [*GOOD_EFFORT[:-1], None]
    advice = advise([session(60, GOOD, GOOD_EFFORT), session(60, GOOD, unrated)], LADDER)
    assert advice.action == "hold" and "not rated" in advice.reasons[0]
    no_target = Outcome(60, (80.0, 81.0), (None, None), (6, 7), True)
    assert advise([no_target, no_target], LADDER).action == "hold"


def test_rest_taken_snaps_to_the_nearest_rung() -> None:
    assert nearest_rung(LADDER, 62.0) == 2
    assert nearest_rung(LADDER, 67.5) == 1  # a tie goes to the longer rung
    history = [session(61, GOOD, GOOD_EFFORT), session(58, GOOD, GOOD_EFFORT)]
    assert advise(history, LADDER).rest_s == 45.0


def test_a_workout_without_a_ladder_steps_down_from_its_rest() -> None:
    assert implied_rungs(60) == (60.0, 45.0, 30.0, 15.0)
    assert implied_rungs(10) == (10.0,)
    history = [session(60, GOOD, GOOD_EFFORT), session(60, GOOD, GOOD_EFFORT)]
    assert advise(history).rest_s == 45.0
    short = [session(10, GOOD, GOOD_EFFORT), session(10, GOOD, GOOD_EFFORT)]
    advice = advise(short)
    assert (advice.action, advice.rest_s, advice.then) == ("reps", 10.0, DEFAULT_THEN)
