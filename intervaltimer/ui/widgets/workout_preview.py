"""The library's preview pane: what a workout is, its plan with targets, and how it went before.

`history_text` turns the log's session summaries into "last run 3 days ago"
and a small effort trend: the mean RPE of each completed session as a bar on
the CR-10 scale, oldest first. Abandoned tries count as the last run, but not
in the number of sessions nor in the trend (as on the trend screen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from intervaltimer.safetext import display_safe
from intervaltimer.ui.widgets.workout_list import ORIGIN_TITLES, LibraryEntry, display_path

if TYPE_CHECKING:  # the library's first frame shows no plan: the model and the table come later
    from intervaltimer.ui.widgets.plan_table import PlanTable
    from intervaltimer.workout.plan import Plan

BARS = "▁▂▃▄▅▆▇█"
TREND_SESSIONS = 8
NO_PROFILE_HINT = "No race times yet: press ctrl+r to enter one and see target times."


class SessionLike(Protocol):
    """What the preview reads of a logged session (the log's `SessionSummary`)."""

    @property
    def started_at(self) -> float: ...

    @property
    def mean_rpe(self) -> float | None: ...

    @property
    def status(self) -> str: ...


def when_text(epoch_s: float, now_s: float) -> str:
    """`today`, `yesterday`, `3 days ago`, or the date for anything older than a fortnight."""
    then = datetime.fromtimestamp(epoch_s).date()
    today = datetime.fromtimestamp(now_s).date()
    days = (today - then).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    return then.strftime("%d %b %Y").lstrip("0")


def effort_bars(values: Sequence[float]) -> str:
    """A bar per effort on the CR-10 scale (0..10), so bars compare across workouts."""
    top = len(BARS) - 1
    return "".join(BARS[max(0, min(top, round(v / 10.0 * top)))] for v in values)


def history_text(sessions: Sequence[SessionLike], now_s: float) -> Text:
    """`Last run 3 days ago · 5 sessions · effort ▅▅▄▃ 6.5 → 5.0` (empty without sessions).

    The count and the effort trend are of completed sessions only; a last run that was
    abandoned says so.
    """
    from intervaltimer.log.records import SessionStatus

    text = Text()
    if not sessions:
        return text
    ordered = sorted(sessions, key=lambda s: s.started_at)
    completed = [s for s in ordered if s.status == SessionStatus.COMPLETED]
    count = len(completed)
    text.append("Last run ", style="dim")
    text.append(when_text(ordered[-1].started_at, now_s), style="bold")
    if ordered[-1].status != SessionStatus.COMPLETED:
        text.append(f" ({str(ordered[-1].status)})", style="dim")
    if count:
        text.append(f" · {count} session{'s' if count != 1 else ''}", style="dim")
    efforts = [s.mean_rpe for s in completed[-TREND_SESSIONS:] if s.mean_rpe is not None]
    if efforts:
        text.append(" · effort ", style="dim")
        text.append(effort_bars(efforts), style="bold")
        if len(efforts) > 1:
            text.append(f" {efforts[0]:.1f} → {efforts[-1]:.1f}")
        else:
            text.append(f" {efforts[0]:.1f}")
    return text


class WorkoutPreview(VerticalScroll):
    """Name, source, description, plan summary, history and the plan table of one entry.

    It scrolls (and takes the focus to scroll) when the terminal is too small for it all.
    The plan table is made with the first plan shown: the library's first frame has none,
    and a table (Textual's DataTable) is costly to import, style and lay out.
    """

    DEFAULT_CSS: ClassVar[str] = """
    WorkoutPreview {
        height: 1fr;
        padding: 0 1;
    }
    WorkoutPreview > .preview--title { text-style: bold; }
    WorkoutPreview > .preview--where { color: $text-muted; }
    WorkoutPreview > Static { height: auto; }
    WorkoutPreview > #preview-problems { color: $text-error; }
    WorkoutPreview > PlanTable { height: 1fr; margin-top: 1; }
    """
    _table: PlanTable | None = None
    """The plan table, once a plan was shown."""

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-title", classes="preview--title", markup=False)
        yield Static("", id="preview-where", classes="preview--where", markup=False)
        yield Static("", id="preview-description", markup=False)
        yield Static("", id="preview-summary", markup=False)
        yield Static("", id="preview-history", markup=False)
        yield Static("", id="preview-problems", markup=False)

    def _hide_table(self) -> None:
        """Empty and hide the plan table, if there is one yet."""
        if self._table is not None:
            self._table.show_plan(None)
            self._table.display = False

    def _show_table(self, plan: Plan) -> None:
        """Show `plan` in the table, made and mounted (last in the pane) the first time."""
        if self._table is None:
            from intervaltimer.ui.widgets.plan_table import PlanTable

            self._table = PlanTable(id="preview-plan")
            self.mount(self._table)
        self._table.display = True
        self._table.show_plan(plan)

    def _set(self, widget_id: str, content: Text | str) -> None:
        """Update one line of the pane; an empty line takes no room."""
        static = self.query_one(f"#{widget_id}", Static)
        static.update(content)
        static.display = bool(str(content))

    def show_entry(self, entry: LibraryEntry | None, plan: Plan | None,
                   plan_problem: str = "") -> None:
        """Show an entry and its plan (None: nothing selected)."""
        if entry is None:
            for widget_id in ("preview-where", "preview-description", "preview-summary",
                              "preview-history", "preview-problems"):
                self._set(widget_id, "")
            self._set("preview-title", "No workout matches the filter.")
            self._hide_table()
            return
        self._set("preview-title", display_safe(entry.name))
        self._set("preview-where", display_safe(
            f"{ORIGIN_TITLES.get(entry.origin, entry.origin)} · {display_path(entry.path)}"))
        workout = entry.workout
        description = workout.description if workout is not None else ""
        tags = " ".join(f"#{t}" for t in entry.tags)
        self._set("preview-description", display_safe(
            "\n".join(x for x in (description, tags) if x), lines=True))
        self._set("preview-history", "")
        if not entry.read:
            self._set("preview-summary", "Reading the file…")
            self._set("preview-problems", "")
            self._hide_table()
            return
        if workout is None or plan is None:
            problems = entry.problems or ()
            lines = [f"line {p.line}, col {p.col}: {p.message}" for p in problems]
            if plan_problem:
                lines.append(plan_problem)
            self._set("preview-summary", "This file has problems; press ctrl+e to fix them.")
            self._set("preview-problems", display_safe("\n".join(lines), lines=True))
            self._hide_table()
            return
        from intervaltimer.ui.widgets.plan_table import targets_summary
        from intervaltimer.workout.plantext import plan_summary

        summary = plan_summary(plan)
        targets = targets_summary(plan)
        if targets:
            summary += "\n" + targets
        if not plan.has_profile:
            summary += "\n" + NO_PROFILE_HINT
        self._set("preview-summary", summary)
        self._set("preview-problems", "")
        self._show_table(plan)

    def show_history(self, sessions: Sequence[SessionLike], now_s: float) -> None:
        """Show when the workout was last run and its effort trend (nothing without sessions)."""
        self._set("preview-history", history_text(sessions, now_s))
