"""The end of a run: each rep's split, target, difference and effort, from memory.

Shown when the review's summary screen cannot be (the run was not logged, or
the log is behind: a write failing, the disk full, another program holding
its lock). Its problem line follows the log's writer, once a second, until
the log holds everything: the runner sees the writes land, or chooses to
leave, and then what the log still cannot take goes to a rescue file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from intervaltimer.engine.events import Split
from intervaltimer.ui.runflow import leave_run_flow
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.rep_table import RepTable
from intervaltimer.workout.units import format_clock, format_time

if TYPE_CHECKING:
    from intervaltimer.track.runlog import RunLog

LOG_WATCH_S = 1.0


def log_line(log: RunLog) -> str:
    """What the log holds of the run: saved, being saved, or not (and what leaving does)."""
    if not log.logging:
        return "This run was not logged."
    problem = log.problem
    if problem is not None:
        return (f"{problem}. Leaving now keeps the session: what the log cannot take by then "
                f"goes to a rescue file beside it, named when intervaltimer ends.")
    if log.behind:
        return "Saving the session to the log…"
    return log.notice or ""


def closing_lines(splits: Sequence[Split], status: str, elapsed_s: float) -> str:
    """`Completed · 2 reps in 1:05 · mean 21.3`."""
    run = [split.split_s for split in splits if split.split_s is not None]
    reps = len(run)
    plural = "s" if reps != 1 else ""
    text = f"{status.capitalize()} · {reps} rep{plural} in {format_clock(elapsed_s)}"
    if len(splits) > reps:
        text += f" · {len(splits) - reps} skipped"
    if run:
        mean = sum(run) / reps
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
                 problem: str | None = None, logged: bool = True,
                 log: RunLog | None = None) -> None:
        super().__init__()
        self.workout_title = title
        self.splits = tuple(splits)
        self.status = status
        self.elapsed_s = elapsed_s
        self.problem = problem
        self.logged = logged
        self.run_log = log

    def compose(self) -> ComposeResult:
        yield Line(self.workout_title, id="closing-title")
        yield Line(closing_lines(self.splits, self.status, self.elapsed_s), id="closing-summary")
        where = "" if self.logged else "This run was not logged."
        if self.run_log is not None:
            where = log_line(self.run_log)
        yield Line(self.problem or where, id="closing-problem")
        yield RepTable(id="closing-reps")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Fill the table; hide an empty problem line."""
        self.query_one(RepTable).show_splits(self.splits)
        problem = self.query_one("#closing-problem", Line)
        problem.display = bool(problem.text)
        if self.run_log is not None and self.run_log.behind:
            self.set_interval(LOG_WATCH_S, self._follow_log, name="closing-log-watch")

    def _follow_log(self) -> None:
        """Show how the log's writer is doing now."""
        assert self.run_log is not None
        line = self.query_one("#closing-problem", Line)
        line.show(log_line(self.run_log))
        line.display = bool(line.text)

    def action_done(self) -> None:
        """Leave: back to the library, or out of the app."""
        leave_run_flow(self.app)
