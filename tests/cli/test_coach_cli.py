"""`next` (the advice for the next session), `rate` (a session's effort given later) and the
weekly lines of `history`, on a log written as runs write it."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.log.store import Store

MONDAY = datetime(2025, 3, 3, 18, 0).timestamp()
DAY = 86400.0
SOURCE = """name: 8 x 400 ladder
progression:
  rest: [90s, 75s, 60s, 45s]
  then: reps +2
steps:
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def add(store: Store, day: int, rest_s: float, deviations: list[float], last_rpe: int,
        status: str = "completed", planned: int = 8) -> int:
    """A session at the rung `rest_s`: reps this far off an 84.5 s target, the last rated."""
    start = MONDAY + day * DAY
    session = store.start_session("8 x 400 ladder", SOURCE, {"mile": 0.21}, 17,
                                  started_at=start, main_rest_s=rest_s, reps_planned=planned)
    for index, deviation in enumerate(deviations, start=1):
        store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/8",
                         split_s=84.5 + deviation, ended_at=start + 150 * index,
                         distance_m=400.0, target_s=84.5, rest_s=rest_s, main=True,
                         rpe=last_rpe if index == len(deviations) else 6)
    store.finish_session(session, status, ended_at=start + 2400)
    return session


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    with Store.open(path) as store:
        good = [0.0, 0.2, 0.1, 0.3, 0.4, 0.5, 0.4, 0.6]
        add(store, 0, 60.0, good, 7)
        add(store, 2, 60.0, good, 7)
    return path


def test_next_says_shorten_after_two_good_sessions_on_the_workout_ladder(log: Path) -> None:
    result = run("next", "8 x 400 ladder", "--json")
    assert result.exit_code == 0, result.output
    advice = json.loads(result.stdout)
    assert advice["action"] == "shorten" and advice["rest_s"] == 45.0
    assert advice["reasons"] == [
        "2 clean sessions in a row on 60 s: every rep within +0.7 %, fade 0.5 points, effort 7"]
    text = run("next", "ladder")
    assert text.stdout.startswith("8 x 400 ladder: next time 45 s rest, one rung shorter: ")


def test_next_at_the_shortest_rung_gives_the_workout_then(log: Path) -> None:
    with Store.open(log) as store:
        for day in (4, 6):
            add(store, day, 45.0, [0.0, 0.1, 0.2, 0.1, 0.2, 0.3, 0.2, 0.3], 8)
    advice = json.loads(run("next", "ladder", "--json").stdout)
    assert (advice["action"], advice["rest_s"]) == ("reps", 45.0)
    assert advice["summary"].startswith("45 s rest, 10 reps (reps +2)")


def test_next_after_a_cut_short_session_lengthens(log: Path) -> None:
    with Store.open(log) as store:
        add(store, 4, 45.0, [0.2, 0.8, 1.5, 2.0, 2.6, 2.9], 10, status="abandoned")
    advice = json.loads(run("next", "ladder", "--json").stdout)
    assert (advice["action"], advice["rest_s"]) == ("lengthen", 60.0)
    assert advice["reasons"] == ["last session stopped after 6 of 8 reps"]
    trend = json.loads(run("trend", "ladder", "--json").stdout)
    assert [(s["reps_done"], s["reps_planned"], s["status"]) for s in trend["sessions"]] == [
        (8, 8, "completed"), (8, 8, "completed"), (6, 8, "abandoned")]
    assert "back_off" in trend["verdict"]["kinds"]
    assert trend["verdict"]["sentence"].startswith(
        "the set came apart (last session stopped after 6 of 8 reps): back off to 60 s")
    assert trend["advice"] == advice


def test_next_of_a_workout_not_in_the_log_is_one_line_and_exit_1(log: Path) -> None:
    result = run("next", "hill sprints")
    assert result.exit_code == 1 and "no sessions of workout 'hill sprints'" in result.stderr


def test_rate_gives_a_session_effort_later_and_history_shows_the_week(log: Path) -> None:
    before = json.loads(run("history", "--json").stdout)
    assert [row["load"] for row in before] == [None, None]
    assert before[0]["week"]["rated"] == 0
    result = run("rate", "last", "7")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("session 2 (8 x 400 ladder): effort 7 very hard, "
                             "load 280 (7 × 40 min)\n")
    assert run("rate", "1", "5").exit_code == 0
    rows = json.loads(run("history", "--json").stdout)
    assert [row["session_rpe"] for row in rows] == [7, 5]
    # Monday 5 × 40 = 200, Wednesday 7 × 40 = 280: total 480, mean 68.57 a day; squared
    # deviations 17273.5 + 4702.0 + 44702.0 + 4 × 4702.0 = 85485.5, population sd
    # √(85485.5 / 7) = 110.51: monotony 68.57 / 110.51 = 0.621, strain 480 × 0.621 = 297.8.
    week = rows[0]["week"]
    assert week == {"week": "2025-03-03", "sessions": 2, "rated": 2, "load": 480.0,
                    "monotony": pytest.approx(0.6205, abs=0.001),
                    "strain": pytest.approx(297.8, abs=0.1)}
    text = run("history")
    assert "week of 2025-03-03: 2 sessions, load 480, monotony 0.62, strain 298" in text.stdout
    assert "8/8" in text.stdout and "60 s" in text.stdout


def test_rate_refuses_an_effort_off_the_scale_or_no_session(log: Path) -> None:
    assert run("rate", "last", "11").exit_code == 2
    missing = run("rate", "99", "5")
    assert missing.exit_code == 1 and "no session 99" in missing.stderr


def test_show_lists_a_skipped_rep_and_the_last_reps_kick(log: Path) -> None:
    with Store.open(log) as store:
        start = MONDAY + 4 * DAY
        session = store.start_session("8 x 400 ladder", SOURCE, {}, 9, started_at=start,
                                      main_rest_s=60.0, reps_planned=4)
        for index, split in enumerate([84.5, None, 84.9, 83.0], start=1):
            store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/4",
                             split_s=split, skipped=split is None, ended_at=start + 150 * index,
                             distance_m=400.0, target_s=84.5, main=True,
                             rpe=None if split is None else 8)
        store.finish_session(session, "completed", ended_at=start + 900)
    text = run("show", "last")
    assert text.exit_code == 0, text.output
    assert re.search(r"^\s*2\s+Rep 2/4\s+400 m\s+1:24\.5\s+skipped\s", text.stdout, re.M)
    # the last rep 83.0 against the others' mean deviation (0 + 0.4) / 2 = +0.2: -1.7 s
    assert "3/4 reps (1 skipped)" in text.stdout
    assert "last rep -1.7 s (-2.0 %) at effort 8" in text.stdout
    document = json.loads(run("show", "last", "--json").stdout)
    assert [(r["split_s"], r["skipped"]) for r in document["reps"]][1] == (None, True)
    metrics = document["metrics"]
    assert (metrics["reps"], metrics["skipped"], metrics["reps_planned"]) == (3, 1, 4)
    assert metrics["kick_s"] == -1.7 and metrics["last_rep_rpe"] == 8
    # a session with a rep skipped is not finished: the advice lengthens the rest
    advice = json.loads(run("next", "ladder", "--json").stdout)
    assert (advice["action"], advice["rest_s"]) == ("lengthen", 75.0)
    assert advice["reasons"] == ["last session 3 of 4 reps (1 skipped)"]
