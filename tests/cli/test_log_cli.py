"""`intervaltimer history` and `show`: JSON for programs, tables for people, errors."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.cli.dbopt import db_option, open_log
from intervaltimer.cli.log import parse_since
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.log.schema import SCHEMA_VERSION
from intervaltimer.log.store import Store

# Thursday 1 May 2025 and the sessions of the following days, at 18:00 local time.
DAY = 86400.0
T0 = datetime(2025, 5, 1, 18, 0).timestamp()
HISTORY_KEYS = {"id", "workout", "started_at", "status", "reps", "mean_split_s", "mean_rpe",
                "reps_done", "reps_planned", "rest_s", "session_rpe", "load", "week",
                "conditions", "ending"}
SHOW_KEYS = {"id", "workout", "started_at", "ended_at", "status", "note", "reps", "ending",
             "not_run"}
REP_KEYS = {"index", "label", "distance_m", "target_s", "split_s", "rpe"}


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log with three sessions; also the default log of the commands, via the environment."""
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    with Store.open(path) as store:
        first = store.start_session("8 x 400 m at mile pace", "src", {}, 17, started_at=T0)
        for index, (split, rpe) in enumerate([(85.9, 6), (86.4, 7), (87.2, None)], start=1):
            store.record_rep(first, index, step_index=1 + 2 * index, label=f"Rep {index}/8",
                             split_s=split, ended_at=T0 + 200 * index, distance_m=400.0,
                             target_s=84.5, rpe=rpe)
        store.set_rest(first, 1, 61.04)
        store.finish_session(first, "completed", ended_at=T0 + 1800)
        store.set_note(first, "windy")
        store.set_session_rpe(first, 7)
        second = store.start_session("6 x 800 m", "src", {}, 13, started_at=T0 + DAY)
        store.finish_session(second, "abandoned", ended_at=T0 + DAY + 120)
        third = store.start_session("8 x 400 m at mile pace", "src", {}, 17,
                                    started_at=T0 + 7 * DAY)
        store.record_rep(third, 1, step_index=3, label="Rep 1/8", split_s=84.0,
                         ended_at=T0 + 7 * DAY + 100, rpe=5)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# -- history -----------------------------------------------------------------------------------

def test_history_json_lists_sessions_newest_first_with_their_means(log: Path) -> None:
    result = run("history", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [3, 2, 1]
    assert all(set(row) == HISTORY_KEYS for row in rows)
    oldest = rows[2]
    week = {"week": "2025-04-28", "sessions": 2, "rated": 1, "load": 210.0,
            "monotony": 0.408, "strain": 85.7}  # Thursday 7 × 30 min; Friday abandoned, unrated
    assert oldest == {"id": 1, "workout": "8 x 400 m at mile pace",
                      "started_at": oldest["started_at"], "status": "completed", "reps": 3,
                      "mean_split_s": 86.5, "mean_rpe": 6.5, "reps_done": 3,
                      "reps_planned": None, "rest_s": None, "session_rpe": 7, "load": 210.0,
                      "week": week, "conditions": [], "ending": None}
    assert rows[1]["week"] == week
    assert rows[1]["reps"] == 0 and rows[1]["mean_split_s"] is None
    assert rows[1]["mean_rpe"] is None and rows[1]["status"] == "abandoned"
    assert rows[0]["status"] == "running"
    started = datetime.fromisoformat(oldest["started_at"])
    assert started.tzinfo is not None  # local time with its offset
    assert started.timestamp() == T0 and started.hour == 18


def test_history_filters_by_workout_date_and_count(log: Path) -> None:
    def ids(*args: str) -> list[int]:
        result = run("history", "--json", *args)
        assert result.exit_code == 0, result.output
        return [row["id"] for row in json.loads(result.stdout)]

    assert ids("--workout", "8 x 400 m at mile pace") == [3, 1]
    assert ids("--workout", "8 X 400") == [3, 1]  # a unique part, any case
    assert ids("--since", "2025-05-02") == [3, 2]
    assert ids("--since", "2025-05-02T18:00:01") == [3]
    assert ids("--limit", "2") == [3, 2]
    assert ids("--workout", "800", "--since", "2025-05-01") == [2]


def test_history_for_people_is_a_table(log: Path) -> None:
    result = CliRunner().invoke(main, ["history"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "8 x 400 m at mile pace" in result.stdout and "6 x 800 m" in result.stdout
    assert "1:26.5" in result.stdout  # mean split of session 1
    assert "+2.0" in result.stdout  # its mean difference from the 1:24.5 target
    assert "2025-05-01" in result.stdout
    assert "abandoned" in result.stdout
    narrow = CliRunner().invoke(main, ["history"], env={"COLUMNS": "80"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    assert "abandoned" in narrow.stdout and "1:26.5" in narrow.stdout


def test_history_of_an_unknown_workout_lists_the_known_ones(log: Path) -> None:
    result = run("history", "--workout", "10 x 200")
    assert result.exit_code == 1
    assert "no sessions of workout '10 x 200'" in result.stderr
    assert "8 x 400 m at mile pace" in result.stderr and "6 x 800 m" in result.stderr
    ambiguous = run("history", "--workout", "x")
    assert ambiguous.exit_code == 1 and "matches several" in ambiguous.stderr


def test_history_with_nothing_found_exits_1(log: Path) -> None:
    result = run("history", "--json", "--since", "2030-01-01")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no sessions found since 2030-01-01" in result.stderr


def test_a_bad_since_is_a_usage_error() -> None:
    result = run("history", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "2025-05-01" in result.stderr and "7d" in result.stderr


def test_since_reads_days_and_weeks_ago() -> None:
    now = T0 + 30 * DAY
    assert parse_since("7d", now=now) == now - 7 * DAY
    assert parse_since("2w", now=now) == now - 14 * DAY
    assert parse_since("2025-05-01") == datetime(2025, 5, 1).timestamp()


def test_history_and_show_json_say_how_a_session_ended(tmp_path: Path) -> None:
    path = tmp_path / "ended.sqlite3"
    with Store.open(path) as store:
        done = store.start_session("8 x 400", "src", {}, 9, started_at=T0)
        store.finish_session(done, "completed", T0 + 600, ending="main set done",
                             not_run=["Strides 1/2", "Strides 2/2"])
        quit_run = store.start_session("8 x 400", "src", {}, 9, started_at=T0 + DAY)
        store.finish_session(quit_run, "abandoned", T0 + DAY + 60, ending="quit")
    rows = json.loads(run("history", "--json", "--db", str(path)).stdout)
    assert [(row["status"], row["ending"]) for row in rows] == [
        ("abandoned", "quit"), ("completed", "main set done")]
    shown = json.loads(run("show", str(done), "--json", "--db", str(path)).stdout)
    assert (shown["status"], shown["ending"], shown["not_run"]) == (
        "completed", "main set done", ["Strides 1/2", "Strides 2/2"])
    shown = json.loads(run("show", str(quit_run), "--json", "--db", str(path)).stdout)
    assert (shown["ending"], shown["not_run"]) == ("quit", [])


# -- show --------------------------------------------------------------------------------------

def test_show_json_gives_the_session_rep_by_rep(log: Path) -> None:
    result = run("show", "1", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert SHOW_KEYS <= set(document)
    assert (document["id"], document["workout"], document["status"], document["note"]) == (
        1, "8 x 400 m at mile pace", "completed", "windy")
    assert document["session_rpe"] == 7
    assert datetime.fromisoformat(document["ended_at"]).timestamp() == T0 + 1800
    assert [set(rep) >= REP_KEYS for rep in document["reps"]] == [True] * 3
    assert [(r["index"], r["split_s"], r["rpe"]) for r in document["reps"]] == [
        (1, 85.9, 6), (2, 86.4, 7), (3, 87.2, None)]
    first = document["reps"][0]
    assert (first["label"], first["distance_m"], first["target_s"], first["rest_s"]) == (
        "Rep 1/8", 400.0, 84.5, 61.04)


def test_show_last_is_the_newest_session(log: Path) -> None:
    result = run("show", "last", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["id"] == 3 and document["ended_at"] is None
    assert document["note"] is None and len(document["reps"]) == 1
    assert document["reps"][0]["target_s"] is None


def test_show_for_people_is_a_table(log: Path) -> None:
    result = run("show", "1")
    assert result.exit_code == 0, result.output
    for text in ("Session 1", "8 x 400 m at mile pace", "windy", "Rep 2/8", "1:26.4",
                 "1:24.5", "+1.9", "400 m", "completed"):
        assert text in result.stdout, text


def test_show_of_a_missing_session_exits_1_and_a_bad_one_2(log: Path) -> None:
    missing = run("show", "42")
    assert missing.exit_code == 1 and "no session 42" in missing.stderr
    assert "intervaltimer history" in missing.stderr
    bad = run("show", "yesterday")  # not a number: a workout, and none is called that
    assert bad.exit_code == 1 and "no sessions of workout 'yesterday'" in bad.stderr


# -- which log, and logs that cannot be used -------------------------------------------------

def test_the_db_option_wins_over_the_environment(log: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with Store.open(other) as store:
        store.start_session("200s", "src", {}, 4, started_at=T0)
    result = run("history", "--json", "--db", str(other))
    assert [row["workout"] for row in json.loads(result.stdout)] == ["200s"]


def test_reading_a_log_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "log.sqlite3"
    for command in (["history"], ["show", "last"], ["show", "1", "--json"]):
        result = run(*command, "--db", str(path))
        assert result.exit_code == 1
        assert result.stderr.strip() == f"Error: no sessions logged yet: {path} does not exist"
    assert not path.parent.exists()


def test_an_empty_log_has_no_last_session(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    Store.open(path).close()
    result = run("show", "last", "--db", str(path))
    assert result.exit_code == 1 and "no sessions in" in result.stderr


@pytest.mark.parametrize("command", [["history"], ["show", "last", "--json"]])
def test_a_corrupt_log_is_one_line_exit_1_and_untouched(tmp_path: Path,
                                                        command: list[str]) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"not a database at all\n" * 300)
    before = path.read_bytes()
    result = run(*command, "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {path}: ")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert path.read_bytes() == before


def test_a_log_from_a_newer_version_is_reported(log: Path) -> None:
    conn = sqlite3.connect(log)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    result = run("history")
    assert result.exit_code == 1 and "newer intervaltimer" in result.stderr


def test_a_read_only_log_can_still_be_reviewed(log: Path) -> None:
    log.chmod(0o444)
    try:
        result = run("history", "--json")
        assert result.exit_code == 0, result.output
        assert len(json.loads(result.stdout)) == 3
    finally:
        log.chmod(0o644)


def test_db_option_is_reusable_by_other_commands(tmp_path: Path) -> None:
    @click.command()
    @db_option
    def probe(db: str | None) -> None:
        with open_log(db) as store:
            click.echo(str(store.path))

    path = tmp_path / "new" / "log.sqlite3"
    result = CliRunner().invoke(probe, ["--db", str(path)])
    assert result.exit_code == 0 and result.stdout.strip() == str(path)
    assert path.is_file()  # opened for writing: created
    assert "--db PATH" in CliRunner().invoke(probe, ["--help"]).stdout
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = CliRunner().invoke(probe, ["--db", str(blocked / "log.sqlite3")])
    assert result.exit_code == 1 and "cannot create the log's directory" in result.stderr


def test_the_real_command_prints_no_traceback_and_loads_neither_rich_nor_textual_early(
        tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    done = subprocess.run([sys.executable, "-m", "intervaltimer", "show", "last", "--db",
                           str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    code = ("import sys, intervaltimer.cli.log, intervaltimer.cli.dbopt\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_a_rep_a_hair_under_target_shows_plus_zero_not_minus_zero(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("8 x 400 m at mile pace", "src", {}, 3, started_at=T0)
        store.record_rep(session, 1, step_index=1, label="Rep 1/1", split_s=84.5,
                         ended_at=T0 + 90, distance_m=400.0, target_s=84.506)
        store.finish_session(session, "completed", ended_at=T0 + 600)
    for args in (("show", "1"), ("history",)):
        result = run(*args, "--db", str(path))
        assert result.exit_code == 0, result.output
        assert not re.search(r"-0\.0(?!\d)", result.stdout) and "+0.0" in result.stdout


@pytest.mark.parametrize(("command", "keys"), [
    ("history", ["mean_split_s", "mean_rpe", "newest first"]),
    ("show", ["split_s", "metrics", "session_rpe"]),
    ("trend", ["compare_by", "slopes", "summary"]),
])
def test_help_says_what_the_json_holds(command: str, keys: list[str]) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "documented above" not in text
    for key in keys:
        assert key in text, key
