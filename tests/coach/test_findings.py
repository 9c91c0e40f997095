"""The six findings of reading the advice as a coach reads a log, each through the real path:
sessions written into a log, the advice read as ``next --json`` gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.coach.advice import advise
from intervaltimer.coach.grading import Outcome
from intervaltimer.coach.ladder import ladder_of
from intervaltimer.log.store import Store
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.mainset import main_reps, with_main_reps
from tests.helpers.coachkit import NO_LADDER, TARGET_400, cli_json, even, log_session, next_json

MILE = "8 x 400 m at mile pace"
OLD_SOURCE = NO_LADDER.replace("Eight fours, no ladder", MILE)
"""The shipped workout's name, its text from before it declared a ladder."""
WORKOUTS = Path(__file__).resolve().parents[2] / "workouts"
SHIPPED = (WORKOUTS / "8x400-mile.yaml").read_text(encoding="utf-8")
"""The shipped workout's text, its ladder declared: the source a session of it keeps."""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "log.sqlite3"


def test_finding_1_a_blow_up_lengthens_a_workout_without_a_ladder(db: Path) -> None:
    splits = [84.0, 84.5, 85.0, 86.0, 86.5, 87.0, 87.5, TARGET_400 + 3.6]
    with Store.open(db) as store:
        log_session(store, "Eight fours, no ladder", NO_LADDER, 0, 60.0, splits, [7] * 8)
    advice = next_json(db, "Eight fours, no ladder")
    assert (advice["action"], advice["rest_s"]) == ("lengthen", 75.0)
    assert "back_off" in advice["verdict_kinds"]


def test_finding_1_the_ladder_is_the_workout_run_today_not_the_stored_source(db: Path) -> None:
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, MILE, OLD_SOURCE, day, 30.0, even(0.3), [7] * 8)
    advice = next_json(db, "8x400-mile")
    # The shipped file's ladder ends at 30 s with `then: reps +2`; the old text had none.
    assert (advice["action"], advice["rest_s"], advice["reps"]) == ("reps", 30.0, 10)
    assert advice["command"] == "intervaltimer run 8x400-mile --rest 30s --reps 10"


def test_finding_2_the_same_pace_at_rising_effort_never_shortens(db: Path) -> None:
    efforts = ([6] * 7 + [7], [6] * 6 + [7, 7], [7] * 7 + [8], [7] * 6 + [8, 8], [8] * 8)
    with Store.open(db) as store:
        for day, rated in enumerate(efforts):
            log_session(store, MILE, OLD_SOURCE, 2 * day, 60.0, even(0.3), rated)
    advice = next_json(db, "8x400-mile")
    assert advice["action"] == "hold" and advice["rest_s"] == 60.0
    assert "effort_rising" in advice["verdict_kinds"]


def test_finding_3_progress_stands_next_to_a_hard_session(db: Path) -> None:
    with Store.open(db) as store:
        for day, rest in enumerate((90.0, 90.0, 75.0, 75.0, 60.0, 60.0, 45.0, 45.0)):
            log_session(store, MILE, OLD_SOURCE, 2 * day, rest, even(0.5), [8] * 7 + [9])
    advice = next_json(db, "8x400-mile")
    assert advice["action"] == "hold" and advice["rest_s"] == 45.0
    assert "tolerance_up" in advice["verdict_kinds"]
    assert "back_off" not in advice["verdict_kinds"]
    assert "tolerance up" in advice["verdict"]
    assert "held, not clean (effort 9)" in advice["reasons"][0]  # what held it, told
    # The trend's headline agrees with the advice under it: no "back off" over a hold.
    trend = cli_json(db, "trend", "8x400-mile")
    assert trend["verdict"]["kinds"] == advice["verdict_kinds"]
    assert "tolerance up" in trend["verdict"]["sentence"]
    assert "back off" not in trend["verdict"]["sentence"] + trend["summary"]


def test_finding_4_one_change_at_a_time_after_a_new_target(db: Path) -> None:
    faster = TARGET_400 - 1.0
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, MILE, OLD_SOURCE, day, 60.0, even(0.3), [7] * 8)
        log_session(store, MILE, OLD_SOURCE, 4, 60.0, even(0.3, target_s=faster), [7] * 8,
                    target_s=faster)
    advice = next_json(db, "8x400-mile")
    assert advice["action"] == "hold" and advice["rest_s"] == 60.0
    assert "fitter" in advice["verdict_kinds"]


def test_finding_4_one_change_at_a_time_after_more_reps(db: Path) -> None:
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, MILE, OLD_SOURCE, day, 30.0, even(0.3), [7] * 8)
        log_session(store, MILE, OLD_SOURCE, 4, 30.0, even(0.3, reps=10), [7] * 10)
    advice = next_json(db, "8x400-mile")
    assert (advice["action"], advice["rest_s"], advice["reps"]) == ("hold", 30.0, 10)


def test_finding_5_the_kick_is_not_fatigue_and_the_fade_is(db: Path) -> None:
    kicker = [TARGET_400 + d for d in (0.4, 0.6, 0.5, 0.7, 0.8, 0.6, 0.7, -2.5)]
    efforts = [6, 6, 7, 7, 7, 8, 8, 9]
    fader = [TARGET_400 + d for d in (-1.0, -0.6, 0.0, 0.4, 0.8, 1.2, 1.4, 1.6)]
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, MILE, OLD_SOURCE, day, 60.0, kicker, efforts)
            log_session(store, "Fader", NO_LADDER.replace("Eight fours, no ladder", "Fader"),
                        day, 60.0, fader, [6, 6, 7, 7, 7, 8, 8, 8])
    kicked = next_json(db, "8x400-mile")
    assert (kicked["action"], kicked["rest_s"]) == ("shorten", 45.0)
    faded = next_json(db, "Fader")
    assert faded["action"] == "hold"


def test_finding_6_a_hot_day_blow_up_repeats_the_rung(db: Path) -> None:
    with Store.open(db) as store:
        for day, rest in enumerate((90.0, 90.0, 75.0, 75.0)):
            log_session(store, MILE, SHIPPED, 2 * day, rest, even(0.3), [7] * 8)
        hot = log_session(store, MILE, SHIPPED, 8, 60.0, even(3.2), [9] * 8,
                          conditions=["heat"])
    advice = next_json(db, "8x400-mile")
    assert (advice["action"], advice["rest_s"]) == ("hold", 60.0)
    assert "conditions" in advice["verdict_kinds"] and "back_off" not in advice["verdict_kinds"]
    # The same session unflagged is a blow-up: the flag, not the ladder, holds the rung.
    with Store.open(db) as store:
        store.set_conditions(hot, [])
    assert next_json(db, "8x400-mile")["action"] == "lengthen"


def test_finding_6_sessions_without_efforts_move_on_their_splits(db: Path) -> None:
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, MILE, OLD_SOURCE, day, 60.0, even(0.3))
    advice = next_json(db, "8x400-mile")
    assert (advice["action"], advice["rest_s"]) == ("shorten", 45.0)
    assert "unrated" in advice["verdict_kinds"]


def test_finding_6_limits_are_per_cent_of_the_rep(db: Path) -> None:
    two = "Ten twos"
    source = NO_LADDER.replace("Eight fours, no ladder", two).replace("400m", "200m")
    with Store.open(db) as store:
        for day in (0, 2):  # +0.6 s on a 39.6 s 200 m is +1.5 %: a 400 m's +1 s would pass
            log_session(store, two, source, day, 60.0, even(0.6, 10, 39.6), [7] * 10,
                        target_s=39.6, distance_m=200.0)
    assert next_json(db, two)["action"] == "hold"


def test_finding_6_an_older_abandoned_session_says_how_many_reps_it_ran() -> None:
    stopped = Outcome(splits_s=tuple(even(0.3, 5)), targets_s=(TARGET_400,) * 5,
                      efforts=(7,) * 5, rung_s=90.0, reps_planned=None, status="abandoned")
    advice = advise([stopped], ladder_of(None, 90.0))
    assert advice.action == "lengthen" and advice.rest_s == 105.0
    assert advice.reasons == ("last session stopped after 5 reps",)
    assert advice.reps is None  # 5 run is not a plan: no `--reps 5` with the longer rest


def test_finding_6_reps_plus_two_can_be_followed_with_run_reps(db: Path) -> None:
    workout = resolve_workout("8x400-mile")
    assert main_reps(with_main_reps(workout, 10)) == 10
    assert with_main_reps(workout, 10).name == workout.name
    # The advised command's options, previewed as `plan` shows them.
    planned = cli_json(db, "plan", "8x400-mile", "--rest", "30s", "--reps", "10")
    assert (planned["name"], planned["main_reps"], planned["main_rest_s"]) == (
        MILE, 10, 30.0)


def test_finding_6_the_kick_finisher_walk_is_never_shortened(db: Path) -> None:
    source = (WORKOUTS / "kick-finisher.yaml").read_text(encoding="utf-8")
    splits = [66.0, 15.0] * 5
    with Store.open(db) as store:
        for day in (0, 2):
            log_session(store, "Kick finisher", source, day, 180.0, splits, [7] * 10,
                        target_s=[66.0, 15.0] * 5)
    advice = next_json(db, "kick-finisher")
    assert (advice["action"], advice["rest_s"]) == ("hold", 180.0)


def test_finding_6_the_first_session_starts_where_the_workout_says(db: Path) -> None:
    with Store.open(db) as store:
        log_session(store, "Other", NO_LADDER, 0, 60.0, even(0.3), [7] * 8)
    advice = next_json(db, "8x400-mile")
    assert (advice["action"], advice["rest_s"]) == ("hold", 90.0)
    assert advice["verdict_kinds"] == ["first_session"]


@pytest.mark.parametrize("status", ["abandoned", "main_set_done"])
def test_finding_6_quitting_after_the_main_set_is_finished(status: str) -> None:
    done = Outcome(splits_s=tuple(even(0.3)), targets_s=(TARGET_400,) * 8, efforts=(7,) * 8,
                   rung_s=60.0, reps_planned=8, status=status)
    advice = advise([done, done], ladder_of(None, 60.0))
    assert (advice.action, advice.rest_s) == ("shorten", 45.0)
