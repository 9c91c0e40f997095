"""Taking up an unfinished session: which to offer, claiming one, or closing it for good.

A session is unfinished when a crash left it "running", or when the runner quit
it before its main set was done (abandoned with ending 'quit'; offered for a
while). Two intervaltimers may look at one log at once, so the claim is one
transaction that checks the session's owner: of two resuming the same session,
one wins. Sessions being run right now by another live process on this machine
are never offered.
"""

from __future__ import annotations

import time

from intervaltimer.log import queries
from intervaltimer.log.errors import ClaimedError, NotFoundError
from intervaltimer.log.owner import owned_by_other_live_process
from intervaltimer.log.records import QUIT, SessionRecord, SessionStatus
from intervaltimer.log.store import Store


def running_sessions(store: Store, workout: str | None = None, *,
                     include_live: bool = False) -> list[SessionRecord]:
    """Sessions left "running" by a crash, newest first, to offer for resume.

    Sessions being run right now by another live intervaltimer process on
    this machine are left out unless `include_live`.
    """
    clause = "WHERE status = 'running'" + (" AND workout = ?" if workout is not None else "")
    rows = store.file.read(f"SELECT {queries.SESSION_COLUMNS}, owner FROM session {clause} "
                           "ORDER BY started_at DESC, id DESC",
                           () if workout is None else (workout,))
    return [queries.session_record(row) for row in rows
            if include_live or not owned_by_other_live_process(str(row["owner"]))]


def resumable_sessions(store: Store, workout: str, quit_since: float) -> list[SessionRecord]:
    """Sessions of `workout` to offer for resume, newest first: those a crash left
    running (not being run by another live process), and those quit before their main
    set was done that ended at or after `quit_since` (wall-clock seconds)."""
    rows = store.file.read(f"SELECT {queries.SESSION_COLUMNS}, owner FROM session "
                           "WHERE workout = ? AND (status = 'running' OR (status = 'abandoned' "
                           "AND ending = 'quit' AND ended_at >= ?)) "
                           "ORDER BY started_at DESC, id DESC", (workout, float(quit_since)))
    return [queries.session_record(row) for row in rows
            if not owned_by_other_live_process(str(row["owner"]))]


def last_step_done(store: Store, session_id: int) -> int:
    """The plan index of the last step the session finished (0 before the first):
    a resumed session goes on at the step after it."""
    rows = store.file.read("SELECT steps_done FROM session WHERE id = ?", (session_id,))
    if not rows:
        raise NotFoundError(store.path, f"no session {session_id} in the log")
    return int(rows[0][0])


def resume_session(store: Store, session_id: int) -> SessionRecord:
    """Take over a session left running by a crash (or quit, see `resumable_sessions`),
    to go on at `steps_done + 1`.

    The claim is atomic: of two intervaltimers resuming the same session at
    once, one wins; the other gets a `ClaimedError` (the session is being
    run by another live process, or was closed meanwhile).
    """
    with store.file.write() as conn:
        row = conn.execute("SELECT status, owner, ending FROM session WHERE id = ?",
                           (session_id,)).fetchone()
        if row is None:
            raise NotFoundError(store.path, f"no session {session_id} in the log")
        status, owner, ending = str(row[0]), str(row[1] or ""), row[2]
        if owned_by_other_live_process(owner):
            pid = owner.split("|")[1]
            raise ClaimedError(store.path, f"session {session_id} is already being run by "
                               f"another intervaltimer (process {pid}); it resumed it first")
        quit_run = status == SessionStatus.ABANDONED.value and ending == QUIT
        if status != SessionStatus.RUNNING.value and not quit_run:
            raise ClaimedError(store.path, f"session {session_id} was closed as {status} "
                               "meanwhile; start a new one")
        conn.execute(
            "UPDATE session SET status = 'running', ended_at = NULL, ending = NULL, "
            "owner = ?, updated_at = ? WHERE id = ?", (store.file.owner, time.time(), session_id))
    record = store.session(session_id)
    assert record is not None
    return record


def abandon(store: Store, session_id: int) -> None:
    """Close a session left running by a crash (or quit, and offered for resume):
    abandoned, ending at its last write, and no longer offered. Its reps stay."""
    with store.file.write() as conn:
        row = conn.execute(
            "SELECT max(s.updated_at, coalesce((SELECT max(ended_at) FROM rep "
            "WHERE session_id = s.id), s.started_at)) FROM session AS s WHERE id = ?",
            (session_id,)).fetchone()
        if row is None:
            raise NotFoundError(store.path, f"no session {session_id} in the log")
        conn.execute("UPDATE session SET status = 'abandoned', ended_at = ?, "
                     "ending = CASE WHEN ending = 'quit' THEN 'closed' ELSE ending END "
                     "WHERE id = ?", (row[0], session_id))
