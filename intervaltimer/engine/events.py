"""What the session tells the outside world: cues, events, splits, state and progress.

All frozen values (or string enums): the UI reads them to draw and play
sounds, the log reads them to store reps. Instants (`at`, `started_at`,
`ended_at`) are readings of the session's injected monotonic clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Cue(StrEnum):
    """A sound to play. The audio layer names its WAV files after these values."""

    GO = "go"
    LAST = "last"
    REST = "rest"
    LAP = "lap"
    TICK = "tick"
    TEN_SECONDS = "ten_seconds"
    HALFWAY = "halfway"
    PACER = "pacer"
    FINISH = "finish"


class EventKind(StrEnum):
    """What happened. See `Event` for the fields each kind fills."""

    LEAD_IN = "lead_in"
    SEND_OFF_REST = "send_off_rest"
    SEND_OFF_MISSED = "send_off_missed"
    COUNTDOWN = "countdown"
    STEP_STARTED = "step_started"
    TEN_SECONDS = "ten_seconds"
    HALFWAY = "halfway"
    PACER = "pacer"
    STEP_FINISHED = "step_finished"
    SKIPPED = "skipped"
    LAP_UNDONE = "lap_undone"
    SPLIT_UPDATED = "split_updated"
    PAUSED = "paused"
    RESUMED = "resumed"
    EXTENDED = "extended"
    WORKOUT_FINISHED = "workout_finished"


class State(StrEnum):
    """Where the session is: not started, counting in, running a step, paused, done."""

    READY = "ready"
    LEAD_IN = "lead_in"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Phase(StrEnum):
    """What the runner is doing now, for the screen's colours (unchanged by a pause)."""

    READY = "ready"
    LEAD_IN = "lead_in"
    WARMUP = "warmup"
    WORK = "work"
    REST = "rest"
    COOLDOWN = "cooldown"
    FINISHED = "finished"


@dataclass(frozen=True)
class Split:
    """One rep as run: the line of the log.

    `split_s` is the rep's time on its own clock (paused time excluded);
    `started_at`/`ended_at` are the clock instants of its GO and its end.
    `rest_s` is the rest actually taken after it (its end to the start of the
    next step that is not a rest, or to the workout's finish), None until
    known. `rpe` is the effort given for it (0..10), None until rated.
    A rep the runner skipped once it was running is still a rep: `skipped` is
    True, `split_s` None and `ended_at` the instant of the skip. `main_set`: the
    plan put the rep in the workout's main set (None: not known, a rep from an
    older log).
    """

    step_index: int
    rep: int | None
    label: str
    distance_m: float | None
    target_s: float | None
    split_s: float | None
    started_at: float
    ended_at: float
    rest_s: float | None = None
    rpe: int | None = None
    skipped: bool = False
    main_set: bool | None = None


@dataclass(frozen=True)
class Event:
    """Something that became due or was done, at the clock instant it was due.

    `at` is the planned instant (not when `poll()` noticed it); for key
    presses it is the instant of the press. `step_index` is the plan's
    1-based index of the step concerned. Fields by kind:

    - LEAD_IN: the countdown before `step_index` starts; `seconds` its length.
    - SEND_OFF_REST: cue REST; a rest the engine adds between rounds of an
      `every:` repeat that has no rest step; `seconds` its length;
      `step_index` the next round's first step.
    - SEND_OFF_MISSED: the rep ran past its send-off: the rest is only the
      minimum (`seconds`, 0 without `min_rest`).
    - COUNTDOWN: cue TICK; `count` 3, 2 or 1 seconds before `step_index` starts.
    - STEP_STARTED: cue GO (REST for a rest step; the step's own `cue`, LAST, for a
      repeat's last rep that asks for it); `seconds` the step's length
      when it ends on time, else None.
    - TEN_SECONDS, HALFWAY: cues of the same names, in a timed step.
    - PACER: cue PACER; `distance_m` the checkpoint reached on target pace.
    - STEP_FINISHED: `elapsed_s` the time in the step; `split` the rep's Split
      for work steps (a new log row), None for others.
    - SKIPPED: the step was skipped after `elapsed_s` (no split).
    - LAP_UNDONE: the last lap was undone; `split` the withdrawn Split (None
      when the lapped step was not a rep); back in `step_index`.
    - SPLIT_UPDATED: `split` changed (its `rest_s` became known, or its `rpe`).
    - PAUSED: `elapsed_s` in the step; RESUMED: `seconds` the pause's length.
    - EXTENDED: `seconds` the change actually applied to the end of the step.
    - WORKOUT_FINISHED: cue FINISH; `elapsed_s` the session's running time.
    """

    kind: EventKind
    at: float
    step_index: int
    cue: Cue | None = None
    count: int | None = None
    distance_m: float | None = None
    elapsed_s: float | None = None
    seconds: float | None = None
    split: Split | None = None


@dataclass(frozen=True)
class Progress:
    """How far through the workout: steps done of all, time run against the estimate."""

    steps_done: int
    steps_total: int
    elapsed_s: float
    estimated_s: float

    @property
    def fraction(self) -> float:
        """Steps done as a fraction of all steps, 0.0..1.0."""
        return self.steps_done / self.steps_total if self.steps_total else 1.0
