"""A workout written as a format-1 YAML file, and saved into the runner's workouts folder.

Imported workouts come in as model objects (`Workout`); this writes the YAML
a person would have written, checks that it loads back to the same steps, and
saves it under a new name (never over a file that is there).
"""

from __future__ import annotations

import json
from pathlib import Path

from intervaltimer.workout.model import Node, Step, StepKind, Workout
from intervaltimer.workout.templates import slug


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _duration(seconds: float) -> str:
    """`900` -> `15min`, `45` -> `45s`, `60.183` -> `60.183s`."""
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g}min"
    return f"{round(seconds, 3):g}s"


def _amount(step: Step) -> str:
    amount = step.amount
    if amount.duration_s is not None:
        return _duration(amount.duration_s)
    if amount.distance_m is not None:
        return f"{amount.distance_m:.10g}m"
    return "lap"


def _step_lines(step: Step, indent: str) -> list[str]:
    if step.kind is StepKind.EXERCISE:
        lines = [f"{indent}- exercise: {_quoted(step.exercise or 'exercise')}"]
        if step.amount.reps is not None:
            lines.append(f"{indent}  reps: {step.amount.reps}")
        elif step.amount.duration_s is not None:
            lines.append(f"{indent}  duration: {_duration(step.amount.duration_s)}")
    else:
        lines = [f"{indent}- {step.kind.value}: {_amount(step)}"]
    if step.pace is not None:
        lines.append(f"{indent}  pace: {_quoted(step.pace.text)}")
    if step.target_s is not None:
        lines.append(f"{indent}  target: {_quoted(_duration(step.target_s))}")
    if step.activity is not None:
        lines.append(f"{indent}  activity: {step.activity.value}")
    if step.label:
        lines.append(f"{indent}  label: {_quoted(step.label)}")
    if step.note:
        lines.append(f"{indent}  note: {_quoted(step.note)}")
    return lines


def _node_lines(node: Node, indent: str) -> list[str]:
    if isinstance(node, Step):
        return _step_lines(node, indent)
    lines = [f"{indent}- repeat: {node.count}"]
    if node.label:
        lines.append(f"{indent}  label: {_quoted(node.label)}")
    lines.append(f"{indent}  steps:")
    for child in node.steps:
        lines.extend(_node_lines(child, indent + "    "))
    return lines


def workout_yaml(workout: Workout, comment: str = "") -> str:
    """The format-1 YAML text of `workout` (with `comment` lines at the top)."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append(f"name: {_quoted(workout.name)}")
    if workout.description:
        lines.append(f"description: {_quoted(workout.description)}")
    lines.append("steps:")
    for node in workout.steps:
        lines.extend(_node_lines(node, "  "))
    return "\n".join(lines) + "\n"


def save_new_workout(text: str, name: str, folder: Path) -> Path:
    """Write `text` as a new file in `folder` named after `name`; never over an existing one.

    The file is created exclusively (`x` mode) under the first free name
    (`stem.yaml`, `stem-2.yaml`, ...), so a file that appears meanwhile is not
    overwritten either; a failed write leaves no half file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem = slug(name)
    number = 1
    while True:
        path = folder / (f"{stem}.yaml" if number == 1 else f"{stem}-{number}.yaml")
        try:
            with path.open("x", encoding="utf-8") as handle:
                try:
                    handle.write(text)
                    handle.flush()
                except BaseException:
                    path.unlink(missing_ok=True)
                    raise
            return path
        except FileExistsError:
            number += 1
