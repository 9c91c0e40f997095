"""Run order: a workout's nested repeats flattened into its steps as they are run.

Each written step is met once for each time it is run, with the top-level
repeat it belongs to (reps are numbered across a whole set), its position at
the top level and, inside an `every:` repeat, its send-off round. A repeat's
`last:` is applied here: its final rep gets the note and cue, and with
`skip_rest` the rests after it in that round are left out. `expand` in `plan`
turns these into PlannedSteps.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.workout.model import Last, Repeat, Step, StepKind, Workout


@dataclass(frozen=True)
class Round:
    """One round of an `every:` repeat, as met while flattening."""

    number: int
    round_s: float
    min_rest_s: float | None
    line: int = 0  # where its `every:` repeat is written
    col: int = 0


@dataclass
class FlatStep:
    """A written step at its place in run order, before the plan makes it a PlannedStep.

    `note` is the note to show (the step's own, or a `last:` note); `cue` the
    sound at its start when not the usual one (`last`).
    """

    step: Step
    outer: int | None  # which top-level repeat it belongs to, by position
    round: Round | None
    round_start: bool = False
    send_off_rest: bool = False
    top: int = 0  # its top-level step's position in Workout.steps
    note: str | None = None
    cue: str | None = None
    dropped: bool = False  # a rest left out by `last: {skip_rest: true}`


def flatten(workout: Workout) -> list[FlatStep]:
    """Every written step in run order, with its top-level repeat and send-off round."""
    flat: list[FlatStep] = []
    rounds = 0

    def walk(nodes: tuple[Step | Repeat, ...], outer: int | None, round_: Round | None,
             top: int) -> None:
        nonlocal rounds
        for node in nodes:
            if isinstance(node, Step):
                flat.append(FlatStep(node, outer, round_, top=top, note=node.note))
                continue
            for number in range(node.count):
                first = len(flat)
                if node.every_s is None:
                    walk(node.steps, outer, round_, top)
                else:
                    rounds += 1
                    this = Round(rounds, node.every_s, node.min_rest_s, node.line, node.col)
                    walk(node.steps, outer, this, top)
                    _mark_round(flat[first:], this)
                if node.last is not None and number == node.count - 1:
                    _mark_last(flat[first:], node.last)

    for position, node in enumerate(workout.steps):
        if isinstance(node, Step):
            flat.append(FlatStep(node, None, None, top=position, note=node.note))
        else:
            walk((node,), position, None, position)
    return [item for item in flat if not item.dropped]


def _mark_last(items: list[FlatStep], last: Last) -> None:
    """Give the last rep of a repeat's final round its `last:` note and cue; drop its rests."""
    work = [i for i, item in enumerate(items)
            if not item.dropped and item.step.kind in (StepKind.RUN, StepKind.EXERCISE)]
    if not work:
        return
    item = items[work[-1]]
    if last.note is not None:
        item.note = last.note
    if last.cue is not None:
        item.cue = last.cue
    if last.skip_rest:
        for after in items[work[-1] + 1:]:
            if after.step.kind is StepKind.REST:
                after.dropped = True


def _mark_round(items: list[FlatStep], this: Round) -> None:
    """Mark the first step and the send-off rest (the last rest) of one round.

    A send-off nested inside another keeps its own rounds: only the steps the
    inner one does not claim belong to the outer round.
    """
    own = [item for item in items if item.round is this]
    if not own:
        return
    if items[0].round is this:
        items[0].round_start = True
    for item in reversed(own):
        if item.step.kind is StepKind.REST:
            item.send_off_rest = True
            break


def _group(step: Step) -> str | None:
    """Which count a work step is numbered in: all plain runs together, else by name."""
    if step.kind is StepKind.RUN:
        return f"run:{step.label.strip().lower()}" if step.label else "run"
    if step.kind is StepKind.EXERCISE:
        return f"exercise:{(step.label or step.exercise or '').strip().lower()}"
    return None


def number_reps(flat: list[FlatStep]) -> dict[int, tuple[int, int]]:
    """(rep, rep_count) by position for work steps inside a repeat, counted across its whole set.

    8 x 400 gives Rep 1/8..8/8; 3 sets of 4 x 400 give Rep 1/12..12/12; a
    circuit numbers each exercise on its own (Pushups 2/3).
    """
    totals: dict[tuple[int, str], int] = {}
    for item in flat:
        group = _group(item.step)
        if item.outer is not None and group is not None:
            key = (item.outer, group)
            totals[key] = totals.get(key, 0) + 1
    seen: dict[tuple[int, str], int] = {}
    numbers: dict[int, tuple[int, int]] = {}
    for position, item in enumerate(flat):
        group = _group(item.step)
        if item.outer is None or group is None:
            continue
        key = (item.outer, group)
        seen[key] = seen.get(key, 0) + 1
        numbers[position] = (seen[key], totals[key])
    return numbers
