"""A workout's trend: the coach's sentence, the reps run of planned, and four charts.

The charts are mean effort, mean split (or, when the targets changed between sessions,
the mean deviation from target, as ``trends.trend`` decides), Sdec, each with its
least-squares line, and beside Sdec the rest: the rung of the ladder each session ran. One
point per session with reps, completed, stopped or abandoned alike, oldest left. The
sessions are read and the trend computed in a thread worker, over the newest
``DEFAULT_TREND_LIMIT`` sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Static

from intervaltimer.coach.trends import Trend
from intervaltimer.log.review import DEFAULT_TREND_LIMIT, workout_trend
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.trend_chart import TrendChart
from intervaltimer.workout.units import format_delta, format_time


@dataclass(frozen=True)
class ChartSpec:
    """One chart of the trend screen: which field it draws and how its axis reads."""

    chart_id: str
    title: str
    field: str
    fmt: Callable[[float], str]
    min_span: float
    """The least the y axis spans (a flat series is not blown up into noise)."""
    with_line: bool = True
    """Draw the fitted trend line (not for the rest: its rungs are steps, not a trend)."""


def _signed_s(value: float) -> str:
    return format_delta(round(value, 1) + 0.0)


def chart_specs(result: Trend) -> list[ChartSpec]:
    """The four charts, in order: effort, split (or deviation when targets changed), Sdec,
    and the rest (the rung per session)."""
    if result.compare_by == "split":
        pace = ChartSpec("pace-chart", "mean split", "mean_split_s", format_time, 2.0)
    else:
        pace = ChartSpec("pace-chart", "mean split − target (s)", "mean_deviation_s",
                         _signed_s, 2.0)
    return [
        ChartSpec("effort-chart", "mean effort (CR-10)", "mean_rpe", lambda v: f"{v:.1f}", 1.0),
        pace,
        ChartSpec("sdec-chart", "Sdec (%)", "decrement_pct", lambda v: f"{v:.1f}", 1.0),
        ChartSpec("rest-chart", "rest (s): the rung", "rest_s", lambda v: f"{v:.0f}", 15.0,
                  with_line=False),
    ]


def reps_line(result: Trend, shown: int = 12) -> str:
    """``reps run of planned: 8/8 · 8/8 · 6/8 abandoned`` for the newest ``shown`` sessions."""
    parts = []
    for point in result.points[-shown:]:
        text = "–" if point.reps_done is None else str(point.reps_done)
        if point.reps_planned is not None:
            text += f"/{point.reps_planned}"
        if point.skipped:
            text += f" ({point.skipped} skipped)"
        if point.status != "completed":
            text += f" {point.status}"
        parts.append(text)
    head = "reps run of planned" if len(result.points) <= shown else \
        f"reps run of planned, newest {shown}"
    return f"{head}: " + " · ".join(parts) if parts else ""


class TrendScreen(AppScreen[None]):
    """How a workout's sessions moved over time."""

    CSS_PATH = "trend.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="trend.back"),
    ]

    class Loaded(Message, bubble=False):
        """The worker computed the trend (or failed with ``error``)."""

        def __init__(self, result: Trend | None, error: str = "", verdict: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error
            self.verdict = verdict

    def __init__(self, workout: str, limit: int = DEFAULT_TREND_LIMIT) -> None:
        super().__init__()
        self.workout = workout
        self.limit = limit
        self.result: Trend | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="trend-verdict")
        yield Static("Reading the sessions…", id="trend-summary")
        yield Static("", id="trend-info")
        yield Static("", id="trend-reps")
        with Vertical(id="charts"):
            for chart_id in ("effort-chart", "pace-chart"):
                yield TrendChart(id=chart_id)
            with Horizontal(id="charts-bottom"):
                yield TrendChart(id="sdec-chart")
                yield TrendChart(id="rest-chart")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start reading the sessions."""
        self.title = self.workout
        self.sub_title = "trend"
        self._read()

    @work(thread=True, exclusive=True, group="trend")
    def _read(self) -> None:
        store = self.store
        if store is None:
            self.post_message(self.Loaded(None, "No log is open, so there is no trend to show."))
            return
        try:
            result = workout_trend(store, self.workout, self.limit)
        except Exception as error:  # a damaged log is one line, never a crash
            self.post_message(self.Loaded(None, f"Cannot read the log: {error}"))
            return
        self.post_message(self.Loaded(result, verdict=self._verdict()))

    def _verdict(self) -> str:
        """The coach's verdict on the sessions ("" when there is none to give)."""
        from intervaltimer.log.coach import advice_for

        store = self.store
        if store is None:
            return ""
        try:
            verdict = advice_for(store, self.workout).verdict
        except Exception:  # the verdict is a suggestion: the trend shows without it
            return ""
        if verdict.kinds == ("first_session",):
            return ""  # the trend's own sentence says so
        sentence = verdict.sentence
        return sentence[:1].upper() + sentence[1:] + "." if sentence else ""

    def on_trend_screen_loaded(self, message: Loaded) -> None:
        """Write the sentence and draw the charts."""
        summary = self.query_one("#trend-summary", Static)
        if message.result is None:
            summary.update(message.error)
            return
        result = self.result = message.result
        summary.update(result.summary[:1].upper() + result.summary[1:] + ".")
        verdict = self.query_one("#trend-verdict", Static)
        verdict.update(message.verdict)
        verdict.set_class(not message.verdict, "-empty")
        n = len(result.points)
        info = f"{n} session{'' if n == 1 else 's'}"
        if n >= self.limit:
            info = f"the newest {n} sessions"
        if n:
            first, last = result.points[0].started_at, result.points[-1].started_at
            info += f", {first.day} {first:%b %Y} to {last.day} {last:%b %Y}"
        self.query_one("#trend-info", Static).update(info + "; grey line: the trend")
        self.query_one("#trend-reps", Static).update(reps_line(result))
        dates = [point.started_at for point in result.points]
        for spec in chart_specs(result):
            values = [getattr(point, spec.field) for point in result.points]
            line = result.lines.get(spec.field) if spec.with_line else None
            self.query_one(f"#{spec.chart_id}", TrendChart).show_series(
                spec.title, dates, values, line, spec.fmt, spec.min_span)

    def action_back(self) -> None:
        """Back to where the trend was opened from."""
        self.back_or_home()
