"""`--rest` and `--reps` on `run` and `plan`, and the shape of the main set in `plan --json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main


@pytest.fixture(autouse=True)
def private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No profile or log of the machine's user."""
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INTERVALTIMER_DB", str(tmp_path / "log.sqlite3"))
    monkeypatch.chdir(tmp_path)


def plan_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["plan", *args, "--json"])
    assert result.exit_code == 0, result.output
    loaded: dict[str, Any] = json.loads(result.output)
    return loaded


def test_plan_rest_changes_only_the_main_sets_rests() -> None:
    written, today = plan_json("8x400-mile"), plan_json("8x400-mile", "--rest", "45s")
    assert (written["main_rest_s"], today["main_rest_s"]) == (60.0, 45.0)
    assert written["name"] == today["name"] == "8 x 400 m at mile pace"
    changed = [(a["label"], b["label"], b["main_rest"])
               for a, b in zip(written["steps"], today["steps"], strict=True) if a != b]
    assert changed == [("Rest 60 s · stand", "Rest 45 s · stand", True)] * 7


def test_plan_json_of_8x400_has_strides_and_core_after_the_main_set() -> None:
    plan = plan_json("8x400-mile", "--race", "mile=5:40")
    steps = plan["steps"]
    main = [s for s in steps if s["main_set"]]
    assert [s["label"] for s in main if s["kind"] == "run"] == \
        [f"Rep {i}/8 · 400 m @ mile" for i in range(1, 9)]
    assert main[-1]["cue"] == "last" and main[-1]["note"].startswith("LAST ONE")
    after = steps[main[-1]["index"]:]
    strides = [s for s in after if s["kind"] == "run"]
    assert 4 <= len(strides) <= 6 and {s["distance_m"] for s in strides} == {60.0}
    exercises = [s["exercise"] for s in after if s["kind"] == "exercise"]
    assert {"pushups", "plank", "side plank, left", "side plank, right"} <= set(exercises)
    assert plan["progression"]["rest_s"] == [90.0, 75.0, 60.0, 45.0, 30.0]
    assert plan["progression"]["then"] == {"kind": "reps", "amount": 2.0, "text": "reps +2"}
    assert plan["main_reps"] == 8


def test_plan_reps_shows_the_advised_command_before_it_is_run() -> None:
    written = plan_json("8x400-mile")
    today = plan_json("8x400-mile", "--rest", "30s", "--reps", "10")
    assert (written["main_reps"], today["main_reps"]) == (8, 10)
    assert today["name"] == written["name"] and today["main_rest_s"] == 30.0
    reps = [step["label"] for step in today["steps"] if step["main_set"]]
    assert reps[-1].startswith("Rep 10/10")
    refused = CliRunner().invoke(main, ["plan", "8x400-mile", "--reps", "0"])
    assert refused.exit_code == 2 and "--reps" in refused.output


def test_quick_workouts_differing_in_rest_are_one_workout() -> None:
    sixty, forty_five = plan_json("8x400m@mile/60s"), plan_json("8x400m@mile/45s")
    assert sixty["name"] == forty_five["name"] == "8 x 400 m @ mile"
    assert (sixty["main_rest_s"], forty_five["main_rest_s"]) == (60.0, 45.0)
    assert plan_json("8x400m@mile/60s", "--rest", "45")["steps"] == forty_five["steps"]


def test_a_rest_that_cannot_be_set_is_reported() -> None:
    result = CliRunner().invoke(main, ["plan", "every-2-30", "--rest", "45s"])
    assert result.exit_code == 1
    assert "every-2-30.yaml:" in result.output and "send-off (every: 2:30)" in result.output
    bad = CliRunner().invoke(main, ["plan", "8x400-mile", "--rest", "45x"])
    assert bad.exit_code == 2 and "'45x' is not a duration" in bad.output
    too_long = CliRunner().invoke(main, ["plan", "8x400-mile", "--rest", "11min"])
    assert too_long.exit_code == 2 and "a rest is 0 to 10 min" in too_long.output


def test_run_rest_reaches_the_ui_with_the_same_name(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    monkeypatch.setattr("intervaltimer.cli.tui.has_terminal", lambda: True)
    monkeypatch.setattr("intervaltimer.cli.run._run_app",
                        lambda workout, *args, **kwargs: calls.append(workout) or 0)
    result = CliRunner().invoke(main, ["run", "8x400m@mile/60s", "--rest", "30s"])
    assert result.exit_code == 0, result.output
    (workout,) = calls
    from intervaltimer.workout.mainset import main_rest_s

    assert workout.name == "8 x 400 m @ mile" and main_rest_s(workout) == 30.0
    refused = CliRunner().invoke(main, ["run", "every-2-30", "--rest", "30s"])
    assert refused.exit_code == 1 and "send-off" in refused.output and len(calls) == 1
