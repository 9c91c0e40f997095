"""The workout library: finding a workout by path, by name, or as quick syntax.

A name is a file stem (`8x400-mile`, any case) or the name a workout gives itself
(`"8 x 400 m at mile pace"`), looked up in these folders, first match wins: the
folders named in `$INTERVALTIMER_WORKOUTS` ("local"), `<config_dir>/workouts`
(the runner's own; the config dir is `$INTERVALTIMER_CONFIG` or the platform's),
then the workouts shipped with intervaltimer. `./workouts` of the current folder is
never read on its own: it may be someone else's (a shared or downloaded folder),
and a name must not quietly run its file. A path given on the command line is
read as given.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from pathlib import Path

from intervaltimer.fileio import special_file_kind
from intervaltimer.locations import extra_workout_dirs, user_workouts_dir
from intervaltimer.resources import workouts_dir
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import Problem, Workout, WorkoutError
from intervaltimer.workout.quick import looks_like_quick, parse_quick

SUFFIXES = (".yaml", ".yml")
LOCAL, USER, SHIPPED = "local", "user", "shipped"


def library_sources() -> list[tuple[Path, str]]:
    """The library folders in search order, each with its source: local (the folders of
    `$INTERVALTIMER_WORKOUTS`), user, shipped.

    A folder met twice (one named in the variable is the shipped folder) is listed
    once, in its last place, so the runner's own still win.
    """
    return [(folder, source) for folder, source, _ in _sources()]


def _sources() -> tuple[tuple[Path, str, str], ...]:
    """`library_sources`, each folder with its real path; worked out once for each value of
    the variable and the folders (each folder resolved once, duplicates dropped through a
    set: linear in the number of folders named)."""
    named = tuple(str(folder) for folder in extra_workout_dirs())
    return _resolved_sources(named, str(user_workouts_dir()), str(workouts_dir()))


@functools.lru_cache(maxsize=8)
def _resolved_sources(named: tuple[str, ...], user: str,
                      shipped: str) -> tuple[tuple[Path, str, str], ...]:
    """The sources for the folders `named` in the variable and these user and shipped ones."""
    shipped_real = _real(Path(shipped))
    seen = {shipped_real}
    found: list[tuple[Path, str, str]] = []
    for folder, source in (*((Path(folder), LOCAL) for folder in named), (Path(user), USER)):
        real = _real(folder)
        if real not in seen:
            seen.add(real)
            found.append((folder, source, real))
    return (*found, (Path(shipped), SHIPPED, shipped_real))


def _real(folder: Path) -> str:
    """The folder's real path (links followed); the path as written when that fails."""
    try:
        return os.path.realpath(folder)
    except (OSError, ValueError):
        return str(folder)


def library_dirs() -> list[Path]:
    """The library folders in search order (local, user, shipped); some may not exist."""
    return [folder for folder, _ in library_sources()]


def _files_in(folder: Path) -> list[Path]:
    """The workout files directly in `folder`, by name; none if it does not exist."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:
        return []


def list_workout_files() -> list[tuple[Path, str]]:
    """Every workout in the library as (path, source), by name.

    A name found in more than one folder is listed once, from the folder
    `resolve_workout` would use.
    """
    chosen: dict[str, tuple[Path, str]] = {}
    for folder, source in library_sources():
        for path in _files_in(folder):
            chosen.setdefault(path.stem, (path, source))
    return [chosen[name] for name in sorted(chosen)]


def find_in_library(name: str) -> Path | None:
    """The file a library name stands for (`8x400-mile` or `8x400-mile.yaml`), or None.

    An exact file name wins; else the one file name that differs only in case
    (`8X400-Mile`).
    """
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix in SUFFIXES else name
    if not stem or "/" in stem or "\\" in stem or stem in (".", ".."):
        return None
    for folder in library_dirs():
        for suffix in SUFFIXES:
            candidate = folder / (stem + suffix)
            if candidate.is_file():
                return candidate
    folded = [path for path, _ in list_workout_files() if path.stem.casefold() == stem.casefold()]
    return folded[0] if len(folded) == 1 else None


_NAME_LINE = re.compile(r"^name:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _written_name(path: Path) -> str | None:
    """The `name:` a workout file gives at the top level, read from its text without loading."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = _NAME_LINE.search(text)
    if match is None:
        return None
    value = match.group(1)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def find_by_name(name: str) -> Path | None:
    """The library file of the workout called `name` (`"8 x 400 m at mile pace"`, any case).

    Files are searched in library order (local, user, shipped) by their `name:` line, so a
    hundred files cost a read each, not a parse; None when no file has that name.
    """
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return None
    for path, _ in sorted(list_workout_files(),
                          key=lambda item: [LOCAL, USER, SHIPPED].index(item[1])):
        written = _written_name(path)
        if written is not None and " ".join(written.split()).casefold() == wanted:
            return path
    return None


def _near_names(name: str, cutoff: float = 0.6) -> list[str]:
    """Library names close to `name`, best first."""
    names = [path.stem for path, _ in list_workout_files()]
    return difflib.get_close_matches(name.lower(), names, n=3, cutoff=cutoff)


def hidden_by(path: Path) -> Path | None:
    """The library file of the same name that `path` hides (a copy of a shipped workout hides
    the shipped one), or None when `path` is not in the library or hides nothing."""
    sources = _sources()
    folders = [folder for folder, _, _ in sources]
    parent = _real(path.parent)
    mine = [i for i, (_, _, real) in enumerate(sources) if real == parent]
    if not mine:
        return None
    for folder in folders[mine[0] + 1:]:
        for suffix in SUFFIXES:
            candidate = folder / (path.stem + suffix)
            if candidate.is_file():
                return candidate
    return None


def find_workout_file(name: str) -> Path | None:
    """The file `name` names: a path, a library file's name or stem, or a workout's name."""
    path = Path(name).expanduser()
    if path.is_file() or special_file_kind(path) not in (None, "a directory"):
        return path  # a FIFO or a device too: the loader refuses it by name, unopened
    return find_in_library(name) or find_by_name(name)


def resolve_workout(arg: str) -> Workout:
    """The workout `arg` names: a path, a library file name, a workout's name, or quick syntax.

    Raises `WorkoutError`: the file's problems, the quick text's problems, or
    "no workout called ..." with the nearest library names.
    """
    text = arg.strip()
    found = find_workout_file(text) if text else None
    if found is not None:
        try:
            return load_workout(found)
        except WorkoutError as error:
            hidden = hidden_by(found)
            if hidden is None:
                raise
            raise WorkoutError([*error.problems, Problem("", 0, 0, (
                f"{found} has problems and hides the workout of the same name in "
                f"{hidden}: run that one with `intervaltimer run {hidden}`, or fix your copy "
                f"with `intervaltimer edit {found}`"))]) from None
    path = Path(text).expanduser()
    if looks_like_quick(text):
        try:
            return parse_quick(text)
        except WorkoutError as error:
            near = _near_names(text, cutoff=0.85)
            if near:
                named = Problem("", 0, 0, f"no workout called {text!r} in the library; did "
                                          f"you mean {' or '.join(near)}?")
                raise WorkoutError([named, *error.problems]) from None
            raise
    if path.suffix in SUFFIXES or "/" in text or path.is_dir():
        what = "is a folder, not a workout file" if path.is_dir() else "no such file"
        raise WorkoutError([Problem(arg, 0, 0, what)])
    near = _near_names(text)
    hint = f"did you mean {' or '.join(near)}?" if near else \
        "`intervaltimer` lists the library"
    raise WorkoutError([Problem("", 0, 0, f"no workout called {text!r}: not a file, not in the "
                                          f"library, not quick syntax (like 8x400m@mile/60s); "
                                          f"{hint}")])
