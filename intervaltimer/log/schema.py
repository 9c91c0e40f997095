"""The log's tables and their forward migrations, versioned by `PRAGMA user_version`.

`MIGRATIONS[n]` takes a database from version n to n + 1; each step runs in its
own transaction together with the version bump, so a database is always at one
whole version. Steps are frozen once released: a change of schema is a new step
appended at the end, never an edit of an old one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from intervaltimer.log.renames import renamed

# "ITTR": marks the file as an intervaltimer log (PRAGMA application_id).
APPLICATION_ID = 0x49545452

_V1: tuple[str, ...] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        workout TEXT NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL,
        updated_at REAL NOT NULL,
        status TEXT NOT NULL DEFAULT 'running'
            CHECK (status IN ('running', 'completed', 'abandoned')),
        source TEXT NOT NULL DEFAULT '',
        source_hash TEXT NOT NULL DEFAULT '',
        paces TEXT NOT NULL DEFAULT '{}',
        plan_steps INTEGER NOT NULL DEFAULT 0,
        workout_path TEXT,
        steps_done INTEGER NOT NULL DEFAULT 0,
        owner TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX session_by_start ON session (started_at)",
    "CREATE INDEX session_by_workout ON session (workout, started_at)",
    "CREATE INDEX session_running ON session (status) WHERE status = 'running'",
    """CREATE TABLE rep (
        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL CHECK (idx >= 1),
        step_index INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        distance_m REAL,
        target_s REAL,
        split_s REAL NOT NULL CHECK (split_s >= 0),
        started_at REAL NOT NULL,
        ended_at REAL NOT NULL,
        rest_s REAL,
        rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
        PRIMARY KEY (session_id, idx)
    ) WITHOUT ROWID""",
)

# v2: the session's note and its session RPE (CR-10), so that the review can show how hard a
# session felt and compute Foster's load (session RPE × minutes).
_V2: tuple[str, ...] = (
    "ALTER TABLE session ADD COLUMN note TEXT",
    "ALTER TABLE session ADD COLUMN session_rpe INTEGER "
    "CHECK (session_rpe BETWEEN 0 AND 10)",
)

# v3, so that the coach can judge a session against what was planned: the session's
# main-set rest (its rung of the rest ladder) and the main-set reps planned; a rep may be
# skipped (stored with no split) and knows whether it belongs to the main set (NULL: logged
# before the plan said so). SQLite cannot relax a column's NOT NULL in place, so the rep
# table is rebuilt and its rows copied.
_V3: tuple[str, ...] = (
    "ALTER TABLE session ADD COLUMN main_rest_s REAL CHECK (main_rest_s >= 0)",
    "ALTER TABLE session ADD COLUMN reps_planned INTEGER CHECK (reps_planned >= 0)",
    """CREATE TABLE rep_v3 (
        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL CHECK (idx >= 1),
        step_index INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        distance_m REAL,
        target_s REAL,
        split_s REAL CHECK (split_s >= 0),
        started_at REAL NOT NULL,
        ended_at REAL NOT NULL,
        rest_s REAL,
        rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
        main INTEGER CHECK (main IN (0, 1)),
        CHECK (skipped = 1 OR split_s IS NOT NULL),
        PRIMARY KEY (session_id, idx)
    ) WITHOUT ROWID""",
    "INSERT INTO rep_v3 (session_id, idx, step_index, label, distance_m, target_s, split_s, "
    "started_at, ended_at, rest_s, rpe) SELECT session_id, idx, step_index, label, distance_m, "
    "target_s, split_s, started_at, ended_at, rest_s, rpe FROM rep",
    "DROP TABLE rep",
    "ALTER TABLE rep_v3 RENAME TO rep",
)

Step = Callable[[sqlite3.Connection], None]


def _run(statements: Sequence[str]) -> Step:
    def step(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return step


def _v4_quick_names(conn: sqlite3.Connection) -> None:
    """v4, so that a workout keeps one history across the rest ladder's arrival: sessions
    logged under an older quick name that carried its rest ("8 x 400 m @ mile / 60 s")
    take today's name ("8 x 400 m @ mile"), and the rest and reps that name planned fill
    their rung and reps planned where those are empty, so they share one trend with the
    sessions run since (see `renames.renamed`)."""
    names = [row[0] for row in conn.execute("SELECT DISTINCT workout FROM session")]
    for name in names:
        now = renamed(name)
        if now is not None:
            conn.execute(
                "UPDATE session SET workout = ?, main_rest_s = coalesce(main_rest_s, ?), "
                "reps_planned = coalesce(reps_planned, ?) WHERE workout = ?",
                (now.workout, now.main_rest_s, now.reps_planned, name))


# v5, so that the coach can leave out sessions run in bad conditions: the conditions the
# runner flagged a session with (heat, cold, wind, rain, illness, other), comma-separated in
# that order; '' when conditions were normal.
_V5: tuple[str, ...] = (
    "ALTER TABLE session ADD COLUMN conditions TEXT NOT NULL DEFAULT ''",
)

# v6: how a session ended beyond its status. `ending` is 'main set done'
# for a run ended on purpose after the main set's last rep (status 'completed': it counts as
# finished), with `not_run` the steps left out (a JSON list of labels); 'quit' for a run quit
# before that (status 'abandoned', offered for resume for a while); 'closed' once such a run
# was closed at that offer. NULL: the session ended as its status says.
_V6: tuple[str, ...] = (
    "ALTER TABLE session ADD COLUMN ending TEXT "
    "CHECK (ending IN ('main set done', 'quit', 'closed'))",
    "ALTER TABLE session ADD COLUMN not_run TEXT NOT NULL DEFAULT '[]'",
)

# MIGRATIONS[n]: version n -> n + 1.
MIGRATIONS: list[Step] = [_run(_V1), _run(_V2), _run(_V3), _v4_quick_names, _run(_V5),
                       _run(_V6)]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version written in the database header (0 for a new file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION,
            steps: Sequence[Step] | None = None) -> int:
    """Bring the database forward to `target`, one step a transaction; return the version reached.

    The connection must be in autocommit mode (`isolation_level=None`). Each step
    re-reads the version under a write lock, so two processes opening an old file
    at once migrate it once. A step that fails is rolled back and re-raised; the
    steps before it stay. A database newer than `target` is left alone.
    """
    chain = MIGRATIONS if steps is None else steps
    if target > len(chain):
        raise ValueError(f"no migration to version {target}; the newest is {len(chain)}")
    current = user_version(conn)
    if current >= target:
        return current
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if version >= target:
                conn.execute("ROLLBACK")
                return version
            chain[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
