"""`flag` (bad conditions on a session), conditions in history, show and the export, and
the names `next`, `trend`, `history --workout` and `show` take: whatever `run` takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.log.store import Store
from tests.helpers.coachkit import NO_LADDER, even, log_session

QUICK = "4 x 100 m @ mile"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv("INTERVALTIMER_DB", str(path))
    with Store.open(path) as store:
        for day in (0, 2):
            log_session(store, "Eight fours, no ladder", NO_LADDER, day, 60.0, even(0.3),
                        [7] * 8)
        for day in (4, 6):
            log_session(store, QUICK, "4x100m@mile/20s", day, 20.0, even(0.1, 4, 21.0),
                        [7] * 4, target_s=21.0, distance_m=100.0)
    return path


def test_flag_last_heat_then_clear_it(db: Path) -> None:
    flagged = run("flag", "last", "heat", "WIND")
    assert flagged.exit_code == 0, flagged.output
    assert flagged.stdout.strip() == f"session 4 ({QUICK}): heat, wind"
    assert json.loads(run("show", "last", "--json").stdout)["conditions"] == ["heat", "wind"]
    rows = json.loads(run("history", "--json").stdout)
    assert [row["conditions"] for row in rows] == [["heat", "wind"], [], [], []]
    assert "heat," in run("history").stdout and "wind" in run("history").stdout
    assert "conditions: heat, wind (flagged: this session moves no rung)" in run(
        "show", "4").stdout
    cleared = run("flag", "last", "--clear")
    assert cleared.exit_code == 0 and cleared.stdout.strip().endswith(": normal conditions")
    assert json.loads(run("show", "last", "--json").stdout)["conditions"] == []


def test_trend_names_the_flagged_session_under_its_table(db: Path) -> None:
    assert "flagged" not in run("trend", "4x100m@mile/20s").stdout
    run("flag", "3", "rain")
    shown = run("trend", "4x100m@mile/20s")
    assert shown.exit_code == 0, shown.output
    assert "flagged: 3 rain (bad conditions:" in shown.stdout
    doc = json.loads(run("trend", "4x100m@mile/20s", "--json").stdout)
    assert [s["conditions"] for s in doc["sessions"]] == [["rain"], []]


@pytest.mark.parametrize("named", ["4 x 100", "4 X 100 M @ MILE", "4x100m@mile/20s"])
def test_the_command_to_run_is_one_run_takes_whatever_the_workout_was_named_by(
        db: Path, named: str) -> None:
    advice = json.loads(run("next", named, "--json").stdout)
    assert advice["command"] == "intervaltimer run 4x100m@mile/20s --rest 15s"
    trend = json.loads(run("trend", named, "--json").stdout)
    assert trend["advice"]["command"] == advice["command"]


def test_history_at_80_columns_shows_a_status_and_every_flag_in_full(db: Path) -> None:
    with Store.open(db) as store:
        log_session(store, "Eight fours, no ladder", NO_LADDER, 8, 60.0, even(0.3, 5),
                    [7] * 5, status="abandoned", planned=8)
    run("flag", "last", "heat", "wind", "illness")
    shown = CliRunner().invoke(main, ["history"], env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in shown.splitlines()) <= 80
    words = " ".join(shown.split())
    for word in ("status", "abandoned,", "heat,", "wind,", "illness", "5/8", "1:24.8"):
        assert word in words, word


def test_a_workout_run_can_no_longer_find_gets_no_command_but_says_what_to_do(
        db: Path) -> None:
    advice = json.loads(run("next", "Eight fours", "--json").stdout)
    assert (advice["action"], advice["rest_s"], advice["command"]) == ("shorten", 45.0, None)
    shown = run("next", "Eight fours").stdout.splitlines()[-1]
    assert shown.startswith("Run it: 45 s rest, 8 reps, from the workout's file: `run` no "
                            "longer finds 'Eight fours, no ladder'")
    assert run("run", "Eight fours, no ladder").exit_code != 0  # what it would have said


def test_flag_refuses_an_unknown_condition_or_nothing(db: Path) -> None:
    assert run("flag", "last", "snow").exit_code == 2
    assert run("flag", "last").exit_code == 2
    assert run("flag", "last", "heat", "--clear").exit_code == 2
    missing = run("flag", "42", "heat")
    assert missing.exit_code == 1 and "no session 42" in missing.stderr


def test_a_flagged_newest_session_moves_no_rung(db: Path) -> None:
    before = json.loads(run("next", "Eight fours, no ladder", "--json").stdout)
    assert (before["action"], before["rest_s"]) == ("shorten", 45.0)
    assert run("flag", "2", "illness").exit_code == 0
    after = json.loads(run("next", "Eight fours, no ladder", "--json").stdout)
    assert (after["action"], after["rest_s"]) == ("hold", 60.0)
    assert "conditions" in after["verdict_kinds"]
    assert "flagged illness" in after["verdict"]


def test_the_export_carries_conditions_and_imports_them(db: Path,
                                                              tmp_path: Path) -> None:
    assert run("flag", "1", "rain").exit_code == 0
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(out)).exit_code == 0
    document = json.loads(out.read_text())
    assert document["version"] == 4
    assert [s["conditions"] for s in document["sessions"]] == [["rain"], [], [], []]
    other = tmp_path / "other.sqlite3"
    assert run("import", str(out), "--db", str(other)).exit_code == 0
    with Store.open(other) as store:
        assert [s.conditions for s in reversed(store.sessions())] == [("rain",), (), (), ()]
    document["sessions"][0]["conditions"] = ["sleet"]
    out.write_text(json.dumps(document))
    refused = run("import", str(out), "--db", str(tmp_path / "third.sqlite3"))
    assert refused.exit_code == 1 and "sessions[0].conditions" in refused.stderr


@pytest.mark.parametrize("name", ["4x100m@mile/20s", "4 x 100 m @ mile", "４x１００m@mile/20s",
                                  "4 X 100 M @ MILE"])
def test_every_command_finds_a_quick_workout_by_what_run_takes(db: Path, name: str) -> None:
    advice = json.loads(run("next", name, "--json").stdout)
    assert (advice["action"], advice["rest_s"]) == ("shorten", 15.0)
    assert advice["command"].startswith("intervaltimer run ")
    assert json.loads(run("trend", name, "--json").stdout)["workout"] == QUICK
    rows = json.loads(run("history", "--workout", name, "--json").stdout)
    assert {row["workout"] for row in rows} == {QUICK}
    assert json.loads(run("show", name, "--json").stdout)["id"] == 4


def test_next_prints_the_command_that_follows_the_advice(db: Path) -> None:
    text = run("next", "4x100m@mile/20s").stdout
    assert "next time 15 s rest, one rung shorter" in text
    assert text.splitlines()[-1] == "Run it: intervaltimer run 4x100m@mile/20s --rest 15s"


def test_run_reps_that_the_main_set_cannot_make_is_refused(db: Path) -> None:
    refused = run("run", "kick-finisher", "--reps", "9")
    assert refused.exit_code == 1
    assert "each round of the main set runs 2 reps" in refused.stderr
    assert run("run", "8x400-mile", "--reps", "0").exit_code == 2
