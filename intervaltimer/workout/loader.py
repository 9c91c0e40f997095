"""Loading workout files (format 1) into a `Workout`, reporting every problem at once.

The file itself is read by `files` (the package's one module that touches the
disk); here is the text's reading, and the hand-over of `parse_workout` to the
includes it meets, so that reading an include never imports back up to here.

`load_workout(path)` and `parse_workout(text)` raise `WorkoutError` whose
problems each carry a path, a 1-based line and column, and a message that
suggests the fix. Values are read from their source text in the YAML node
tree, never through YAML's implicit typing (`1:30` stays 1:30, `no` stays no).
"""

from __future__ import annotations

import gc
from pathlib import Path

import yaml

from intervaltimer.workout.files import read_workout_text as read_workout_text
from intervaltimer.workout.include import Expansion
from intervaltimer.workout.ladder import check_progression, read_progression
from intervaltimer.workout.model import DEFAULT_LEAD_IN_S, Problem, Workout, WorkoutError
from intervaltimer.workout.steps import StepReader, did_you_mean
from intervaltimer.workout.units import UnitError, parse_duration
from intervaltimer.workout.yamlnodes import (
    Problems,
    TooManyProblems,
    at,
    compose_text,
    kind_of,
    mapping_items,
    scalar_text,
)

FORMAT = "1"
TOP_KEYS = ("name", "description", "tags", "lead_in", "steps", "progression", "format")
MAX_NAME = 120
MAX_DESCRIPTION = 4000
MAX_TAGS = 30
MAX_LEAD_IN_S = 600.0


def load_workout(path: str | Path, chain: tuple[str, ...] = (),
                 expansion: Expansion | None = None) -> Workout:
    """The workout in the file at `path`; raises `WorkoutError` listing every problem.

    `chain` lists the files that include this one (see `include`), outermost
    first; `expansion` is what the outermost file's includes have read so far.
    """
    return parse_workout(read_workout_text(path), str(path), chain, expansion)


def parse_workout(text: str, path: str = "<text>", chain: tuple[str, ...] = (),
                  expansion: Expansion | None = None) -> Workout:
    """The workout in YAML `text` (format 1); raises `WorkoutError` listing every problem.

    `path` names the file in messages, and `include:` looks beside it first.
    """
    if expansion is None:
        expansion = Expansion(parse=parse_workout)
    problems = Problems(path)
    workout: Workout | None = None
    collecting = gc.isenabled()
    gc.disable()  # many small nodes: the cyclic collector would triple the time
    try:
        root = compose_text(text, problems)
        if root is not None:
            workout = _workout(root, text, path, problems, chain, expansion)
    except TooManyProblems:
        pass
    except RecursionError:  # depth is bounded while composing; this is a last guard
        problems.found.append(Problem(path, 1, 1, "nested too deeply to read"))
    finally:
        if collecting:
            gc.enable()
    if problems or workout is None:
        raise WorkoutError(sorted(problems.found, key=lambda p: (p.line, p.col))
                           or [Problem(path, 1, 1, "cannot read this workout")])
    return workout


def _workout(root: yaml.Node, text: str, path: str, problems: Problems,
             chain: tuple[str, ...], expansion: Expansion) -> Workout | None:
    """The workout from the document's root node, or None when there are problems."""
    if not isinstance(root, yaml.MappingNode):
        if isinstance(root, yaml.SequenceNode):
            message = "a workout file starts with `name:`; put this list under `steps:`"
        else:
            message = "a workout file is keys and values: at least `name:` and `steps:`"
        problems.add(at(root), message)
        return None
    reader = StepReader(problems, path, chain, expansion)
    values: dict[str, yaml.Node] = {}
    extra: dict[str, str] = {}
    for key, key_node, value in mapping_items(root, problems):
        if key in TOP_KEYS:
            values[key] = value
        elif key.startswith("x-"):  # for other tools (and YAML anchors); kept if text
            text_value = scalar_text(value)
            if text_value is not None:
                extra[key] = text_value
        elif key in ("warmup", "run", "rest", "exercise", "cooldown", "repeat"):
            problems.add(at(key_node), f"`{key}` is a step; put it in the list under `steps:` "
                                       f"as `- {key}: ...`")
        else:
            hint = did_you_mean(key, TOP_KEYS) or f"; a workout has {', '.join(TOP_KEYS[:-1])}"
            problems.add(at(key_node), f"unknown key `{key}`{hint}")
    name = _name(root, values, reader)
    description = reader.read_text(values["description"], "description", MAX_DESCRIPTION) \
        if "description" in values else ""
    tags = _tags(values["tags"], problems) if "tags" in values else ()
    lead_in = DEFAULT_LEAD_IN_S
    if "lead_in" in values:
        read = reader.read_value(values["lead_in"], "lead_in", _lead_in)
        lead_in = DEFAULT_LEAD_IN_S if read is None else read
    if "format" in values and scalar_text(values["format"]) != FORMAT:
        problems.add(at(values["format"]), f"this intervaltimer reads format {FORMAT}; "
                                           f"write `format: {FORMAT}` or leave it out")
    if "steps" not in values:
        problems.add(at(root), "a workout needs `steps:`, a list of steps")
        return None
    progression = read_progression(values["progression"], problems) \
        if "progression" in values else None
    steps, _ = reader.steps(values["steps"])
    if problems or name is None:
        return None
    workout = Workout(name=name, steps=steps, description=description or "", tags=tags,
                      lead_in_s=lead_in, source=text, path=path, extra=extra,
                      progression=progression)
    check_progression(workout, problems)
    return None if problems else workout


def _name(root: yaml.Node, values: dict[str, yaml.Node], reader: StepReader) -> str | None:
    """The workout's name: required, non-empty text."""
    if "name" not in values:
        reader.problems.add(at(root), "a workout needs `name:` (e.g. `name: 8 x 400 m at mile "
                                      "pace`)")
        return None
    name = reader.read_text(values["name"], "name", MAX_NAME)
    if name == "":
        reader.problems.add(at(values["name"]), "`name:` is empty; give the workout a name")
        return None
    return name


def _tags(node: yaml.Node, problems: Problems) -> tuple[str, ...]:
    """Tags: a list of words (`[anaerobic, track]`) or one comma-separated line."""
    if isinstance(node, yaml.ScalarNode):
        words = [word.strip() for word in str(node.value).split(",")]
        return tuple(word for word in words if word)
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(node), f"`tags:` should be a list like [track, kick], not {kind_of(node)}")
        return ()
    if len(node.value) > MAX_TAGS:
        problems.add(at(node), f"{len(node.value)} tags; keep it to {MAX_TAGS}")
        return ()
    tags: list[str] = []
    for item in node.value:
        text = scalar_text(item)
        if text is None or not text:
            shown = kind_of(item) if text is None else "nothing"
            problems.add(at(item), f"a tag should be a word, not {shown}")
        else:
            tags.append(text)
    return tuple(tags)


def _lead_in(text: str) -> float:
    """The countdown before the first rep: 0 to 10 minutes."""
    seconds = parse_duration(text)
    if seconds > MAX_LEAD_IN_S:
        raise UnitError(f"lead_in {text!r} is over 10 minutes; a lead-in is a short countdown, "
                        "e.g. 5s (put a long wait in a warmup step)")
    return seconds
