"""The log in bad weather: newer, corrupt, foreign, locked or read-only files, kills, two apps.

Each unusable file raises a `StoreError` that names the file and says what to do,
and is left byte for byte as it was. The read-only cases really fail for root too
(the tests run as root in CI): the store honours a file's mode bits even for
root, and one test drops to another user, for whom the kernel itself refuses.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intervaltimer.log.errors import (
    CorruptError,
    ForeignDatabaseError,
    LockedError,
    NewerSchemaError,
    ReadOnlyError,
    StoreError,
    translate,
)
from intervaltimer.log.schema import SCHEMA_VERSION
from intervaltimer.log.store import Store

NOBODY = 65534


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _log_with_reps(path: Path, reps: int = 300) -> int:
    with Store.open(path) as store:
        session_id = store.start_session("8 x 400", "name: 8 x 400", {}, 2 * reps)
        for index in range(1, reps + 1):
            store.record_rep(session_id, index, step_index=2 * index, label="Rep " * 10,
                             split_s=80.0 + index % 9, rpe=index % 11)
    return session_id


def _refused(path: Path, error: type[StoreError], *words: str,
             opener: Callable[[], object] | None = None) -> StoreError:
    """Opening raises `error`, naming the file and saying `words`; the file is untouched."""
    before = _digest(path) if path.is_file() else None
    with pytest.raises(error) as caught:
        (opener or (lambda: Store.open(path, busy_timeout_ms=200)))()
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message, (word, message)
    assert "\n" not in message
    if before is not None:
        assert _digest(path) == before
    return caught.value


# -- files from elsewhere ---------------------------------------------------------------------

def test_a_log_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _log_with_reps(path, 3)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused(path, NewerSchemaError, "newer intervaltimer", "Upgrade", "--db")
    _refused(path, NewerSchemaError, opener=lambda: Store.open(path, readonly=True))


def _garbage(path: Path, good: bytes) -> None:
    path.write_bytes(b"these are my running notes, not a database\n" * 200)


def _first_page_damaged(path: Path, good: bytes) -> None:
    path.write_bytes(good[:100] + bytes(range(256)) * 15 + good[100 + 3840:])


def _data_page_damaged(path: Path, good: bytes) -> None:
    page = 4096
    path.write_bytes(good[:5 * page] + b"\xff" * page + good[6 * page:])


def _last_page_damaged(path: Path, good: bytes) -> None:
    page = 4096  # the rep table grew last: its newest leaf is at the end of the file
    path.write_bytes(good[:-page] + b"\x0d" + b"\xff" * (page - 1))


def _truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


@pytest.mark.parametrize("damage", [_garbage, _first_page_damaged, _data_page_damaged,
                                    _last_page_damaged, _truncated])
def test_a_corrupt_file_is_refused_and_untouched(
        tmp_path: Path, damage: Callable[[Path, bytes], None]) -> None:
    good_path = tmp_path / "good.sqlite3"
    _log_with_reps(good_path)
    assert len(good_path.read_bytes()) > 8 * 4096
    path = tmp_path / "log.sqlite3"
    damage(path, good_path.read_bytes())
    _refused(path, CorruptError, "not a readable intervaltimer log", ".recover", "untouched")


def test_damage_found_while_reading_is_a_store_error(tmp_path: Path) -> None:
    good_path = tmp_path / "good.sqlite3"
    session_id = _log_with_reps(good_path)
    path = tmp_path / "log.sqlite3"
    _last_page_damaged(path, good_path.read_bytes())
    # Read-only opening does not scan the file; the damage shows when it is read.
    with Store.open(path, readonly=True) as store, pytest.raises(CorruptError):
        store.reps(session_id)


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    _refused(path, ForeignDatabaseError, "not an intervaltimer log", "--db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    _refused(path, ForeignDatabaseError, "another program")


def test_an_empty_file_becomes_a_log(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.touch()
    with Store.open(path) as store:
        assert store.sessions() == []
    assert path.stat().st_size > 0


def test_a_directory_is_not_a_log(tmp_path: Path) -> None:
    _refused(tmp_path, StoreError, "is a directory")


# -- locks ------------------------------------------------------------------------------------

@pytest.fixture
def held_write_lock(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A log whose write lock another connection holds (an sqlite3 shell mid-transaction)."""
    path = tmp_path / "log.sqlite3"
    _log_with_reps(path, 2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE rep SET rpe = 10")
    yield path, holder
    holder.close()


def test_a_locked_log_is_reported_after_the_busy_timeout(
        held_write_lock: tuple[Path, sqlite3.Connection]) -> None:
    path, holder = held_write_lock
    start = time.monotonic()
    _refused(path, LockedError, "locked by another program", "try again")
    assert 0.15 < time.monotonic() - start < 3.0
    # Reading still works while another program writes (WAL), and sees committed data only.
    with Store.open(path, readonly=True) as reader:
        assert [r.rpe for r in reader.reps(1)] == [1, 2]
    holder.execute("ROLLBACK")
    with Store.open(path, busy_timeout_ms=200) as store:
        assert len(store.reps(1)) == 2


def test_a_write_that_meets_a_lock_fails_loudly_and_loses_nothing(
        held_write_lock: tuple[Path, sqlite3.Connection]) -> None:
    path, holder = held_write_lock
    holder.execute("ROLLBACK")
    store = Store.open(path, busy_timeout_ms=200)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(LockedError):
        store.record_rep(1, 3, step_index=6, label="Rep 3", split_s=85.0)
    with pytest.raises(LockedError):
        store.file.check_writable()
    holder.execute("ROLLBACK")
    store.record_rep(1, 3, step_index=6, label="Rep 3", split_s=85.0)
    assert [r.index for r in store.reps(1)] == [1, 2, 3]
    store.close()


def test_a_log_held_exclusively_by_another_process_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    conn = sqlite3.connect(path)  # a rollback-journal database some tool keeps locked
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
         "c.execute('BEGIN EXCLUSIVE')\n"
         "print('locked', flush=True)\n"
         "sys.stdin.read()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        _refused(path, LockedError, "locked")
        _refused(path, LockedError, opener=lambda: Store.open(path, readonly=True,
                                                             busy_timeout_ms=200))
    finally:
        holder.kill()
        holder.wait()


# -- read-only places --------------------------------------------------------------------------

def test_a_read_only_log_is_refused_for_writing_but_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    session_id = _log_with_reps(path, 4)
    path.chmod(0o444)
    try:
        _refused(path, ReadOnlyError, "read-only", "chmod u+w", "--db")
        with Store.open(path, readonly=True) as reader:
            assert len(reader.reps(session_id)) == 4
            with pytest.raises(StoreError, match="read-only"):
                reader.set_note(session_id, "x")
            with pytest.raises(StoreError, match="read-only"):
                reader.file.check_writable()
    finally:
        path.chmod(0o644)


def test_a_read_only_directory_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _refused(folder / "log.sqlite3", ReadOnlyError, "directory", "read-only")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_an_existing_log_in_a_read_only_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    path = folder / "log.sqlite3"
    _log_with_reps(path, 2)
    folder.chmod(0o555)
    try:
        _refused(path, ReadOnlyError, "directory")
    finally:
        folder.chmod(0o755)


def test_a_directory_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    # A regular file where a directory should be: fails for root as for anyone.
    blocker = tmp_path / "intervaltimer"
    blocker.write_text("not a directory")
    _refused(blocker / "data" / "log.sqlite3", StoreError, "cannot create the log's directory",
             "--db")
    assert blocker.read_text() == "not a directory"


def test_a_place_the_kernel_refuses_even_to_root_is_reported() -> None:
    path = Path("/proc/self/intervaltimer/log.sqlite3")
    assert Path("/proc/self").is_dir(), "these tests run on Linux"
    _refused(path, StoreError, "cannot create the log's directory")


def _in_child_as(uid: int, action: Callable[[], str]) -> str:
    """Run `action` in a forked child under another user id; return what it returned."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        try:
            os.setgid(uid)
            os.setuid(uid)
            result = action()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            result = f"child failed: {type(exc).__name__}: {exc}"
        os.write(write_end, result.encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


def test_the_kernel_refusing_a_write_is_a_read_only_error() -> None:
    # As root the kernel lets anything through, so the check runs as another user:
    # another user's log (mode 644) in another user's directory (755).
    folder = Path(tempfile.mkdtemp(prefix="intervaltimer-ro-"))
    try:
        folder.chmod(0o755)
        path = folder / "log.sqlite3"
        session_id = _log_with_reps(path, 3)
        before = _digest(path)

        def attempt() -> str:
            lines = [f"access={os.access(path, os.W_OK)}"]
            raw = sqlite3.connect(path)
            try:
                raw.execute("CREATE TABLE intruder (x)")
            except sqlite3.Error as exc:
                lines.append(f"sqlite={type(translate(exc, path)).__name__}")
            raw.close()
            try:
                Store.open(path, busy_timeout_ms=200)
            except StoreError as exc:
                lines.append(f"store={type(exc).__name__}: {exc}")
            with Store.open(path, readonly=True) as reader:
                lines.append(f"reps={len(reader.reps(session_id))}")
            return "\n".join(lines)

        if os.geteuid() == 0:
            report = _in_child_as(NOBODY, attempt)
        else:
            path.chmod(0o444)
            folder.chmod(0o555)
            report = attempt()
        assert report.splitlines()[:2] == ["access=False", "sqlite=ReadOnlyError"], report
        assert report.splitlines()[2].startswith("store=ReadOnlyError: "), report
        assert str(path) in report and "--db" in report
        assert report.splitlines()[3] == "reps=3", report
        assert _digest(path) == before
    finally:
        folder.chmod(0o755)
        for child in folder.iterdir():
            child.chmod(0o644)
            child.unlink()
        folder.rmdir()


def test_a_log_made_read_only_after_opening_is_caught_before_the_run(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = Store.open(path)
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyError, match="read-only"):
            store.file.check_writable()
    finally:
        path.chmod(0o644)
        store.close()


def test_a_log_moved_away_while_open_is_caught_before_the_run(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    store = Store.open(path)
    path.rename(tmp_path / "moved.sqlite3")
    Store.open(path).close()  # someone starts a new log at the old place
    with pytest.raises(StoreError, match="moved or replaced"):
        store.file.check_writable()
    store.close()


def test_real_sqlite_errors_translate_to_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    _log_with_reps(path, 1)
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as readonly:
        reader.execute("DELETE FROM rep")
    reader.close()
    assert isinstance(translate(readonly.value, path), ReadOnlyError)
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"x" * 4096)
    with pytest.raises(sqlite3.Error) as notadb:
        sqlite3.connect(garbage).execute("SELECT 1 FROM sqlite_schema")
    assert isinstance(translate(notadb.value, garbage), CorruptError)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.Error) as busy:
        sqlite3.connect(path, timeout=0.05, isolation_level=None).execute("BEGIN IMMEDIATE")
    holder.close()
    assert isinstance(translate(busy.value, path), LockedError)
    with pytest.raises(sqlite3.Error) as cantopen:
        sqlite3.connect(tmp_path / "no" / "such" / "dir.db")
    assert "cannot open" in str(translate(cantopen.value, path))
