"""How big a workout's plan would be, found without expanding it: the guard against huge plans.

Repeat counts multiply when nested, so a short file can ask for millions of
steps; `check_plan_size` finds out in time proportional to the file.
"""

from __future__ import annotations

from intervaltimer.workout.model import Problem, Repeat, Workout, WorkoutError

MAX_PLAN_STEPS = 10_000
# The guard on any Workout, however made (a file is held to stepkeys.MAX_REPEAT_DEPTH).
MAX_PLAN_DEPTH = 100


def _problem(workout: Workout, line: int, col: int, message: str) -> WorkoutError:
    """A WorkoutError about the workout at one place."""
    return WorkoutError([Problem(workout.path or "<workout>", line, col, message)])


_SATURATE = 10**15


def check_plan_size(workout: Workout) -> None:
    """Refuse plans over MAX_PLAN_STEPS steps or nested deeper than MAX_PLAN_DEPTH (no recursion).

    The step count is computed bottom-up (saturating, so `repeat: 100` nested
    fifty deep costs nothing); the repeat blamed is the innermost one whose
    expansion is too long.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Repeat, int, bool]] = []
    for node in workout.steps:
        if isinstance(node, Repeat):
            stack.append((node, 1, False))
    while stack:
        repeat, depth, children_done = stack.pop()
        if depth > MAX_PLAN_DEPTH:
            raise _problem(workout, repeat.line, repeat.col,
                           f"repeats are nested more than {MAX_PLAN_DEPTH} deep")
        if not children_done:
            stack.append((repeat, depth, True))
            stack.extend((child, depth + 1, False) for child in repeat.steps
                         if isinstance(child, Repeat))
            continue
        inner = sum(sizes[id(c)] if isinstance(c, Repeat) else 1 for c in repeat.steps)
        size = min(repeat.count * inner, _SATURATE)
        if size > MAX_PLAN_STEPS:
            raise _problem(workout, repeat.line, repeat.col, _too_long(size, repeat.count))
        sizes[id(repeat)] = size
    total = 0
    for node in workout.steps:
        total += sizes[id(node)] if isinstance(node, Repeat) else 1
        if total > MAX_PLAN_STEPS:
            raise _problem(workout, node.line, node.col,
                           f"the plan reaches {total:,} steps here; a plan holds at most "
                           f"{MAX_PLAN_STEPS:,} steps")


def _too_long(size: int, count: int) -> str:
    """The message for a repeat that expands to too many steps."""
    amount = f"{size:,}" if size < _SATURATE else f"more than {_SATURATE:,}"
    return (f"repeat: {count} expands to {amount} steps; a plan holds at most "
            f"{MAX_PLAN_STEPS:,} steps (repeat counts multiply when nested)")
