"""What the phone page shows: a typed structure built from the run screen's own readout.

`page_state(runner, title)` renders the track layer's `Readout` (the one the
run screen and the voice render too) into a `PageState`; its `as_json()` is
what the page is sent. Nothing here decides anything the readout has not
decided: the words, the target, the pacer's next checkpoint, LAST REP and its
note, whether an effort is asked and for which rep, and what each button can
do now all come from it, so the phone and the laptop never disagree.

Every text field is display-safe (`safetext.display_safe`): a bidi override or
a control character in a workout's label or note reaches the page as a visible
escape (`\\u202e`), as on the terminal.

The JSON (documented in the README's phone page section):

    {"started": true, "title": "8 x 400 m at mile pace", "state": "running",
     "phase": "work", "word": "LAST REP", "step": "Rep 8/8 · 400 m @ mile",
     "target": "target 1:24.5", "pacer": "200 m · due 0:42.3",
     "note": "LAST ONE: drive the arms", "clock": "0:31", "next": "Next: Rest 60 s",
     "progress": "step 16/17 · 1:55 left", "last": {...} | null, "last_rep": true,
     "paused": false, "ask_effort": false, "effort_step": null, "lap": "lap",
     "can_lap": true, "can_undo": false, "can_pause": true, "can_skip": true,
     "finished": false, "status": null, "toast": "", "closed": false}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from intervaltimer.engine.events import Phase, Split, State
from intervaltimer.safetext import display_safe
from intervaltimer.track.readout import PART
from intervaltimer.track.runtext import delta_text, effort_text, split_verdict
from intervaltimer.workout.units import format_split

if TYPE_CHECKING:
    from intervaltimer.track.runner import Runner


@dataclass(frozen=True)
class SplitState:
    """One split as the page shows it: `Rep 3/8 · 400 m`, `1:23.9`, `-0.6`, `faster`,
    its effort."""

    step: int
    label: str
    split: str
    delta: str
    verdict: str
    rpe: int | None
    effort: str


@dataclass(frozen=True)
class PageState:
    """Everything the phone page shows now, and what its buttons can do.

    `lap`: what the big button does (`start`, `lap`, `go`, `rest`: a timed rest,
    where a tap only says how long is left; `summary`/"" once over); `can_lap`
    whether it is enabled. `ask_effort`: the effort buttons show, for the rep at
    plan step `effort_step`. `closed`: the server is closing the page.
    """

    started: bool
    title: str
    state: str
    phase: str
    word: str
    step: str
    target: str
    pacer: str
    note: str
    clock: str
    next: str
    progress: str
    last: SplitState | None
    last_rep: bool
    paused: bool
    ask_effort: bool
    effort_step: int | None
    lap: str
    can_lap: bool
    can_undo: bool
    can_pause: bool
    can_skip: bool
    finished: bool
    status: str | None
    toast: str = ""
    closed: bool = False

    def as_json(self) -> dict[str, Any]:
        """The JSON object the page is sent (the server adds its version `v`)."""
        return asdict(self)


def _safe(text: str) -> str:
    return display_safe(text)


def ready_state(title: str, summary: str = "") -> dict[str, Any]:
    """Before the run: the workout's name, and the start button."""
    return PageState(
        started=False, title=_safe(title), state=State.READY.value, phase=Phase.READY.value,
        word="READY", step=_safe(summary), target="", pacer="", note="", clock="", next="",
        progress="", last=None, last_rep=False, paused=False, ask_effort=False,
        effort_step=None, lap="start", can_lap=True, can_undo=False, can_pause=False,
        can_skip=False, finished=False, status=None).as_json()


def split_state(split: Split) -> SplitState:
    """One split as the page shows it."""
    return SplitState(step=split.step_index, label=_safe(split.label),
                      split=format_split(split.split_s), delta=delta_text(split),
                      verdict=split_verdict(split), rpe=split.rpe,
                      effort=effort_text(split.rpe))


def without_target(line: str, target: str) -> str:
    """The step line with its target taken off (the page gives the target its own line)."""
    if target and line.endswith(f"{PART}{target}"):
        return line[:-len(f"{PART}{target}")]
    return line


def page_state(runner: Runner, title: str) -> dict[str, Any]:
    """The run as the page shows it now: the runner's readout, rendered for the phone."""
    readout = runner.readout()
    can = readout.can
    last = readout.last_split
    return PageState(
        started=True,
        title=_safe(title),
        state=runner.session.state.value,
        phase=readout.phase.value,
        word=_safe(readout.phase_word),
        step=_safe(without_target(readout.step[0], readout.target)),
        target=_safe(readout.target),
        pacer=_safe(readout.pacer),
        note=_safe(readout.note),
        clock=readout.clock,
        next=_safe(readout.next[0]),
        progress=readout.progress[0],
        last=split_state(last) if last is not None else None,
        last_rep=readout.last_rep,
        paused=readout.paused,
        # The last rep's effort is still asked at the end, as on the laptop, until the
        # page is closed (the server says so with `closed`).
        ask_effort=can.effort_step is not None,
        effort_step=can.effort_step,
        lap=can.lap,
        can_lap=can.lap in ("lap", "go", "rest"),
        can_undo=can.undo,
        can_pause=can.pause,
        can_skip=can.skip,
        finished=readout.finished,
        status=runner.status,
        toast=_safe(readout.toast),
    ).as_json()
