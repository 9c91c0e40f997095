"""The library's folders and the workout files in them, found by file name.

The folders, first match wins: those named in `$INTERVALTIMER_WORKOUTS`
("local"), `<config_dir>/workouts` (the runner's own), then the workouts
shipped with intervaltimer. Here only file names are looked at, never a file's
text: `library` reads names and resolves a workout, `include` finds an
included file by its name; both come here, and nothing here imports back.
"""

from __future__ import annotations

import functools
from pathlib import Path

from intervaltimer.locations import extra_workout_dirs, user_workouts_dir
from intervaltimer.resources import workouts_dir
from intervaltimer.workout.files import SUFFIXES, is_file, real_path, workout_files_in

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
    shipped_real = real_path(Path(shipped))
    seen = {shipped_real}
    found: list[tuple[Path, str, str]] = []
    for folder, source in (*((Path(folder), LOCAL) for folder in named), (Path(user), USER)):
        real = real_path(folder)
        if real not in seen:
            seen.add(real)
            found.append((folder, source, real))
    return (*found, (Path(shipped), SHIPPED, shipped_real))


def library_dirs() -> list[Path]:
    """The library folders in search order (local, user, shipped); some may not exist."""
    return [folder for folder, _ in library_sources()]


def list_workout_files() -> list[tuple[Path, str]]:
    """Every workout in the library as (path, source), by name.

    A name found in more than one folder is listed once, from the folder
    `resolve_workout` would use.
    """
    chosen: dict[str, tuple[Path, str]] = {}
    for folder, source in library_sources():
        for path in workout_files_in(folder):
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
            if is_file(candidate):
                return candidate
    folded = [path for path, _ in list_workout_files() if path.stem.casefold() == stem.casefold()]
    return folded[0] if len(folded) == 1 else None


def hidden_by(path: Path) -> Path | None:
    """The library file of the same name that `path` hides (a copy of a shipped workout hides
    the shipped one), or None when `path` is not in the library or hides nothing."""
    sources = _sources()
    folders = [folder for folder, _, _ in sources]
    parent = real_path(path.parent)
    mine = [i for i, (_, _, real) in enumerate(sources) if real == parent]
    if not mine:
        return None
    for folder in folders[mine[0] + 1:]:
        for suffix in SUFFIXES:
            candidate = folder / (path.stem + suffix)
            if is_file(candidate):
                return candidate
    return None
