"""The log file a store owns: opened, checked, written one transaction at a time.

Every write is its own transaction (`BEGIN IMMEDIATE ... COMMIT`), and before
each one the file is checked to be still the one opened (`identity.py`): a
log deleted or replaced while open raises `ReplacedError`, and `reopen`
opens the path again. Calls are serialised by a lock, so one `LogFile` may
be used from several threads (the run's log writer and the screen). SQLite's
errors become `StoreError`s that say what to do.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from intervaltimer.log.connect import DEFAULT_BUSY_TIMEOUT_MS, check_access, open_connection
from intervaltimer.log.errors import StoreError, translate
from intervaltimer.log.identity import check_identity, file_identity, set_aside_leftovers
from intervaltimer.log.owner import current_owner
from intervaltimer.log.schema import migrate


class LogFile:
    """One open log file: its connection, its transactions, and whether it is still the file
    that was opened. A `Store` owns one (`store.file`) and keeps its sessions and reps in it;
    `owner` names this process in the rows it claims."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False,
                 busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> None:
        """Wrap an open connection; use `open` rather than calling this."""
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.owner = current_owner()
        self.path = path
        self.readonly = readonly
        self._busy_timeout_ms = busy_timeout_ms
        self._inode = file_identity(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False,
             busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Self:
        """Open (creating if needed) the log at `path`, ready to write; raises `StoreError`.

        Read-write opening migrates the schema and checks that a write goes
        through, so a log that cannot be written fails here. `readonly=True`
        opens an existing, current log for reading only and writes nothing.
        """
        target = Path(path).expanduser()
        opened = cls(open_connection(target, busy_timeout_ms=busy_timeout_ms, readonly=readonly),
                     target, readonly=readonly, busy_timeout_ms=busy_timeout_ms)
        if not readonly:
            try:
                opened.check_writable()
            except BaseException:
                opened.close()
                raise
        return opened

    @classmethod
    def in_memory(cls) -> Self:
        """A new, empty log that lives in memory only (for a rescue file's export)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        opened = cls(conn, Path(":memory:"))
        opened._inode = None  # nothing on disk to check
        return opened

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent). Everything written is already on disk."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_identity(self) -> None:
        """Raise `ReplacedError` when the file at `path` is no longer the one opened
        (deleted, or another file put in its place); one `stat`, cheap enough for every write."""
        check_identity(self.path, self._inode)

    def reopen(self) -> None:
        """Open the log at `path` again: the file there now, or a new one if it is gone.

        For a log deleted or replaced while open (`ReplacedError`); what the
        deleted log left beside it is set aside first (`set_aside_leftovers`).
        """
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            set_aside_leftovers(self.path)
            self._conn = open_connection(self.path, busy_timeout_ms=self._busy_timeout_ms)
            self._inode = file_identity(self.path)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(self.path, "the log is closed")
        return self._conn

    def check_writable(self) -> None:
        """Raise `StoreError` unless a write to the log goes through right now.

        Call it before a run starts, so a log that cannot be written is reported
        before the runner sets off, never after. It commits a tiny real write.
        """
        if self.readonly:
            raise StoreError(self.path, "the log was opened read-only")
        check_access(self.path, create_dir=False)
        with self.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('checked_at', ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (repr(time.time()),))

    def integrity_check(self) -> list[str]:
        """SQLite's `PRAGMA integrity_check`: an empty list when the file is sound."""
        rows = self.read("PRAGMA integrity_check")
        problems = [str(row[0]) for row in rows]
        return [] if problems == ["ok"] else problems

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT) on the file still at `path`:
        rolled back if the block raises; sqlite errors become StoreErrors."""
        with self._lock:
            conn = self._connection()
            if self.readonly:
                raise StoreError(self.path, "the log was opened read-only")
            self.check_identity()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise translate(exc, self.path) from exc

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """The rows of one query (`sqlite3.Row`s); sqlite errors become StoreErrors."""
        with self._lock:
            conn = self._connection()
            try:
                conn.row_factory = sqlite3.Row
                return conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc
