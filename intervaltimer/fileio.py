"""The one writer for every file the app writes: exports, workouts, the profile, rescue files.

`atomic_write_text` writes to a temporary file in the same folder as the real
target, flushes it to disk, then renames it over the target: until the new file
is whole, the original stays exactly as it was. Its rules:

- a symlink is followed, and its target (not the link) is replaced;
- a directory, FIFO, device or socket is refused (`RefusedTarget`) with a
  message that says what it is: the writer never renames over one, and never
  opens one (a FIFO would block, a device would get half a file);
- a path given in `protect` (the open log, say) is refused when it is the same
  file, by name or by device and inode, so `export --db X -o X` cannot turn
  the log into CSV;
- the new file keeps the old one's permission bits (and, as root, its owner).

`read_workout_text` and `FileStamp` are the reading side of the editor: a file
that is not UTF-8 is reported, never read as empty, and a stamp taken at open
tells whether someone else changed the file before a save.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 64 * 1024


class RefusedTarget(OSError):
    """A path the writer will not replace: a directory, FIFO, device, socket, or a protected file.

    It is an `OSError` (errno EINVAL, or EISDIR for a directory) whose `strerror` is the
    whole human message, so callers that print `error.strerror` say the right thing.
    """

    def __init__(self, path: Path, message: str, code: int = errno.EINVAL) -> None:
        super().__init__(code, message, str(path))
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def special_file_kind(path: Path | str) -> str | None:
    """"a FIFO (named pipe)", "a directory", ... when `path` exists and is not a regular file.

    Follows symlinks; None for a regular file or a path that does not exist (or cannot
    be looked at: opening it will then say why).
    """
    try:
        return _kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def write_target(path: Path | str, *, protect: Iterable[Path | str] = ()) -> Path:
    """The regular file a write to `path` replaces: `path` with its symlinks followed.

    Raises `RefusedTarget` when that is a directory, FIFO, device or socket, a symlink
    loop, or one of the `protect` files (same name after symlinks, or same device and
    inode). A path that does not exist yet is fine: it will be created.
    """
    given = Path(path)
    try:
        existing: os.stat_result | None = os.stat(given)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise RefusedTarget(given, "is a symlink loop; give a file path") from None
        existing = None  # the write itself will say why (permission denied, ...)
    if existing is not None:
        kind = _kind(existing.st_mode)
        if kind is not None:
            hint = "; to write to standard output give -o -" if kind != "a directory" else (
                "; give a file path inside it")
            code = errno.EISDIR if stat.S_ISDIR(existing.st_mode) else errno.EINVAL
            raise RefusedTarget(given, f"is {kind}, not a regular file{hint}", code)
    real = Path(os.path.realpath(given))
    if real.is_symlink():
        raise RefusedTarget(given, "is a symlink loop; give a file path")
    if existing is not None:
        try:
            followed = os.stat(real)
        except OSError:
            followed = None
        if followed is None or not _same_file(existing, followed):
            raise RefusedTarget(given, f"is a link that cannot be followed to a file ({real})")
    for other in protect:
        if _is_same(Path(other), real, existing):
            raise RefusedTarget(given, f"is the same file as {other}, which must not be "
                                "overwritten; give another output file")
    return real


def _is_same(other: Path, real: Path, existing: os.stat_result | None) -> bool:
    """Whether `other` names the file `real` (whose stat is `existing`, if it exists)."""
    if Path(os.path.realpath(other)) == real:
        return True
    try:
        return existing is not None and _same_file(existing, os.stat(other))
    except OSError:
        return False


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


def _copy_ownership(temp_name: str, target: Path) -> int:
    """Give the new file the old one's owner (only root can), and return its permission bits."""
    try:
        old = target.stat()
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    if os.geteuid() == 0 and (old.st_uid, old.st_gid) != (0, 0):
        with contextlib.suppress(OSError):
            os.chown(temp_name, old.st_uid, old.st_gid)
    return stat.S_IMODE(old.st_mode)


def atomic_write_bytes(path: Path | str, data: bytes, *,
                       protect: Iterable[Path | str] = (), mode: int | None = None) -> Path:
    """Replace the file at `path` with `data`, all or nothing; returns the file written.

    Follows the rules in this module's docstring (symlinks followed, special files and
    `protect`ed files refused with `RefusedTarget`). The parent folder is created if
    needed. The data goes to a temporary file beside the target, which is fsynced and
    renamed over it (and the folder fsynced). If anything fails on the way the temporary
    file is removed, the original is untouched and the error is raised. `mode` gives the
    file those permission bits (0o600 for a file holding a secret) instead of the old ones.
    """
    target = write_target(path, protect=protect)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        kept = _copy_ownership(temp_name, target)
        os.chmod(temp_name, kept if mode is None else mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_dir(target.parent)
    return target


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8", *,
                      protect: Iterable[Path | str] = (), mode: int | None = None) -> Path:
    """Replace the file at `path` with `text` encoded as `encoding`; see `atomic_write_bytes`."""
    return atomic_write_bytes(path, text.encode(encoding), protect=protect, mode=mode)


def unique_path(folder: Path, stem: str, suffix: str = ".yaml") -> Path:
    """`folder/stem.yaml`, or `stem-2.yaml`, `stem-3.yaml`… the first that does not exist."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


@dataclass(frozen=True)
class FileStamp:
    """What a file was when the editor read it: modification time, size and content hash."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, data: bytes, st: os.stat_result) -> FileStamp:
        """The stamp of `data`, just read from a file whose `stat` is `st`."""
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The file's stamp now; None when it is gone or cannot be read."""
        try:
            with open(path, "rb") as handle:
                st = os.fstat(handle.fileno())
                return cls.of_bytes(handle.read(), st)
        except OSError:
            return None


class NotTextError(ValueError):
    """A file that is not UTF-8 text: where the first bad byte is, to be shown read-only."""

    def __init__(self, path: Path, line: int, col: int, byte: int) -> None:
        self.path, self.line, self.col = path, line, col
        super().__init__(f"{path}:{line}:{col}: not UTF-8 text (byte 0x{byte:02x}); "
                         "opened read-only so saving cannot destroy it. Convert it "
                         "(e.g. iconv -f latin1 -t utf-8) and open it again")


def decode_utf8(path: Path, data: bytes) -> str:
    """`data` as UTF-8 text (a leading byte-order mark dropped); `NotTextError` if it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        raise NotTextError(path, line, col, data[error.start]) from None


def read_text_stamped(path: Path, limit: int | None = None) -> tuple[str, FileStamp]:
    """The file's text and its stamp, read once; `NotTextError` when it is not UTF-8.

    Special files (FIFO, device, directory) are refused with `RefusedTarget` before
    opening, so a FIFO never blocks the reader. `limit`: refuse larger files
    (`RefusedTarget`) without reading them whole.
    """
    kind = special_file_kind(path)
    if kind is not None:
        code = errno.EISDIR if kind == "a directory" else errno.EINVAL
        raise RefusedTarget(path, f"is {kind}, not a workout file", code)
    with open(path, "rb") as handle:
        st = os.fstat(handle.fileno())
        if limit is not None and st.st_size > limit:
            raise RefusedTarget(path, f"is {st.st_size:,} bytes; the limit is {limit:,}")
        data = handle.read()
    return decode_utf8(path, data), FileStamp.of_bytes(data, st)
