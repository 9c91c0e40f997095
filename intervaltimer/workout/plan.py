"""The plan: a workout expanded with a profile into a flat, numbered list of concrete steps.

The plan is what the engine runs, the preview shows and the log refers to.
`expand(workout, profile)` builds it (flattening the repeats with `runorder`);
its JSON shape (`intervaltimer plan --json`) is `log.shapes.plan_to_json`, with the
other documents intervaltimer writes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from intervaltimer.workout.labels import step_label
from intervaltimer.workout.mainset import MainSet, find_main_set
from intervaltimer.workout.model import (
    Ends,
    PaceSpec,
    Problem,
    Progression,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)
from intervaltimer.workout.plansize import MAX_PLAN_DEPTH as MAX_PLAN_DEPTH
from intervaltimer.workout.plansize import MAX_PLAN_STEPS as MAX_PLAN_STEPS
from intervaltimer.workout.plansize import check_plan_size
from intervaltimer.workout.runorder import FlatStep, Round, flatten, number_reps
from intervaltimer.workout.units import format_time

if TYPE_CHECKING:
    from intervaltimer.workout.profile import Profile

# Guesses for the estimated duration of steps whose length the plan cannot know.
GUESS_S_PER_M = 0.36  # a distance with no target: an easy 6:00 per km
GUESS_S_PER_REP = 2.0  # an exercise counted in reps: two seconds a rep
GUESS_OPEN_S: dict[StepKind, float] = {  # a step that ends on the lap key
    StepKind.WARMUP: 600.0,
    StepKind.RUN: 60.0,
    StepKind.REST: 60.0,  # walk back to the line
    StepKind.EXERCISE: 60.0,
    StepKind.COOLDOWN: 600.0,
}


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
    `expected_s` is how long the step should take (its duration, its target,
    or a guess when `expected_guess`); `line`/`col` point at the written step.
    `main_set` is True for the steps of the workout's main set (its reps and
    the rests between them, see `mainset`); `main_rest` for the rests after
    its reps, the ones the rest ladder sets. `cue` names the sound at the
    step's start when it is not the usual one (`last`: a repeat's last rep).
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
    expected_s: float = 0.0
    expected_guess: bool = False
    pace_basis: str | None = None
    line: int = 0
    col: int = 0
    main_set: bool = False
    main_rest: bool = False
    cue: str | None = None

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
    """A workout ready to run: its steps in order, lead-in and estimated duration.

    `has_profile` is False when a named pace could not be turned into a time
    (no profile, or no race to derive it from): those reps have no target.
    `main_rest_s` is today's rest after each main-set rep (None when it is not
    one timed length: open, jogged, varied or a send-off); `main_reps` the reps
    the main set plans; `progression` the workout's rest ladder, if any.
    """

    name: str
    steps: tuple[PlannedStep, ...]
    lead_in_s: float = 3.0
    estimated_s: float = 0.0
    source: str = ""
    has_profile: bool = True
    main_rest_s: float | None = None
    main_reps: int = 0
    progression: Progression | None = None

    @property
    def work_steps(self) -> tuple[PlannedStep, ...]:
        """The reps: steps that get a split and an effort."""
        return tuple(s for s in self.steps if s.is_work)

    @property
    def main_steps(self) -> tuple[PlannedStep, ...]:
        """The main set's steps, reps and rests, in run order."""
        return tuple(s for s in self.steps if s.main_set)


def expand(workout: Workout, profile: Profile | None) -> Plan:
    """The plan of `workout`: nested repeats flattened in run order, paces turned into targets.

    `Plan.estimated_s` is the lead-in plus every step's `expected_s`, each
    send-off round lasting at least its period (see `end_times`).

    Named paces come from `profile`; without one (or without a race to derive
    a pace from) the reps have no target and `Plan.has_profile` is False.
    Raises `WorkoutError` when the plan would exceed MAX_PLAN_STEPS steps or
    MAX_PLAN_DEPTH levels of repeats (see `plansize`).
    """
    check_plan_size(workout)
    flat = flatten(workout)
    numbers = number_reps(flat)
    paces = _Paces(profile)
    main = find_main_set(workout)
    steps: list[PlannedStep] = []
    for position, item in enumerate(flat):
        rep, rep_count = numbers.get(position, (None, None))
        steps.append(_planned(position + 1, item, rep, rep_count, paces, main))
    _check_rounds(workout, flat, steps)
    steps = _plan_send_off_rests(flat, steps)
    return Plan(
        name=workout.name,
        steps=tuple(steps),
        lead_in_s=workout.lead_in_s,
        estimated_s=(end_times(steps, workout.lead_in_s)[-1] if steps else workout.lead_in_s),
        source=workout.source,
        has_profile=not paces.missing,
        main_rest_s=None if main is None else main.rest_s,
        main_reps=sum(1 for step in steps if step.main_set and step.is_work),
        progression=workout.progression,
    )


class _Paces:
    """Turns pace specs into seconds per metre, remembering named paces it could not resolve."""

    def __init__(self, profile: Profile | None) -> None:
        self.profile = profile
        self.missing = False
        self._cache: dict[str, tuple[float, bool, str | None] | None] = {}

    def resolve(self, spec: PaceSpec) -> tuple[float, bool, str | None] | None:
        """(s_per_m, estimate, basis) of `spec`, or None when it has no time."""
        if spec.s_per_m is not None:
            return spec.s_per_m, False, None
        if spec.name is None or self.profile is None:
            self.missing = True
            return None
        if spec.name not in self._cache:
            from intervaltimer.workout.paces import resolve

            resolved = resolve(spec, self.profile)
            self._cache[spec.name] = (
                None if resolved is None
                else (resolved.s_per_m, resolved.estimate, resolved.basis)
            )
        found = self._cache[spec.name]
        if found is None:
            self.missing = True
        return found


def _planned(index: int, item: FlatStep, rep: int | None, rep_count: int | None,
             paces: _Paces, main: MainSet | None) -> PlannedStep:
    """The PlannedStep for one flattened step (send-off rests are finished later)."""
    step = item.step
    amount = step.amount
    pace = paces.resolve(step.pace) if step.pace is not None else None
    target_s = step.target_s
    if target_s is None and pace is not None and amount.distance_m is not None:
        target_s = pace[0] * amount.distance_m
    if amount.duration_s is not None:
        ends = Ends.TIME
    elif amount.reps is not None:
        ends = Ends.REPS
    else:
        ends = Ends.LAP
    expected_s, guess = _expected(step, target_s)
    round_ = item.round
    return PlannedStep(
        index=index,
        kind=step.kind,
        label=step_label(step, rep, rep_count,
                         round_.round_s if item.send_off_rest and round_ else None),
        ends=ends,
        duration_s=amount.duration_s,
        distance_m=amount.distance_m,
        target_s=target_s,
        pace_text=None if step.pace is None else (step.pace.name or step.pace.text),
        pace_s_per_m=None if pace is None else pace[0],
        pace_estimate=False if pace is None else pace[1],
        pace_basis=None if pace is None else pace[2],
        pacer_m=step.pacer_m,
        reps=amount.reps,
        rep=rep,
        rep_count=rep_count,
        activity=None if step.activity is None else step.activity.value,
        exercise=step.exercise,
        note=item.note,
        round_s=None if round_ is None else round_.round_s,
        round_start=item.round_start,
        min_rest_s=None if round_ is None else round_.min_rest_s,
        expected_s=expected_s,
        expected_guess=guess,
        line=step.line,
        col=step.col,
        main_set=main is not None and main.holds(item.top),
        main_rest=main is not None and main.holds(item.top) and main.is_rest(step),
        cue=item.cue,
    )


def _expected(step: Step, target_s: float | None) -> tuple[float, bool]:
    """How long a step should take, and whether that is a guess (see the GUESS_ constants)."""
    amount = step.amount
    if amount.duration_s is not None:
        return amount.duration_s, False
    if target_s is not None:
        return target_s, False
    if amount.distance_m is not None:
        return amount.distance_m * GUESS_S_PER_M, True
    if amount.reps is not None:
        return amount.reps * GUESS_S_PER_REP, True
    return GUESS_OPEN_S[step.kind], True


def _check_rounds(workout: Workout, flat: list[FlatStep], steps: list[PlannedStep]) -> None:
    """Refuse an `every:` round shorter than its steps' targets and timed steps, now that the
    profile gives the named paces their times (the loader checks what it can without one)."""
    known: dict[int, float] = {}
    rounds: dict[int, Round] = {}
    for item, step in zip(flat, steps, strict=True):
        this = item.round
        if this is None or item.send_off_rest or step.expected_guess:
            continue
        known[this.number] = known.get(this.number, 0.0) + step.expected_s
        rounds[this.number] = this
    problems: dict[tuple[int, int], Problem] = {}
    for number, taken in known.items():
        this = rounds[number]
        if taken >= this.round_s and (this.line, this.col) not in problems:
            problems[(this.line, this.col)] = Problem(
                workout.path or "", this.line, this.col,
                f"one round's steps take {format_time(taken, 0)} at their targets, not less "
                f"than every: {format_time(this.round_s, 0)}; lengthen every:, or check the "
                "paces (profile)")
    if problems:
        raise WorkoutError(list(problems.values()))


def _plan_send_off_rests(flat: list[FlatStep], steps: list[PlannedStep]) -> list[PlannedStep]:
    """Give each send-off rest its planned length: the round less the rest of the round.

    A rep slower than the round still gets `min_rest` (or no rest without one).
    """
    by_round: dict[int, float] = {}
    for item, step in zip(flat, steps, strict=True):
        if item.round is not None and not item.send_off_rest:
            by_round[item.round.number] = by_round.get(item.round.number, 0.0) + step.expected_s
    result: list[PlannedStep] = []
    for item, step in zip(flat, steps, strict=True):
        if item.send_off_rest and item.round is not None:
            left = item.round.round_s - by_round.get(item.round.number, 0.0)
            rest_s = max(left, item.round.min_rest_s or 0.0, 0.0)
            step = replace(step, ends=Ends.TIME, duration_s=rest_s, distance_m=None,
                           reps=None, expected_s=rest_s, expected_guess=False)
        result.append(step)
    return result


def end_times(steps: tuple[PlannedStep, ...] | list[PlannedStep],
              lead_in_s: float = 0.0) -> tuple[float, ...]:
    """The expected clock time at the end of each step, counted from the start with lead-in.

    Each step takes its `expected_s`; a send-off round lasts at least its
    `round_s`. A round with no rest step lasts its period only when another
    round of the same period follows (the engine waits out what is left of
    it then); after the last such round the engine goes straight on, so the
    round ends with its last step. The lead-in counts only when the first step
    is not a rest: the engine starts a rest at once.
    """
    ends: list[float] = []
    clock = lead_in_s if steps and steps[0].kind is not StepKind.REST else 0.0
    round_began: float | None = None
    round_s = 0.0
    round_rests = False
    for position, step in enumerate(steps):
        if step.round_start and step.round_s is not None:
            round_began, round_s, round_rests = clock, step.round_s, False
        elif step.round_s is None:
            round_began = None
        round_rests = round_rests or step.kind is StepKind.REST
        clock += step.expected_s
        following = steps[position + 1] if position + 1 < len(steps) else None
        closes = following is None or following.round_start or following.round_s is None
        if round_began is not None and closes:
            next_round = (following is not None and following.round_start
                          and following.round_s == step.round_s)
            if round_rests or next_round:
                clock = max(clock, round_began + round_s)
            round_began = None
        ends.append(clock)
    return tuple(ends)
