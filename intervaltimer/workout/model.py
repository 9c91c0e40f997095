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
class Last:
    """What a repeat's last rep gets of its own (`last:`): a note, a start cue, no rest after.

    The last rep is the last work step of the repeat's final round. `note`
    replaces that step's note; `cue` is the sound at its start (`last`
    instead of `go`); `skip_rest` drops the rests after it inside the round,
    so the last rep leads straight into what follows (a set break, the cool-down).
    """

    note: str | None = None
    cue: str | None = None
    skip_rest: bool = False


@dataclass(frozen=True)
class Repeat:
    """A group of steps run `count` times; `every_s` makes each round a send-off.

    `last` gives the repeat's final rep its own note and cue (see `Last`).
    """

    count: int
    steps: tuple[Step | Repeat, ...]
    every_s: float | None = None
    min_rest_s: float | None = None
    label: str | None = None
    note: str | None = None
    line: int = 0
    col: int = 0
    last: Last | None = None


Node = Step | Repeat

DEFAULT_LEAD_IN_S = 3.0


class ThenKind(StrEnum):
    """What a progression does once the shortest rest is held: more reps or a faster target."""

    REPS = "reps"
    PACE = "pace"


@dataclass(frozen=True)
class Then:
    """The step after the shortest rung (`then: reps +2`, `then: pace -1s`).

    For REPS, `reps` is how many reps to add to the main set. For PACE,
    `pace_s_per_400m` is how much faster the target gets, in seconds per
    400 m (positive: faster). `text` is the value as written.
    """

    kind: ThenKind
    reps: int = 0
    pace_s_per_400m: float = 0.0
    text: str = ""

    @property
    def amount(self) -> float:
        """Reps added (REPS) or seconds per 400 m taken off the target (PACE)."""
        return float(self.reps) if self.kind is ThenKind.REPS else self.pace_s_per_400m


@dataclass(frozen=True)
class Progression:
    """The rest ladder of a workout's main set: rungs, longest first, and what comes after.

    Anaerobic tolerance shows as the same pace held on shorter rest: each
    session runs one rung (`rest_s`), and the advice moves a rung shorter or
    longer. At the shortest rung, `then` says what to do instead (more reps or
    a faster target); None means hold there. `implicit` marks the ladder a
    quick workout gets without writing one (`QUICK_RUNGS_S`).
    """

    rest_s: tuple[float, ...]
    then: Then | None = None
    implicit: bool = False
    line: int = 0
    col: int = 0
    start_s: float | None = None
    """The first session's rung (`start:`), one of `rest_s`; None: the written rest."""

    @property
    def longest_s(self) -> float:
        """The first rung: the longest rest."""
        return self.rest_s[0]

    @property
    def shortest_s(self) -> float:
        """The last rung: the shortest rest."""
        return self.rest_s[-1]

    def rung_index(self, rest_s: float) -> int:
        """The index of the rung nearest `rest_s` (a tie goes to the longer rest)."""
        return min(range(len(self.rest_s)), key=lambda i: (abs(self.rest_s[i] - rest_s), i))

    def shorter(self, rest_s: float) -> float | None:
        """The next rung shorter than `rest_s`, or None at (or below) the shortest."""
        below = [rung for rung in self.rest_s if rung < rest_s - 1e-6]
        return max(below) if below else None

    def longer(self, rest_s: float) -> float | None:
        """The next rung longer than `rest_s`, or None at (or above) the longest."""
        above = [rung for rung in self.rest_s if rung > rest_s + 1e-6]
        return min(above) if above else None


# The ladder of a quick workout with a timed rest (`8x400m@mile/60s`): its rest is a
# setting of the session, so its rungs cannot depend on the rest written today.
# Steps of about a sixth to a quarter of the rest, as coaches shorten rest.
QUICK_RUNGS_S: tuple[float, ...] = (180.0, 150.0, 120.0, 105.0, 90.0, 75.0, 60.0, 45.0,
                                    30.0, 20.0, 15.0, 10.0, 5.0)


@dataclass(frozen=True)
class Workout:
    """A whole workout file: name, description, tags, lead-in, its steps and rest ladder.

    The name is the workout's identity in the log: sessions with the same name
    share one history. The main set's rest is a setting of each session
    (`mainset.with_main_rest`), never part of the name; `progression` holds
    the rungs it moves along.
    """

    name: str
    steps: tuple[Node, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    lead_in_s: float = DEFAULT_LEAD_IN_S
    source: str = ""
    path: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    progression: Progression | None = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a workout file, at a line and column (1-based).

    Line 0 is a problem with no place in a text (a name that finds no workout, a
    missing file): it reads `path: message`, or just the message without a path.
    """

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}" if self.path else self.message
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class WorkoutError(Exception):
    """A workout file (or quick text) that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
