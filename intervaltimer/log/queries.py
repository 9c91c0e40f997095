"""The SQL of the store's reads, and rows turned into records. Used by `store.Store` and
`resume` only."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from intervaltimer.coach.inputs import ordered_conditions
from intervaltimer.log import sane
from intervaltimer.log.records import (
    ENDING_STATUS,
    SHORT_REP_SHARE,
    RepRecord,
    SessionRecord,
    SessionStatus,
    SessionSummary,
)

SESSION_COLUMNS = (
    "id, workout, started_at, ended_at, status, note, session_rpe, source, source_hash, "
    "paces, plan_steps, workout_path, steps_done, updated_at, main_rest_s, reps_planned, "
    "conditions, ending, not_run"
)


def _number_in(column: str, low: float, high: float, optional: bool = False) -> str:
    test = (f"(typeof({column}) IN ('real', 'integer') AND {column} BETWEEN {low!r} "
            f"AND {high!r})")
    return f"({column} IS NULL OR {test})" if optional else test


# Whether a rep row holds only sane values (`sane`), worked out by SQLite as it reads: the
# common case is then built at once, and only a damaged row is checked value by value.
_REP_IS_SANE = " AND ".join([
    f"((split_s IS NULL AND skipped) OR {_number_in('split_s', 0.0, sane.MAX_SECONDS)})",
    _number_in("started_at", sane.MIN_INSTANT, sane.MAX_INSTANT),
    _number_in("ended_at", sane.MIN_INSTANT, sane.MAX_INSTANT),
    _number_in("distance_m", 0.0, sane.MAX_DISTANCE_M, optional=True),
    _number_in("target_s", 0.0, sane.MAX_SECONDS, optional=True),
    _number_in("rest_s", 0.0, sane.MAX_SECONDS, optional=True),
    "(rpe IS NULL OR (typeof(rpe) = 'integer' AND rpe BETWEEN 0 AND 10))",
    "typeof(step_index) = 'integer' AND step_index >= 0",
])
REP_COLUMNS = (
    "session_id, idx, step_index, label, split_s, started_at, ended_at, distance_m, "
    f"target_s, rest_s, rpe, skipped, main, ({_REP_IS_SANE}) AS sane"
)


def _paces(text: str | None) -> dict[str, float]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): float(v) for k, v in raw.items()
            if isinstance(v, int | float) and _mean(v) is not None}


DAMAGED_MARK = "⚠ "
"""Put before the workout or label of a row that was read back damaged."""


class _Reading:
    """One row's values checked as they are read: each bad one gets a stand-in and a reason."""

    def __init__(self, row: sqlite3.Row) -> None:
        self.row = row
        self.problems: list[str] = []

    def _bad(self, key: str, problem: str | None) -> bool:
        if problem is None:
            return False
        self.problems.append(f"{key} {problem}")
        return True

    def text(self, key: str) -> str:
        value = self.row[key]
        return "" if value is None else str(value)

    def instant(self, key: str, optional: bool = False) -> float | None:
        value = self.row[key]
        if value is None and optional:
            return None
        if self._bad(key, sane.instant_problem(value)):
            return None if optional else sane.MIN_INSTANT
        return float(value)

    def seconds(self, key: str, optional: bool = True) -> float | None:
        value = self.row[key]
        if value is None and optional:
            return None
        problem = (sane.distance_problem(value) if key == "distance_m"
                   else sane.seconds_problem(value))
        if self._bad(key, problem):
            return None if optional else 0.0
        return float(value)

    def whole(self, key: str, low: int, high: int, optional: bool = False) -> int | None:
        value = self.row[key]
        if value is None and optional:
            return None
        if self._bad(key, sane.whole_problem(value, low, high)):
            return None if optional else low
        return int(value)

    def status(self) -> SessionStatus:
        value = self.row["status"]
        try:
            return SessionStatus(value)
        except ValueError:
            self.problems.append(f"status {value!r} is not completed, abandoned or running")
            return SessionStatus.ABANDONED

    def marked(self, text: str) -> str:
        return DAMAGED_MARK + text if self.problems else text

    @property
    def damaged(self) -> str | None:
        return "; ".join(self.problems) if self.problems else None


def session_record(row: sqlite3.Row) -> SessionRecord:
    """A session row (selected with SESSION_COLUMNS) as a record; a damaged row is read with
    safe stand-ins, its workout marked DAMAGED_MARK and `damaged` saying why."""
    read = _Reading(row)
    started_at = read.instant("started_at")
    assert started_at is not None
    record = SessionRecord(
        id=int(row["id"]), workout=read.text("workout"), started_at=started_at,
        ended_at=read.instant("ended_at", optional=True), status=read.status(),
        note=row["note"], session_rpe=read.whole("session_rpe", 0, 10, optional=True),
        source=read.text("source"), source_hash=read.text("source_hash"),
        paces=_paces(row["paces"]),
        plan_steps=read.whole("plan_steps", 0, sane.SQLITE_MAX_INT) or 0,
        workout_path=row["workout_path"],
        steps_done=read.whole("steps_done", 0, sane.SQLITE_MAX_INT) or 0,
        updated_at=read.instant("updated_at", optional=True),
        main_rest_s=read.seconds("main_rest_s"),
        reps_planned=read.whole("reps_planned", 0, sane.SQLITE_MAX_INT, optional=True),
        conditions=stored_conditions(row["conditions"]),
        ending=_ending(row["ending"]), not_run=_labels(row["not_run"]),
    )
    if read.damaged is None:
        return record
    return replace(record, workout=read.marked(record.workout), damaged=read.damaged)


def stored_conditions(value: object) -> tuple[str, ...]:
    """The conditions column (``heat,wind``) as a tuple; unknown words are left out."""
    return ordered_conditions(str(value or "").split(","))


def conditions_text(conditions: Sequence[str]) -> str:
    """Conditions as the column stores them: known ones, in order, comma-separated."""
    return ",".join(ordered_conditions(list(conditions)))


def _ending(value: object) -> str | None:
    """The `ending` column, None for anything it should not hold."""
    return value if isinstance(value, str) and value in ENDING_STATUS else None


def _labels(value: object) -> tuple[str, ...]:
    """The `not_run` column (a JSON list of labels) as a tuple; () when it is not one."""
    try:
        labels = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return ()
    if not isinstance(labels, list):
        return ()
    return tuple(label for label in labels if isinstance(label, str))


def rep_record(row: sqlite3.Row) -> RepRecord:
    """A rep row (selected with REP_COLUMNS) as a record; a damaged row is read with safe
    stand-ins, its label marked DAMAGED_MARK and `damaged` saying why."""
    if row["sane"]:
        split = row["split_s"]
        return RepRecord(
            session_id=int(row["session_id"]), index=int(row["idx"]),
            step_index=int(row["step_index"]), label=str(row["label"]),
            split_s=None if split is None else float(split),
            started_at=float(row["started_at"]), ended_at=float(row["ended_at"]),
            distance_m=row["distance_m"], target_s=row["target_s"], rest_s=row["rest_s"],
            rpe=row["rpe"], skipped=bool(row["skipped"]),
            main=None if row["main"] is None else bool(row["main"]))
    read = _Reading(row)
    skipped = bool(row["skipped"])  # a rep skipped has no split
    split_s = read.seconds("split_s", optional=skipped)
    started_at, ended_at = read.instant("started_at"), read.instant("ended_at")
    assert (split_s is not None or skipped) and started_at is not None and ended_at is not None
    record = RepRecord(
        session_id=int(row["session_id"]), index=int(row["idx"]),
        step_index=read.whole("step_index", 0, sane.SQLITE_MAX_INT) or 0,
        label=read.text("label"), split_s=split_s, started_at=started_at, ended_at=ended_at,
        distance_m=read.seconds("distance_m"), target_s=read.seconds("target_s"),
        rest_s=read.seconds("rest_s"), rpe=read.whole("rpe", 0, 10, optional=True),
        skipped=skipped, main=None if row["main"] is None else bool(row["main"]),
    )
    if read.damaged is None:
        return record
    return replace(record, label=read.marked(f"{record.label} (damaged: {read.damaged})"),
                   damaged=read.damaged)


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

    The averages are over the main set (`intervaltimer.coach.sessions.main_set`):
    the reps the plan marked as main set when it did, else the reps with a target
    when any has one, else all but the reps of at most SHORT_REP_SHARE of the
    longest; `reps` counts every rep run (a skipped rep is not), `reps_done` the
    main set's reps run.
    """
    def per_session(expression: str) -> str:
        return f"(SELECT {expression} FROM rep WHERE session_id = s.id)"

    def main_set(expression: str) -> str:
        targeted = ("EXISTS (SELECT 1 FROM rep t "
                    "WHERE t.session_id = s.id AND t.target_s IS NOT NULL)")
        longest = "(SELECT max(m.distance_m) FROM rep m WHERE m.session_id = s.id)"
        marked = ("EXISTS (SELECT 1 FROM rep k "
                  "WHERE k.session_id = s.id AND k.main IS NOT NULL)")
        counted = (f"CASE WHEN {marked} THEN r.main = 1 "
                   f"WHEN {targeted} THEN r.target_s IS NOT NULL "
                   f"ELSE (r.distance_m IS NULL OR r.distance_m = 0 "
                   f"OR r.distance_m >= {SHORT_REP_SHARE!r} * {longest}) END")
        sane_split = f"r.split_s BETWEEN 0 AND {sane.MAX_SECONDS!r}"  # a damaged row counts not
        return (f"(SELECT {expression} FROM rep r WHERE r.session_id = s.id AND {counted} "
                f"AND {sane_split})")

    return (
        "SELECT s.id, s.workout, s.started_at, s.ended_at, s.status, s.session_rpe, s.note, "
        "s.reps_planned, s.main_rest_s, s.conditions, s.ending, "
        f"{per_session('count(split_s)')} AS reps, {main_set('count(r.split_s)')} AS reps_done, "
        f"{main_set('avg(r.split_s)')} AS mean_split_s, "
        f"{main_set('avg(r.rpe)')} AS mean_rpe, "
        f"{main_set('avg(r.split_s - r.target_s)')} AS mean_deviation_s "
        f"FROM session AS s {where} ORDER BY s.started_at DESC, s.id DESC LIMIT ?"
    )


def summary(row: sqlite3.Row) -> SessionSummary:
    """A row of `summary_sql` as a record; a damaged row marked as `session_record` does."""
    read = _Reading(row)
    started_at = read.instant("started_at")
    assert started_at is not None
    record = SessionSummary(
        id=int(row["id"]), workout=read.text("workout"), started_at=started_at,
        ended_at=read.instant("ended_at", optional=True), status=read.status(),
        reps=int(row["reps"]), mean_split_s=read.seconds("mean_split_s"),
        mean_rpe=_mean(row["mean_rpe"]), mean_deviation_s=_mean(row["mean_deviation_s"]),
        session_rpe=read.whole("session_rpe", 0, 10, optional=True), note=row["note"],
        reps_planned=read.whole("reps_planned", 0, sane.SQLITE_MAX_INT, optional=True),
        reps_done=int(row["reps_done"]), main_rest_s=read.seconds("main_rest_s"),
        conditions=stored_conditions(row["conditions"]),
        ending=_ending(row["ending"]),
    )
    if read.damaged is None:
        return record
    return replace(record, workout=read.marked(record.workout), damaged=read.damaged)


def _mean(value: object) -> float | None:
    """A mean from SQL, or None when it is not a finite number."""
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and math.isfinite(value) and abs(value) <= sane.MAX_SECONDS:
        return float(value)
    return None


def same_start(conn: sqlite3.Connection, workout: str, started_at: float) -> list[int]:
    """The ids of the sessions of `workout` started at the same millisecond as `started_at`.

    An export writes instants truncated to the millisecond (ISO 8601, `timespec=
    "milliseconds"`), so a stored start matches when it rounds or truncates to it.
    """
    started_ms = round(started_at * 1000)
    rows = conn.execute(
        "SELECT id, started_at FROM session WHERE workout = ? AND started_at BETWEEN ? AND ?",
        (workout, (started_ms - 1) / 1000, (started_ms + 1) / 1000)).fetchall()
    return [int(row[0]) for row in rows
            if started_ms in (round(float(row[1]) * 1000), math.floor(float(row[1]) * 1000 + 1e-6))]


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
        "session_rpe, source, source_hash, paces, plan_steps, workout_path, steps_done, owner, "
        "main_rest_s, reps_planned, conditions, ending, not_run) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (session.workout, session.started_at, session.ended_at,
         session.updated_at if session.updated_at is not None
         else session.ended_at or session.started_at,
         _imported_status(session.status), session.note, session.session_rpe,
         session.source, session.source_hash, json.dumps(session.paces, sort_keys=True),
         session.plan_steps, session.workout_path, session.steps_done, owner,
         session.main_rest_s, session.reps_planned, conditions_text(session.conditions),
         session.ending, json.dumps(list(session.not_run))))
    new_id = cursor.lastrowid
    assert new_id is not None
    conn.executemany(
        "INSERT INTO rep (session_id, idx, step_index, label, distance_m, target_s, split_s, "
        "started_at, ended_at, rest_s, rpe, skipped, main) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(new_id, rep.index, rep.step_index, rep.label, rep.distance_m, rep.target_s,
          rep.split_s, rep.started_at, rep.ended_at, rep.rest_s, rep.rpe, int(rep.skipped),
          None if rep.main is None else int(rep.main)) for rep in reps])
    return int(new_id)
