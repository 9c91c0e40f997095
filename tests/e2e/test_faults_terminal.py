"""Issue 11, findings 7 and 10 (SIGINT): no terminal on standard input, and Ctrl-C from outside.

`run` and `edit` with standard input from /dev/null used to spin at 100 % CPU
forever; they must say a terminal is needed and exit 2, writing nothing.
SIGINT to a running `intervaltimer run` used to exit 0; it must keep the
session (closed as abandoned, its reps in the log) and exit 130.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.faultkit import TIMEOUT_S, logged_reps, sessions, wait_until
from tests.e2e.tmux import app_env, command_path, shell_line, terminal

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
    command = shell_line(command_path("intervaltimer"), "run", "3x100m/1s", "--lead-in", "0",
                         "--no-sound", "--db", db)
    with terminal(command, app_env(tmp_path), tmp_path) as term:
        term.wait_for("Start", TIMEOUT_S)
        term.send("Enter")
        term.wait_for(re.compile(r"^\s*RUN\s*\n\s*Rep 1/3", re.M), TIMEOUT_S)
        ((session_id, _, _),) = sessions(db)
        time.sleep(1.5)
        term.send("Space")
        term.send("7")
        wait_until(lambda: [r.rpe for r in logged_reps(db, session_id)] == [7],
                   what="rep 1 and its effort in the log")
        os.kill(term.pane_pid(), signal.SIGINT)
        assert term.wait_until_exited(TIMEOUT_S) == 130, term.screen()
    assert sessions(db) == [(session_id, "3 x 100 m", "abandoned")]
    (rep,) = logged_reps(db, session_id)
    assert rep.rpe == 7 and 1.0 <= rep.split_s <= 3.0
