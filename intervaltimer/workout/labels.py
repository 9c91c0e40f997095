"""Words for planned steps: "Rep 3/8 · 400 m @ mile", "Rest 60 s · stand", "Pushups × 20".

The one place that turns a written step into the short line the preview, the
run screen and the log show.
"""

from __future__ import annotations

from intervaltimer.workout.model import Amount, PaceSpec, Step, StepKind
from intervaltimer.workout.units import format_distance, format_time

KIND_WORDS: dict[StepKind, str] = {
    StepKind.WARMUP: "Warm-up",
    StepKind.RUN: "Run",
    StepKind.REST: "Rest",
    StepKind.EXERCISE: "Exercise",
    StepKind.COOLDOWN: "Cool-down",
}

OPEN_WORDS = "until lap"


def format_span(seconds: float) -> str:
    """A written duration: `60` -> `60 s`, `900` -> `15 min`, `3600` -> `1 h`, `150` -> `2:30`."""
    if seconds < 120:
        return f"{seconds:g} s"
    if seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return format_time(seconds, 0 if seconds == int(seconds) else 1)


def amount_text(amount: Amount) -> str:
    """How much, in words: `400 m`, `60 s`, `× 20`, `until lap`."""
    if amount.distance_m is not None:
        return format_distance(amount.distance_m)
    if amount.duration_s is not None:
        return format_span(amount.duration_s)
    if amount.reps is not None:
        return f"× {amount.reps}"
    return OPEN_WORDS


def pace_text(pace: PaceSpec) -> str:
    """The pace as the runner wrote it, canonical for named paces: `mile`, `5:40/mi`."""
    return pace.name if pace.name is not None else pace.text


def _capital(text: str) -> str:
    """`stride` -> `Stride`, leaving the rest of the words as written."""
    return text[:1].upper() + text[1:]


def step_name(step: Step) -> str:
    """The step's name: its label, the exercise, or the word for its kind."""
    if step.label:
        return _capital(step.label.strip())
    if step.kind is StepKind.EXERCISE and step.exercise:
        return _capital(step.exercise.strip())
    return KIND_WORDS[step.kind]


def send_off_text(round_s: float) -> str:
    """The amount of a send-off rest: `until 2:30` (the next round's start)."""
    if round_s < 60:
        return f"until {format_span(round_s)}"
    return f"until {format_time(round_s, 0 if round_s == int(round_s) else 1)}"


def step_label(step: Step, rep: int | None = None, rep_count: int | None = None,
               send_off_s: float | None = None) -> str:
    """The one-line label of a planned step.

    `rep`/`rep_count` number a work step inside a repeat; `send_off_s` marks
    the rest of an `every:` round, shown as "until 2:30".
    """
    name = step_name(step)
    how_much = amount_text(step.amount) if send_off_s is None else send_off_text(send_off_s)
    after = f" @ {pace_text(step.pace)}" if step.pace is not None else ""
    if step.kind is StepKind.EXERCISE and step.amount.reps is not None:
        how_much = f"{step.amount.reps} reps" if rep is not None else f"× {step.amount.reps}"
    if rep is not None and rep_count is not None:
        word = "Rep" if step.kind is StepKind.RUN and not step.label else name
        text = f"{word} {rep}/{rep_count} · {how_much}{after}"
    else:
        text = f"{name} {how_much}{after}"
    if step.kind is StepKind.REST and step.activity is not None:
        text += f" · {step.activity.value}"
    return text
