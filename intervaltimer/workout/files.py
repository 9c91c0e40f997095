"""The disk, for `workout/`: every read of a file or a folder the package makes is here, and
its one write (the profile).

The rest of the package works on text and paths as names: `loader` parses
text, `include` and `library` decide which file a name means and ask here
whether it is there. Keeping the disk to this one module is what lets the
README call the model, the rules and the planning pure: a test (or a tool)
that wants no disk replaces these few functions, nothing else.

`read_workout_text` reads a workout file as the loader wants it (at most
`MAX_FILE_BYTES` of UTF-8, no NUL) and raises `WorkoutError` saying why not,
never quoting the file; the other readers return None or raise `OSError`.
"""

from __future__ import annotations

import os
from pathlib import Path

# The library's listing (`workout_files_in`, `real_path`, `is_file`) comes before the first
# frame of the home screen: the model, the positions and the writer come with a read or write.

SUFFIXES = (".yaml", ".yml")


def read_workout_text(path: str | Path) -> str:
    """The text of the workout file at `path`, at most MAX_FILE_BYTES of UTF-8 with no NUL;
    raises `WorkoutError` saying why not, never quoting the file."""
    from intervaltimer.fileio import special_file_kind
    from intervaltimer.workout.model import Problem, WorkoutError
    from intervaltimer.workout.positions import MAX_FILE_BYTES, position_of

    shown = str(path)
    kind = special_file_kind(path)
    if kind is not None and kind != "a directory":  # a FIFO would block the open; a device
        raise WorkoutError([Problem(shown, 1, 1, f"is {kind}, not a workout file")])
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise WorkoutError([Problem(shown, 1, 1, "no such file")]) from None
    except IsADirectoryError:
        raise WorkoutError([Problem(shown, 1, 1, "is a folder, not a workout file")]) from None
    except OSError as error:
        raise WorkoutError([Problem(shown, 1, 1, f"cannot read: {error.strerror}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise WorkoutError([Problem(shown, 1, 1, "the file is over 1 MiB; a workout file is "
                                                 "a few lines of YAML (is this the right file?)")])
    if b"\0" in data:
        line, col = position_of(data.decode("latin-1"), data.index(b"\0"))
        raise WorkoutError([Problem(shown, line, col, "this is not a text file (a NUL byte); "
                                                      "a workout is a YAML text file")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = data[:error.start].decode("utf-8-sig", errors="replace")
        line, col = position_of(good, len(good))
        raise WorkoutError([Problem(shown, line, col, "this is not UTF-8 text; save the file "
                                                      "as UTF-8")]) from None


def read_capped(path: Path, limit: int) -> bytes:
    """At most `limit` bytes from the start of the file at `path`; raises `OSError`."""
    with path.open("rb") as handle:
        return handle.read(limit)


def write_private_text(path: Path, text: str) -> None:
    """Replace the file at `path` with `text`, whole or not at all, readable by its owner only
    (the profile holds an API key); raises `OSError`."""
    from intervaltimer.fileio import atomic_write_text

    atomic_write_text(path, text, mode=0o600)


def read_text_or_none(path: Path) -> str | None:
    """The UTF-8 text of the file at `path`, or None when it cannot be read as such."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def workout_files_in(folder: Path) -> list[Path]:
    """The workout files (`.yaml`, `.yml`) directly in `folder`, by name; none if it does
    not exist or cannot be listed."""
    try:  # scandir knows each entry's type from the listing: no stat a file, but for links
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries
                     if entry.name.endswith(SUFFIXES) and entry.is_file()]
    except OSError:
        return []
    # `.yaml` alone is a hidden file with no suffix, not a workout (as `Path.suffix` says:
    # the suffix starts at a dot that is not the name's first character)
    return [folder / name for name in sorted(names) if name.rfind(".") > 0]


def is_file(path: Path) -> bool:
    """Whether `path` is a regular file (links followed)."""
    return path.is_file()


def is_file_or_link(path: Path) -> bool:
    """Whether `path` is a file or a link (even a broken one, refused later by name)."""
    return path.is_file() or path.is_symlink()


def is_dir(path: Path) -> bool:
    """Whether `path` is a folder."""
    return path.is_dir()


def is_special(path: Path) -> bool:
    """Whether `path` is a FIFO, a device or a socket (opened, it would block or stream)."""
    from intervaltimer.fileio import special_file_kind

    return special_file_kind(path) not in (None, "a directory")


def real_path(path: Path | str) -> str:
    """`path` with its links followed; the path as written when that fails."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


def same_file(one: Path, other: str) -> bool:
    """Whether `one` and the path `other` are the same file."""
    try:
        return one.resolve() == Path(other).resolve()
    except OSError:
        return False
