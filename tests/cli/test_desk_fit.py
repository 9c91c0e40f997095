"""`trend` and `history` at 80 and 40 columns: no number (or status) is ever cut.

A log of sessions with numbers as wide as they come (a mean split of 3:54.2, a
± of -1:10.3, a load of 5850, fades of -48.7 %, an abandoned session and one
ended after its main set) is printed at each width; rich would shrink every
column and cut (`-1:0…`, `161.…`): the tables leave whole columns out instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.log.store import Store
from intervaltimer.workout.units import format_time

T0 = 1_746_100_000.0
DAY = 86400.0
WORKOUT = "8 x 400 m at mile pace"
# (first split, rest, how it ended): slow and fast sessions, so every column is wide.
SESSIONS = [(84.0, 60.0, "completed"), (161.3, 45.0, "completed"), (70.0, 30.0, "abandoned"),
            (240.0, 90.0, "main set done"), (20.0, 15.0, "completed")]


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The log (the commands' default, via the environment); each session's mean split."""
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    means = []
    with Store.open(path) as store:
        for n, (first, rest, ended) in enumerate(SESSIONS):
            start = T0 + 3 * n * DAY
            session = store.start_session(WORKOUT, "src", {}, 16, started_at=start,
                                          main_rest_s=rest, reps_planned=8)
            splits = [first + (9.7 * i if n == 1 else -1.3 * i) for i in range(1, 9)]
            for i, split in enumerate(splits, start=1):
                store.record_rep(session, i, step_index=2 * i - 1, label=f"Rep {i}/8",
                                 split_s=split, ended_at=start + 200 * i, distance_m=400.0,
                                 target_s=84.5, rest_s=rest, rpe=min(10, 5 + i % 6), main=True)
            store.finish_session(session, "abandoned" if ended == "abandoned" else "completed",
                                 ended_at=start + 3000 + 9000 * n,
                                 ending="main set done" if ended == "main set done" else None)
            store.set_session_rpe(session, 9)
            means.append(sum(splits) / len(splits))
    return means


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
