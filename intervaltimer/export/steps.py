"""A plan as the watch and intervals.icu see it: plain steps in flat repeats.

FIT workouts and intervals.icu text both want one level of repeats, each a
block of plain steps run N times. `export_blocks` turns a workout's plan back
into that shape: the plan's steps in run order (includes read, `last:` notes
and dropped rests applied, send-off rests given their planned length), then
the longest runs of identical blocks folded into a `Loop`. A nested repeat
comes out as its outer repeat over the inner one written out, or as the inner
ones one after another, whichever folds more steps. What the plan holds that
neither format can say (send-offs, pacer beeps) is listed by `lost_features`.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.workout.labels import step_name
from intervaltimer.workout.model import Activity, Ends, Step, StepKind, Workout
from intervaltimer.workout.plan import Plan, PlannedStep
from intervaltimer.workout.runorder import flatten
from intervaltimer.workout.units import format_clock, format_distance

# A watch shows a few hundred steps at most; longer bodies are written out.
MAX_LOOP_BODY = 50


@dataclass(frozen=True)
class ExportStep:
    """One plain step: what it is, how it ends, its target speed, its name and note.

    Exactly one of `duration_s`, `distance_m`, `reps` is set, or none (`open`:
    the lap button ends it). `speed_m_s` is the target speed, None without one.
    `name` is short (the label, the exercise, or the kind's word); `activity`
    is set on rests.
    """

    kind: StepKind
    duration_s: float | None
    distance_m: float | None
    reps: int | None
    speed_m_s: float | None
    name: str
    note: str | None
    activity: Activity | None
    exercise: str | None

    @property
    def is_open(self) -> bool:
        """True when the step ends on the lap button."""
        return self.duration_s is None and self.distance_m is None and self.reps is None


@dataclass(frozen=True)
class Loop:
    """A block of plain steps run `count` times (count >= 2)."""

    count: int
    steps: tuple[ExportStep, ...]


Block = ExportStep | Loop


def _speed(step: PlannedStep) -> float | None:
    """The step's target speed in m/s: distance over target time, else its pace."""
    if step.distance_m and step.target_s:
        return step.distance_m / step.target_s
    if step.pace_s_per_m:
        return 1.0 / step.pace_s_per_m
    return None


def export_step(planned: PlannedStep, written: Step) -> ExportStep:
    """The plain step of one planned step (`written` is the step as in the file)."""
    duration = planned.duration_s if planned.ends is Ends.TIME else None
    distance = planned.distance_m if duration is None else None
    reps = planned.reps if planned.ends is Ends.REPS else None
    return ExportStep(
        kind=planned.kind,
        duration_s=duration,
        distance_m=distance,
        reps=reps,
        speed_m_s=_speed(planned) if planned.kind is not StepKind.REST else None,
        name=step_name(written),
        note=planned.note,
        activity=written.activity,
        exercise=written.exercise,
    )


SEND_OFF_NOTE = "the rest of the round: go on the next send-off"


def plain_steps(workout: Workout, plan: Plan) -> list[ExportStep]:
    """Every step of the plan, in run order, as a plain step.

    A send-off round with no rest of its own waits out what is left of its
    period before the next round (as the engine does): that wait becomes a rest
    step with `SEND_OFF_NOTE`, at least the round's `min_rest`.
    """
    flat = flatten(workout)
    steps: list[ExportStep] = []
    taken = 0.0
    resting = False
    for position, (planned, item) in enumerate(zip(plan.steps, flat, strict=True)):
        if planned.round_start:
            taken, resting = 0.0, False
        taken += planned.expected_s
        resting = resting or planned.kind is StepKind.REST
        steps.append(export_step(planned, item.step))
        following = plan.steps[position + 1] if position + 1 < len(plan.steps) else None
        if (planned.round_s and not resting and following is not None
                and following.round_start and following.round_s == planned.round_s):
            wait = max(planned.round_s - taken, planned.min_rest_s or 0.0)
            if wait > 0:
                steps.append(ExportStep(StepKind.REST, round(wait, 3), None, None, None,
                                        "Rest", SEND_OFF_NOTE, None, None))
    return steps


def fold(steps: list[ExportStep]) -> list[Block]:
    """The steps with each run of identical blocks folded into a `Loop`.

    At each place the block that folds the most steps wins (the shorter block on
    a tie); a step that starts no run stays as it is.
    """
    ids: dict[ExportStep, int] = {}
    keys = [ids.setdefault(step, len(ids)) for step in steps]
    blocks: list[Block] = []
    at = 0
    total = len(steps)
    while at < total:
        best_saved, best_size, best_count = 0, 1, 1
        for size in range(1, min(MAX_LOOP_BODY, (total - at) // 2) + 1):
            body = keys[at:at + size]
            count = 1
            while keys[at + count * size:at + (count + 1) * size] == body:
                count += 1
            if count >= 2 and (count - 1) * size > best_saved:
                best_saved, best_size, best_count = (count - 1) * size, size, count
        if best_count >= 2:
            blocks.append(Loop(best_count, tuple(steps[at:at + best_size])))
            at += best_size * best_count
        else:
            blocks.append(steps[at])
            at += 1
    return blocks


def export_blocks(workout: Workout, plan: Plan) -> list[Block]:
    """The plan as plain steps and one-level repeats, ready for FIT or intervals.icu text."""
    return fold(plain_steps(workout, plan))


def unfold(blocks: list[Block]) -> list[ExportStep]:
    """The blocks written out in run order (the inverse of `fold`)."""
    steps: list[ExportStep] = []
    for block in blocks:
        if isinstance(block, Loop):
            steps.extend(list(block.steps) * block.count)
        else:
            steps.append(block)
    return steps


def lost_features(plan: Plan, what: str) -> list[str]:
    """One line for each thing in the plan `what` (FIT, intervals.icu text) cannot hold."""
    lines: list[str] = []
    periods = sorted({step.round_s for step in plan.steps if step.round_s})
    if periods:
        every = ", ".join(format_clock(period) for period in periods)
        lines.append(f"every: {every} send-offs have no {what} form: written as the rep and "
                     "its planned rest (the rest does not shrink when a rep runs slow)")
    pacers = sorted({step.pacer_m for step in plan.steps if step.pacer_m})
    if pacers:
        spacing = ", ".join(format_distance(metres) for metres in pacers)
        lines.append(f"pacer beeps (every {spacing}) have no {what} form: the target pace "
                     "is written instead")
    return lines


def plain_text(text: str, limit: int = 200) -> str:
    """`text` on one line with no control characters, at most `limit` characters."""
    one_line = " ".join(text.split())
    cleaned = "".join(ch for ch in one_line if ch.isprintable())
    return cleaned[:limit]
