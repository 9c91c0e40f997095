"""What can go wrong with the log file, as exceptions whose message says which file and what to do.

Every failure of the store reaches callers as a `StoreError` (or a subclass),
never as a bare `sqlite3` or `OSError`, so the command line and the UI can show
one line and carry on. Whenever one is raised on opening, the file was left
exactly as it was found.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

USE_ANOTHER_FILE = "give another file with --db PATH or INTERVALTIMER_DB"
OTHER_FILE_HINT = "or " + USE_ANOTHER_FILE


class StoreError(Exception):
    """The log database cannot be opened, read or written; the message says why and what to do."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{path}: {message}")


class NewerSchemaError(StoreError):
    """The file was written by a newer intervaltimer whose log this version cannot read."""


class OutdatedSchemaError(StoreError):
    """A log of an older schema opened read-only: it must be opened for writing to migrate."""


class CorruptError(StoreError):
    """The file is not a readable SQLite database, or its pages are damaged."""


class ForeignDatabaseError(StoreError):
    """The file is an SQLite database of some other program."""


class LockedError(StoreError):
    """Another program holds the database's lock for longer than the busy timeout."""


class ReadOnlyError(StoreError):
    """The file or its directory cannot be written."""


class ReplacedError(StoreError):
    """The log file (or its folder) was deleted or replaced since it was opened: writes
    would go to a file nobody can see. `what` says which (`the log file was deleted`)."""

    def __init__(self, path: Path | str, what: str) -> None:
        self.what = what
        super().__init__(path, f"{what} while intervaltimer had it open")


class ClaimedError(StoreError):
    """Another intervaltimer took over (resumed) the session first."""


class NotFoundError(StoreError, LookupError):
    """A session or rep that a write refers to is not in the log."""


def locked(path: Path) -> LockedError:
    """The error for a database another program keeps locked."""
    return LockedError(
        path,
        "the log is locked by another program (another intervaltimer, or an sqlite3 shell "
        f"with an open transaction?); close it and try again, {OTHER_FILE_HINT}",
    )


def read_only(path: Path, what: str) -> ReadOnlyError:
    """The error for a log that cannot be written; `what` says which part is read-only."""
    return ReadOnlyError(
        path,
        f"cannot write the log: {what}; make it writable (chmod u+w), {OTHER_FILE_HINT}. "
        "The file was left untouched",
    )


def corrupt(path: Path, detail: str) -> CorruptError:
    """The error for a file SQLite cannot read as a database."""
    detail = " ".join(detail.split())
    return CorruptError(
        path,
        f"not a readable intervaltimer log ({detail}); it was left untouched. Keep a copy, "
        f"then try `sqlite3 {path} .recover`, or move it aside to start a new log, "
        f"{OTHER_FILE_HINT}",
    )


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """Turn an sqlite3 exception into a `StoreError` that says what to do about it."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    detail = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in detail:
        return locked(path)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in detail:
        return corrupt(path, detail)
    if name.startswith("SQLITE_READONLY") or "readonly" in detail:
        return read_only(path, "the file or its directory is read-only")
    if name.startswith("SQLITE_FULL"):
        return StoreError(path, "the disk is full; free some space and try again")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(
            path, f"cannot open the log ({detail}); check the path exists and is a file, "
            f"{OTHER_FILE_HINT}")
    if name.startswith("SQLITE_IOERR"):
        return StoreError(path, f"disk input/output error ({detail}); check the disk, "
                          f"{OTHER_FILE_HINT}")
    return StoreError(path, f"database error: {detail}")
