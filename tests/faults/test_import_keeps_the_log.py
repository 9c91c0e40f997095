"""`import` never replaces what was logged.

Before: a run killed after two laps, exported, every split changed to 99 s and every
effort to 1, then imported: the logged 1.9 s and 1.3 s reps were deleted and replaced by
the file's (the "same session" check compared rep numbers only).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from intervaltimer.log.store import Store
from tests.helpers.iokit import T0, cli, private_env

KILLED_RUN = """
import sys
from intervaltimer.log.store import Store
with Store.open(sys.argv[1]) as store:
    session = store.start_session("2 x 100 m", "name: x\\n", {}, 5, started_at=float(sys.argv[2]))
    for i, (split, rpe) in enumerate(((1.9, 7), (1.3, 8)), start=1):
        store.record_rep(session, i, step_index=2 * i, label=f"Rep {i}/2", split_s=split,
                         ended_at=float(sys.argv[2]) + 10 * i, rpe=rpe)
"""


def killed_after_two_laps(db: Path) -> None:
    """A log whose session was left running by a process that has ended, with two reps."""
    subprocess.run([sys.executable, "-c", KILLED_RUN, str(db), str(T0)], check=True, timeout=60)


def reps_of(db: Path) -> list[tuple[int, float | None, int | None]]:
    with Store.open(db, readonly=True) as store:
        return [(rep.index, rep.split_s, rep.rpe)
                for session in store.sessions() for rep in store.reps(session.id)]


def exported(home: Path, env: dict[str, str]) -> dict[str, object]:
    done = cli(["export", "--format", "json"], env, home)
    assert done.returncode == 0, done.stderr
    document: dict[str, object] = json.loads(done.stdout)
    return document


def test_an_altered_export_of_a_killed_run_is_refused_and_the_log_keeps_its_reps(
        tmp_path: Path) -> None:
    env = private_env(tmp_path)
    db = tmp_path / "log.sqlite3"
    killed_after_two_laps(db)
    document = exported(tmp_path, env)
    (session,) = document["sessions"]  # type: ignore[misc]
    for rep in session["reps"]:
        rep["split_s"], rep["rpe"] = 99.0, 1
    (tmp_path / "altered.json").write_text(json.dumps(document), encoding="utf-8")
    done = cli(["import", "altered.json"], env, tmp_path)
    assert done.returncode == 1
    said = " ".join(done.stderr.split())
    assert "rep 1 differs: the log has 1.900 s, effort 7, the file 99.000 s, effort 1" in said
    assert "Traceback" not in done.stderr
    assert reps_of(db) == [(1, 1.9, 7), (2, 1.3, 8)]


def test_a_rescue_that_holds_every_logged_rep_completes_the_session(tmp_path: Path) -> None:
    env = private_env(tmp_path)
    db = tmp_path / "log.sqlite3"
    killed_after_two_laps(db)
    document = exported(tmp_path, env)
    (session,) = document["sessions"]  # type: ignore[misc]
    third = {**session["reps"][-1], "index": 3, "split_s": 1.7, "rpe": 9}
    session["reps"].append(third)
    session["status"] = "completed"
    (tmp_path / "rescue.json").write_text(json.dumps(document), encoding="utf-8")
    done = cli(["import", "rescue.json"], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert reps_of(db) == [(1, 1.9, 7), (2, 1.3, 8), (3, 1.7, 9)]
    with Store.open(db, readonly=True) as store:
        (only,) = store.sessions()
        assert only.status.value == "completed"
    # a rescue that drops a logged rep, or a finished session told otherwise: refused
    session["reps"] = session["reps"][1:]
    (tmp_path / "short.json").write_text(json.dumps(document), encoding="utf-8")
    short = cli(["import", "short.json"], env, tmp_path)
    assert short.returncode == 1 and "rep 1 is in the log (1.900 s, effort 7) but not in " \
        "the file" in " ".join(short.stderr.split())
    assert reps_of(db) == [(1, 1.9, 7), (2, 1.3, 8), (3, 1.7, 9)]
