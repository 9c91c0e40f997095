"""The SQL of the store's reads, and rows turned into records. Used by `store.Store` only."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from intervaltimer.log.owner import owned_by_other_live_process
from intervaltimer.log.records import (
    SHORT_REP_SHARE,
    RepRecord,
    SessionRecord,
    SessionStatus,
    SessionSummary,
)

SESSION_COLUMNS = (
    "id, workout, started_at, ended_at, status, note, session_rpe, source, source_hash, "
    "paces, plan_steps, workout_path, steps_done, updated_at"
)
REP_COLUMNS = (
    "session_id, idx, step_index, label, split_s, started_at, ended_at, distance_m, "
    "target_s, rest_s, rpe"
)


def _paces(text: str | None) -> dict[str, float]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): float(v) for k, v in raw.items() if isinstance(v, int | float)}


def session_record(row: sqlite3.Row) -> SessionRecord:
    """A session row (selected with SESSION_COLUMNS) as a record."""
    return SessionRecord(
        id=int(row["id"]), workout=str(row["workout"]), started_at=float(row["started_at"]),
        ended_at=None if row["ended_at"] is None else float(row["ended_at"]),
        status=SessionStatus(row["status"]), note=row["note"], session_rpe=row["session_rpe"],
        source=str(row["source"]), source_hash=str(row["source_hash"]),
        paces=_paces(row["paces"]), plan_steps=int(row["plan_steps"]),
        workout_path=row["workout_path"], steps_done=int(row["steps_done"]),
        updated_at=None if row["updated_at"] is None else float(row["updated_at"]),
    )


def rep_record(row: sqlite3.Row) -> RepRecord:
    """A rep row (selected with REP_COLUMNS) as a record."""
    return RepRecord(
        session_id=int(row["session_id"]), index=int(row["idx"]),
        step_index=int(row["step_index"]), label=str(row["label"]),
        split_s=float(row["split_s"]), started_at=float(row["started_at"]),
        ended_at=float(row["ended_at"]), distance_m=row["distance_m"],
        target_s=row["target_s"], rest_s=row["rest_s"], rpe=row["rpe"],
    )


def session_filter(workout: str | None, since: float | None) -> tuple[str, list[object]]:
    """A WHERE clause (or "") and its parameters for the workout and start-time filters."""
    clauses: list[str] = []
    params: list[object] = []
    if workout is not None:
        clauses.append("workout = ?")
        params.append(workout)
    if since is not None:
        clauses.append("started_at >= ?")
        params.append(float(since))
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def summary_sql(where: str) -> str:
    """History rows, newest first (then `LIMIT ?`): each session with its reps' aggregates.

    Correlated subqueries on the rep table's primary key: as fast for the 50
    newest sessions as for all 5,000 (about 30 ms), where a join and GROUP BY
    would aggregate every rep first.

    The averages are over the main set (`intervaltimer.log.review.main_set`):
    the reps with a target when any has one, else all but the reps of at most
    SHORT_REP_SHARE of the longest; `reps` counts every rep.
    """
    def per_session(expression: str) -> str:
        return f"(SELECT {expression} FROM rep WHERE session_id = s.id)"

    def main_set(expression: str) -> str:
        targeted = ("EXISTS (SELECT 1 FROM rep t "
                    "WHERE t.session_id = s.id AND t.target_s IS NOT NULL)")
        longest = "(SELECT max(m.distance_m) FROM rep m WHERE m.session_id = s.id)"
        counted = (f"CASE WHEN {targeted} THEN r.target_s IS NOT NULL "
                   f"ELSE (r.distance_m IS NULL OR r.distance_m = 0 "
                   f"OR r.distance_m >= {SHORT_REP_SHARE!r} * {longest}) END")
        return f"(SELECT {expression} FROM rep r WHERE r.session_id = s.id AND {counted})"

    return (
        "SELECT s.id, s.workout, s.started_at, s.ended_at, s.status, s.session_rpe, s.note, "
        f"{per_session('count(*)')} AS reps, {main_set('avg(r.split_s)')} AS mean_split_s, "
        f"{main_set('avg(r.rpe)')} AS mean_rpe, "
        f"{main_set('avg(r.split_s - r.target_s)')} AS mean_deviation_s "
        f"FROM session AS s {where} ORDER BY s.started_at DESC, s.id DESC LIMIT ?"
    )


def summary(row: sqlite3.Row) -> SessionSummary:
    """A row of `summary_sql` as a record."""
    return SessionSummary(
        id=int(row["id"]), workout=str(row["workout"]), started_at=float(row["started_at"]),
        ended_at=None if row["ended_at"] is None else float(row["ended_at"]),
        status=SessionStatus(row["status"]), reps=int(row["reps"]),
        mean_split_s=row["mean_split_s"], mean_rpe=row["mean_rpe"],
        mean_deviation_s=row["mean_deviation_s"], session_rpe=row["session_rpe"],
        note=row["note"],
    )


def find_duplicate(conn: sqlite3.Connection, workout: str, started_at: float) -> int | None:
    """The id of a session of `workout` started within 0.5 s of `started_at`, if any."""
    row = conn.execute(
        "SELECT id FROM session WHERE workout = ? AND started_at BETWEEN ? AND ? LIMIT 1",
        (workout, started_at - 0.5, started_at + 0.5)).fetchone()
    return None if row is None else int(row[0])


def unfinished_part_of(conn: sqlite3.Connection, session_id: int,
                       reps: Sequence[RepRecord]) -> bool:
    """True when session `session_id` is an unfinished part of a session with `reps`: still
    running with no live process on it, and each of its reps among `reps` (by index).

    That is the session a rescue file was written for, when the log could not take
    the rest of it; importing the file completes it.
    """
    row = conn.execute("SELECT status, owner FROM session WHERE id = ?",
                       (session_id,)).fetchone()
    if row is None or row[0] != SessionStatus.RUNNING.value:
        return False
    if owned_by_other_live_process(str(row[1] or "")):
        return False
    stored = {int(r[0]) for r in conn.execute("SELECT idx FROM rep WHERE session_id = ?",
                                              (session_id,))}
    return stored <= {rep.index for rep in reps}


def _imported_status(status: str) -> str:
    # A session still running where it was exported is not running here: nobody can resume it.
    value = SessionStatus(status)
    return (SessionStatus.ABANDONED if value is SessionStatus.RUNNING else value).value


def insert_imported(conn: sqlite3.Connection, session: SessionRecord,
                    reps: Sequence[RepRecord], owner: str) -> int:
    """Insert a session record and its reps under a new id (inside the caller's transaction).

    A session that was still running where it came from is stored as abandoned.
    """
    cursor = conn.execute(
        "INSERT INTO session (workout, started_at, ended_at, updated_at, status, note, "
        "session_rpe, source, source_hash, paces, plan_steps, workout_path, steps_done, owner) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (session.workout, session.started_at, session.ended_at,
         session.updated_at if session.updated_at is not None
         else session.ended_at or session.started_at,
         _imported_status(session.status), session.note, session.session_rpe,
         session.source, session.source_hash, json.dumps(session.paces, sort_keys=True),
         session.plan_steps, session.workout_path, session.steps_done, owner))
    new_id = cursor.lastrowid
    assert new_id is not None
    conn.executemany(
        "INSERT INTO rep (session_id, idx, step_index, label, distance_m, target_s, split_s, "
        "started_at, ended_at, rest_s, rpe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(new_id, rep.index, rep.step_index, rep.label, rep.distance_m, rep.target_s,
          rep.split_s, rep.started_at, rep.ended_at, rep.rest_s, rep.rpe) for rep in reps])
    return int(new_id)
