"""The run screen's words and numbers, from the engine's view: pure functions, no Textual.

One place decides what the big clock shows (counting down a timed step, up
an open one), what the step line says, how a split compares with its target,
and the CR-10 words of the effort prompt.
"""

from __future__ import annotations

from dataclasses import replace
from math import ceil, floor

from intervaltimer.coach.sessions import CR10_WORDS, effort_words
from intervaltimer.engine.events import Phase, Progress, Split, State
from intervaltimer.engine.view import SessionView
from intervaltimer.workout.labels import format_span, send_off_text
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.plan import PlannedStep, end_times
from intervaltimer.workout.units import format_clock, format_delta, format_time

ON_TARGET_S = 0.5  # a split this close over its target still counts as on target
ESTIMATE_MARK = "~"
# Effort is asked for in these phases (the rest after a rep, the lead-in after an open rest,
# the end); during a rep the question is quiet. The run screen and the phone page both ask so.
ASKING_PHASES = (Phase.REST, Phase.LEAD_IN, Phase.FINISHED)

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
    """`RUN`, `REST`, `GET READY`, `DONE`...; a plain `PAUSED` while paused."""
    phase = view.phase
    word = PHASE_WORDS[phase]
    current = view.current
    if phase is Phase.WORK and current is not None and current.kind is StepKind.EXERCISE:
        word = "EXERCISE"
    if view.state is State.PAUSED:
        return "PAUSED"  # the colour and the step line still say what was paused
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
        if current.kind is StepKind.REST:
            return "+/- 15 s · s ends it"
        return "counting down · space to end"
    if current.distance_m is not None:
        return "space at the line"  # a 400 m jog ends where it started, at the line
    return "space when ready"


def in_send_off_wait(view: SessionView) -> bool:
    """The engine's rest between two rounds of an `every:` repeat that has no rest step."""
    return view.waiting and view.phase is Phase.REST


def rest_change_s(view: SessionView) -> float:
    """How much `+`/`-` changed the rest on the clock, in whole seconds (0: as planned)."""
    current = view.current
    left = view.remaining_s()
    if (current is None or current.kind is not StepKind.REST or current.duration_s is None
            or current.round_s is not None or view.waiting or left is None):
        return 0.0
    return float(round(view.elapsed_s() + left - current.duration_s))


def current_line(view: SessionView) -> str:
    """The step line of what is on the clock: the step, or during the rest the engine adds
    between send-off rounds, `Rest until 2:30` (the rep comes next). A rest lengthened
    with `+` says its new length: `Rest 75 s (+15 s) · stand`."""
    current = view.current
    if current is not None and current.round_s is not None and in_send_off_wait(view):
        return f"Rest {send_off_text(current.round_s)}"
    change = rest_change_s(view)
    if current is not None and current.duration_s is not None and change:
        planned = format_span(current.duration_s)
        now = f"{format_span(current.duration_s + change)} ({change:+g} s)"
        if planned in current.label:
            return step_line(replace(current, label=current.label.replace(planned, now, 1)))
        return f"{step_line(current)} · now {now}"
    return step_line(current)


def step_note(view: SessionView) -> str:
    """The workout's note for the step on the clock (`walk back, tap space at the line`);
    "" for none, and during the rest the engine adds between send-off rounds."""
    current = view.current
    if current is None or in_send_off_wait(view):
        return ""
    return current.note or ""


def next_line(view: SessionView) -> str:
    """`Next: Rest 60 s · stand`, `Next: finish` (the run screen's full line is
    `track.readout.next_variants`, which also says LAST REP)."""
    if view.state is State.FINISHED:
        return ""
    upcoming = view.current if in_send_off_wait(view) else view.next_step
    return f"Next: {step_line(upcoming)}" if upcoming is not None else "Next: finish"


def split_delta(split: Split) -> float | None:
    """Split minus target (negative: faster); None without a target."""
    if split.target_s is None or split.split_s is None:
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


effort_text = effort_words
"""`7 very hard`, `6`, or "" without a rating: the log's own effort words, one function."""


def delta_text(split: Split) -> str:
    """`+0.8`, `-1.2`, or "" without a target."""
    delta = split_delta(split)
    return "" if delta is None else format_delta(delta)


SCALE_LINE_BREAK = 5  # the scale's second line starts at this number


def scale_text(lines: int = 1) -> str:
    """The CR-10 scale as the prompt shows it: the numbers that have words.

    With `lines=2` it breaks before 5, between two numbers (never inside
    "7 very hard"), into lines of at most 57 characters; the second line
    starts with the separator, so it reads on from the first.
    """
    words = [(n, f"{n} {CR10_WORDS[n]}") for n in range(1, 11) if CR10_WORDS.get(n)]
    if lines < 2:
        return " · ".join(text for _, text in words)
    first = " · ".join(text for n, text in words if n < SCALE_LINE_BREAK)
    second = " · ".join(text for n, text in words if n >= SCALE_LINE_BREAK)
    return f"{first}\n· {second}"


def step_slots(steps: tuple[PlannedStep, ...]) -> tuple[float, ...]:
    """The time each step is expected to take on the clock, send-off waits included.

    A step's slot is its `expected_s`, and for the last step of a send-off
    round also what is left of the round after it (see `end_times`): in an
    `every: 2:30` round of one 400 m rep the rep's slot is the whole 2:30.
    """
    cached = _SLOTS.get(id(steps))
    if cached is not None and cached[0] is steps:
        return cached[1]
    ends = end_times(steps)
    slots = tuple(end - start for start, end in zip((0.0, *ends), ends, strict=False))
    _SLOTS.clear()
    _SLOTS[id(steps)] = (steps, slots)
    return slots


_SLOTS: dict[int, tuple[tuple[PlannedStep, ...], tuple[float, ...]]] = {}


def steps_left_s(view: SessionView) -> float:
    """An estimate of the time left in the workout: the rest of this step (with the send-off
    wait that follows it, if any) and the expected time of every step after it."""
    current = view.current
    if current is None:
        return 0.0
    slots = step_slots(view.plan.steps)
    pos = current.index - 1
    later = sum(slots[pos + 1:])
    slot = slots[pos]
    left = view.remaining_s()
    # Read to the whole second the big clock shows, so this changes only when the clock does.
    left = None if left is None else float(ceil(left - 1e-9))
    if view.waiting:
        this = (left or 0.0) + slot
    elif left is not None:
        this = left + max(0.0, slot - current.expected_s)
    else:
        this = max(0.0, slot - floor(view.elapsed_s() + 1e-6))
    return this + later


def progress_line(progress: Progress, left_s: float, finished: bool) -> str:
    """`step 5/19 · 12:30 left`; `19/19 · done` at the end."""
    if finished:
        return f"{progress.steps_total}/{progress.steps_total} · done"
    step = min(progress.steps_done + 1, progress.steps_total)
    return f"step {step}/{progress.steps_total} · {format_clock(left_s)} left"


def short_sound(status: str) -> str:
    """The player's status in a word or two, for the compact layout's top line:
    `sound on`, `muted`, `bell`, `no sound`."""
    short = status.split(" (")[0]
    return SHORT_SOUND.get(short, short)


SHORT_SOUND: dict[str, str] = {
    "sound: on": "sound on",
    "sound: muted": "muted",
    "sound: terminal bell": "bell",
    "sound: off": "no sound",
}
