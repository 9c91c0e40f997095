"""`include: WORKOUT` as a step: another workout's steps, pulled in where it stands.

```yaml
- include: core-circuit      # a library name, or a file next to this one
```

The name is looked for first next to the including file (`core-circuit` or
`core-circuit.yaml`), then in the library (`library.find_workout_file`). The
included workout is loaded and checked on its own; its steps take the
include's line and column, its name, lead-in and progression are not used.
A workout that includes itself (directly or through others) and includes
nested over `MAX_INCLUDE_DEPTH` deep are refused at the include's line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from intervaltimer.workout.model import Node, Repeat, WorkoutError
from intervaltimer.workout.quick import placed
from intervaltimer.workout.yamlnodes import Problems, at, is_empty, mapping_items, scalar_text

MAX_INCLUDE_DEPTH = 3  # a session includes a circuit, which may include a warm-up routine
SUFFIXES = (".yaml", ".yml")


def is_include(node: yaml.Node) -> bool:
    """True for a step mapping whose first key is `include`."""
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return False
    return any(scalar_text(key) == "include" for key, _ in node.value)


def _beside(name: str, including: str | None) -> Path | None:
    """The file `name` names next to the including file, if there is one."""
    if including is None or including.startswith("<"):
        return None
    folder = Path(including).parent
    for candidate in (folder / name, *(folder / (name + suffix) for suffix in SUFFIXES)):
        if candidate.is_file():
            return candidate
    return None


def find_included(name: str, including: str | None) -> Path | None:
    """The file an `include:` names: beside the including file, else in the library."""
    from intervaltimer.workout.library import find_workout_file

    return _beside(name, including) or find_workout_file(name)


def _same(one: Path, other: str) -> bool:
    """True if `one` and the path `other` are the same file."""
    try:
        return one.resolve() == Path(other).resolve()
    except OSError:
        return False


def plan_size(nodes: tuple[Node, ...]) -> int:
    """How many plan steps `nodes` make (repeat counts multiply)."""
    return sum(node.count * plan_size(node.steps) if isinstance(node, Repeat) else 1
               for node in nodes)


def read_include(node: yaml.MappingNode, problems: Problems, including: str | None,
                 chain: tuple[str, ...]) -> tuple[Node, ...]:
    """The steps an include step pulls in, placed at its line; () with problems recorded.

    `chain` holds the files including this one, outermost first.
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
    found = find_included(name, including)
    if found is None:
        problems.add(at(value), f"no workout called {name!r} to include: not a file next to "
                                "this one, not in the library")
        return ()
    files = (*chain, *([including] if including else []))
    if any(_same(found, earlier) for earlier in files):
        path = " → ".join([*(Path(f).stem for f in files), found.stem])
        problems.add(at(value), f"include {name!r} goes round in a circle ({path}); a workout "
                                "cannot include itself")
        return ()
    if len(files) >= MAX_INCLUDE_DEPTH:
        problems.add(at(value), f"includes nest at most {MAX_INCLUDE_DEPTH} deep "
                                f"({' → '.join(Path(f).stem for f in files)} → {found.stem})")
        return ()
    from intervaltimer.workout.loader import load_workout

    try:
        included = load_workout(found, chain=files)
    except WorkoutError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        also = f" (and {more} more)" if more else ""
        problems.add(at(value), f"include {name!r}: {first}{also}")
        return ()
    line, col = at(node)
    return tuple(placed(step, line, col) for step in included.steps)
