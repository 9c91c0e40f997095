"""Is the log file still the one we opened? Its device and inode, compared before each write.

SQLite keeps writing to an open file after it was deleted or replaced, so a
run would go on "saving" reps into a file nobody can see. One `stat` per write
(microseconds) catches it; the store then opens the path again (see
`LogFile.reopen`).
"""

from __future__ import annotations

import os
from pathlib import Path

from intervaltimer.log.errors import ReplacedError

FileIdentity = tuple[int, int]
"""A file's (device, inode)."""

LEFTOVER_SUFFIXES = ("-wal", "-shm")


def file_identity(path: Path) -> FileIdentity | None:
    """The (device, inode) of the file at `path`; None when there is none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def check_identity(path: Path, opened: FileIdentity | None) -> None:
    """Raise `ReplacedError` unless `path` is still the file whose identity was `opened`
    (None: an in-memory log, nothing to check)."""
    if opened is None:
        return
    now = file_identity(path)
    if now == opened:
        return
    if now is not None:
        raise ReplacedError(path, "the log file was moved or replaced by another file")
    if not path.parent.is_dir():
        raise ReplacedError(path, "the log's folder was deleted or moved away")
    raise ReplacedError(path, "the log file was deleted or moved away")


def set_aside_leftovers(path: Path) -> None:
    """With the log at `path` gone, move its `-wal` and `-shm` aside (`.orphaned`): they
    belong to the deleted log, and SQLite would read them into a new file of that name."""
    if path.exists():
        return
    for suffix in LEFTOVER_SUFFIXES:
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            os.replace(leftover, leftover.with_name(leftover.name + ".orphaned"))
