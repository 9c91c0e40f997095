"""`trend` and `history` at 80 and 40 columns: no number (or status) is ever cut.

A log of sessions with numbers as wide as they come (tests/helpers/widelog.py) is
printed at each width; rich would shrink every
column and cut (`-1:0…`, `161.…`): the tables leave whole columns out instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.workout.units import format_time
from tests.helpers.widelog import WORKOUT, mean_splits, wide_log


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The wide log (the commands' default, via the environment); each session's mean
    split."""
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    wide_log(path)
    return mean_splits(path)


def _shown(split_s: float, out: str) -> bool:
    """The split is printed whole (to the tenth, either way of a rounding tie)."""
    return any(format_time(split_s + nudge) in out for nudge in (-0.001, 0.0, 0.001))


def _printed(width: int, *args: str) -> str:
    result = CliRunner(env={"COLUMNS": str(width)}).invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", [80, 40])
def test_the_trend_table_drops_columns_rather_than_cut_a_number(
        log: list[float], width: int) -> None:
    out = _printed(width, "trend", WORKOUT)
    assert "…" not in out, out
    for mean in log:  # the split column is always there, each split whole
        assert _shown(mean, out), (format_time(mean), out)
    if width == 80:
        for whole in ("-1:10.3", "+2:29.7", "5850", "-48.7 %", "8/8 abandoned"):
            assert whole in out, (whole, out)


@pytest.mark.parametrize("width", [80, 40])
def test_the_history_status_and_numbers_are_whole(log: list[float], width: int) -> None:
    out = _printed(width, "history")
    assert "…" not in out, out
    for mean in log:
        assert _shown(mean, out), (format_time(mean), out)
    if width == 80:
        assert "abandoned" in out and "main set done" in out, out
