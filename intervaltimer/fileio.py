"""Saving files so a crash, a full disk or a pulled plug never leaves half a file.

`atomic_write_text` writes to a temporary file in the same folder, flushes it
to disk, then renames it over the original: until the new file is whole, the
original stays exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

_CHUNK = 64 * 1024


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd`, a chunk at a time."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """The permission bits the new file gets: the original's, else the umask's default."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text`, all or nothing; creates the parent folder if needed.

    The text goes to a temporary file beside `path`, which is fsynced and then
    renamed over `path` (and the folder fsynced). If anything fails on the way
    the temporary file is removed, the original is untouched and the error is raised.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode(encoding)
    mode = _mode_for(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_dir(target.parent)


def unique_path(folder: Path, stem: str, suffix: str = ".yaml") -> Path:
    """`folder/stem.yaml`, or `stem-2.yaml`, `stem-3.yaml`… the first that does not exist."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate
