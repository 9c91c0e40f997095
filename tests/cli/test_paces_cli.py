"""`intervaltimer paces`: table, JSON, profile file and `--race` flags, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.cli.options import profile_from_races, race_option
from intervaltimer.workout.paces import Race
from intervaltimer.workout.pacespec import RACE_DISTANCES_M, TRAINING_PACES
from intervaltimer.workout.profile import Profile

MILE_M = 1609.344


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty config directory the commands use instead of the real one."""
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path))
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["paces", *args])


def test_without_results_it_says_how_to_give_them(config: Path) -> None:
    result = run()
    assert result.exit_code == 1
    assert "--race mile=5:40" in result.stderr
    assert str(config / "profile.yaml") in result.stderr
    assert result.stdout == ""


def test_json_keys_are_the_pace_names_then_vdot(config: Path) -> None:
    result = run("--race", "5k=20:00", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == [*RACE_DISTANCES_M, *TRAINING_PACES, "vdot", "model"]
    assert document["vdot"] == {"value": 49.8, "estimate": False, "basis": "5k 20:00"}
    assert document["model"] == "vdot"
    mile = document["mile"]
    # VDOT 49.8 carries to a 5:51.0 mile (Daniels' table, row 50: 19:57 and 5:50)
    assert mile["time_s"] == pytest.approx(351.0, abs=0.06)
    assert mile["s_per_mile"] == pytest.approx(351.0, abs=0.06)
    assert mile["s_per_400m"] == pytest.approx(351.0 * 400 / MILE_M, abs=0.06)
    assert mile["s_per_km"] == pytest.approx(351.0 * 1000 / MILE_M, abs=0.06)
    assert mile["basis"] == "VDOT 49.8 from 5k 20:00" and mile["estimate"] is False
    assert mile["range"] is None
    easy = document["easy"]["range"]
    assert easy["fast"]["s_per_km"] < document["easy"]["s_per_km"] < easy["slow"]["s_per_km"]
    assert set(easy["fast"]) == {"s_per_km", "s_per_mile", "s_per_400m"}
    assert document["5k"]["time_s"] == 1200.0
    assert document["800m"]["estimate"] is True
    assert abs(document["threshold"]["s_per_400m"] - 102) <= 1  # Daniels, VDOT 50: 1:42
    assert abs(document["interval"]["s_per_400m"] - 93) <= 1  # 1:33
    assert abs(document["repetition"]["s_per_400m"] - 87) <= 1  # 1:27
    assert document["easy"]["time_s"] is None


def test_table_shows_paces_vdot_and_estimates(config: Path) -> None:
    result = run("--race", "5k=20:00")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    mile = next(line for line in lines if line.startswith("│ mile "))
    assert "5:51" in mile and "1:27.2" in mile and "~" not in mile
    easy = next(line for line in lines if line.startswith("│ easy "))
    assert "4:54–5:53" in easy and "7:54–9:28" in easy
    eight = next(line for line in lines if line.startswith("│ 800m "))
    assert "~2:52" in eight and "~1:26.0" in eight
    assert "VDOT 49.8 from 5k 20:00" in result.stdout
    assert "~ estimate" in result.stdout


def test_profile_file_is_used_and_flags_override_it(config: Path) -> None:
    (config / "profile.yaml").write_text("races:\n  mile: 6:00\n  5k: 20:00\n")
    from_file = json.loads(run("--json").stdout)
    assert from_file["mile"]["time_s"] == 360.0
    overridden = json.loads(run("--race", "mile=5:40", "--json").stdout)
    assert overridden["mile"]["time_s"] == 340.0
    assert overridden["mile"]["basis"] == "race mile 5:40"
    assert overridden["10k"]["basis"] == "VDOT 49.8 from 5k 20:00"


def test_model_riegel_in_the_profile_file(config: Path) -> None:
    (config / "profile.yaml").write_text("races:\n  5k: 20:00\nmodel: riegel\n")
    document = json.loads(run("--json").stdout)
    assert document["model"] == "riegel"
    assert document["mile"]["basis"] == "Riegel from 5k 20:00"
    assert document["mile"]["time_s"] == pytest.approx(360.8, abs=0.06)  # 1200 · (1609/5000)^1.06
    table = run().stdout
    assert "race paces by Riegel (profile model: riegel)" in " ".join(table.split())


def test_bad_flag_is_a_usage_error(config: Path) -> None:
    result = run("--race", "marathon=3:11")
    assert result.exit_code == 2
    assert "Invalid value for '--race'" in result.stderr
    assert "did you mean 3:11:00" in result.stderr
    assert "Traceback" not in result.output


def test_bad_profile_file_is_reported_at_its_line_and_column(config: Path) -> None:
    path = config / "profile.yaml"
    path.write_text("races:\n  mile: 5:40\n  5k: fast\n")
    result = run()
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{path}:3:7: 5k time: 'fast' is not a duration; " \
        "write it like 45s, 15min, 1min30s or 1:30"
    assert "--race" in result.stderr


def test_save_writes_the_profile_for_next_time(config: Path) -> None:
    saved = run("--race", "mile=5:40", "--save", "--json")
    assert saved.exit_code == 0, saved.output
    assert "saved 1 race result(s)" in saved.stderr
    json.loads(saved.stdout)  # the message stays off stdout
    assert 'mile: "5:40"' in (config / "profile.yaml").read_text()
    later = json.loads(run("--json").stdout)
    assert later["mile"]["time_s"] == 340.0


def test_help_shows_an_example(config: Path) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "intervaltimer paces --race mile=5:40" in result.stdout
    assert "--race DIST=TIME" in result.stdout


# --- the shared option, as the plan and run commands use it ------------------------------------

@click.command()
@race_option
def show_profile(races: tuple[str, ...]) -> None:
    profile = profile_from_races(races)
    click.echo("none" if profile is None else " ".join(str(r) for r in profile.races))


def test_race_option_builds_the_profile(config: Path) -> None:
    (config / "profile.yaml").write_text("races: {5k: 20:00}\n")
    result = CliRunner().invoke(show_profile, ["--race", "mile=5:40", "--race", "5k=19:30"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "mile 5:40 5k 19:30\n"


def test_race_option_without_results_is_none(config: Path) -> None:
    assert CliRunner().invoke(show_profile, []).stdout == "none\n"
    assert profile_from_races(()) is None
    assert profile_from_races(("5k=20:00",)) == Profile((Race("5k", 5000.0, 1200.0),))


def test_race_option_rejects_a_bad_value(config: Path) -> None:
    result = CliRunner().invoke(show_profile, ["--race", "5k:20:00"])
    assert result.exit_code == 2
    assert "not DIST=TIME" in result.stderr


def test_paces_as_a_real_process(config: Path) -> None:
    env = {**os.environ, "INTERVALTIMER_CONFIG": str(config)}
    done = subprocess.run(
        [sys.executable, "-m", "intervaltimer", "paces", "--race", "10k=41:28", "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["vdot"]["value"] == 49.8  # a 41:28 10k is the same VDOT as a 20:00 5k
    missing = subprocess.run(
        [sys.executable, "-m", "intervaltimer", "paces"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr and "--race mile=5:40" in missing.stderr
