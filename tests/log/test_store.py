"""The store's write and read paths: what a run writes is what history and show read back."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.log.errors import NotFoundError, StoreError
from intervaltimer.log.paths import ENV_VAR, db_path, default_db_path
from intervaltimer.log.records import (
    RepRecord,
    SessionStatus,
    iso_time,
    parse_iso_time,
)
from intervaltimer.log.resume import last_step_done
from intervaltimer.log.store import Store, open_store

SOURCE = "name: 8 x 400 m at mile pace\nsteps:\n  - 8x400m@mile/60s\n"
MILE_S_PER_M = 340.0 / 1609.344
T0 = 1_746_100_000.0  # 2025-05-01, a Thursday evening in Europe


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def _session(store: Store, workout: str = "8 x 400 m at mile pace", started_at: float = T0,
             ) -> int:
    return store.start_session(workout, SOURCE, {"mile": MILE_S_PER_M}, plan_steps=17,
                               workout_path="workouts/8x400.yaml", started_at=started_at)


def _rep(store: Store, session_id: int, index: int, split_s: float, *, rpe: int | None = None,
         target_s: float | None = 84.5, end: float | None = None) -> None:
    end = T0 + 100.0 * index if end is None else end
    store.record_rep(session_id, index, step_index=1 + 2 * index, label=f"Rep {index}/8",
                     split_s=split_s, ended_at=end, distance_m=400.0, target_s=target_s, rpe=rpe)


# -- where the file lives --------------------------------------------------------------------

def test_db_path_prefers_the_option_then_the_environment_then_the_data_dir(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert db_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"
    assert db_path() == tmp_path / "env.sqlite3"
    assert db_path("") == tmp_path / "env.sqlite3"
    monkeypatch.setenv(ENV_VAR, "  ")
    assert db_path() == default_db_path()
    monkeypatch.delenv(ENV_VAR)
    assert db_path() == default_db_path()
    assert default_db_path().name == "log.sqlite3"
    assert "intervaltimer" in default_db_path().parent.name.lower()


def test_db_path_expands_the_home_directory(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert db_path("~/runs/log.sqlite3") == tmp_path / "runs" / "log.sqlite3"


def test_open_store_uses_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "deep" / "dir" / "log.sqlite3"))
    with open_store() as opened:
        assert opened.path == tmp_path / "deep" / "dir" / "log.sqlite3"
    assert (tmp_path / "deep" / "dir" / "log.sqlite3").is_file()


# -- how the file is set up ------------------------------------------------------------------

def test_a_new_log_is_wal_with_full_sync_foreign_keys_and_a_busy_timeout(store: Store) -> None:
    read = store.file.read
    assert read("PRAGMA journal_mode")[0][0] == "wal"
    assert read("PRAGMA synchronous")[0][0] == 2  # FULL
    assert read("PRAGMA foreign_keys")[0][0] == 1
    assert read("PRAGMA busy_timeout")[0][0] == 5000
    # The journal mode is stored in the file: a plain sqlite3 connection sees it too.
    other = sqlite3.connect(store.path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


# -- the write path, as a run uses it -------------------------------------------------------

def test_a_session_row_is_written_when_the_session_starts(store: Store) -> None:
    session_id = _session(store)
    record = store.session(session_id)
    assert record is not None
    assert record.workout == "8 x 400 m at mile pace"
    assert record.status is SessionStatus.RUNNING and record.status == "running"
    assert record.started_at == T0 and record.ended_at is None
    assert record.source == SOURCE
    assert record.source_hash == hashlib.sha256(SOURCE.encode()).hexdigest()
    assert record.paces == {"mile": pytest.approx(MILE_S_PER_M)}
    assert record.plan_steps == 17 and record.steps_done == 0
    assert record.workout_path == "workouts/8x400.yaml"
    assert record.note is None and record.session_rpe is None


def test_each_rep_is_committed_the_moment_it_is_recorded(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.9)
    # A second connection (another process, or the disk after a crash) sees it at once.
    other = sqlite3.connect(store.path)
    rows = other.execute("SELECT idx, split_s, label FROM rep").fetchall()
    other.close()
    assert rows == [(1, 85.9, "Rep 1/8")]


def test_a_rep_keeps_everything_it_was_given(store: Store) -> None:
    session_id = _session(store)
    store.record_rep(session_id, 1, step_index=3, label="Rep 1/8 · 400 m @ mile", split_s=85.9,
                     started_at=T0 + 10.0, ended_at=T0 + 95.9, distance_m=400.0, target_s=84.5,
                     rpe=6)
    store.set_rest(session_id, 1, 61.3)
    assert store.reps(session_id) == [RepRecord(
        session_id=session_id, index=1, step_index=3, label="Rep 1/8 · 400 m @ mile",
        split_s=85.9, started_at=T0 + 10.0, ended_at=T0 + 95.9, distance_m=400.0,
        target_s=84.5, rest_s=61.3, rpe=6)]
    assert store.reps(session_id)[0].deviation_s == pytest.approx(1.4)


def test_a_rep_start_defaults_to_its_end_minus_its_split(store: Store) -> None:
    session_id = _session(store)
    store.record_rep(session_id, 1, step_index=3, label="Rep 1", split_s=80.0, ended_at=T0 + 500)
    (rep,) = store.reps(session_id)
    assert rep.started_at == T0 + 420 and rep.target_s is None and rep.rpe is None


def test_effort_can_be_given_changed_and_cleared(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0)
    store.rate_rep(session_id, 1, 6)
    assert store.reps(session_id)[0].rpe == 6
    store.rate_rep(session_id, 1, 7)
    assert store.reps(session_id)[0].rpe == 7
    store.rate_rep(session_id, 1, 0)  # CR-10 0 = rest; a real value, not "no effort"
    assert store.reps(session_id)[0].rpe == 0
    store.rate_rep(session_id, 1, None)
    assert store.reps(session_id)[0].rpe is None


@pytest.mark.parametrize("bad", [11, -1, 5.5, True, "7"])
def test_effort_outside_cr10_is_refused_and_nothing_changes(store: Store, bad: object) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0, rpe=4)
    with pytest.raises(ValueError, match="0 to 10"):
        store.rate_rep(session_id, 1, bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="0 to 10"):
        store.set_session_rpe(session_id, bad)  # type: ignore[arg-type]
    assert store.reps(session_id)[0].rpe == 4


@pytest.mark.parametrize("split", [-1.0, float("nan"), float("inf")])
def test_an_impossible_split_is_refused(store: Store, split: float) -> None:
    session_id = _session(store)
    with pytest.raises(ValueError, match="split"):
        _rep(store, session_id, 1, split)
    assert store.reps(session_id) == []


def test_undo_withdraws_the_split_and_the_rep_can_be_run_again(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0)
    _rep(store, session_id, 2, 31.0)  # a mistaken tap 31 s into rep 2
    assert last_step_done(store, session_id) == 5
    store.withdraw_rep(session_id, 2)
    assert [r.index for r in store.reps(session_id)] == [1]
    assert last_step_done(store, session_id) == 4  # back in rep 2 (step 5): step 4 done
    _rep(store, session_id, 2, 86.0)
    assert [(r.index, r.split_s) for r in store.reps(session_id)] == [(1, 85.0), (2, 86.0)]


def test_recording_an_index_twice_keeps_the_later_rep(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0, rpe=5)
    _rep(store, session_id, 1, 84.0)
    assert [(r.split_s, r.rpe) for r in store.reps(session_id)] == [(84.0, None)]


def test_writes_to_a_missing_session_or_rep_say_so(store: Store) -> None:
    session_id = _session(store)
    with pytest.raises(NotFoundError, match="no session 99"):
        _rep(store, 99, 1, 85.0)
    with pytest.raises(NotFoundError, match="no rep 3"):
        store.rate_rep(session_id, 3, 5)
    with pytest.raises(NotFoundError, match="no rep 3"):
        store.withdraw_rep(session_id, 3)
    with pytest.raises(NotFoundError, match="no rep 3"):
        store.set_rest(session_id, 3, 60.0)
    with pytest.raises(NotFoundError):
        store.finish_session(99, "completed")
    with pytest.raises(NotFoundError):
        last_step_done(store, 99)
    assert isinstance(NotFoundError("x", "y"), LookupError)


def test_progress_follows_steps_and_reps(store: Store) -> None:
    session_id = _session(store)
    store.mark_step_done(session_id, 1)  # warm-up over
    assert last_step_done(store, session_id) == 1
    _rep(store, session_id, 1, 85.0)  # step 3
    assert last_step_done(store, session_id) == 3
    store.mark_step_done(session_id, 4)  # the rest after it
    assert last_step_done(store, session_id) == 4
    assert store.session(session_id).steps_done == 4  # type: ignore[union-attr]


def test_the_session_ends_completed_with_note_and_session_effort(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0)
    store.finish_session(session_id, SessionStatus.COMPLETED, ended_at=T0 + 2400)
    store.set_note(session_id, "  windy on the back straight \n")
    store.set_session_rpe(session_id, 8)
    record = store.session(session_id)
    assert record is not None
    assert (record.status, record.ended_at, record.note, record.session_rpe) == (
        "completed", T0 + 2400, "windy on the back straight", 8)
    assert record.duration_s == 2400
    store.set_note(session_id, "   ")
    assert store.session(session_id).note is None  # type: ignore[union-attr]


def test_a_session_cannot_finish_as_running(store: Store) -> None:
    session_id = _session(store)
    with pytest.raises(ValueError, match="completed or abandoned"):
        store.finish_session(session_id, "running")
    with pytest.raises(ValueError):
        store.finish_session(session_id, "done")


# -- the read path ---------------------------------------------------------------------------

def _season(store: Store) -> dict[str, int]:
    ids = {
        "a": _session(store, "8 x 400", T0),
        "b": _session(store, "6 x 800", T0 + 86400),
        "c": _session(store, "8 x 400", T0 + 7 * 86400),
    }
    for index, (split, rpe) in enumerate([(87.0, 6), (86.0, 7), (88.0, None)], start=1):
        _rep(store, ids["a"], index, split, rpe=rpe, end=T0 + 100 * index)
    _rep(store, ids["c"], 1, 84.0, rpe=5, target_s=None, end=T0 + 7 * 86400 + 100)
    _rep(store, ids["c"], 2, 85.0, rpe=6, target_s=84.0, end=T0 + 7 * 86400 + 200)
    store.finish_session(ids["a"], "completed", ended_at=T0 + 1800)
    store.finish_session(ids["b"], "abandoned", ended_at=T0 + 86400 + 60)
    return ids


def test_sessions_come_newest_first_and_filter_by_workout_and_date(store: Store) -> None:
    ids = _season(store)
    assert [s.id for s in store.sessions()] == [ids["c"], ids["b"], ids["a"]]
    assert [s.id for s in store.sessions(workout="8 x 400")] == [ids["c"], ids["a"]]
    assert [s.id for s in store.sessions(since=T0 + 86400)] == [ids["c"], ids["b"]]
    assert [s.id for s in store.sessions(limit=1)] == [ids["c"]]
    assert store.sessions(workout="nope") == []
    assert store.last_session().id == ids["c"]  # type: ignore[union-attr]
    assert store.last_session("6 x 800").id == ids["b"]  # type: ignore[union-attr]
    assert store.last_session("nope") is None
    assert store.session(12345) is None
    assert store.workouts() == [("8 x 400", 2), ("6 x 800", 1)]


def test_history_rows_count_and_average_in_sql(store: Store) -> None:
    ids = _season(store)
    rows = {row.id: row for row in store.summaries()}
    a, b, c = rows[ids["a"]], rows[ids["b"]], rows[ids["c"]]
    assert (a.reps, a.mean_split_s, a.mean_rpe) == (3, pytest.approx(87.0), pytest.approx(6.5))
    assert a.mean_deviation_s == pytest.approx(87.0 - 84.5)
    assert a.status == "completed" and a.duration_s == 1800
    assert (b.reps, b.mean_split_s, b.mean_rpe, b.mean_deviation_s) == (0, None, None, None)
    # The rep with a target is the main set: the untargeted one (a stride) is left out
    # of the averages, as on the session screen, but still counted.
    assert c.reps == 2 and c.mean_split_s == pytest.approx(85.0)
    assert c.mean_deviation_s == pytest.approx(1.0)
    assert c.mean_rpe == pytest.approx(6.0) and c.status == "running"
    assert [r.id for r in store.summaries(workout="8 x 400", limit=1)] == [ids["c"]]
    assert [r.id for r in store.summaries(since=T0 + 1)] == [ids["c"], ids["b"]]


def test_reps_of_many_sessions_come_in_one_call(store: Store) -> None:
    ids = _season(store)
    grouped = store.reps_by_session([ids["a"], ids["b"], ids["c"]])
    assert [len(grouped[ids[k]]) for k in "abc"] == [3, 0, 2]
    assert [r.index for r in grouped[ids["a"]]] == [1, 2, 3]
    assert store.reps_by_session() == {ids["a"]: grouped[ids["a"]], ids["c"]: grouped[ids["c"]]}
    many = store.reps_by_session(list(range(1, 1200)))
    assert len(many) == 1199 and len(many[ids["a"]]) == 3


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    opened = Store.open(tmp_path / "log.sqlite3")
    opened.close()
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.sessions()


def test_a_store_can_be_shared_between_threads(store: Store) -> None:
    session_id = _session(store)
    errors: list[BaseException] = []

    def worker(first: int) -> None:
        try:
            for index in range(first, first + 40):
                _rep(store, session_id, index, 80.0 + index % 7)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(1 + 40 * n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [r.index for r in store.reps(session_id)] == list(range(1, 121))


# -- import, for `intervaltimer import` -------------------------------------------------------

def test_an_imported_session_is_added_once(store: Store, tmp_path: Path) -> None:
    ids = _season(store)
    exported = store.session(ids["a"])
    assert exported is not None
    reps = store.reps(ids["a"])
    with Store.open(tmp_path / "other.sqlite3") as other:
        new_id = other.import_session(exported, reps)
        assert new_id is not None
        assert other.import_session(exported, reps) is None  # already there
        copy = other.session(new_id)
        assert copy is not None
        assert (copy.workout, copy.started_at, copy.status, copy.source_hash) == (
            exported.workout, exported.started_at, "completed", exported.source_hash)
        assert [(r.index, r.split_s, r.rpe) for r in other.reps(new_id)] == [
            (r.index, r.split_s, r.rpe) for r in reps]
        # A session still running where it came from cannot be resumed here.
        running = store.session(ids["c"])
        assert running is not None
        moved = other.import_session(running, store.reps(ids["c"]))
        assert other.session(moved).status == "abandoned"  # type: ignore[arg-type,union-attr]


# -- records -----------------------------------------------------------------------------------

def test_times_read_as_iso_local_time_with_offset_and_back() -> None:
    text = iso_time(T0)
    assert text[:4] == "2025" and text[10] == "T" and text[-6] in "+-" and text[-3] == ":"
    assert parse_iso_time(text) == pytest.approx(T0, abs=1.0)
    assert parse_iso_time("2025-05-01T12:00:00+00:00") == 1746100800.0


def test_a_running_session_has_no_end_and_no_duration_until_it_ends(store: Store) -> None:
    session_id = _session(store)
    running = store.session(session_id)
    assert running is not None
    assert (running.status, running.ended_at, running.duration_s) == ("running", None, None)
    store.finish_session(session_id, SessionStatus.ABANDONED, ended_at=T0 + 95.5)
    ended = store.session(session_id)
    assert ended is not None and ended.duration_s == pytest.approx(95.5)
