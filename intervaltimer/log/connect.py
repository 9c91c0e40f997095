"""Opening the log file safely: check it, set it up for durability, bring its schema forward.

Nothing here writes to a file before it is known to be an intervaltimer log of
this version or older: a newer, foreign, corrupt, locked or read-only file
raises a `StoreError` and is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from intervaltimer.log.errors import (
    OTHER_FILE_HINT,
    USE_ANOTHER_FILE,
    ForeignDatabaseError,
    NewerSchemaError,
    OutdatedSchemaError,
    StoreError,
    corrupt,
    read_only,
    translate,
)
from intervaltimer.log.schema import APPLICATION_ID, SCHEMA_VERSION, migrate, user_version

DEFAULT_BUSY_TIMEOUT_MS = 5000


def _is_writable(path: Path) -> bool:
    """Writable by us *and* not marked read-only: root honours a chmod a-w like anyone."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def check_access(path: Path, *, create_dir: bool = True) -> None:
    """Raise a `StoreError` unless `path` can be a writable log file; create its directory.

    SQLite in WAL mode writes two files beside the log (`-wal`, `-shm`), so the
    directory must be writable too.
    """
    if path.is_dir():
        raise StoreError(path, f"is a directory, not a log file; give a file path, e.g. "
                         f"{path / 'log.sqlite3'}")
    parent = path.parent
    if create_dir:
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                path, f"cannot create the log's directory {parent} ({exc.strerror or exc}); "
                f"{USE_ANOTHER_FILE}") from exc
    if not parent.is_dir():
        raise StoreError(path, f"{parent} is not a directory; {USE_ANOTHER_FILE}")
    if path.exists():
        if not os.access(path, os.R_OK):
            raise StoreError(path, f"cannot read the log (permission denied); "
                             f"check its owner and mode, {OTHER_FILE_HINT}")
        if not _is_writable(path):
            raise read_only(path, "the file is read-only")
    if not _is_writable(parent):
        raise read_only(path, f"its directory {parent} is read-only")


def _check_identity(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> int:
    """The file's schema version, after making sure it is a log this version can use."""
    version = user_version(conn)
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id not in (0, APPLICATION_ID) or (version > 0 and app_id == 0):
        raise ForeignDatabaseError(
            path, "is an SQLite database of another program, not an intervaltimer log; "
            f"it was left untouched. {USE_ANOTHER_FILE.capitalize()}")
    if version == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables:
            raise ForeignDatabaseError(
                path, f"is an SQLite database with {tables} tables of its own, not an "
                f"intervaltimer log; it was left untouched. {USE_ANOTHER_FILE.capitalize()}")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path, f"was written by a newer intervaltimer (log schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}); it was left untouched. Upgrade intervaltimer "
            f"(pip install -U intervaltimer), {OTHER_FILE_HINT}")
    if readonly and version == 0:
        raise StoreError(path, "holds no log yet (an empty database): no sessions logged")
    if readonly and version < SCHEMA_VERSION:
        raise OutdatedSchemaError(
            path, f"is log schema {version} and needs an upgrade to {SCHEMA_VERSION}, which "
            f"needs write access; make it writable and open it once")
    return version


def _lenient_text(data: bytes) -> str:
    """Text read from the log; bytes that are not UTF-8 (written by another program) are
    shown as U+FFFD instead of failing the whole read."""
    return data.decode("utf-8", "replace")


def _is_wal(path: Path) -> bool:
    """Whether the database file's header says WAL mode (read/write versions 2)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header.startswith(b"SQLite format 3\x00") and header[18] == 2


def _connect_readonly(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    if not path.exists():
        raise StoreError(path, f"no log here yet; {USE_ANOTHER_FILE}")
    uri = path.resolve().as_uri()
    if _is_wal(path) and not any(Path(f"{path}{end}").exists() for end in ("-wal", "-shm")):
        # A WAL log no one has open (a connection to it keeps these two files): the file is
        # whole as it stands. Read it so, without making -wal and -shm beside it. (A
        # rollback-journal file is read as usual: that honours its locks and makes no file.)
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout_ms / 1000,
                           isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if not getattr(exc, "sqlite_errorname", "").startswith(
                ("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            raise
    # A WAL log in a directory we cannot write: SQLite cannot make its -shm file,
    # so read the file as it stands (no other writer can be using it either).
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)


def open_connection(path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
                    readonly: bool = False) -> sqlite3.Connection:
    """A connection to the log at `path`, set up and migrated; raises `StoreError`.

    Read-write (the default): creates the directory and file, WAL journal,
    `synchronous=FULL`, foreign keys on, busy timeout, migrations applied.
    Read-only: the file must exist at the current schema; nothing is written.
    The connection is in autocommit mode: callers open their own transactions.
    """
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = _connect_readonly(path, busy_timeout_ms)
        else:
            check_access(path)
            conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000,
                                   isolation_level=None, check_same_thread=False)
        conn.text_factory = _lenient_text
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        _check_identity(conn, path, readonly=readonly)
        if readonly:
            conn.execute("PRAGMA query_only = ON")
            return conn
        # Before the first write: a damaged page anywhere (about 15 ms for 50,000 reps).
        problem = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        if problem != "ok":
            raise corrupt(path, f"damaged: {problem}")
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        if mode != "wal":
            raise StoreError(path, f"cannot switch the log to WAL journal mode (it stays "
                             f"{mode!r}); is it on a network or read-only file system? "
                             f"{USE_ANOTHER_FILE.capitalize()}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        return conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise translate(exc, path) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
