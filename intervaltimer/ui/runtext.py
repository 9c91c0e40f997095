"""The run screen's words and numbers, from the engine's view: pure functions, no Textual.

One place decides what the big clock shows (counting down a timed step, up
an open one), what the step line says, how a split compares with its target,
and the CR-10 words of the effort prompt.
"""

from __future__ import annotations

from math import ceil, floor

from intervaltimer.engine.events import Phase, Progress, Split, State
from intervaltimer.engine.view import SessionView
from intervaltimer.log.review import CR10_WORDS
from intervaltimer.workout.labels import format_span
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import PlannedStep
from intervaltimer.workout.units import format_clock, format_delta, format_time

ON_TARGET_S = 0.5  # a split this close over its target still counts as on target
ESTIMATE_MARK = "~"

PHASE_WORDS: dict[Phase, str] = {
    Phase.READY: "READY",
    Phase.LEAD_IN: "GET READY",
    Phase.WARMUP: "WARM-UP",
    Phase.WORK: "RUN",
    Phase.REST: "REST",
    Phase.COOLDOWN: "COOL-DOWN",
    Phase.FINISHED: "DONE",
}


def phase_word(view: SessionView) -> str:
    """`RUN`, `REST`, `GET READY`, `DONE`...; `PAUSED · RUN` while paused."""
    phase = view.phase
    word = PHASE_WORDS[phase]
    current = view.current
    if phase is Phase.WORK and current is not None and current.kind is StepKind.EXERCISE:
        word = "EXERCISE"
    if view.state is State.PAUSED:
        return f"PAUSED · {word}"
    return word


def target_words(step: PlannedStep) -> str:
    """`target 1:24.5` (`~1:24.5` when the pace is an estimate), or blank."""
    if step.target_s is None:
        return ""
    mark = ESTIMATE_MARK if step.pace_estimate else ""
    return f"target {mark}{format_time(step.target_s)}"


def step_line(step: PlannedStep | None) -> str:
    """`Rep 3/8 · 400 m @ mile · target 1:24.5`; blank when no step is on."""
    if step is None:
        return ""
    target = target_words(step)
    return f"{step.label} · {target}" if target else step.label


def clock_seconds(view: SessionView) -> float:
    """The seconds the big clock shows: left of a timed step or wait, else time in the step."""
    left = view.remaining_s()
    if left is not None:
        return left
    return float(floor(view.elapsed_s() + 1e-6))


def clock_text(view: SessionView) -> str:
    """The big clock: `1:05` counting down a timed step, up an open one; the workout's
    running time once it is done."""
    if view.state is State.FINISHED:
        return format_clock(floor(view.progress.elapsed_s + 1e-6))
    return format_clock(clock_seconds(view))


def clock_note(view: SessionView, missed_rest_s: float | None) -> str:
    """The line under the clock: what the numbers mean and what the runner can do."""
    state = view.state
    current = view.current
    if state is State.PAUSED:
        return "paused · p to go on"
    if state is State.FINISHED:
        return "workout done · enter for the summary"
    if current is None:
        return ""
    if view.send_off_missed and missed_rest_s is not None:
        return f"slow rep: {missed_rest_s:.0f} s minimum rest"
    if view.waiting:
        if state is State.LEAD_IN:
            return "space to go now"
        return "next round on the clock · space to go now"
    if current.is_work:
        if current.duration_s is not None and view.remaining_s() is not None:
            return f"of {format_span(current.duration_s)} · ends on its own"
        if current.kind is StepKind.EXERCISE:
            return "space when done"
        return "space at the line"
    if view.remaining_s() is not None:
        return "+/- 15 s" if current.kind is StepKind.REST else "counting down · space to end"
    return "space when ready"


def next_line(view: SessionView) -> str:
    """`Next: Rest 60 s · stand`, `Next: finish`."""
    if view.state is State.FINISHED:
        return ""
    upcoming = view.next_step
    return f"Next: {step_line(upcoming)}" if upcoming is not None else "Next: finish"


def split_delta(split: Split) -> float | None:
    """Split minus target (negative: faster); None without a target."""
    if split.target_s is None:
        return None
    return split.split_s - split.target_s


def split_verdict(split: Split) -> str:
    """`faster`, `on` (within ON_TARGET_S over), `slower`, or "" without a target."""
    delta = split_delta(split)
    if delta is None:
        return ""
    if delta < 0:
        return "faster"
    return "on" if delta <= ON_TARGET_S else "slower"


def delta_text(split: Split) -> str:
    """`+0.8`, `-1.2`, or "" without a target."""
    delta = split_delta(split)
    return "" if delta is None else format_delta(delta)


def effort_text(rpe: int | None) -> str:
    """`7 very hard`, `6`, or "" without a rating."""
    if rpe is None:
        return ""
    words = CR10_WORDS.get(rpe, "")
    return f"{rpe} {words}" if words else str(rpe)


def scale_text() -> str:
    """The CR-10 scale as the prompt shows it: the numbers that have words."""
    return " · ".join(f"{n} {CR10_WORDS[n]}" for n in range(1, 11) if CR10_WORDS.get(n))


def steps_left_s(view: SessionView) -> float:
    """An estimate of the time left in the workout: this step's rest of it and the plan's
    expected time of every step after it."""
    current = view.current
    if current is None:
        return 0.0
    steps = view.plan.steps
    later = sum(step.expected_s for step in steps[current.index:])
    left = view.remaining_s()
    # Read to the whole second the big clock shows, so this changes only when the clock does.
    left = None if left is None else float(ceil(left - 1e-9))
    if view.waiting:
        this = (left or 0.0) + current.expected_s
    elif left is not None:
        this = left
    else:
        this = max(0.0, current.expected_s - floor(view.elapsed_s() + 1e-6))
    return this + later


def progress_line(progress: Progress, left_s: float, finished: bool) -> str:
    """`step 5/19 · 12:30 left`; `19/19 · done` at the end."""
    if finished:
        return f"{progress.steps_total}/{progress.steps_total} · done"
    step = min(progress.steps_done + 1, progress.steps_total)
    return f"step {step}/{progress.steps_total} · {format_clock(left_s)} left"
