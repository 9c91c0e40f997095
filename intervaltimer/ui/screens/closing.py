"""The end of a run: each rep's split, target, difference and effort, from memory.

Shown when the review's summary screen cannot be (the run was not logged, a
write failed, or the build has no summary screen).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer

from intervaltimer.engine.events import Split
from intervaltimer.ui.runflow import leave_run_flow
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.rep_table import RepTable
from intervaltimer.workout.units import format_clock, format_time


def closing_lines(splits: Sequence[Split], status: str, elapsed_s: float) -> str:
    """`Completed · 2 reps in 1:05 · mean 21.3`."""
    reps = len(splits)
    plural = "s" if reps != 1 else ""
    text = f"{status.capitalize()} · {reps} rep{plural} in {format_clock(elapsed_s)}"
    if splits:
        mean = sum(split.split_s for split in splits) / reps
        text += f" · mean split {format_time(mean)}"
    return text


class ClosingScreen(AppScreen[None]):
    """The reps of the run just ended, with how it ended and whether it was logged."""

    CSS_PATH = "closing.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Done", priority=True, id="closing.done"),
        Binding("q,escape", "done", "Done", show=False),
    ]

    def __init__(self, title: str, splits: Sequence[Split], *, status: str, elapsed_s: float,
                 problem: str | None = None, logged: bool = True) -> None:
        super().__init__()
        self.workout_title = title
        self.splits = tuple(splits)
        self.status = status
        self.elapsed_s = elapsed_s
        self.problem = problem
        self.logged = logged

    def compose(self) -> ComposeResult:
        yield Line(self.workout_title, id="closing-title")
        yield Line(closing_lines(self.splits, self.status, self.elapsed_s), id="closing-summary")
        where = "" if self.logged else "This run was not logged."
        yield Line(self.problem or where, id="closing-problem")
        yield RepTable(id="closing-reps")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table; hide an empty problem line."""
        self.query_one(RepTable).show_splits(self.splits)
        problem = self.query_one("#closing-problem", Line)
        problem.display = bool(problem.text)

    def action_done(self) -> None:
        """Leave: back to the library, or out of the app."""
        leave_run_flow(self.app)
