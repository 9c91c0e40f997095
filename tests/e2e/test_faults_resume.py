"""Two `run`s resume the same crashed session at once.

A run of the installed command is killed (SIGKILL) after its first rep. Two
new `run`s of the same workout each offer the unfinished session; `r` is
pressed in both at the same instant. Exactly one takes the session over (its
run screen comes up); the other is told on its preview that another
intervaltimer resumed it, and writes nothing into it.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    first_rep_in_log,
    logged_reps,
    run_command,
    sessions,
)
from tests.helpers.tmux import app_env, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

TOLD = "already being run by another intervaltimer"


def test_a_crashed_session_is_resumed_by_one_run_only(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    env = app_env(tmp_path)
    command = run_command(db)
    with terminal(command, env, tmp_path) as term:
        session_id = first_rep_in_log(term, db, effort=6)
        os.kill(term.pane_pid(), signal.SIGKILL)
        term.wait_until_exited(TIMEOUT_S)
    with terminal(command, env, tmp_path) as one, terminal(command, env, tmp_path) as two:
        for term in (one, two):  # each offers the session left running
            term.wait_for("Unfinished session", TIMEOUT_S)
        one.send("r")
        two.send("r")
        running = re.compile(r"^\s*(RUN|LAST REP|REST)\s*\n\s*(Rep \d/3|Rest)", re.M)

        def settled(term: object) -> str | None:
            screen = term.screen()  # type: ignore[attr-defined]
            flat = " ".join(screen.split())
            if TOLD in flat:
                return "told"
            if running.search(screen):
                return "runs"
            return None

        outcome: dict[str, str | None] = {"one": None, "two": None}
        deadline = time.monotonic() + TIMEOUT_S
        while None in outcome.values():
            assert time.monotonic() < deadline, (outcome, one.screen(), two.screen())
            outcome = {"one": settled(one), "two": settled(two)}
            time.sleep(0.1)
        assert sorted(outcome.values()) == ["runs", "told"], outcome
        loser = one if outcome["one"] == "told" else two
        flat = " ".join(loser.screen().split())
        assert "cannot log this run" in flat and f"session {session_id}" in flat, flat
        # the session is the winner's: still one session, its rep and effort intact
        assert sessions(db) == [(session_id, "3 x 100 m", "running")]
        assert [(r.index, r.rpe) for r in logged_reps(db, session_id)] == [(1, 6)]
