"""What the run screen shows, as one value: every word and number, from the engine's view.

`read_out(...)` builds a `Readout`; the run screen keeps the latest one in a
reactive and redraws only the parts that changed, so two readouts that are
equal look the same. A line of text comes as its variants, longest first
(`Rep 3/8 · 400 m @ mile · target 1:24.5`, `Rep 3/8 · target 1:24.5`,
`Rep 3/8`): the screen shows the longest that fits its width and never part
of one. The big numbers under the clock are `Card`s, most wanted first: a
small screen drops them from the end. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.engine.events import Phase, Split, State
from intervaltimer.engine.session import Session
from intervaltimer.engine.view import SessionView
from intervaltimer.track.actions import Actions, actions
from intervaltimer.track.phrases import is_last_rep  # one rule for the screen and the voice
from intervaltimer.track.runtext import (
    ASKING_PHASES,
    ESTIMATE_MARK,
    clock_note,
    clock_text,
    current_line,
    delta_text,
    in_send_off_wait,
    phase_word,
    progress_line,
    split_verdict,
    step_note,
    steps_left_s,
    target_words,
)
from intervaltimer.workout.plan import PlannedStep
from intervaltimer.workout.units import format_distance, format_time

LAST_REP = "LAST REP"
PART = " · "
VERDICT_LABELS: dict[str, str] = {"faster": "faster", "on": "on target", "slower": "slower"}


@dataclass(frozen=True)
class Card:
    """One big number under the clock: what it is (`target`, `pacer`, `last`, `delta`,
    `next`), the small words over it (`last · Rep 2/8`), the number (`1:27.0`), and its
    tone for colour: `faster`, `on`, `slower`, or ""."""

    kind: str
    label: str
    value: str
    tone: str = ""


@dataclass(frozen=True)
class Readout:
    """Everything the run screen shows now. Lines are tuples of variants, longest first.

    `last_rep`: the rep on the clock (or about to start) is the last of its
    repeat. `effort_split`: the rep the effort prompt is about (None: no
    prompt); `asking`: the prompt asks now (a rest, a lead-in, the end)
    rather than standing quiet during a rep. `steps`: (done, total) for the bar.
    """

    phase: Phase
    paused: bool
    finished: bool
    phase_word: str
    last_rep: bool
    step: tuple[str, ...]
    note: str
    clock: str
    clock_note: tuple[str, ...]
    cards: tuple[Card, ...]
    next: tuple[str, ...]
    last_split: Split | None
    effort_split: Split | None
    asking: bool
    steps: tuple[int, int]
    progress: tuple[str, ...]
    target: str = ""
    pacer: str = ""
    toast: str = ""
    can: Actions = Actions("", False, False, "", False, False, False, None)

    @property
    def effort_asked(self) -> bool:
        """The effort of `effort_split` is asked now (not only open to a key)."""
        return self.can.effort_step is not None


def read_out(session: Session, *, missed_rest_s: float | None = None,
             toast: str = "", ask_unpaced: bool = False) -> Readout:
    """The readout of `session` now. `ask_unpaced`: ask the effort of reps without a target
    too (strides and the like are not asked about by default). `toast`: what the runner
    says about a lap it just refused (see `Runner.toast`)."""
    view = session.view
    state = view.state
    finished = state is State.FINISHED
    phase = view.phase
    current = view.current
    last_rep = current is not None and is_last_rep(current) and not in_send_off_wait(view)
    last = view.last_split
    progress = view.progress
    effort = last if last is not None and asks_effort(last, ask_unpaced) else None
    asking = phase in ASKING_PHASES
    running = view.state is State.RUNNING
    return Readout(
        phase=phase,
        paused=state is State.PAUSED,
        finished=finished,
        phase_word=_phase_word(view, last_rep),
        last_rep=last_rep,
        step=_finished_line(view) if finished else step_variants(view),
        note=step_note(view),
        clock=clock_text(view),
        clock_note=note_variants(view, missed_rest_s, toast),
        cards=cards(view),
        next=next_variants(view),
        last_split=last,
        effort_split=effort,
        asking=asking,
        steps=(progress.steps_done, progress.steps_total),
        progress=progress_variants(progress_line(progress, steps_left_s(view), finished)),
        target=_rep_target(view),
        pacer=pacer_words(view) if running else "",
        toast=toast,
        can=actions(session, effort.step_index if effort is not None and asking else None),
    )


def _rep_target(view: SessionView) -> str:
    """The target of the rep on the clock, or counted down to in its lead-in."""
    current = view.current
    if current is None or not current.is_work:
        return ""
    return target_words(current)


def asks_effort(split: Split, ask_unpaced: bool = False) -> bool:
    """The effort prompt asks about this rep: one run to a target (a stride, run by feel,
    is not asked about unless the runner's profile says so); never a rep skipped."""
    return not split.skipped and (split.target_s is not None or ask_unpaced)


def _phase_word(view: SessionView, last_rep: bool) -> str:
    """`RUN`, `REST`...; during the last rep `LAST REP` (its lead-in: `GET READY · LAST REP`)."""
    word = phase_word(view)
    if not last_rep or view.state is State.PAUSED:
        return word
    if view.phase is Phase.WORK:
        return word.replace("RUN", LAST_REP).replace("EXERCISE", LAST_REP)
    return f"{word}{PART}{LAST_REP}"


def _finished_line(view: SessionView) -> tuple[str, ...]:
    count = len(view.splits)
    return (f"{count} rep{'s' if count != 1 else ''} in {clock_text(view)}",)


def label_variants(line: str) -> tuple[str, ...]:
    """A step line and its shorter forms, dropping whole parts: first those in the middle,
    then from the end: `Rep 3/8 · 400 m @ mile · target 1:24.5` → `Rep 3/8 · target
    1:24.5` → `Rep 3/8 · 400 m @ mile` → `Rep 3/8`."""
    parts = line.split(PART)
    last = len(parts) - 1
    forms = [parts[:keep] + parts[last:] for keep in range(last, 0, -1)]
    forms += [parts[:keep] for keep in range(last + 1, 0, -1)]
    return tuple(dict.fromkeys(PART.join(form) for form in forms))


def step_variants(view: SessionView) -> tuple[str, ...]:
    """The step line on the clock, with its shorter forms (see `label_variants`)."""
    line = current_line(view)
    return label_variants(line) if line else ("",)


def next_variants(view: SessionView) -> tuple[str, ...]:
    """`Next: Rep 3/8 · 400 m @ mile · target 1:24.5` and its shorter forms; `Next: finish`."""
    if view.state is State.FINISHED:
        return ("",)
    upcoming = view.current if in_send_off_wait(view) else view.next_step
    if upcoming is None:
        return ("Next: finish",)
    words = upcoming.label
    target = target_words(upcoming)
    line = f"{words}{PART}{target}" if target else words
    if is_last_rep(upcoming):
        line = f"{LAST_REP}{PART}{line}"
    return tuple(f"Next: {text}" for text in label_variants(line))


def next_checkpoint(view: SessionView) -> tuple[float, float] | None:
    """(distance_m, due_s) of the next pacer checkpoint of the rep on the clock, the finish
    (its distance and target) after the last one; None without a pacer or outside a rep."""
    current = view.current
    if current is None or view.waiting or view.phase is not Phase.WORK:
        return None
    points = current.checkpoints()
    if not points or current.distance_m is None or current.target_s is None:
        return None
    elapsed = view.elapsed_s()
    for distance_m, due_s in points:
        if due_s > elapsed + 1e-6:
            return distance_m, due_s
    return current.distance_m, current.target_s


def due_text(seconds: float) -> str:
    """A time on the rep's clock, as the clock shows it: `0:44.9`, `1:07.4`."""
    text = format_time(seconds)
    return text if ":" in text else f"0:{text.zfill(4)}"


def pacer_words(view: SessionView) -> str:
    """`200 m · due 0:44.9`: where the runner should be and when, or ""."""
    point = next_checkpoint(view)
    if point is None:
        return ""
    distance_m, due_s = point
    return f"{format_distance(distance_m)} · due {due_text(due_s)}"


def note_variants(view: SessionView, missed_rest_s: float | None,
                  toast: str = "") -> tuple[str, ...]:
    """The line under the clock: a lap just refused (`toast`), else the pacer's next
    checkpoint in a paced rep (shown as well as beeped, so it works muted), else what the
    numbers mean; shorter forms after."""
    if toast and view.state is not State.FINISHED:
        return (toast, toast.split(":")[0].split(PART)[0])
    note = clock_note(view, missed_rest_s)
    pacer = pacer_words(view) if view.state is State.RUNNING else ""
    if pacer:
        return (f"{pacer}{PART}{note}", pacer) if note else (pacer,)
    return (note,)


def cards(view: SessionView) -> tuple[Card, ...]:
    """The big numbers under the clock, most wanted first.

    In a rep: its target, then the pacer's next checkpoint. In a rest or a
    lead-in: the last split and its difference from target (with its tone),
    then the target of the rep to come.
    """
    phase = view.phase
    current = view.current
    if current is None:
        return ()
    out: list[Card] = []
    if phase is Phase.WORK and not view.waiting:
        if current.target_s is not None:
            out.append(Card("target", _target_label("target", current),
                            format_time(current.target_s)))
        point = next_checkpoint(view)
        if point is not None and current.pacer_m:
            distance_m, due_s = point
            out.append(Card("pacer", f"{format_distance(distance_m)} due", due_text(due_s)))
        return tuple(out)
    if phase not in (Phase.REST, Phase.LEAD_IN):
        return ()
    last = view.last_split
    if last is not None and last.split_s is not None:  # a rep skipped has no split to show
        rep = last.label.split(PART)[0]
        out.append(Card("last", f"last{PART}{rep}", format_time(last.split_s)))
        delta = delta_text(last)
        if delta:
            verdict = split_verdict(last)
            out.append(Card("delta", VERDICT_LABELS[verdict], delta, verdict))
    upcoming = current if view.waiting or current.is_work else view.next_step
    if upcoming is not None and upcoming.is_work and upcoming.target_s is not None:
        name = LAST_REP if is_last_rep(upcoming) else upcoming.label.split(PART)[0]
        out.append(Card("next", _target_label(f"next{PART}{name}", upcoming),
                        format_time(upcoming.target_s)))
    return tuple(out)


def _target_label(words: str, step: PlannedStep) -> str:
    """The words over a target, marked when the pace is an estimate (`~` has no big digit)."""
    return f"{words} {ESTIMATE_MARK}est." if step.pace_estimate else words


def progress_variants(line: str) -> tuple[str, ...]:
    """`step 5/19 · 12:30 left` → `5/19 · 12:30 left` → `12:30 left`."""
    short = line.removeprefix("step ")
    parts = short.split(PART)
    return tuple(dict.fromkeys((line, short, parts[-1])))
