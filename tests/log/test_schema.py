"""Forward migrations: a log of every earlier schema version opens, keeps its data, and moves up."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from intervaltimer.coach.sessions import rung_of
from intervaltimer.log.resume import last_step_done, running_sessions
from intervaltimer.log.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    migrate,
    user_version,
)
from intervaltimer.log.store import Store

T0 = 1_746_100_000.0

# Rows as a released version of the app wrote them, one entry per earlier version
# (0 is a new, empty file). A new schema version needs its own entry here.
WRITTEN_AT: dict[int, tuple[str, ...]] = {
    0: (),
    1: (
        "INSERT INTO session (id, workout, started_at, ended_at, updated_at, status, source, "
        "source_hash, paces, plan_steps, workout_path, steps_done, owner) VALUES "
        f"(7, '8 x 400', {T0}, {T0 + 1800}, {T0 + 1800}, 'completed', 'name: 8 x 400', "
        "'abc', '{\"mile\": 0.2113}', 17, 'w.yaml', 17, '')",
        "INSERT INTO session (id, workout, started_at, updated_at, status, source_hash, "
        f"steps_done) VALUES (8, '6 x 800', {T0 + 86400}, {T0 + 86500}, 'running', 'def', 5)",
        "INSERT INTO rep (session_id, idx, step_index, label, distance_m, target_s, split_s, "
        f"started_at, ended_at, rest_s, rpe) VALUES (7, 1, 3, 'Rep 1/8', 400, 84.5, 85.9, "
        f"{T0 + 10}, {T0 + 95.9}, 60.2, 6), (7, 2, 5, 'Rep 2/8', 400, 84.5, 86.4, "
        f"{T0 + 160}, {T0 + 246.4}, NULL, NULL), (8, 1, 3, 'Rep 1/6', 800, NULL, 170.0, "
        f"{T0 + 86400}, {T0 + 86570}, NULL, 8)",
    ),
}
# v2 added the session's note and session RPE; v3 the main-set rest and reps planned, and
# skipped reps (no split) with their main-set mark; v4 renamed older quick names (no column);
# v5 the conditions a session was flagged with; v6 how it ended.
WRITTEN_AT[2] = (*WRITTEN_AT[1], "UPDATE session SET session_rpe = 8, note = 'hot' WHERE id = 8")
WRITTEN_AT[3] = (*WRITTEN_AT[2], "UPDATE session SET main_rest_s = NULL WHERE id = 7")
WRITTEN_AT[4] = WRITTEN_AT[3]
WRITTEN_AT[5] = WRITTEN_AT[4]  # v6 added how a session ended (`ending`, `not_run`)


def _log_at(path: Path, version: int, rows: tuple[str, ...] | None = None) -> None:
    """A file as the app of schema `version` left it, with the rows it wrote (or `rows`)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert migrate(conn, target=version) == version
    for statement in WRITTEN_AT[version] if rows is None else rows:
        conn.execute(statement)
    conn.close()


def test_every_earlier_version_has_its_rows_to_migrate() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    assert set(WRITTEN_AT) == set(range(SCHEMA_VERSION))


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_log_of_every_earlier_version_migrates_and_keeps_its_data(
        tmp_path: Path, version: int) -> None:
    path = tmp_path / "log.sqlite3"
    _log_at(path, version)
    with Store.open(path) as store:
        assert store.file.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert store.file.read("PRAGMA application_id")[0][0] == APPLICATION_ID
        if version == 0:
            assert store.sessions() == []
            return
        done, running = store.session(7), store.session(8)
        assert done is not None and running is not None
        assert (done.workout, done.status, done.ended_at, done.paces, done.plan_steps) == (
            "8 x 400", "completed", T0 + 1800, {"mile": 0.2113}, 17)
        assert done.note is None and done.session_rpe is None  # v2 columns, empty
        assert (done.ending, done.not_run, done.status_words) == (None, (), "completed")
        assert [(r.index, r.split_s, r.rest_s, r.rpe) for r in store.reps(7)] == [
            (1, 85.9, 60.2, 6), (2, 86.4, None, None)]
        assert [(r.skipped, r.main) for r in store.reps(7)] == [(False, None)] * 2
        assert done.main_rest_s is None and done.reps_planned is None  # v3 columns, empty
        # An older session takes its rung from the rest taken after its main-set reps.
        assert rung_of(done.main_rest_s, store.reps(7)) == 60.0
        assert [s.id for s in running_sessions(store)] == [8]
        assert last_step_done(store, 8) == 5
        # The new columns work after the migration.
        store.set_note(7, "first session of the block")
        store.set_session_rpe(7, 7)
        assert store.session(7).session_rpe == 7  # type: ignore[union-attr]
        summary = {row.id: row for row in store.summaries()}
        assert summary[7].reps == 2 and summary[7].mean_rpe == 6.0
        assert summary[7].note == "first session of the block"
        store.record_rep(8, 2, step_index=5, label="Rep 2/6", split_s=None, skipped=True,
                         main=True)
        assert [(r.split_s, r.skipped) for r in store.reps(8)][-1] == (None, True)
        # A note is never read as a condition: the older 'hot' note leaves the flag empty.
        assert store.session(8).conditions == ()  # type: ignore[union-attr]
        store.set_conditions(8, ["heat", "illness"])
        assert store.session(8).conditions == ("heat", "illness")  # type: ignore[union-attr]
        assert {row.id: row for row in store.summaries()}[8].conditions == ("heat", "illness")


def test_migrated_and_new_logs_have_the_same_tables_and_columns(tmp_path: Path) -> None:
    def shape(path: Path) -> dict[str, list[tuple[object, ...]]]:
        conn = sqlite3.connect(path)
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name")]
        result = {n: conn.execute(f"PRAGMA index_xinfo({n})").fetchall()
                  if n.startswith(("session_", "sqlite_autoindex"))
                  else conn.execute(f"PRAGMA table_xinfo({n})").fetchall() for n in names}
        conn.close()
        return result

    _log_at(tmp_path / "old.sqlite3", 1)
    Store.open(tmp_path / "old.sqlite3").close()
    Store.open(tmp_path / "new.sqlite3").close()
    assert shape(tmp_path / "old.sqlite3") == shape(tmp_path / "new.sqlite3")
    columns = [c[1] for c in shape(tmp_path / "new.sqlite3")["session"]]
    assert {"note", "session_rpe", "steps_done", "source_hash"} <= set(columns)


def test_a_failing_step_is_rolled_back_whole_and_earlier_steps_stay(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _log_at(path, 1)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE session ADD COLUMN half_done TEXT")
        raise RuntimeError("disk pulled out mid-migration")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, target=2, steps=[MIGRATIONS[0], broken])
    assert user_version(conn) == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(session)")]
    assert "half_done" not in columns
    assert conn.execute("SELECT count(*) FROM rep").fetchone()[0] == 3
    assert not conn.in_transaction
    conn.close()


def test_a_failing_first_step_leaves_a_new_file_empty(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        MIGRATIONS[0](conn)
        raise RuntimeError("boom")

    conn = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, target=1, steps=[broken])
    assert user_version(conn) == 0
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0
    conn.close()


def test_migrating_to_a_version_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None)
    with pytest.raises(ValueError, match="no migration"):
        migrate(conn, target=SCHEMA_VERSION + 1)
    conn.close()


def test_apps_opening_an_old_log_at_once_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _log_at(path, 1)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_it() -> None:
        try:
            barrier.wait()
            Store.open(path).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store.open(path) as store:
        assert store.file.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert store.file.integrity_check() == []


# Sessions as versions before the rest ladder named quick workouts: with their rest.
OLD_QUICK = (
    "INSERT INTO session (id, workout, started_at, updated_at, status, source_hash) VALUES "
    f"(20, '8 x 400 m @ mile / 60 s', {T0}, {T0}, 'completed', 'a'), "
    f"(21, '8 x 400 m @ mile / 1:30', {T0 + 1}, {T0 + 1}, 'completed', 'b'), "
    f"(22, '4 x 60 m / lap', {T0 + 2}, {T0 + 2}, 'completed', 'c'), "
    f"(23, 'Hills / sprints', {T0 + 3}, {T0 + 3}, 'completed', 'd'), "
    f"(24, '6 x 300 / 100 jog', {T0 + 4}, {T0 + 4}, 'completed', 'e')",
)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_quick_names_join_todays_history_with_their_rung(
        tmp_path: Path, version: int) -> None:
    path = tmp_path / "log.sqlite3"
    _log_at(path, version, OLD_QUICK)
    with Store.open(path) as store:
        got = {s.id: (s.workout, s.main_rest_s, s.reps_planned) for s in store.sessions()}
    assert got == {
        20: ("8 x 400 m @ mile", 60.0, 8),
        21: ("8 x 400 m @ mile", 90.0, 8),
        22: ("4 x 60 m", None, 4),  # a rest to the lap has no rung
        23: ("Hills / sprints", None, None),  # not quick text: left as it was named
        24: ("6 x 300 / 100 jog", None, None),
    }


def test_a_rung_already_stored_is_kept_when_the_name_changes(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _log_at(path, 3, (OLD_QUICK[0], "UPDATE session SET main_rest_s = 45, reps_planned = 6 "
                      "WHERE id = 20"))
    with Store.open(path) as store:
        session = store.session(20)
    assert session is not None
    assert (session.workout, session.main_rest_s, session.reps_planned) == (
        "8 x 400 m @ mile", 45.0, 6)
