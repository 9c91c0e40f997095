"""`include: WORKOUT` as a step: another workout's steps, pulled in where it stands.

```yaml
- include: core-circuit      # a library name, or a file next to this one
```

What may be included, and nothing else: a file in the including file's own
folder named by a bare name (`core-circuit`, `core-circuit.yaml` or `.yml`:
no `/`, no `..`), else a library workout by its file name
(`shelves.find_in_library`). A path, absolute or relative, is refused at the
include's line, and so is a link that leads out of the folder it is in. A
file that is not a workout (no top-level `name:` and `steps:`) is refused
without a byte of it in the message: an include must never show a file it
was not meant to read.

The included workout is checked on its own; its steps take the include's
line and column, its name, lead-in and progression are not used. A workout
that includes itself (directly or through others) and includes nested over
`MAX_INCLUDE_DEPTH` deep are refused. The whole expansion (the outermost
file's includes and theirs) is held to `MAX_INCLUDES` include steps and
`MAX_INCLUDED_BYTES` of included text, counted as they are read, so a file
of ten thousand includes is refused at the first one over, not read through;
a file included many times is read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from intervaltimer.workout.files import (
    SUFFIXES,
    is_file_or_link,
    read_workout_text,
    real_path,
    same_file,
)
from intervaltimer.workout.model import Node, Repeat, Workout, WorkoutError
from intervaltimer.workout.quick import placed
from intervaltimer.workout.shelves import find_in_library
from intervaltimer.workout.yamlnodes import (
    Problems,
    TooManyProblems,
    at,
    is_empty,
    mapping_items,
    scalar_text,
)

MAX_INCLUDE_DEPTH = 3  # a session includes a circuit, which may include a warm-up routine
MAX_INCLUDES = 50  # include steps in one workout, its includes' own counted
MAX_INCLUDED_BYTES = 1024 * 1024  # text read through includes, all of them together
_WORKOUT_KEYS = tuple(re.compile(rf"^{key}[ \t]*:", re.MULTILINE) for key in ("name", "steps"))


Parse = Callable[[str, str, tuple[str, ...], "Expansion"], Workout]
"""Reads an included file's text (text, path, chain, expansion) as `loader.parse_workout` does."""


@dataclass
class Expansion:
    """What one workout's includes have read so far (shared down its includes), and how an
    included file is parsed: the loader hands in its own `parse_workout`, so the step reader
    that meets an include needs no import back up to the loader. With no `parse`, an
    include is refused at its line (text checked on its own, with nothing to read it by)."""

    parse: Parse | None = None
    includes: int = 0
    bytes_read: int = 0
    read: dict[tuple[str, tuple[str, ...]], tuple[tuple[Node, ...] | str, int]] = \
        field(default_factory=dict)
    """Each file read, by its real path and the chain above it: its steps (or its problem)
    and the include steps reading it took, counted again each time it is included."""


def is_include(node: yaml.Node) -> bool:
    """True for a step mapping whose first key is `include`."""
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return False
    return any(scalar_text(key) == "include" for key, _ in node.value)


def _bare_name_problem(name: str) -> str | None:
    """Why `name` cannot be an include's name (a path, a dot name), or None."""
    if "/" in name or "\\" in name or name in (".", "..") or not name.isprintable():
        return ("`include:` names a workout: a file next to this one by its bare name "
                "(like `core-circuit`, no folders) or a library name; a path is not "
                "included")
    return None


def _inside(candidate: Path, folder: Path) -> bool:
    """Whether `candidate`, its links followed, is still a file directly in `folder`."""
    return Path(real_path(candidate)).parent == Path(real_path(folder))


def _beside(name: str, including: str | None) -> Path | None:
    """The file `name` names next to the including file, if there is one."""
    if including is None or including.startswith("<"):
        return None
    folder = Path(including).parent
    for candidate in (folder / name, *(folder / (name + suffix) for suffix in SUFFIXES)):
        if is_file_or_link(candidate):
            return candidate
    return None


def find_included(name: str, including: str | None) -> Path | None:
    """The file an `include:` names (a bare name): beside the including file, else a library
    file; None when neither has it. The file may be a link: see `_inside`."""
    if _bare_name_problem(name) is not None:
        return None
    return _beside(name, including) or find_in_library(name)


def looks_like_workout(text: str) -> bool:
    """Whether `text` has a workout's top-level `name:` and `steps:` keys (block style)."""
    return all(key.search(text) is not None for key in _WORKOUT_KEYS)


def plan_size(nodes: tuple[Node, ...]) -> int:
    """How many plan steps `nodes` make (repeat counts multiply)."""
    return sum(node.count * plan_size(node.steps) if isinstance(node, Repeat) else 1
               for node in nodes)


def read_include(node: yaml.MappingNode, problems: Problems, including: str | None,
                 chain: tuple[str, ...], expansion: Expansion) -> tuple[Node, ...]:
    """The steps an include step pulls in, placed at its line; () with problems recorded.

    `chain` holds the files including this one, outermost first. Raises
    `TooManyProblems` (reading stops) once the expansion is over its limits.
    """
    items = mapping_items(node, problems)
    for key, key_node, _ in items:
        if key != "include":
            problems.add(at(key_node), f"an include step has only `include:`; `{key}` belongs "
                                       "in the included workout")
    value = next(value for key, _, value in items if key == "include")
    name = scalar_text(value)
    if name is None or not name or is_empty(value):
        problems.add(at(value), "`include:` needs a workout's name, e.g. `include: core-circuit`")
        return ()
    expansion.includes += 1
    _count(expansion, problems, at(value))
    bare = _bare_name_problem(name)
    if bare is not None:
        problems.add(at(value), bare)
        return ()
    found = find_included(name, including)
    if found is None:
        problems.add(at(value), f"no workout called {name!r} to include: not a file next to "
                                "this one, not in the library")
        return ()
    if not _inside(found, found.parent):
        problems.add(at(value), f"include {name!r}: {found} is a link out of its folder; an "
                                "include stays in the including file's folder or the library")
        return ()
    files = (*chain, *([including] if including else []))
    if any(same_file(found, earlier) for earlier in files):
        path = " → ".join([*(Path(f).stem for f in files), found.stem])
        problems.add(at(value), f"include {name!r} goes round in a circle ({path}); a workout "
                                "cannot include itself")
        return ()
    if len(files) >= MAX_INCLUDE_DEPTH:
        problems.add(at(value), f"includes nest at most {MAX_INCLUDE_DEPTH} deep "
                                f"({' → '.join(Path(f).stem for f in files)} → {found.stem})")
        return ()
    seen = (real_path(found), files)
    if seen in expansion.read:
        read, used = expansion.read[seen]
        expansion.includes += used
        _count(expansion, problems, at(value))
    else:
        before = expansion.includes
        read = _load_included(found, files, expansion, problems, at(value))
        expansion.read[seen] = (read, expansion.includes - before)
    if isinstance(read, str):
        problems.add(at(value), f"include {name!r}: {read}")
        return ()
    line, col = at(node)
    return tuple(placed(step, line, col) for step in read)


def _count(expansion: Expansion, problems: Problems, where: tuple[int, int]) -> None:
    """Stop reading (`TooManyProblems`) once the expansion is over MAX_INCLUDES includes."""
    if expansion.includes > MAX_INCLUDES:
        problems.add(where, f"more than {MAX_INCLUDES} includes in this workout (counting "
                            "those of the workouts it includes); write the steps out, or "
                            "use repeat:")
        raise TooManyProblems


def _load_included(found: Path, files: tuple[str, ...], expansion: Expansion,
                   problems: Problems, where: tuple[int, int]) -> tuple[Node, ...] | str:
    """The steps of the included file `found`, or what is wrong with it (never its text)."""
    if expansion.parse is None:
        return "an include is read only from a workout loaded as a file"
    try:
        text = read_workout_text(found)
    except WorkoutError as error:
        return str(error.problems[0])  # says why (no file, a FIFO, not text), not what is in it
    expansion.bytes_read += len(text)
    if expansion.bytes_read > MAX_INCLUDED_BYTES:
        problems.add(where, f"the included workouts come to more than "
                            f"{MAX_INCLUDED_BYTES // (1024 * 1024)} MiB of text; a workout "
                            "and its includes are a few pages")
        raise TooManyProblems
    if not looks_like_workout(text):
        return f"{found} is not a workout file (it has no `name:` and `steps:`)"
    try:
        included = expansion.parse(text, str(found), files, expansion)
    except WorkoutError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        return f"{first}{f' (and {more} more)' if more else ''}"
    return included.steps
