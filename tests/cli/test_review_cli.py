"""`intervaltimer trend`, `export`, `import` and the `metrics` of `show --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.log.store import Store
from tests.helpers.reviewkit import EIGHT_HUNDREDS, FIVE_K_400, MILE_400, Seeded, seed

TREND_KEYS = {"workout", "compare_by", "sessions", "slopes", "summary"}
TREND_SESSION_KEYS = {"id", "started_at", "mean_split_s", "mean_deviation_s", "mean_rpe",
                      "decrement_pct", "load"}


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seeded:
    """The seeded log, also the commands' default log through the environment."""
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    return seed(path)


def run(*args: str, input: str | None = None) -> Result:  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input)


# -- trend ----------------------------------------------------------------------------------


def test_trend_json_has_the_documented_shape_and_sentence(seeded: Seeded) -> None:
    result = run("trend", FIVE_K_400, "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert TREND_KEYS <= set(document)
    assert document["workout"] == FIVE_K_400 and document["compare_by"] == "split"
    assert [s["id"] for s in document["sessions"]] == list(seeded.five_k)
    assert all(TREND_SESSION_KEYS <= set(s) for s in document["sessions"])
    first = document["sessions"][0]
    assert first["started_at"].startswith("2025-03-03T18:00:00")
    assert first["mean_split_s"] == 80.0 and first["mean_rpe"] == 7.0 and first["load"] == 280.0
    # Hand-computed: slope of 7.0, 6.8, 6.5, 6.3, 6.1, 5.9 over sessions 0..5 is -3.9 / 17.5.
    assert document["slopes"]["mean_rpe_per_session"] == -0.2229
    assert document["summary"] == (
        "mean effort down 1.1 over 6 sessions at the same pace; slowdown fell from 4.6 % to 2.0 % "
        "(fitted trend); last time the last rep was 0.6 s slower than the others at effort 6")
    # The advice is next's object; these sessions kept no rest, so it cannot move a rung.
    assert document["advice"] == json.loads(run("next", FIVE_K_400, "--json").output)
    assert document["advice"]["action"] == "hold" and document["advice"]["rest_s"] == 60.0
    assert document["verdict"]["kinds"] == document["advice"]["verdict_kinds"]


def test_trend_finds_a_workout_by_part_of_its_name_and_prints_a_table(seeded: Seeded) -> None:
    result = run("trend", "5k pace")
    assert result.exit_code == 0, result.output
    assert "6 sessions, oldest first" in result.output
    assert "2025-03-03" in result.output and "2025-04-07" in result.output
    assert "mean effort down 1.1 over 6 sessions" in result.output


def test_trend_takes_the_name_as_typed_without_spaces_or_the_library_file_name(
    seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    squeezed = run("trend", "10x400", "--json")
    assert squeezed.exit_code == 0, squeezed.output
    assert json.loads(squeezed.stdout)["workout"] == FIVE_K_400
    # the shipped 8x400-mile.yaml is "8 x 400 m at mile pace"
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    by_file = run("history", "--workout", "8x400-mile", "--json")
    assert by_file.exit_code == 0, by_file.output
    assert {row["workout"] for row in json.loads(by_file.stdout)} == {MILE_400}
    several = run("trend", "x400")
    assert several.exit_code == 1 and "matches several" in several.stderr


def test_trend_across_changed_targets_compares_deviation(seeded: Seeded) -> None:
    document = json.loads(run("trend", EIGHT_HUNDREDS, "--json").output)
    assert document["compare_by"] == "deviation"
    assert [s["mean_deviation_s"] for s in document["sessions"]] == [2.0, 2.0]
    assert document["summary"].startswith("targets changed, so splits are compared by "
                                          "deviation from target")


def test_trend_limit_keeps_the_newest(seeded: Seeded) -> None:
    document = json.loads(run("trend", FIVE_K_400, "--json", "--limit", "2").output)
    assert [s["id"] for s in document["sessions"]] == list(seeded.five_k[-2:])


def test_trend_of_an_unknown_workout_is_one_line_and_exit_1(seeded: Seeded) -> None:
    result = run("trend", "marathon")
    assert result.exit_code == 1
    assert "no sessions of workout 'marathon'" in result.output
    assert MILE_400 in result.output and "Traceback" not in result.output


def test_trend_of_a_workout_never_completed_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("Hill sprints", "src", {}, 4, started_at=1.7e9)
        store.finish_session(session, "abandoned", ended_at=1.7e9 + 60)
    result = run("trend", "Hill sprints", "--db", str(path))
    assert result.exit_code == 1
    assert "no sessions of 'Hill sprints'" in result.output


# -- show ----------------------------------------------------------------------------------


def test_show_json_gains_the_metrics_of_the_worked_example(seeded: Seeded) -> None:
    result = run("show", str(seeded.latest), "--json")
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)["metrics"]
    assert metrics["reps"] == 8 and metrics["rated_reps"] == 8
    assert metrics["mean_deviation_s"] == pytest.approx(1.01, abs=0.005)
    assert metrics["decrement_pct"] == pytest.approx(2.62, abs=0.005)
    assert metrics["fade_s"] == 4.0 and metrics["fade_pct"] == pytest.approx(4.60, abs=0.005)
    assert metrics["fade_slope_s_per_rep"] == pytest.approx(0.64, abs=0.005)
    assert metrics["cv_pct"] == pytest.approx(1.89, abs=0.005)
    assert metrics["mean_rpe"] == 7.5 and metrics["load"] is None
    previous = json.loads(run("show", str(seeded.previous), "--json").output)["metrics"]
    assert previous["load"] == 270.0  # session effort 6 × 45 min


# -- export and import -----------------------------------------------------------------------


def test_export_csv_to_the_screen_has_no_byte_order_mark(seeded: Seeded) -> None:
    result = run("export")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("session,workout,started_at")
    assert len(lines) == 1 + 91


def test_export_csv_to_a_file_starts_with_a_byte_order_mark(seeded: Seeded,
                                                            tmp_path: Path) -> None:
    target = tmp_path / "log.csv"
    result = run("export", "-o", str(target))
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsession,workout,")
    assert data.count(b"\r\n") == 1 + 91


def test_export_json_then_import_into_another_log_once(seeded: Seeded, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run("export", "--format", "json", "-o", str(backup)).exit_code == 0
    other = tmp_path / "other.sqlite3"
    first = run("import", str(backup), "--db", str(other))
    assert first.exit_code == 0, first.output
    assert "imported 11 sessions (91 reps)" in first.output
    second = run("import", str(backup), "--db", str(other))
    assert second.exit_code == 0
    assert "imported 0 sessions (0 reps)" in second.output and "11 already there" in second.output
    shown = json.loads(run("history", "--db", str(other), "--json").output)
    assert [row["workout"] for row in shown[:3]] == [MILE_400] * 3


def test_import_from_standard_input(seeded: Seeded, tmp_path: Path) -> None:
    text = run("export", "--format", "json").output
    result = run("import", "-", "--db", str(tmp_path / "other.sqlite3"), input=text)
    assert result.exit_code == 0 and "imported 11 sessions" in result.output


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "bad.json: line 1, column 1: not JSON"),
    ('{"format": "something else"}', "bad.json: not an intervaltimer export"),
])
def test_import_of_a_bad_file_is_one_line_and_exit_1(tmp_path: Path, content: str,
                                                     message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    result = run("import", str(bad), "--db", str(db))
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not db.exists()  # nothing was opened for a file that cannot be read


def test_import_of_a_missing_file(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "log.sqlite3"))
    assert result.exit_code == 1 and "nope.json: no such file" in result.output


def test_the_real_commands_print_no_traceback(tmp_path: Path) -> None:
    env_db = str(tmp_path / "missing.sqlite3")
    for args in (["trend", "x"], ["export"], ["import", str(tmp_path / "none.json")]):
        done = subprocess.run([sys.executable, "-m", "intervaltimer", *args, "--db", env_db],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_show_for_people_ends_with_the_metrics(seeded: Seeded) -> None:
    result = run("show", str(seeded.latest))
    assert result.exit_code == 0, result.output
    # the worked example: 87, 86, 87, 88, 88, 89, 90, 91 s against 87.24 s (mean 88.25 s,
    # shown to the tenth as time displays round: half to even)
    assert ("mean split 1:28.2 · ± target +1.01 s · slowdown +4.0 s (+4.6 %) · Sdec 2.62 % · "
            "mean effort 7.5") in result.output


def test_importing_the_csv_export_says_import_wants_the_json_one(seeded: Seeded,
                                                                 tmp_path: Path) -> None:
    sheet = tmp_path / "log.csv"
    assert run("export", "-o", str(sheet)).exit_code == 0
    result = run("import", str(sheet), "--db", str(tmp_path / "other.sqlite3"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {sheet}: a CSV export, which is for spreadsheets; import reads what "
        "`intervaltimer export --format json` writes"]
