"""intervals.icu workout text, ready to paste into its workout builder.

    8 x 400 m at mile pace

    - Warm-up: easy jog, then drills 15m

    7x
    - Run 400mtr 3:31/km Pace
    - Rest stand 1m

    - Run: LAST ONE 400mtr 3:31/km Pace

Each step is `- CUE AMOUNT [TARGET] [press lap]`. The cue is the kind's word
(Warm-up, Run, Rest, Exercise, Cool-down), the step's name or the exercise,
and the note after `: `; intervals.icu shows it on the watch. Metres are
`mtr` (`m` is minutes there). A repeat is an `Nx` line with a blank line
before and after. Paces are absolute (`M:SS/km Pace`), from the runner's
races. An open step (the lap button) gets the plan's guess of its length and
`press lap`. `icuread.read_icu_text` reads this back.
"""

from __future__ import annotations

import re

from intervaltimer.export.steps import Block, ExportStep, Loop, plain_text
from intervaltimer.workout.labels import KIND_WORDS
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import GUESS_OPEN_S, GUESS_S_PER_REP

MILE_M = 1609.344
NOTE_SEPARATOR = ": "
# A number stuck to letters ("100m", "5k") reads as an amount or a target there.
_STUCK = re.compile(r"(\d)(?=[A-Za-z'\"%])")
_REPEAT_LIKE = re.compile(r"\d\s*x$", re.IGNORECASE)


def icu_duration(seconds: float) -> str:
    """`900` -> `15m`, `90` -> `1m30s`, `45` -> `45s`, `3720` -> `1h2m` (whole seconds)."""
    total = max(1, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "",
             f"{secs}s" if secs else ""]
    return "".join(parts)


def icu_distance(metres: float) -> str:
    """`400` -> `400mtr`, `2000` -> `2km`, `1609.344` -> `1mi`."""
    miles = metres / MILE_M
    if metres >= MILE_M - 1e-6 and abs(miles - round(miles)) < 1e-9:
        return f"{round(miles)}mi"
    if metres >= 1000 and metres % 1000 == 0:
        return f"{metres / 1000:g}km"
    return f"{metres:.10g}mtr"


def icu_pace(speed_m_s: float) -> str:
    """An absolute pace per kilometre, whole seconds: `3:31/km Pace`."""
    seconds = round(1000.0 / speed_m_s)
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}/km Pace"


def safe_cue(text: str) -> str:
    """Cue text intervals.icu cannot mistake for an amount or a target: numbers kept apart
    from the letters after them, no `%`, on one line."""
    return _STUCK.sub(r"\1 ", plain_text(text).replace("%", " percent"))


def cue_text(step: ExportStep) -> str:
    """The step's cue: kind word, its name if another, activity, reps, then `: note`."""
    word = KIND_WORDS[step.kind]
    words = [word]
    if step.name and step.name.lower() != word.lower():
        words.append(step.name)
    if step.kind is StepKind.REST and step.activity is not None:
        words.append(step.activity.value)
    if step.reps is not None:
        words.append(f"x{step.reps}")
    cue = " ".join(words)
    if step.note:
        cue += NOTE_SEPARATOR + step.note
    return safe_cue(cue)


def step_line(step: ExportStep) -> str:
    """One step as a `- ...` line."""
    parts = ["-", cue_text(step)]
    if step.duration_s is not None:
        parts.append(icu_duration(step.duration_s))
    elif step.distance_m is not None:
        parts.append(icu_distance(step.distance_m))
    elif step.reps is not None:
        parts.append(icu_duration(step.reps * GUESS_S_PER_REP))
    else:
        parts.append(icu_duration(GUESS_OPEN_S[step.kind]))
    if step.speed_m_s:
        parts.append(icu_pace(step.speed_m_s))
    if step.is_open or step.reps is not None:
        parts.append("press lap")
    return " ".join(parts)


def icu_text(name: str, blocks: list[Block], *, title: bool = True) -> str:
    """The intervals.icu workout text of `blocks`, the workout's name on its first line
    (`title`; a calendar event has its name apart)."""
    heading = plain_text(name) or "Workout"
    if _REPEAT_LIKE.search(heading):  # "Tempo 3x" would read as a repeat of what follows
        heading += " (workout)"
    lines = [heading, ""] if title else [""]
    for block in blocks:
        if isinstance(block, Loop):
            if lines[-1] != "":
                lines.append("")
            lines.append(f"{block.count}x")
            lines.extend(step_line(step) for step in block.steps)
            lines.append("")
        else:
            lines.append(step_line(block))
    while lines and lines[-1] == "":
        lines.pop()
    while lines and lines[0] == "":
        lines.pop(0)
    return "\n".join(lines) + "\n"
