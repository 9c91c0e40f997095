"""The history: every logged session newest first, filtered by workout, each one openable.

``h`` opens it from any screen (an app-wide binding; a screen that must not be left that way,
like a workout being run, sets ``ALLOWS_HISTORY = False``). The log is read in a thread
worker: the first page of rows is shown as soon as it is read, the rest is read right after
and added a page at a time as the cursor comes near the end, so 5,000 sessions cost no more
to open than 50. Keys: ``enter`` open the session, ``t`` the trend of its workout (or of the
workout filtered), ``w`` choose the workout, ``escape`` back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Static

from intervaltimer.log.records import SessionStatus, SessionSummary
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.session_table import (
    STATUS_MARKS,
    SessionTable,
    short_name,
)

if TYPE_CHECKING:
    from textual.app import App

PAGE = 100
"""Rows read first, and added each time the cursor nears the end."""
NEAR_END = 20
"""How close to the last row the cursor comes before the next page is added."""
ALL = ""
"""The filter's value for every workout."""


def is_empty_try(row: SessionSummary) -> bool:
    """An abandoned session without a rep: started and quit, nothing to review."""
    return row.status == SessionStatus.ABANDONED and row.reps == 0


def history_allowed(screen: Screen[object]) -> bool:
    """Whether ``h`` may open the history over ``screen``: not over itself, nor while a screen
    that sets ``ALLOWS_HISTORY = False`` (a run) is anywhere in the stack (say, under a dialog)."""
    if isinstance(screen, HistoryScreen):
        return False
    focused = screen.focused if screen.is_attached else None
    if focused is not None and focused.check_consume_key("h", "h"):
        return False  # a text field has the focus: h is a letter there
    stack = [screen, *screen.app.screen_stack] if screen.is_attached else [screen]
    return all(getattr(shown, "ALLOWS_HISTORY", True) for shown in stack)


def open_history(app: App[None], workout: str | None = None) -> None:
    """Push the history (of ``workout``, else of every workout) unless the screen forbids it."""
    if history_allowed(app.screen):
        app.push_screen(HistoryScreen(workout=workout))


class HistoryScreen(AppScreen[None]):
    """Logged sessions newest first, filtered by workout."""

    CSS_PATH = "history.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "trend", "Trend", id="history.trend"),
        Binding("w", "choose_workout", "Workout", id="history.workout"),
        Binding("a", "toggle_empty", "Empty tries", id="history.empty"),
        Binding("escape", "back", "Back", id="history.back"),
    ]

    class Page(Message, bubble=False):
        """Rows the worker read: the first page (``first``) or every row (``complete``)."""

        def __init__(self, workout: str | None, rows: list[SessionSummary], *, first: bool,
                     complete: bool) -> None:
            super().__init__()
            self.workout = workout
            self.rows = rows
            self.first = first
            self.complete = complete

    class Workouts(Message, bubble=False):
        """The workouts in the log with their session counts, for the filter."""

        def __init__(self, workouts: list[tuple[str, int]]) -> None:
            super().__init__()
            self.workouts = workouts

    class Failed(Message, bubble=False):
        """The log could not be read."""

        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, workout: str | None = None) -> None:
        super().__init__()
        self.workout = workout
        self.all_rows: list[SessionSummary] | None = None
        self.loaded = False
        self.show_empty = False
        """Whether abandoned sessions without a rep (a start and a quit) are listed."""
        self.read_rows: list[SessionSummary] | None = None
        """Every row read, empty tries included."""

    def compose(self) -> ComposeResult:
        options = [("All workouts", ALL)]
        if self.workout:
            options.append((short_name(self.workout, 40), self.workout))
        yield Header(show_clock=False)
        with Horizontal(id="history-bar"):
            yield Select(options, value=self.workout or ALL, allow_blank=False,
                         id="workout-filter")
            yield Static("Reading the log…", id="history-status")
        yield SessionTable(id="sessions")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start reading the log."""
        self.title = "History"
        self.sub_title = self.workout or "all workouts"
        self.query_one(SessionTable).focus()
        self._read(self.workout, with_workouts=True)

    @work(thread=True, exclusive=True, group="history")
    def _read(self, workout: str | None, with_workouts: bool = False) -> None:
        """Read the first page, then every row, then (once) the workouts for the filter."""
        store = self.store
        if store is None:
            self.post_message(self.Failed("No log is open, so there is no history to show."))
            return
        try:
            first = store.summaries(workout=workout, limit=PAGE)
            complete = len(first) < PAGE
            self.post_message(self.Page(workout, first, first=True, complete=complete))
            if not complete:
                self.post_message(self.Page(workout, store.summaries(workout=workout),
                                            first=False, complete=True))
            if with_workouts:
                self.post_message(self.Workouts(store.workouts()))
        except Exception as error:  # a damaged log is shown as one line, never a crash
            self.post_message(self.Failed(f"Cannot read the log: {error}"))

    def on_history_screen_page(self, message: Page) -> None:
        """Show the first page at once; keep every row to add later pages from."""
        if message.workout != self.workout:
            return
        table = self.query_one(SessionTable)
        if message.first:
            table.clear_sessions()
            table.add_sessions(self._listed(message.rows))
        if message.complete:
            self.read_rows = message.rows
            self.all_rows = self._listed(message.rows)
            self.loaded = True
        self._show_status()

    def _listed(self, rows: list[SessionSummary]) -> list[SessionSummary]:
        """The rows to list: without empty tries unless they are asked for."""
        return rows if self.show_empty else [row for row in rows if not is_empty_try(row)]

    def action_toggle_empty(self) -> None:
        """Show or hide the abandoned sessions that have no rep."""
        self.show_empty = not self.show_empty
        if self.read_rows is None:
            return
        self.all_rows = self._listed(self.read_rows)
        table = self.query_one(SessionTable)
        table.clear_sessions()
        table.add_sessions(self.all_rows[:PAGE])
        self._show_status()

    def _show_status(self) -> None:
        shown = len(self.query_one(SessionTable).sessions)
        total = len(self.all_rows) if self.all_rows is not None else None
        what = "session" if total == 1 else "sessions"
        if total is None:
            text = f"{shown}+ sessions"
        elif total == 0:
            text = ("No sessions logged yet: run a workout from the library."
                    if self.workout is None else "No sessions of this workout yet.")
        else:
            text = f"{total:,} {what}"
            rows = self.all_rows or []
            marks = [f"{mark} {status}" for status, mark in STATUS_MARKS.items()
                     if any(row.status == status for row in rows)]
            if marks:
                text += " · " + ", ".join(marks)
        empty = sum(1 for row in self.read_rows or [] if is_empty_try(row))
        if empty and not self.show_empty:
            text += f" · {empty} empty {'try' if empty == 1 else 'tries'} hidden (a shows)"
        self.query_one("#history-status", Static).update(text)

    def on_history_screen_workouts(self, message: Workouts) -> None:
        """Fill the workout filter."""
        select: Select[str] = self.query_one("#workout-filter", Select)
        names = [name for name, _count in message.workouts]
        options = [("All workouts", ALL)] + [
            (f"{short_name(name, 34)} ({count})", name) for name, count in message.workouts]
        if self.workout and self.workout not in names:
            options.append((short_name(self.workout, 40), self.workout))
        with select.prevent(Select.Changed):
            select.set_options(options)
            select.value = self.workout or ALL

    def on_history_screen_failed(self, message: Failed) -> None:
        """Say why there is nothing to show."""
        self.query_one("#history-status", Static).update(message.error)

    @on(DataTable.RowHighlighted, "#sessions")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(SessionTable)
        if self.all_rows is None or event.cursor_row < len(table.sessions) - NEAR_END:
            return
        shown = len(table.sessions)
        if shown < len(self.all_rows):
            table.add_sessions(self.all_rows[shown:shown + PAGE])

    @on(Select.Changed, "#workout-filter")
    def _filter_changed(self, event: Select.Changed) -> None:
        workout = None if event.value is Select.NULL else (str(event.value) or None)
        if workout == self.workout:
            return
        self.workout = workout
        self.sub_title = workout or "all workouts"
        self.all_rows = self.read_rows = None
        self.query_one("#history-status", Static).update("Reading the log…")
        self._read(workout)
        self.query_one(SessionTable).focus()

    def action_choose_workout(self) -> None:
        """Open the workout filter."""
        select: Select[str] = self.query_one("#workout-filter", Select)
        select.focus()
        select.expanded = True

    @on(DataTable.RowSelected, "#sessions")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted session rep by rep."""
        table = self.query_one(SessionTable)
        row = table.highlighted_session()
        if row is None:
            return
        from intervaltimer.ui.screens.session import SessionScreen

        index = table.cursor_row

        def back(changed: bool | None) -> None:
            if changed:
                self._refresh_row(index, row)

        self.app.push_screen(SessionScreen(row.id), back)

    @work(thread=True, group="history-row")
    def _refresh_row(self, index: int, row: SessionSummary) -> None:
        """Read a session whose effort or note changed, and update its row."""
        store = self.store
        if store is None:
            return
        try:
            record = store.session(row.id)
        except Exception:  # the row stays as it was
            return
        if record is not None:
            updated = replace(row, session_rpe=record.session_rpe, note=record.note)
            self.app.call_from_thread(self._replace_row, index, updated)

    def _replace_row(self, index: int, row: SessionSummary) -> None:
        table = self.query_one(SessionTable)
        if index >= len(table.sessions) or table.sessions[index].id != row.id:
            return
        if self.all_rows is not None and index < len(self.all_rows):
            self.all_rows[index] = row
        table.show_session(index, row)

    def action_trend(self) -> None:
        """The trend of the workout filtered, else of the highlighted session's workout."""
        row = self.query_one(SessionTable).highlighted_session()
        workout = self.workout or (None if row is None else row.workout)
        if workout is None:
            return
        from intervaltimer.ui.screens.trend import TrendScreen

        self.app.push_screen(TrendScreen(workout))

    def action_back(self) -> None:
        """Back to the screen the history was opened from (the library if none)."""
        self.back_or_home()
