"""The labelled coaching cases: each history imported into a new log, its advice read as
``next --json`` gives it, and checked against its label (action, rest, verdict kinds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main

CASES_DIR = Path(__file__).parents[1] / "data" / "coach-cases"
LABELS: dict[str, dict[str, Any]] = json.loads((CASES_DIR / "cases.json").read_text())


def advice_of(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Import the case's export into a fresh log and read ``next WORKOUT --json``."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    db = str(tmp_path / "log.sqlite3")
    runner = CliRunner()
    imported = runner.invoke(main, ["import", str(CASES_DIR / f"{case}.json"), "--db", db])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(main, ["next", LABELS[case]["workout"], "--json", "--db", db])
    assert result.exit_code == 0, result.output
    advice: dict[str, Any] = json.loads(result.output)
    return advice


def test_every_case_file_has_a_label() -> None:
    files = {path.stem for path in CASES_DIR.glob("c[0-9]*.json")}
    assert files == set(LABELS)
    assert len(LABELS) == 31


@pytest.mark.parametrize("case", sorted(LABELS))
def test_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    label = LABELS[case]
    advice = advice_of(case, tmp_path, monkeypatch)
    kinds = set(advice["verdict_kinds"])
    assert advice["action"] == label["action"], advice
    assert abs(advice["rest_s"] - label["rest_s"]) <= 0.5, advice
    assert set(label["verdict_kinds_include"]) <= kinds, advice
    assert not kinds & set(label["verdict_kinds_exclude"]), advice


@pytest.mark.parametrize(("case", "says", "never"), [
    ("c08_threshold_effort_rising", "the same splits cost 1.5 more effort", "slower splits"),
    ("c21_rests_cut_blowup", "slower splits cost 1.3 more effort", "the same splits"),
])
def test_rising_effort_says_whether_the_splits_held(case: str, says: str, never: str,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A verdict that says "the same splits" beside "mean off target up 1.4 points"
    contradicts itself: rising effort tells which it was."""
    verdict = advice_of(case, tmp_path, monkeypatch)["verdict"]
    assert says in verdict and never not in verdict
