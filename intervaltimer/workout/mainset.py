"""The main set of a workout: which steps it is, its rest, its reps, and today's rest.

The rest ladder, the advice and the metrics are about the main set: 8 x 400 m,
not the strides before it or the core circuit after. The rule:

1. Candidates are each top-level repeat, and the top-level runs with a pace or
   a target taken together (from the first to the last, with the steps between
   them: the 5k ladder written out rung by rung).
2. The main set is the candidate with the most *paced work*: metres of runs
   with a pace or a target, counting every round (a timed run counts
   `PACED_M_PER_MIN` metres a minute); the first wins a tie.
3. With no paced work at all, the top-level repeat with the most work steps
   (strides, a circuit); with no repeat either, there is no main set.

The main set's *rests* are the rest steps that directly follow a work step
inside it (in 3 sets of 4 x 300 m, the 45 s after each rep, not the 4 min set
break). `main_rest_s` is their length when they are all timed and the same;
`with_main_rest` sets them all to today's rest and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from intervaltimer.workout.model import (
    Amount,
    Node,
    Problem,
    Repeat,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)
from intervaltimer.workout.units import format_time

PACED_M_PER_MIN = 300.0  # a timed run at a pace counts as this many metres a minute
OPEN_PACED_M = 1.0  # a paced run that ends on the lap key still counts as paced work


@dataclass(frozen=True)
class MainSet:
    """Where the main set is in `Workout.steps` and what it holds.

    `first`..`last` are positions in `Workout.steps` (inclusive). `rests` are
    the rest steps after its reps (the objects in the workout's tree);
    `rest_s` their length when all are timed and equal, else None; `reps` the
    work steps it runs (reps planned); `send_off` the `every:` period when the
    main set is a send-off (its rest is what is left of each round).
    """

    first: int
    last: int
    rests: tuple[Step, ...]
    rest_s: float | None
    reps: int
    send_off: float | None = None

    def holds(self, position: int) -> bool:
        """True if the top-level step at `position` belongs to the main set."""
        return self.first <= position <= self.last

    def is_rest(self, step: Step) -> bool:
        """True if `step` is one of the main set's rests (the one written, not a copy)."""
        return any(step is rest for rest in self.rests)


def _is_paced(step: Step) -> bool:
    """A run with a pace or a target."""
    return step.kind is StepKind.RUN and (step.pace is not None or step.target_s is not None)


def _paced_m(node: Node) -> float:
    """Metres of paced running in `node`, every round counted."""
    if isinstance(node, Repeat):
        return node.count * sum(_paced_m(child) for child in node.steps)
    if not _is_paced(node):
        return 0.0
    if node.amount.distance_m is not None:
        return node.amount.distance_m
    if node.amount.duration_s is not None:
        return node.amount.duration_s / 60.0 * PACED_M_PER_MIN
    return OPEN_PACED_M


def _work_steps(node: Node) -> int:
    """How many work steps (runs and exercises) `node` runs."""
    if isinstance(node, Repeat):
        return node.count * sum(_work_steps(child) for child in node.steps)
    return 1 if node.kind in (StepKind.RUN, StepKind.EXERCISE) else 0


def _is_work(node: Node) -> bool:
    """A written run or exercise."""
    return isinstance(node, Step) and node.kind in (StepKind.RUN, StepKind.EXERCISE)


def _rests_after_work(nodes: tuple[Node, ...], cyclic: bool) -> list[Step]:
    """Rest steps right after a work step in `nodes`, and in the repeats inside.

    In a repeat (`cyclic`) the first step follows the last one of the round before.
    """
    found: list[Step] = []
    for position, node in enumerate(nodes):
        if isinstance(node, Repeat):
            found += _rests_after_work(node.steps, cyclic=True)
            continue
        if node.kind is not StepKind.REST:
            continue
        if position > 0:
            before = nodes[position - 1]
        elif cyclic and len(nodes) > 1:
            before = nodes[-1]
        else:
            continue
        if _is_work(before):
            found.append(node)
    return found


def _candidates(workout: Workout) -> list[tuple[int, int]]:
    """(first, last) positions of each candidate main set, in order."""
    spans = [(i, i) for i, node in enumerate(workout.steps) if isinstance(node, Repeat)]
    paced = [i for i, node in enumerate(workout.steps)
             if isinstance(node, Step) and _is_paced(node)]
    if paced:
        spans.append((paced[0], paced[-1]))
    return sorted(spans)


def _span_nodes(workout: Workout, span: tuple[int, int]) -> tuple[Node, ...]:
    """The top-level nodes of a span."""
    return workout.steps[span[0]:span[1] + 1]


def _send_off(nodes: tuple[Node, ...]) -> float | None:
    """The `every:` period of the first send-off repeat in `nodes`, or None."""
    for node in nodes:
        if isinstance(node, Repeat):
            if node.every_s is not None:
                return node.every_s
            inner = _send_off(node.steps)
            if inner is not None:
                return inner
    return None


def find_main_set(workout: Workout) -> MainSet | None:
    """The workout's main set by the rule in this module's docstring, or None."""
    spans = _candidates(workout)
    scored = [(sum(_paced_m(n) for n in _span_nodes(workout, span)), span) for span in spans]
    best = max((score for score, _ in scored), default=0.0)
    if best > 0:
        span = next(span for score, span in scored if score == best)
    else:
        repeats = [(_work_steps(workout.steps[first]), (first, last)) for first, last in spans
                   if isinstance(workout.steps[first], Repeat)]
        most = max((count for count, _ in repeats), default=0)
        if most == 0:
            return None
        span = next(span for count, span in repeats if count == most)
    nodes = _span_nodes(workout, span)
    rests = tuple(_rests_after_work(nodes, cyclic=False))
    lengths = {rest.amount.duration_s for rest in rests}
    send_off = _send_off(nodes)
    rest_s = next(iter(lengths)) if len(lengths) == 1 and send_off is None else None
    return MainSet(first=span[0], last=span[1], rests=rests, rest_s=rest_s,
                   reps=sum(_work_steps(node) for node in nodes), send_off=send_off)


def main_rest_s(workout: Workout) -> float | None:
    """The rest after each main-set rep, when it is one timed length; else None."""
    found = find_main_set(workout)
    return None if found is None else found.rest_s


def main_reps(workout: Workout) -> int:
    """How many reps (work steps) the main set plans; 0 without a main set."""
    found = find_main_set(workout)
    return 0 if found is None else found.reps


def _refuse(workout: Workout, line: int, col: int, message: str) -> WorkoutError:
    """A WorkoutError about the workout at one place."""
    return WorkoutError([Problem(workout.path or workout.name, line, col, message)])


def with_main_rest(workout: Workout, rest_s: float) -> Workout:
    """The same workout (same name: the same history) with every main-set rest `rest_s` long.

    Only the rests after the main set's reps change; warm-up strides, set
    breaks and the core circuit keep theirs. A rest that ends on the lap key or
    after a jogged distance becomes a timed one. Raises `WorkoutError` when the
    workout has no main set, its main set has no rest after its reps, or it is
    a send-off (`every:`), whose rest is what is left of each round.
    """
    if rest_s < 0:
        raise _refuse(workout, 1, 1, "a rest cannot be negative")
    found = find_main_set(workout)
    if found is None:
        raise _refuse(workout, 1, 1, "this workout has no main set (no repeat, no paced run) "
                                     "whose rest could be set")
    first = workout.steps[found.first]
    if found.send_off is not None:
        raise _refuse(workout, first.line, first.col,
                      f"the main set is a send-off (every: {format_time(found.send_off, 0)}): "
                      "its rest is "
                      "what is left of each round; change every: instead")
    if not found.rests:
        raise _refuse(workout, first.line, first.col,
                      "the main set has no rest after its reps to set")

    def rebuilt(node: Node) -> Node:
        if isinstance(node, Repeat):
            return replace(node, steps=tuple(rebuilt(child) for child in node.steps))
        if found.is_rest(node):
            return replace(node, amount=Amount(duration_s=float(rest_s)))
        return node

    steps = tuple(rebuilt(node) if found.holds(position) else node
                  for position, node in enumerate(workout.steps))
    return replace(workout, steps=steps)


MAX_MAIN_REPS = 100
"""More main-set reps than this is not a day's session."""


def with_main_reps(workout: Workout, reps: int) -> Workout:
    """The same workout (same name, same history) with its main set repeated so that it runs
    `reps` reps: the main set's repeat count changes, nothing else.

    Raises `WorkoutError` when the workout has no main set that is one repeat, or when
    `reps` is not a whole number of its rounds (a round of 2 reps cannot make 9).
    """
    found = find_main_set(workout)
    node = workout.steps[found.first] if found is not None else None
    if found is None or found.first != found.last or not isinstance(node, Repeat):
        raise _refuse(workout, 1, 1, "this workout's main set is not one repeat whose count "
                                     "--reps could set")
    if not 1 <= reps <= MAX_MAIN_REPS:
        raise _refuse(workout, node.line, node.col,
                      f"--reps {reps}: a main set is 1 to {MAX_MAIN_REPS} reps")
    per_round = _work_steps(Repeat(count=1, steps=node.steps))
    if per_round == 0 or reps % per_round:
        raise _refuse(workout, node.line, node.col,
                      f"--reps {reps}: each round of the main set runs {per_round} reps, so "
                      f"the reps come in {per_round}s")
    steps = list(workout.steps)
    steps[found.first] = replace(node, count=reps // per_round)
    return replace(workout, steps=tuple(steps))
