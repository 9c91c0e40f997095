"""What the runner can do now, worked out once for every face of the run.

The run screen greys its keys out by it, the phone page enables its buttons by
it, and the `s` key asks its question from it: `actions(session, ...)` gives
one `Actions` value, so the laptop and the phone never disagree on what a key
or a button would do. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.engine.events import Phase, State
from intervaltimer.engine.session import LapRefusal, Session
from intervaltimer.workout.model import StepKind
from intervaltimer.workout.units import format_clock

SKIP_ASKS_REST_S = 10.0  # `s` asks first before it cuts more than this off a rest
REST_TOAST = "rest {left} left · s skips it"
DOUBLE_TAP_TOAST = "double tap ignored: a lap came under 3 s ago"
START_TOAST = "tap ignored: the step has just begun"


@dataclass(frozen=True)
class Actions:
    """What each key (and the phone's button of the same name) does now.

    `lap`: `lap` (ends the step), `go` (starts the rep now, in a lead-in or a
    send-off wait), `rest` (a timed rest: a lap only says how long is left),
    `summary` (the run is over), or "" (nothing to lap: not started).
    `skip_asks`: the question `s` asks first ("" when it skips at once),
    because it would drop a rep or cut a rest by more than SKIP_ASKS_REST_S.
    `effort_step`: the plan step of the rep whose effort is asked now (the
    laptop's prompt and the phone's effort buttons), None when none is asked.
    """

    lap: str
    undo: bool
    skip: bool
    skip_asks: str
    pause: bool
    extend: bool
    rate: bool
    effort_step: int | None


def lap_word(session: Session) -> str:
    """What the lap key does now (see `Actions.lap`)."""
    state = session.state
    if state is State.READY:
        return ""
    if state is State.FINISHED:
        return "summary"
    if session.waiting:
        return "go"
    current = session.current
    if (current is not None and current.kind is StepKind.REST
            and session.remaining_s() is not None):
        return "rest"
    return "lap"


def can_extend(session: Session) -> bool:
    """`+`/`-` move the end of what is on the clock: a rest, a lead-in, a wait, a timed
    warm-up."""
    current = session.current
    if current is None or session.remaining_s() is None:
        return False
    return session.waiting or not current.is_work


def skip_question(session: Session) -> str:
    """The question `s` asks before it drops a rep or cuts a rest by more than
    SKIP_ASKS_REST_S; "" when it skips at once."""
    current = session.current
    if current is None or session.state is State.FINISHED:
        return ""
    if current.is_work:
        rep = current.label.split(" · ")[0]
        when = "about to start" if session.waiting else "on the clock"
        return f"Skip {rep} ({when})? It counts as not run."
    left = session.remaining_s()
    if session.phase is Phase.REST and left is not None and left > SKIP_ASKS_REST_S:
        return f"Cut the rest short? {format_clock(left)} of it is left."
    return ""


def actions(session: Session, effort_step: int | None) -> Actions:
    """What can be done now in `session`; `effort_step` as the readout decided it."""
    state = session.state
    running = state not in (State.READY, State.FINISHED)
    return Actions(
        lap=lap_word(session),
        undo=session.can_undo,
        skip=running and session.current is not None,
        skip_asks=skip_question(session) if running else "",
        pause=running,
        extend=running and can_extend(session),
        rate=session.last_split is not None and not session.last_split.skipped,
        effort_step=effort_step,
    )


def refusal_toast(session: Session, refusal: LapRefusal | None) -> str:
    """What the faces say for a lap that was not taken ("" for one that was)."""
    if refusal is LapRefusal.TIMED_REST:
        left = session.remaining_s() or 0.0
        return REST_TOAST.format(left=format_clock(left))
    if refusal is LapRefusal.DOUBLE_TAP:
        return DOUBLE_TAP_TOAST
    if refusal is LapRefusal.JUST_STARTED:
        return START_TOAST
    return ""
