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
from textual.widgets import DataTable

from intervaltimer.coach.sessions import summary_load
from intervaltimer.log.records import SessionStatus, SessionSummary
from intervaltimer.safetext import display_safe
from intervaltimer.workout.units import format_delta, format_time

WORKOUT_WIDTH = 26
"""Workout names longer than this are cut with an ellipsis (the table fits 80 columns)."""
STATUS_MARKS = {SessionStatus.ABANDONED: "✗", SessionStatus.RUNNING: "…"}
"""The mark of a session not completed: stopped early, or still running (or crashed)."""


def short_name(name: str, width: int = WORKOUT_WIDTH) -> str:
    """``name``, cut to ``width`` characters with ``…`` when longer."""
    return name if len(name) <= width else name[: width - 1] + "…"


def session_cells(row: SessionSummary) -> list[Text | str]:
    """The cells of one history row."""
    def right(text: str) -> Text:
        return Text(text, justify="right")

    load = summary_load(row)
    deviation = row.mean_deviation_s
    return [
        f"{datetime.fromtimestamp(row.started_at):%Y-%m-%d}",
        Text(short_name(display_safe(row.workout))),
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
        for title, key in self.COLUMNS:
            self.add_column(title, key=key)

    def clear_sessions(self) -> None:
        """Empty the table."""
        self.sessions = []
        self.clear()

    def add_sessions(self, rows: Sequence[SessionSummary]) -> None:
        """Append ``rows`` after those shown."""
        self.sessions.extend(rows)
        self.add_rows(session_cells(row) for row in rows)

    def highlighted_session(self) -> SessionSummary | None:
        """The session under the cursor, if any."""
        if not self.sessions or not 0 <= self.cursor_row < len(self.sessions):
            return None
        return self.sessions[self.cursor_row]
