"""The log store: sessions and reps written the moment they happen, read back for review.

Every write is its own transaction, committed (and, with `synchronous=FULL`,
on disk) before the call returns, so a kill at any instant loses nothing that
was written. Two processes may share one file: SQLite's WAL journal and the
busy timeout serialise their writes. A `Store` may be used from several
threads (calls are serialised by a lock). All failures are `StoreError`s.
The store owns its file (`store.file`, a `logfile.LogFile`: the connection, the
transactions, the check that the file is still the one opened); taking over an
unfinished session is `resume.py`'s.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Self

from intervaltimer.coach.inputs import conditions_problem
from intervaltimer.log import queries
from intervaltimer.log.connect import DEFAULT_BUSY_TIMEOUT_MS
from intervaltimer.log.errors import NotFoundError
from intervaltimer.log.importmatch import ImportConflict, settle_import
from intervaltimer.log.logfile import LogFile
from intervaltimer.log.paths import db_path
from intervaltimer.log.records import (
    MAIN_SET_DONE,
    QUIT,
    RepRecord,
    SessionRecord,
    SessionStatus,
    SessionSummary,
    check_rpe,
    check_seconds,
    source_hash,
)


class Store:
    """The SQLite log of sessions and reps. Open with `Store.open(path)` (or `open_store`)."""

    def __init__(self, file: LogFile) -> None:
        """Keep sessions and reps in `file`; use `open` or `in_memory` rather than this."""
        self.file = file

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False,
             busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Self:
        """Open (creating if needed) the log at `path`: see `LogFile.open`."""
        return cls(LogFile.open(path, readonly=readonly, busy_timeout_ms=busy_timeout_ms))

    @classmethod
    def in_memory(cls) -> Self:
        """A new, empty log that lives in memory only (for a rescue file's export)."""
        return cls(LogFile.in_memory())

    @property
    def path(self) -> Path:
        """Where the log file is."""
        return self.file.path

    def close(self) -> None:
        """Close the log file (idempotent). Everything written is already on disk."""
        self.file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _touch(self, conn: sqlite3.Connection, session_id: int, now: float) -> None:
        cursor = conn.execute("UPDATE session SET updated_at = ? WHERE id = ?", (now, session_id))
        if cursor.rowcount == 0:
            raise NotFoundError(self.path, f"no session {session_id} in the log")

    # -- writes ---------------------------------------------------------------------------

    def start_session(self, workout: str, source: str, paces: Mapping[str, float],
                      plan_steps: int, workout_path: str | os.PathLike[str] | None = None,
                      started_at: float | None = None, *, main_rest_s: float | None = None,
                      reps_planned: int | None = None) -> int:
        """Write the session row as the session starts; return its id.

        `source` is the workout's text (kept with its SHA-256), `paces` the named
        paces used (seconds per metre), `plan_steps` the plan's step count,
        `main_rest_s` the rest planned between the main set's reps (today's rung)
        and `reps_planned` the main set's reps.
        """
        for name, value in paces.items():
            check_seconds(value, f"pace {name!r}")
        if reps_planned is not None and reps_planned < 0:
            raise ValueError(f"reps planned must be 0 or more, not {reps_planned}")
        now = time.time()
        start = now if started_at is None else float(started_at)
        with self.file.write() as conn:
            cursor = conn.execute(
                "INSERT INTO session (workout, started_at, updated_at, status, source, "
                "source_hash, paces, plan_steps, workout_path, owner, main_rest_s, "
                "reps_planned) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                (workout, start, now, source, source_hash(source),
                 json.dumps(dict(paces), sort_keys=True), int(plan_steps),
                 None if workout_path is None else str(workout_path), self.file.owner,
                 check_seconds(main_rest_s, "main-set rest"),
                 None if reps_planned is None else int(reps_planned)))
            session_id = cursor.lastrowid
        assert session_id is not None
        return int(session_id)

    def record_rep(self, session_id: int, index: int, *, step_index: int, label: str,
                   split_s: float | None, ended_at: float | None = None,
                   started_at: float | None = None, distance_m: float | None = None,
                   target_s: float | None = None, rest_s: float | None = None,
                   rpe: int | None = None, skipped: bool = False,
                   main: bool | None = None) -> None:
        """Write a rep the moment it ends (instants are wall-clock epoch seconds).

        `ended_at` defaults to now and `started_at` to `ended_at - split_s`. Writing
        an index already stored replaces that rep (a rep run again after an undo).
        A skipped rep (`skipped=True`) is stored with no split. `main` says whether
        the plan put the rep in the main set. The session's progress moves to at
        least `step_index`.
        """
        if index < 1:
            raise ValueError(f"rep index must be 1 or more, not {index}")
        split = None if skipped else check_seconds(split_s, "split")
        if split is None and not skipped:
            raise ValueError("a rep that was run has a split")
        end = time.time() if ended_at is None else float(ended_at)
        start = (end - (split or 0.0)) if started_at is None else float(started_at)
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            conn.execute(
                "INSERT INTO rep (session_id, idx, step_index, label, distance_m, target_s, "
                "split_s, started_at, ended_at, rest_s, rpe, skipped, main) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, idx) DO UPDATE SET step_index = excluded.step_index, "
                "label = excluded.label, distance_m = excluded.distance_m, "
                "target_s = excluded.target_s, split_s = excluded.split_s, "
                "started_at = excluded.started_at, ended_at = excluded.ended_at, "
                "rest_s = excluded.rest_s, rpe = excluded.rpe, skipped = excluded.skipped, "
                "main = excluded.main",
                (session_id, index, step_index, label, distance_m,
                 check_seconds(target_s, "target"), split, start, end,
                 check_seconds(rest_s, "rest"), check_rpe(rpe), int(skipped),
                 None if main is None else int(main)))
            conn.execute("UPDATE session SET steps_done = max(steps_done, ?) WHERE id = ?",
                         (step_index, session_id))

    def withdraw_rep(self, session_id: int, index: int) -> None:
        """Delete a rep whose lap was undone; progress goes back to the step before it."""
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            row = conn.execute("SELECT step_index FROM rep WHERE session_id = ? AND idx = ?",
                               (session_id, index)).fetchone()
            if row is None:
                raise NotFoundError(self.path, f"no rep {index} in session {session_id}")
            conn.execute("DELETE FROM rep WHERE session_id = ? AND idx = ?", (session_id, index))
            conn.execute("UPDATE session SET steps_done = min(steps_done, ?) WHERE id = ?",
                         (int(row[0]) - 1, session_id))

    def _update_rep(self, session_id: int, index: int, column: str, value: object) -> None:
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            cursor = conn.execute(f"UPDATE rep SET {column} = ? WHERE session_id = ? AND idx = ?",
                                  (value, session_id, index))
            if cursor.rowcount == 0:
                raise NotFoundError(self.path, f"no rep {index} in session {session_id}")

    def set_rest(self, session_id: int, index: int, rest_s: float | None) -> None:
        """Store the rest actually taken after rep `index`."""
        self._update_rep(session_id, index, "rest_s", check_seconds(rest_s, "rest"))

    def rate_rep(self, session_id: int, index: int, rpe: int | None) -> None:
        """Store (or change, or with None clear) the effort of rep `index`, CR-10 0..10."""
        self._update_rep(session_id, index, "rpe", check_rpe(rpe))

    def mark_step_done(self, session_id: int, step_index: int) -> None:
        """Record that plan step `step_index` (1-based) has finished: resume starts after it."""
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            conn.execute("UPDATE session SET steps_done = ? WHERE id = ?",
                         (int(step_index), session_id))

    def finish_session(self, session_id: int, status: SessionStatus | str,
                       ended_at: float | None = None, *, ending: str | None = None,
                       not_run: Sequence[str] = ()) -> None:
        """Mark the session completed or abandoned, ending at `ended_at` (default now).

        `ending`: MAIN_SET_DONE (completed after the main set; `not_run` the labels
        of the steps left out) or QUIT (abandoned before it: offered for resume for a
        while, see `resume.resumable_sessions`); None for a plain end.
        """
        final = SessionStatus(status)
        if final is SessionStatus.RUNNING:
            raise ValueError("a session finishes as completed or abandoned, not running")
        if ending not in (None, MAIN_SET_DONE, QUIT):
            raise ValueError(f"a session does not end as {ending!r}")
        now = time.time()
        with self.file.write() as conn:
            self._touch(conn, session_id, now)
            conn.execute("UPDATE session SET status = ?, ended_at = ?, ending = ?, not_run = ? "
                         "WHERE id = ?",
                         (final.value, now if ended_at is None else float(ended_at), ending,
                          json.dumps(list(not_run)), session_id))

    def set_note(self, session_id: int, note: str | None) -> None:
        """Store the runner's note on the session (blank clears it)."""
        text = (note or "").strip() or None
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            conn.execute("UPDATE session SET note = ? WHERE id = ?", (text, session_id))

    def set_session_rpe(self, session_id: int, rpe: int | None) -> None:
        """Store how hard the whole session was (CR-10, 0..10; None clears it)."""
        value = check_rpe(rpe, "session effort")
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            conn.execute("UPDATE session SET session_rpe = ? WHERE id = ?", (value, session_id))

    def set_conditions(self, session_id: int, conditions: Sequence[str]) -> None:
        """Flag a session as run in bad conditions (``coach.inputs.CONDITIONS``); an empty
        list clears the flag. An unknown word raises ValueError."""
        problem = conditions_problem(list(conditions))
        if problem is not None:
            raise ValueError(f"conditions: {problem}")
        with self.file.write() as conn:
            self._touch(conn, session_id, time.time())
            conn.execute("UPDATE session SET conditions = ? WHERE id = ?",
                         (queries.conditions_text(conditions), session_id))

    def import_session(self, session: SessionRecord, reps: Sequence[RepRecord]) -> int | None:
        """Add a session from elsewhere (an export) with its reps; return its id.

        Beside a session of the same workout started at the same millisecond (see
        `importmatch`): None when it holds the same reps (already there); its id once
        completed, when it is an unfinished part of the file's (a rescue file); else
        `ImportConflict` naming the rep that differs. Nothing logged is replaced.
        """
        with self.file.write() as conn:
            conflict: ImportConflict | None = None
            for found in queries.same_start(conn, session.workout, session.started_at):
                try:
                    return settle_import(conn, found, session, reps)
                except ImportConflict as error:
                    conflict = conflict or error
            if conflict is not None:
                raise conflict
            return queries.insert_imported(conn, session, reps, self.file.owner)

    # -- reads ----------------------------------------------------------------------------

    def session(self, session_id: int) -> SessionRecord | None:
        """One session, or None."""
        rows = self.file.read(f"SELECT {queries.SESSION_COLUMNS} FROM session WHERE id = ?",
                          (session_id,))
        return queries.session_record(rows[0]) if rows else None

    def sessions(self, workout: str | None = None, since: float | None = None,
                 limit: int | None = None) -> list[SessionRecord]:
        """Sessions newest first, of one workout and/or started at or after `since`."""
        where, params = queries.session_filter(workout, since)
        rows = self.file.read(f"SELECT {queries.SESSION_COLUMNS} FROM session {where} "
                          "ORDER BY started_at DESC, id DESC LIMIT ?",
                          (*params, -1 if limit is None else limit))
        return [queries.session_record(row) for row in rows]

    def last_session(self, workout: str | None = None) -> SessionRecord | None:
        """The most recently started session (of `workout`), or None."""
        found = self.sessions(workout, limit=1)
        return found[0] if found else None

    def reps(self, session_id: int) -> list[RepRecord]:
        """The session's reps in order."""
        rows = self.file.read(f"SELECT {queries.REP_COLUMNS} FROM rep WHERE session_id = ? "
                          "ORDER BY idx", (session_id,))
        return [queries.rep_record(row) for row in rows]

    def reps_by_session(self, session_ids: Sequence[int] | None = None
                        ) -> dict[int, list[RepRecord]]:
        """Reps of many sessions in one query (all sessions when None), each list in order."""
        rows: list[sqlite3.Row] = []
        if session_ids is None:
            rows = self.file.read(f"SELECT {queries.REP_COLUMNS} FROM rep ORDER BY session_id, idx")
        else:
            ids = [int(i) for i in session_ids]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows += self.file.read(f"SELECT {queries.REP_COLUMNS} FROM rep WHERE session_id IN "
                                   f"({','.join('?' * len(chunk))}) ORDER BY session_id, idx",
                                   chunk)
        grouped: dict[int, list[RepRecord]] = {int(i): [] for i in session_ids or ()}
        for row in rows:
            rep = queries.rep_record(row)
            grouped.setdefault(rep.session_id, []).append(rep)
        return grouped

    def summaries(self, workout: str | None = None, since: float | None = None,
                  limit: int | None = None) -> list[SessionSummary]:
        """History rows newest first: each session with its reps' count and means, from SQL."""
        where, params = queries.session_filter(workout, since)
        rows = self.file.read(queries.summary_sql(where), (*params, -1 if limit is None else limit))
        return [queries.summary(row) for row in rows]

    def workouts(self) -> list[tuple[str, int]]:
        """Each workout in the log with its number of sessions, most recently run first."""
        rows = self.file.read("SELECT workout, count(*) FROM session GROUP BY workout "
                          "ORDER BY max(started_at) DESC")
        return [(str(row[0]), int(row[1])) for row in rows]



def open_store(path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> Store:
    """Open the log at `path`, else `$INTERVALTIMER_DB`, else the default place."""
    return Store.open(db_path(path), readonly=readonly)
