"""Issue 11, finding 3: the log's folder is deleted in the middle of a run.

The installed `intervaltimer run` runs in tmux with its log in a folder of
its own; after rep 1 is in the log, the folder is deleted (`rm -rf`). The app
must notice before its next write, re-create the folder and the log, write
the whole session into it, and say so on screen; at the end the new log
holds the session, completed, with all three reps.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from tests.e2e.faultkit import TIMEOUT_S, logged_reps, sessions, wait_until
from tests.e2e.tmux import app_env, command_path, shell_line, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_a_deleted_log_folder_is_recreated_and_holds_the_whole_session(
        tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    db = folder / "log.sqlite3"
    command = shell_line(command_path("intervaltimer"), "run", "3x100m/1s", "--lead-in", "0",
                         "--no-sound", "--db", db)
    with terminal(command, app_env(tmp_path), tmp_path) as term:
        term.wait_for("Start", TIMEOUT_S)
        term.send("Enter")
        term.wait_for(re.compile(r"^\s*RUN\s*\n\s*Rep 1/3", re.M), TIMEOUT_S)
        ((session_id, _, _),) = sessions(db)
        time.sleep(1.5)
        term.send("Space")
        wait_until(lambda: len(logged_reps(db, session_id)) == 1, what="rep 1 in the log")
        shutil.rmtree(folder)
        for rep in (2, 3):
            term.wait_for(re.compile(rf"^\s*RUN\s*\n\s*Rep {rep}/3", re.M), TIMEOUT_S)
            time.sleep(1.3)
            term.send("Space")
        screen = " ".join(term.wait_for("DONE", TIMEOUT_S).split())
        assert "the log's folder was deleted or moved away: the log was opened again at" in \
            screen, screen
        term.send("Enter")  # the closing screen says it too
        closing = " ".join(term.wait_for("Completed · 3 reps", TIMEOUT_S).split())
        assert "folder was deleted" in closing and "written to it" in closing, closing
        term.send("Enter")
        assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
    ((new_id, workout, status),) = sessions(db)
    assert (workout, status) == ("3 x 100 m", "completed")
    splits = [rep.split_s for rep in logged_reps(db, new_id)]
    assert len(splits) == 3 and all(1.0 <= split <= 3.0 for split in splits), splits
