"""What the phone page shows, as JSON: the run screen's words and numbers, from the runner.

The page draws only what it is sent: the phase, the step, the clock as the
terminal shows it, the last split and its difference from target, whether
effort is asked for, and what the long-press buttons can do now. The same
pure functions as the run screen's (track/runtext.py) make the words, so the
phone and the laptop never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervaltimer.engine.events import Phase, Split, State
from intervaltimer.track.runtext import (
    ASKING_PHASES,
    clock_text,
    current_line,
    delta_text,
    effort_text,
    next_line,
    phase_word,
    progress_line,
    split_verdict,
    steps_left_s,
)
from intervaltimer.workout.units import format_split

if TYPE_CHECKING:
    from intervaltimer.track.runner import Runner


def ready_state(title: str, summary: str = "") -> dict[str, Any]:
    """Before the run: the workout's name, and the start button."""
    return {
        "started": False, "title": title, "state": State.READY.value,
        "phase": Phase.READY.value, "word": "READY", "step": summary, "clock": "",
        "next": "", "progress": "", "last": None, "ask_effort": False, "can_undo": False,
        "can_pause": False, "can_skip": False, "finished": False, "status": None,
        "closed": False,
    }


def split_state(split: Split) -> dict[str, Any]:
    """One split as the page shows it: `Rep 3/8 · 400 m`, `1:23.9`, `-0.6`, `faster`, effort."""
    return {
        "step": split.step_index,
        "label": split.label,
        "split": format_split(split.split_s),
        "delta": delta_text(split),
        "verdict": split_verdict(split),
        "rpe": split.rpe,
        "effort": effort_text(split.rpe),
    }


def page_state(runner: Runner, title: str) -> dict[str, Any]:
    """The run as the page shows it now."""
    view = runner.session
    state = view.state
    finished = state is State.FINISHED
    last = view.last_split
    step = current_line(view)
    if finished:
        count = len(view.splits)
        step = f"{count} rep{'s' if count != 1 else ''} in {clock_text(view)}"
    return {
        "started": True,
        "title": title,
        "state": state.value,
        "phase": view.phase.value,
        "word": phase_word(view),
        "step": step,
        "clock": clock_text(view),
        "next": next_line(view),
        "progress": progress_line(view.progress, steps_left_s(view), finished),
        "last": split_state(last) if last is not None else None,
        "ask_effort": last is not None and view.phase in ASKING_PHASES,
        "can_undo": view.can_undo,
        "can_pause": not finished and state in (State.RUNNING, State.PAUSED, State.LEAD_IN),
        "can_skip": not finished and view.current is not None,
        "finished": finished,
        "status": runner.status,
        "closed": False,  # the server says when it closes
    }
