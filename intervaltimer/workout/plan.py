"""The plan: a workout expanded with a profile into a flat, numbered list of concrete steps.

The plan is what the engine runs, the preview shows and the log refers to.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.workout.model import Ends, StepKind

MAX_PLAN_STEPS = 10_000


@dataclass(frozen=True)
class PlannedStep:
    """One concrete step of a plan, in run order.

    `index` is 1-based. `duration_s` is set for steps that end on time (for a
    send-off rest it is the planned rest, recomputed by the engine from the
    round's start). `distance_m` for distance steps; `target_s` is the time the
    runner aims for (from `target:` or pace x distance), None without one.
    `pacer_m` is the checkpoint spacing (`pacer: 100m`); `checkpoints()` gives
    the (distance, due time) pairs. `rep`/`rep_count` number the work steps of
    a repeat ("Rep 3/8"). `round_s` is the send-off period when the step
    belongs to an `every:` repeat; `round_start` marks the first step of a round.
    """

    index: int
    kind: StepKind
    label: str
    ends: Ends
    duration_s: float | None = None
    distance_m: float | None = None
    target_s: float | None = None
    pace_text: str | None = None
    pace_s_per_m: float | None = None
    pace_estimate: bool = False
    pacer_m: float | None = None
    reps: int | None = None
    rep: int | None = None
    rep_count: int | None = None
    activity: str | None = None
    exercise: str | None = None
    note: str | None = None
    round_s: float | None = None
    round_start: bool = False
    min_rest_s: float | None = None

    @property
    def is_work(self) -> bool:
        """A rep the runner runs or does: gets a split, a cue to go, an effort prompt."""
        return self.kind in (StepKind.RUN, StepKind.EXERCISE)

    def checkpoints(self) -> tuple[tuple[float, float], ...]:
        """(distance_m, due_s) of each pacer beep strictly inside the rep."""
        if not self.pacer_m or not self.distance_m or not self.target_s:
            return ()
        points: list[tuple[float, float]] = []
        mark = self.pacer_m
        while mark < self.distance_m - 1e-6:
            points.append((mark, self.target_s * mark / self.distance_m))
            mark += self.pacer_m
        return tuple(points)


@dataclass(frozen=True)
class Plan:
    """A workout ready to run: its steps in order, lead-in and estimated duration."""

    name: str
    steps: tuple[PlannedStep, ...]
    lead_in_s: float = 3.0
    estimated_s: float = 0.0
    source: str = ""
    has_profile: bool = True

    @property
    def work_steps(self) -> tuple[PlannedStep, ...]:
        """The reps: steps that get a split and an effort."""
        return tuple(s for s in self.steps if s.is_work)
