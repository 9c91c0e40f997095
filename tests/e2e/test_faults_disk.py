"""The disk fills up during a run and is still full when it ends.

The log lives on a small tmpfs (300 KiB, mounted for the test; CI runs as
root). The installed `intervaltimer run` runs in tmux; after the first rep is
in the log the disk is filled to the last byte, and four more reps are run.
The screen must say the log is not saved; leaving (the summary, then Done)
must end with a non-zero status and a message naming a rescue file (the disk
beside the log is full, so it goes to the state folder); the log still holds
the one rep it could take; and once space is freed, `intervaltimer import`
of the rescue file brings every rep back, into the one session.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    fill,
    first_rep_in_log,
    lap_rep,
    logged_reps,
    run_command,
    sessions,
)
from tests.helpers.tmux import app_env, command_path, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPS = 5


def test_a_full_disk_to_the_end_leaves_a_rescue_file_that_import_brings_back(
        tmp_path: Path, small_disk: Path) -> None:
    db = small_disk / "log.sqlite3"
    err = tmp_path / "stderr.txt"
    env = app_env(tmp_path)
    command = run_command(db, REPS) + f" 2>{shlex.quote(str(err))}"
    with terminal(command, env, tmp_path) as term:
        session_id = first_rep_in_log(term, db, REPS)
        filler = fill(small_disk)
        for rep in range(2, REPS + 1):
            lap_rep(term, rep, REPS)
        term.wait_for(lambda screen: "DONE" in screen and re.search(
            r"log not saved: the disk is full \(4 reps( and 1 change)? kept in memory; retrying\)",
            " ".join(screen.split())) is not None, TIMEOUT_S)
        term.send("Enter")  # the closing screen: the reps from memory, and what leaving does
        closing = " ".join(term.wait_for("rescue file", TIMEOUT_S).split())
        assert "Completed · 5 reps" in closing and "log not saved" in closing, closing
        term.send("Enter")  # Done
        code = term.wait_until_exited(TIMEOUT_S)
    assert code == 1
    message = " ".join(err.read_text(encoding="utf-8").split())
    found = re.search(r"saved to the rescue file (\S+);", message)
    assert found, message
    rescue = Path(found.group(1))
    # rep 1 is in the log, perhaps without the rest taken after it (one change)
    assert re.search(r"could not take 4 reps( and 1 change)? of this session \(.*disk is full",
                     message), message
    assert rescue.parent == tmp_path / "home/.local/state/intervaltimer", rescue
    assert f"intervaltimer import {rescue} --db {db}" in message
    assert "Traceback" not in message
    # the log holds what it could take: the session, still running, with rep 1
    assert sessions(db) == [(session_id, "5 x 100 m", "running")]
    assert len(logged_reps(db, session_id)) == 1
    document = json.loads(rescue.read_text(encoding="utf-8"))
    assert [len(s["reps"]) for s in document["sessions"]] == [REPS]
    # still full: the import is refused and says why; once space is freed it brings all back
    full = subprocess.run([command_path("intervaltimer"), "import", str(rescue), "--db", str(db)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert full.returncode != 0 and "full" in full.stderr and "Traceback" not in full.stderr
    filler.unlink()
    done = subprocess.run([command_path("intervaltimer"), "import", str(rescue), "--db", str(db)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    ((new_id, workout, status),) = sessions(db)
    assert (workout, status) == ("5 x 100 m", "completed")
    splits = [rep.split_s for rep in logged_reps(db, new_id)]
    assert len(splits) == REPS and all(1.0 <= split <= 3.0 for split in splits), splits
