"""`intervaltimer plan` through click's runner: the table, the JSON, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from tests.helpers.clikit import FOUR_LAPS, TYPO

NAMED = """\
name: Mile reps
steps:
  - repeat: 3
    steps:
      - run: 1mi
        pace: mile
      - rest: 3min
"""

SEND_OFF = """\
name: Every two thirty
lead_in: 5s
steps:
  - repeat: 3
    every: 2:30
    min_rest: 20s
    steps:
      - run: 400m
        pace: 85s/400m
      - rest: lap
"""

@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No runner's profile leaks in; a wide terminal so table rows do not wrap."""
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("COLUMNS", "200")


def plan(*args: str) -> Result:
    return CliRunner().invoke(main, ["plan", *args])


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_table_lists_steps_targets_and_the_clock(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "four.yaml", FOUR_LAPS))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Four laps" in out
    assert "Four laps at 1:25 with a minute's rest." in out
    assert "Rep 3/4 · 400 m @ 85s/400m" in out
    assert "Rest 60 s · walk" in out
    assert "1:25.0" in out
    # 3 s lead-in + 10 min warm-up + 4 x (1:25 + 1:00) = 19:43 at the end of the last rest
    assert "19:43" in out
    assert "4 reps · 9 steps" in out
    assert "no race results" not in out


def test_table_says_how_to_set_a_profile_when_there_is_none(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "named.yaml", NAMED))
    assert result.exit_code == 0, result.output
    assert "Rep 1/3 · 1 mi @ mile" in result.stdout
    assert "--race mile=5:40" in result.stdout
    assert "profile.yaml" in result.stdout


def test_race_flag_gives_targets(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "named.yaml", NAMED), "--race", "mile=5:40")
    assert result.exit_code == 0, result.output
    assert "5:40.0" in result.stdout
    assert "--race mile=5:40" not in result.stdout


def test_estimated_paces_are_marked(tmp_path: Path) -> None:
    # 800 m pace from a marathon lies far outside where Riegel's formula holds
    result = plan("4x800m@800m/2min", "--race", "marathon=3:11:17")
    assert result.exit_code == 0, result.output
    assert "~" in result.stdout
    assert "~ estimate" in result.stdout


def test_send_off_rounds_are_shown(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "every.yaml", SEND_OFF))
    assert result.exit_code == 0, result.output
    assert "every 2:30" in result.stdout
    assert "every 2:30, at least 20 s rest" in result.stdout
    # 5 s lead-in + 3 rounds of 2:30
    assert "7:35" in result.stdout


def test_json_shape(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "four.yaml", FOUR_LAPS), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["name"] == "Four laps"
    assert data["estimated_s"] == pytest.approx(3 + 600 + 4 * (85 + 60))
    assert [s["kind"] for s in data["steps"][:3]] == ["warmup", "run", "rest"]
    first_rep = data["steps"][1]
    assert {key: first_rep[key] for key in ("index", "kind", "label", "distance_m",
                                            "duration_s", "target_s", "ends", "pacer_m")} == {
        "index": 2, "kind": "run", "label": "Rep 1/4 · 400 m @ 85s/400m", "distance_m": 400,
        "duration_s": None, "target_s": 85.0, "ends": "lap", "pacer_m": None}


def test_json_send_off_rest_is_the_rest_of_the_round(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "every.yaml", SEND_OFF), "--json")
    assert result.exit_code == 0, result.output
    steps = json.loads(result.stdout)["steps"]
    assert [s["round_start"] for s in steps] == [True, False] * 3
    assert steps[1]["duration_s"] == 65.0 and steps[1]["ends"] == "time"


def test_quick_syntax(tmp_path: Path) -> None:
    result = plan("8x400m@mile/60s", "--json", "--race", "mile=5:40")
    assert result.exit_code == 0, result.output
    steps = json.loads(result.stdout)["steps"]
    assert len([s for s in steps if s["kind"] == "run"]) == 8
    assert steps[0]["target_s"] == pytest.approx(84.5, abs=0.1)


def test_bad_file_prints_path_line_col_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, "typo.yaml", TYPO)
    result = plan(path)
    assert result.exit_code == 1
    assert f"{path}:6:15:" in result.stderr
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_plan_too_long_is_an_error_with_its_place(tmp_path: Path) -> None:
    text = ("name: Too many\nsteps:\n  - repeat: 100\n    steps:\n      - repeat: 100\n"
            "        steps:\n          - run: 100m\n          - rest: 30s\n")
    path = write(tmp_path, "huge.yaml", text)
    result = plan(path)
    assert result.exit_code == 1
    assert f"{path}:3:" in result.stderr or f"{path}:5:" in result.stderr
    assert "10,000" in result.stderr or "10000" in result.stderr


def test_bad_race_flag_is_a_usage_error(tmp_path: Path) -> None:
    result = plan(write(tmp_path, "four.yaml", FOUR_LAPS), "--race", "mile")
    assert result.exit_code == 2


def test_help_shows_an_example() -> None:
    result = CliRunner().invoke(main, ["plan", "--help"])
    assert result.exit_code == 0
    assert "intervaltimer plan 8x400-mile --race mile=5:40" in result.output
    assert "--json" in result.output


def test_plan_and_the_preview_say_the_same_length(tmp_path: Path) -> None:
    """One summary line for a plan: `plan` prints what the library's preview shows."""
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.plan import expand
    from intervaltimer.workout.plantext import plan_summary
    from intervaltimer.workout.profile import Profile
    from intervaltimer.workout.races import parse_race

    result = plan("8x400-mile", "--race", "mile=5:40")
    assert result.exit_code == 0, result.output
    expanded = expand(resolve_workout("8x400-mile"), Profile((parse_race("mile=5:40"),)))
    summary = plan_summary(expanded)
    assert summary.startswith("≈ ") and summary.split(" · ")[0].endswith(" min")
    assert f"{summary} (with a " in result.output
