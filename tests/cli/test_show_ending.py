"""`show` and `history` on a session ended after its main set, and rests cut short."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.log.paths import ENV_VAR
from intervaltimer.log.store import Store

T0 = datetime(2025, 5, 1, 18, 0).timestamp()


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One 3 x 400 m session on a 30 s rung: the second rest cut to 18 s, ended after the
    main set with its strides not run."""
    path = tmp_path / "log.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    with Store.open(path) as store:
        session = store.start_session("3 x 400 m", "src", {}, 9, started_at=T0,
                                      main_rest_s=30.0, reps_planned=3)
        for index, rest in enumerate([30.4, 18.0, None], start=1):
            store.record_rep(session, index, step_index=2 * index - 1, label=f"Rep {index}/3",
                             split_s=85.0, ended_at=T0 + 120 * index, distance_m=400.0,
                             target_s=84.5, rest_s=rest, main=True)
        store.finish_session(session, "completed", ended_at=T0 + 400, ending="main set done",
                             not_run=("Stride 1/2 · 60 m", "Stride 2/2 · 60 m"))
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_show_says_main_set_done_lists_what_was_not_run_and_marks_a_rest_cut_short(
        log: Path) -> None:
    result = run("show", "1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "main set done" in out
    assert "not run: Stride 1/2 · 60 m, Stride 2/2 · 60 m" in out
    assert "18 cut" in out and "30 cut" not in out
    assert "cut: a rest shorter than the 30 planned" in out


def test_history_shows_main_set_done_as_its_status(log: Path) -> None:
    result = run("history")
    assert result.exit_code == 0, result.output
    assert "main set done" in result.stdout
