"""The workout library: finding a workout by path, by name, or as quick syntax.

The folders and their files by file name are `shelves`' (re-exported here);
this module adds the names workouts give themselves and resolving an argument.

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
import re
from pathlib import Path

from intervaltimer.workout.files import (
    SUFFIXES,
    is_dir,
    is_file,
    is_special,
    read_text_or_none,
)
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import Problem, Workout, WorkoutError
from intervaltimer.workout.quick import looks_like_quick, parse_quick
from intervaltimer.workout.shelves import LOCAL as LOCAL
from intervaltimer.workout.shelves import SHIPPED as SHIPPED
from intervaltimer.workout.shelves import USER as USER
from intervaltimer.workout.shelves import find_in_library as find_in_library
from intervaltimer.workout.shelves import hidden_by as hidden_by
from intervaltimer.workout.shelves import library_dirs as library_dirs
from intervaltimer.workout.shelves import library_sources as library_sources
from intervaltimer.workout.shelves import list_workout_files as list_workout_files

_NAME_LINE = re.compile(r"^name:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _written_name(path: Path) -> str | None:
    """The `name:` a workout file gives at the top level, read from its text without loading."""
    text = read_text_or_none(path)
    if text is None:
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


def find_workout_file(name: str) -> Path | None:
    """The file `name` names: a path, a library file's name or stem, or a workout's name."""
    path = Path(name).expanduser()
    if is_file(path) or is_special(path):
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
    folder = is_dir(path)
    if path.suffix in SUFFIXES or "/" in text or folder:
        what = "is a folder, not a workout file" if folder else "no such file"
        raise WorkoutError([Problem(arg, 0, 0, what)])
    near = _near_names(text)
    hint = f"did you mean {' or '.join(near)}?" if near else \
        "`intervaltimer` lists the library"
    raise WorkoutError([Problem("", 0, 0, f"no workout called {text!r}: not a file, not in the "
                                          f"library, not quick syntax (like 8x400m@mile/60s); "
                                          f"{hint}")])
