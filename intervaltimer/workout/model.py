"""The workout as written: frozen dataclasses, read from YAML or quick syntax.

A `Workout` is a tree of `Step` and `Repeat`. Expanding it with a profile
(`intervaltimer.workout.plan.expand`) gives the flat `Plan` the engine runs.
Every node keeps the line and column (1-based) it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class StepKind(StrEnum):
    """What a step is for."""

    WARMUP = "warmup"
    RUN = "run"
    REST = "rest"
    EXERCISE = "exercise"
    COOLDOWN = "cooldown"


class Ends(StrEnum):
    """How a planned step ends: on the clock, on the lap key, or on the lap key after reps."""

    TIME = "time"
    LAP = "lap"
    REPS = "reps"


class Activity(StrEnum):
    """What the runner does during a rest (shown, not timed differently)."""

    STAND = "stand"
    WALK = "walk"
    JOG = "jog"


@dataclass(frozen=True)
class Amount:
    """How much of a step: a duration, a distance, a count of reps, or open (ends on lap).

    At most one of the three is set; none set means open (`lap`).
    """

    duration_s: float | None = None
    distance_m: float | None = None
    reps: int | None = None

    @property
    def is_open(self) -> bool:
        """True for `lap`: the step ends when the runner taps space."""
        return self.duration_s is None and self.distance_m is None and self.reps is None


@dataclass(frozen=True)
class PaceSpec:
    """A pace as written: a named pace (`mile`, `threshold`) or an explicit one.

    `name` is set for named paces; `s_per_m` for explicit ones (`5:40/mi`).
    `text` is the source text, for messages and labels.
    """

    text: str
    name: str | None = None
    s_per_m: float | None = None


@dataclass(frozen=True)
class Step:
    """One step as written: warmup, run, rest, exercise or cooldown."""

    kind: StepKind
    amount: Amount
    pace: PaceSpec | None = None
    target_s: float | None = None
    pacer_m: float | None = None
    activity: Activity | None = None
    exercise: str | None = None
    label: str | None = None
    note: str | None = None
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Repeat:
    """A group of steps run `count` times; `every_s` makes each round a send-off."""

    count: int
    steps: tuple[Step | Repeat, ...]
    every_s: float | None = None
    min_rest_s: float | None = None
    label: str | None = None
    note: str | None = None
    line: int = 0
    col: int = 0


Node = Step | Repeat

DEFAULT_LEAD_IN_S = 3.0


@dataclass(frozen=True)
class Workout:
    """A whole workout file: name, description, tags, lead-in and its steps."""

    name: str
    steps: tuple[Node, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    lead_in_s: float = DEFAULT_LEAD_IN_S
    source: str = ""
    path: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workout file, at a line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class WorkoutError(Exception):
    """A workout file (or quick text) that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
