"""An imported session beside the log's session of the same workout and start: skip it,
complete the log's from it, or refuse it; never replace a rep the log holds.

- The same reps (index, split to the millisecond, skipped or not, effort) as the log's
  session: already there, skipped.
- The log's session is unfinished (left running by a program that is gone) and every
  rep it holds is in the file unchanged (split and skip the same; an effort the log
  lacks may be filled in): the file is a rescue of that session, and the reps the log
  lacks are added to it, which is then closed as the file says.
- Anything else: refused, with the first rep that differs. The log keeps its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from intervaltimer.log.owner import owned_by_other_live_process
from intervaltimer.log.records import RepRecord, SessionRecord, SessionStatus


class ImportConflict(ValueError):
    """A session in the file that differs from the log's session of the same workout and
    start; the message says which rep differs."""


@dataclass(frozen=True)
class LoggedRep:
    """What decides whether a rep is the same: split in ms (None when skipped), effort."""

    split_ms: int | None
    rpe: int | None

    def shown(self) -> str:
        """`1.900 s, effort 7`, `skipped`, `1.900 s, no effort`."""
        split = "skipped" if self.split_ms is None else f"{self.split_ms / 1000:.3f} s"
        effort = "no effort" if self.rpe is None else f"effort {self.rpe}"
        return split if self.split_ms is None else f"{split}, {effort}"


def _key(split_s: float | None, skipped: bool, rpe: int | None) -> LoggedRep:
    return LoggedRep(None if skipped or split_s is None else round(float(split_s) * 1000), rpe)


def logged_reps(conn: sqlite3.Connection, session_id: int) -> dict[int, LoggedRep]:
    """The reps of a session in the log, by index."""
    rows = conn.execute("SELECT idx, split_s, skipped, rpe FROM rep WHERE session_id = ?",
                        (session_id,)).fetchall()
    return {int(i): _key(None if s is None else float(s), bool(k), None if r is None else int(r))
            for i, s, k, r in rows}


def file_reps(reps: Sequence[RepRecord]) -> dict[int, LoggedRep]:
    """The reps of a session in a file, by index."""
    return {rep.index: _key(rep.split_s, rep.skipped, rep.rpe) for rep in reps}


def first_difference(logged: dict[int, LoggedRep], filed: dict[int, LoggedRep],
                     fill_efforts: bool) -> str | None:
    """The first logged rep the file does not hold unchanged, said in a line; None when
    every logged rep is in the file (with `fill_efforts`, an effort the log lacks may be
    the file's)."""
    for index in sorted(logged):
        mine, theirs = logged[index], filed.get(index)
        if theirs is None:
            return f"rep {index} is in the log ({mine.shown()}) but not in the file"
        same_effort = theirs.rpe == mine.rpe or (fill_efforts and mine.rpe is None)
        if theirs.split_ms != mine.split_ms or not same_effort:
            return f"rep {index} differs: the log has {mine.shown()}, the file {theirs.shown()}"
    return None


def settle_import(conn: sqlite3.Connection, found: int, session: SessionRecord,
                  reps: Sequence[RepRecord]) -> int | None:
    """What to do with the file's `session` beside the log's session `found` (same workout,
    same start): None when it is already there; `found` once completed from the file.

    Raises `ImportConflict` when the file's session differs from the log's.
    """
    logged, filed = logged_reps(conn, found), file_reps(reps)
    if logged == filed:
        return None
    row = conn.execute("SELECT status, owner FROM session WHERE id = ?", (found,)).fetchone()
    unfinished = row is not None and row[0] == SessionStatus.RUNNING.value
    if unfinished and owned_by_other_live_process(str(row[1] or "")):
        raise ImportConflict("the log's session is still being run by another intervaltimer; "
                             "import the file once that run has ended")
    differs = first_difference(logged, filed, fill_efforts=unfinished)
    if differs is None and unfinished:
        _complete(conn, found, session, [rep for rep in reps if rep.index not in logged]
                  + [rep for rep in reps if rep.index in logged and rep.rpe is not None
                     and logged[rep.index].rpe is None])
        return found
    if differs is None:
        differs = (f"the log holds it finished with {len(logged)} reps, the file has "
                   f"{len(filed)}")
    raise ImportConflict(f"{differs}; the log keeps its own")


def _complete(conn: sqlite3.Connection, session_id: int, session: SessionRecord,
              reps: Sequence[RepRecord]) -> None:
    """Add the reps the log lacks (and efforts it lacks) to session `session_id`, and close
    it as the file says; nothing the log holds is overwritten."""
    for rep in reps:
        updated = conn.execute("UPDATE rep SET rpe = ? WHERE session_id = ? AND idx = ? "
                               "AND rpe IS NULL", (rep.rpe, session_id, rep.index)).rowcount
        if updated:
            continue
        conn.execute(
            "INSERT OR IGNORE INTO rep (session_id, idx, step_index, label, distance_m, "
            "target_s, split_s, started_at, ended_at, rest_s, rpe, skipped, main) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, rep.index, rep.step_index, rep.label, rep.distance_m, rep.target_s,
             rep.split_s, rep.started_at, rep.ended_at, rep.rest_s, rep.rpe, int(rep.skipped),
             None if rep.main is None else int(rep.main)))
    status = SessionStatus(session.status)
    closed = SessionStatus.ABANDONED if status is SessionStatus.RUNNING else status
    conn.execute(
        "UPDATE session SET status = ?, ended_at = COALESCE(?, ended_at), "
        "updated_at = COALESCE(?, ended_at, updated_at), steps_done = MAX(steps_done, ?), "
        "note = COALESCE(note, ?), session_rpe = COALESCE(session_rpe, ?), "
        "ending = COALESCE(ending, ?), "
        "not_run = CASE WHEN ending IS NULL THEN ? ELSE not_run END WHERE id = ?",
        (closed.value, session.ended_at, session.ended_at, session.steps_done, session.note,
         session.session_rpe, session.ending, json.dumps(list(session.not_run)), session_id))
