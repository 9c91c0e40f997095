"""Histories for the coach's tests, written into a real log the way a run writes them, and
the advice read back as ``next --json`` gives it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.log.store import Store

MONDAY = datetime(2026, 3, 2, 18, 0).timestamp()
DAY = 86400.0
TARGET_400 = 84.5
"""Mile pace for a 5:40 mile, a 400 m: COACHING.md's seconds are for this rep."""

NO_LADDER = """name: Eight fours, no ladder
steps:
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
"""
"""A workout file with a 60 s rest and no `progression:`."""


def log_session(store: Store, workout: str, source: str, day: int, rest_s: float,
                splits: Sequence[float | None], efforts: Sequence[int | None] = (), *,
                target_s: float | Sequence[float] = TARGET_400, status: str = "completed",
                planned: int | None = None, rests_taken: float | None = None,
                conditions: Sequence[str] = (), distance_m: float = 400.0,
                workout_path: str | None = None) -> int:
    """One session: main-set reps with these splits (None: skipped) and efforts, on the rung
    ``rest_s``; ``rests_taken`` the rest taken after each rep (default the rung)."""
    start = MONDAY + day * DAY
    targets = [target_s] * len(splits) if isinstance(target_s, float) else list(target_s)
    session = store.start_session(
        workout, source, {"mile": 0.21}, 2 * len(splits), workout_path=workout_path,
        started_at=start, main_rest_s=rest_s,
        reps_planned=len(splits) if planned is None else planned)
    rated = list(efforts) + [None] * (len(splits) - len(efforts))
    clock = start
    for index, (split, target, rpe) in enumerate(zip(splits, targets, rated, strict=True), 1):
        clock += (split or 0.0) + rest_s
        store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}",
                         split_s=split, skipped=split is None, ended_at=clock,
                         distance_m=distance_m, target_s=target, main=True, rpe=rpe,
                         rest_s=rest_s if rests_taken is None else rests_taken)
    store.finish_session(session, status, ended_at=clock + 600)
    if conditions:
        store.set_conditions(session, list(conditions))
    return session


def cli_json(db: Path, command: str, *args: str) -> dict[str, Any]:
    """``intervaltimer COMMAND ARGS --json`` on the log ``db`` (``plan`` reads none),
    parsed."""
    log = [] if command == "plan" else ["--db", str(db)]
    result = CliRunner().invoke(main, [command, *args, "--json", *log])
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def next_json(db: Path, workout: str) -> dict[str, Any]:
    """``intervaltimer next WORKOUT --json --db DB``, parsed."""
    return cli_json(db, "next", workout)


def even(offset_s: float, reps: int = 8, target_s: float = TARGET_400) -> list[float]:
    """``reps`` splits all ``offset_s`` off ``target_s``."""
    return [target_s + offset_s] * reps
