"""What the run's keys may do now, and what the quit question says: no Textual here.

The run screen greys out the keys that do nothing at the moment (`key_state`)
and redraws its footer only when that changes (`keys_signature`); the phone
page's buttons follow the same readout (`Readout.can`). `quit_question` is
the question asked before a run is left, in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.track.readout import Readout
from intervaltimer.track.runner import Runner, left_out_words

GONE_WHEN_FINISHED = ("pause", "skip", "undo", "rest")  # hidden once done: room for the summary


def key_state(readout: Readout | None, action: str) -> bool | None:
    """Whether the key of `action` (`lap`, `undo`, `rest`...) applies now: True, None when
    it is listed but greyed out (nothing to undo yet), False when it is not listed."""
    if readout is None:
        return True
    can = readout.can
    if action == "summary":
        return readout.finished
    if readout.finished and action in GONE_WHEN_FINISHED:
        return False
    if action == "undo":
        return True if can.undo else None
    if action == "rest":
        return True if can.extend else None
    if action == "effort":
        return True if can.rate else None
    return True


def keys_signature(readout: Readout | None) -> tuple[object, ...]:
    """What `key_state` depends on: the footer is redrawn only when this changes."""
    if readout is None:
        return ()
    return readout.phase, readout.paused, readout.can


@dataclass(frozen=True)
class QuitQuestion:
    """The question before leaving a run: its detail line, and whether ending is finishing
    (after the main set's last rep, so `f` finishes as `y` does)."""

    detail: str
    finish_here: bool


def quit_question(runner: Runner) -> QuitQuestion:
    """What quitting `runner`'s run now would keep: finished (main set done), abandoned
    (offered for resuming next time), completed, or nothing when the run is not logged."""
    reps = len(runner.session.splits)
    so_far = f"the {reps} rep{'s' if reps != 1 else ''} run so far"
    finish_here = runner.main_set_over()
    if finish_here:
        left = left_out_words(runner.steps_left())
        detail = f"Main set done: the session is kept as finished. Not run: {left}."
    elif runner.work_left():
        detail = (f"The session is kept as abandoned, with {so_far}; the next run of "
                  "this workout offers to resume it.")
    else:
        detail = f"The session is kept as completed, with {so_far}."
    if not runner.log.logging:
        detail = "This run is not being logged."
    return QuitQuestion(detail, finish_here)
