"""The log's folder is deleted in the middle of a run.

The installed `intervaltimer run` runs in tmux with its log in a folder of
its own; after rep 1 is in the log, the folder is deleted (`rm -rf`). The app
must notice before its next write, re-create the folder and the log, write
the whole session into it, and say so on screen; at the end the new log
holds the session, completed, with all three reps.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    first_rep_in_log,
    lap_rep,
    logged_reps,
    run_command,
    sessions,
)
from tests.helpers.tmux import app_env, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_a_deleted_log_folder_is_recreated_and_holds_the_whole_session(
        tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    db = folder / "log.sqlite3"
    with terminal(run_command(db), app_env(tmp_path), tmp_path) as term:
        first_rep_in_log(term, db)
        shutil.rmtree(folder)
        for rep in (2, 3):
            lap_rep(term, rep)
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
