"""The history list: one row a logged session, newest first.

Date, workout, reps (the main set's run of planned, "6/8", when the log knows the plan),
mean split, mean deviation from target, mean effort, Foster load
(session effort × minutes, blank until the session effort is given) and, for a session not
completed, a mark (``STATUS_MARKS``: ✗ abandoned, … running). Rows are added a page at a
time (``add_sessions``), in the order of ``sessions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from intervaltimer.coach.sessions import summary_load
from intervaltimer.log.records import SessionStatus, SessionSummary
from intervaltimer.safetext import display_safe
from intervaltimer.workout.units import format_delta, format_time

WORKOUT_WIDTH = 26
"""Workout names longer than this are cut with an ellipsis (the table fits 80 columns)."""
NARROWEST_NAME = 8
"""A narrow table shortens names down to this before it leaves a column out."""
DROPPED_FIRST = ("load", "effort", "delta")
"""The columns a table too narrow for its numbers leaves out whole, in this order: a number
is shown whole or not at all."""
STATUS_MARKS = {SessionStatus.ABANDONED: "✗", SessionStatus.RUNNING: "…"}
"""The mark of a session not completed: stopped early, or still running (or crashed)."""


def short_name(name: str, width: int = WORKOUT_WIDTH) -> str:
    """``name``, cut to ``width`` characters with ``…`` when longer."""
    return name if len(name) <= width else name[: width - 1] + "…"


def session_cells(row: SessionSummary, name_width: int = WORKOUT_WIDTH) -> list[Text | str]:
    """The cells of one history row, the workout's name cut to `name_width`."""
    def right(text: str) -> Text:
        return Text(text, justify="right")

    load = summary_load(row)
    deviation = row.mean_deviation_s
    return [
        f"{datetime.fromtimestamp(row.started_at):%Y-%m-%d}",
        Text(short_name(display_safe(row.workout), name_width)),
        right(str(row.reps) if row.reps_planned is None or row.reps_done is None
              else f"{row.reps_done}/{row.reps_planned}"),  # main-set reps run of planned
        right("" if row.mean_split_s is None else format_time(row.mean_split_s)),
        right("" if deviation is None else format_delta(round(deviation, 1) + 0.0)),
        right("" if row.mean_rpe is None else f"{row.mean_rpe:.1f}"),
        right("" if load is None else f"{load:.0f}"),
        STATUS_MARKS.get(row.status, ""),
    ]


class SessionTable(DataTable[Text | str]):
    """Logged sessions, newest first, one row each; enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="sessions.open"),
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    DEFAULT_CSS: ClassVar[str] = """
    SessionTable {
        height: 1fr;
    }
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("date", "date"), ("workout", "workout"), ("reps", "reps"), ("split", "split"),
        ("±", "delta"), ("effort", "effort"), ("load", "load"), ("", "status"),
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.sessions: list[SessionSummary] = []
        self.layout_shown: tuple[tuple[str, ...], int] = (
            tuple(key for _, key in self.COLUMNS), WORKOUT_WIDTH)
        for title, key in self.COLUMNS:
            self.add_column(title, key=key)

    def clear_sessions(self) -> None:
        """Empty the table."""
        self.sessions = []
        self.clear()

    def add_sessions(self, rows: Sequence[SessionSummary]) -> None:
        """Append ``rows`` after those shown (the table laid out again if they need it)."""
        self.sessions.extend(rows)
        if self._layout() != self.layout_shown:
            self._rebuild()
            return
        self.add_rows(self._cells(row) for row in rows)

    def on_resize(self) -> None:
        """A new width: the columns that fit it, whole."""
        if self._layout() != self.layout_shown:
            self._rebuild()

    def show_session(self, index: int, row: SessionSummary) -> None:
        """Draw the row at `index` again as `row` (its effort or note changed)."""
        self.sessions[index] = row
        for column, cell in enumerate(self._cells(row)):
            self.update_cell_at(Coordinate(index, column), cell)

    def _cells(self, row: SessionSummary) -> list[Text | str]:
        keys, name_width = self.layout_shown
        cells = session_cells(row, name_width)
        return [cell for (_, key), cell in zip(self.COLUMNS, cells, strict=True) if key in keys]

    def _layout(self) -> tuple[tuple[str, ...], int]:
        """The columns to show and the names' width, for the table's present width: names
        shortened first (to NARROWEST_NAME), then whole columns left out (DROPPED_FIRST)."""
        width = self.size.width - 2  # the vertical scrollbar's room
        if width <= 0:
            return self.layout_shown
        pad = 2 * self.cell_padding
        widths = {key: len(title) + pad for title, key in self.COLUMNS}
        for row in self.sessions:
            for (_, key), cell in zip(self.COLUMNS, session_cells(row, 10_000), strict=True):
                text = cell if isinstance(cell, str) else cell.plain
                widths[key] = max(widths[key], len(text) + pad)
        keys = [key for _, key in self.COLUMNS]
        name_room = min(WORKOUT_WIDTH, widths["workout"] - pad)
        for dropped in (None, *DROPPED_FIRST):
            if dropped is not None:
                keys.remove(dropped)
            others = sum(widths[key] for key in keys if key != "workout")
            room = width - others - pad
            if room >= min(name_room, NARROWEST_NAME):
                return tuple(keys), max(1, min(name_room, room))
        return tuple(keys), NARROWEST_NAME

    def _rebuild(self) -> None:
        """Lay the table out again for its width, the cursor kept on its row."""
        row = self.cursor_row
        self.layout_shown = self._layout()
        self.clear(columns=True)
        keys = self.layout_shown[0]
        for title, key in self.COLUMNS:
            if key in keys:
                self.add_column(title, key=key)
        self.add_rows(self._cells(session) for session in self.sessions)
        if self.sessions:
            self.move_cursor(row=min(row, len(self.sessions) - 1))

    def highlighted_session(self) -> SessionSummary | None:
        """The session under the cursor, if any."""
        if not self.sessions or not 0 <= self.cursor_row < len(self.sessions):
            return None
        return self.sessions[self.cursor_row]
