"""One logged session: its reps, its metrics beside the previous run of the workout, its
session effort and its note, both of which can be given or changed here.

The session is read in a thread worker; the session effort and the note are written in one
too, each the moment it is given (a digit key; enter in the note, or leaving it). Keys:
``1``-``9`` and ``0`` (= 10) session effort, ``n`` note, ``t`` the workout's trend,
``escape`` back. The summary screen after a workout is this screen with other ways out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Input, Label, Static

from intervaltimer.log.review import Review, review_session
from intervaltimer.safetext import display_safe
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.metrics_panel import MetricsPanel
from intervaltimer.ui.widgets.session_effort import SessionEffort
from intervaltimer.ui.widgets.session_reps import SessionRepTable
from intervaltimer.workout.plantext import format_estimate

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

Change = Callable[["Store"], None]
"""A write to the log: the session effort or the note."""


def _effort_bindings() -> list[BindingType]:
    shown = Binding("1", "session_effort(1)", "Session RPE", key_display="1-9 0",
                    id="session.effort")
    hidden = [Binding(str(key), f"session_effort({key})", show=False) for key in range(2, 10)]
    return [shown, *hidden, Binding("0", "session_effort(10)", show=False)]


def day_label(epoch_s: float, reference_s: float | None = None) -> str:
    """``24 Apr``; with the year when it differs from ``reference_s``'s (``24 Apr 2024``)."""
    moment = datetime.fromtimestamp(epoch_s)
    label = f"{moment.day} {moment:%b}"
    if reference_s is not None and datetime.fromtimestamp(reference_s).year != moment.year:
        label += f" {moment.year}"
    return label


def session_line(review: Review) -> str:
    """``Thu 1 May 2025 · 18:30–19:15 (45 min) · 8 reps · completed``."""
    session = review.session
    start = datetime.fromtimestamp(session.started_at)
    when = f"{start:%a} {start.day} {start:%b %Y · %H:%M}"
    if session.ended_at is not None:
        when += f"–{datetime.fromtimestamp(session.ended_at):%H:%M}"
        when += f" ({format_estimate(session.ended_at - session.started_at)})"
    metrics = review.metrics
    reps = f"{len(review.reps)} rep{'' if len(review.reps) == 1 else 's'}"
    planned = metrics.reps_planned or metrics.reps + metrics.skipped
    if metrics.reps < planned:  # cut short, or a rep skipped: say how much of the set was run
        reps += f" · main set {metrics.reps} of {planned} run"
        reps += f" ({metrics.skipped} skipped)" if metrics.skipped else ""
    flagged = (f" · flagged {', '.join(session.conditions)}: moves no rung"
               if session.conditions else "")
    return f"{when} · {reps} · {session.status_words}{flagged}"


class SessionScreen(AppScreen[bool]):
    """A logged session rep by rep, beside the previous one; dismisses with "changed"."""

    CSS_PATH = "session.tcss"

    SUB_TITLE = "session"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="session.back"),
        Binding("n", "note", "Note", id="session.note"),
        Binding("t", "trend", "Trend", id="session.trend"),
        *_effort_bindings(),
    ]

    SHOWS_ADVICE: ClassVar[bool] = False
    """The summary after a run shows the advice for next time; a past session does not."""

    class Loaded(Message, bubble=False):
        """The worker read the session (None: not in the log) or failed with ``error``;
        ``advice`` is the line on next time ("" when not shown)."""

        def __init__(self, review: Review | None, error: str = "", advice: str = "") -> None:
            super().__init__()
            self.review = review
            self.error = error
            self.advice = advice

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.review: Review | None = None
        self.changed = False
        self._saved_note: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("Reading the session…", id="session-info")
        yield Static("", id="advice")
        with Horizontal(id="session-body"):
            yield SessionRepTable(id="reps")
            with VerticalScroll(id="session-side"):
                yield MetricsPanel(id="metrics")
                yield Static("", id="compare-note")
        yield SessionEffort(id="session-effort")
        with Horizontal(id="note-row"):
            yield Label("Note")
            yield Input(placeholder="n: type a note, enter to keep it", id="note",
                        select_on_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start reading the session."""
        self.title = f"Session {self.session_id}"
        self.query_one(SessionRepTable).focus()
        self.reload()

    def reload(self) -> None:
        """Read the session again (in the worker)."""
        self._read()

    @work(thread=True, exclusive=True, group="session")
    def _read(self) -> None:
        store = self.store
        if store is None:
            self.post_message(self.Loaded(None, "no log is open (see intervaltimer --help)"))
            return
        try:
            review = review_session(store, self.session_id)
        except Exception as error:  # a damaged log must never crash the screen
            self.post_message(self.Loaded(None, str(error)))
            return
        advice = ""
        if self.SHOWS_ADVICE and review is not None:
            from intervaltimer.log.coach import advice_for

            try:
                found = advice_for(store, review.session.workout)
                advice = f"Next time: {found.sentence}"
                if found.verdict.sentence:
                    advice += f"\nVerdict: {found.verdict.sentence}"
            except Exception as error:  # the advice is a suggestion: never a crash
                advice = f"No advice for next time: {error}"
        self.post_message(self.Loaded(review, advice=advice))

    def status_title(self, status: str) -> str:
        """The header's subtitle for a session of this status."""
        return self.SUB_TITLE if status == "completed" else f"{self.SUB_TITLE} · {status}"

    def on_session_screen_loaded(self, message: Loaded) -> None:
        """Show what the worker read."""
        info = self.query_one("#session-info", Static)
        review = message.review
        if review is None:
            info.update(message.error or f"No session {self.session_id} in the log.")
            return
        self.review = review
        self.title = review.session.workout
        self.sub_title = self.status_title(review.session.status_words)
        info.update(session_line(review))
        self.query_one(SessionRepTable).show_reps(review.reps)
        previous = review.previous
        label = None if previous is None else day_label(previous.started_at,
                                                        review.session.started_at)
        comparison = review.comparison
        self.query_one(MetricsPanel).show(comparison, label)
        notes = [line for line in (review.left_out, comparison.note) if line]
        self.query_one("#compare-note", Static).update("\n".join(notes))
        advice = self.query_one("#advice", Static)
        advice.update(message.advice)
        advice.display = bool(message.advice)
        metrics = review.metrics
        minutes = None if metrics.duration_s is None else metrics.duration_s / 60
        self.query_one(SessionEffort).show(review.session.session_rpe, metrics.load, minutes)
        note = self.query_one("#note", Input)
        # Shown display-safe: a note with escapes is stored escaped only if it is edited.
        shown_note = display_safe(review.session.note or "")
        if not note.has_focus:
            note.value = shown_note
        self._saved_note = shown_note

    # -- session effort ------------------------------------------------------------------------

    def action_session_effort(self, rpe: int) -> None:
        """Store how hard the whole session was (CR-10), at once."""
        if self.review is None:
            return
        self._write(lambda store: store.set_session_rpe(self.session_id, rpe))

    @work(thread=True, group="session-write")
    def _write(self, change: Change) -> None:
        """Make a change to the log (in a thread), then read the session again."""
        problem = self._apply(change)
        if problem:
            self.app.call_from_thread(self.notify, problem, severity="error")
        else:
            self.app.call_from_thread(self.reload)

    def _apply(self, change: Change) -> str:
        """Make ``change`` to the log; "" when done, else what went wrong (never raised)."""
        store = self.store
        if store is None:
            return "Not saved: no log is open"
        try:
            change(store)
        except Exception as error:  # a locked or read-only log: say so, keep the screen
            return f"Not saved: {error}"
        self.changed = True
        return ""

    # -- conditions ----------------------------------------------------------------------------

    def action_condition(self, condition: str) -> None:
        """Flag the session as run in ``condition`` (heat, cold, ...), or unflag it."""
        if self.review is None:
            return
        now = list(self.review.session.conditions)
        flags = [c for c in now if c != condition] if condition in now else [*now, condition]
        self._write(lambda store: store.set_conditions(self.session_id, flags))

    # -- the note --------------------------------------------------------------------------------

    def action_note(self) -> None:
        """Type a note on the session."""
        self.query_one("#note", Input).focus()

    def _save_note(self, wait: bool = False) -> None:
        """Store the note if it changed: in the worker, or right here with ``wait``."""
        text = self.query_one("#note", Input).value.strip()
        if self.review is None or text == (self._saved_note or ""):
            return
        self._saved_note = text

        def change(store: Store) -> None:
            store.set_note(self.session_id, text)

        if not wait:
            self._write(change)
        elif problem := self._apply(change):
            self.notify(problem, severity="error")

    @on(Input.Submitted, "#note")
    def _note_submitted(self) -> None:
        self._save_note()
        self.query_one(SessionRepTable).focus()

    @on(Input.Blurred, "#note")
    def _note_left(self) -> None:
        self._save_note()

    # -- leaving ----------------------------------------------------------------------------------

    def action_trend(self) -> None:
        """The trend of this session's workout."""
        if self.review is None:
            return
        from intervaltimer.ui.screens.trend import TrendScreen

        self.app.push_screen(TrendScreen(self.review.session.workout))

    def action_back(self) -> None:
        """Out of the note, else back to where the session was opened from."""
        if self.query_one("#note", Input).has_focus:
            self.query_one(SessionRepTable).focus()
            return
        self.leave()

    def leave(self) -> None:
        """Close the screen, saying whether the session effort or note changed."""
        self._save_note(wait=True)
        self.dismiss(self.changed)
