"""No terminal on standard input, and Ctrl-C from outside.

`run` and `edit` with standard input from /dev/null used to spin at 100 % CPU
forever; they must say a terminal is needed and exit 2, writing nothing.
SIGINT to a running `intervaltimer run` used to exit 0; it must keep the
session (closed as abandoned, its reps in the log) and exit 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    first_rep_in_log,
    logged_reps,
    run_command,
    sessions,
)
from tests.helpers.tmux import app_env, command_path, terminal

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize("args", [["run", "3x100m/1s"], ["edit", "strides"]])
def test_without_a_terminal_the_screen_commands_say_so_and_exit_2(
        tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "log.sqlite3"  # the log of app_env
    done = subprocess.run([command_path("intervaltimer"), *args],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          env=app_env(tmp_path), cwd=tmp_path, timeout=30)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith("intervaltimer") and ": needs a terminal" in done.stderr
    assert "standard input is not one" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


@pytest.mark.slow
def test_sigint_keeps_the_session_and_exits_130(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    with terminal(run_command(db), app_env(tmp_path), tmp_path) as term:
        session_id = first_rep_in_log(term, db, effort=7)
        os.kill(term.pane_pid(), signal.SIGINT)
        assert term.wait_until_exited(TIMEOUT_S) == 130, term.screen()
    assert sessions(db) == [(session_id, "3 x 100 m", "abandoned")]
    (rep,) = logged_reps(db, session_id)
    assert rep.rpe == 7 and 1.0 <= rep.split_s <= 3.0
