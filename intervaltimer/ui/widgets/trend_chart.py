"""One metric of a workout's sessions over time, with its trend line, drawn by plotext.

A ``PlotextPlot`` (textual-plotext) with the sessions as points, oldest left, and the fitted
least-squares line of ``trends.Trend.lines`` through them. The x axis is the session's place
in the series (the line is fitted against it), labelled with a few session dates; the y axis
gets three labels written by the chart's own formatter (``1:28.3``, ``+1.0``, ``2.6 %``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from textual_plotext import PlotextPlot

from intervaltimer.coach.metrics import Line

POINT_MARKER = "●"
LINE_MARKER = "braille"
POINT_COLOR = "orange"
LINE_COLOR = "gray"
MAX_X_LABELS = 6


def x_ticks(dates: Sequence[datetime], max_labels: int = MAX_X_LABELS) -> tuple[list[int],
                                                                               list[str]]:
    """Up to ``max_labels`` evenly spread session places and their dates (``1 May``)."""
    n = len(dates)
    if n <= max_labels:
        places = list(range(n))
    else:
        places = sorted({round(i * (n - 1) / (max_labels - 1)) for i in range(max_labels)})
    return places, [f"{dates[i].day} {dates[i]:%b}" for i in places]


def y_range(values: Sequence[float], min_span: float) -> tuple[float, float]:
    """The y axis limits: the values' range, widened about its middle to at least
    ``min_span`` so that a flat series sits mid-chart rather than on float noise."""
    low, high = min(values), max(values)
    if high - low < min_span:
        middle = (low + high) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    return low, high


def y_ticks(low: float, high: float, fmt: Callable[[float], str]) -> tuple[list[float],
                                                                          list[str]]:
    """Three ticks, at the bottom, middle and top of the axis, labelled by ``fmt``."""
    ticks = [low, (low + high) / 2, high]
    return ticks, [fmt(v) for v in ticks]


class TrendChart(PlotextPlot):
    """A metric per session as points, with its trend line, under a one-line title."""

    DEFAULT_CSS = """
    TrendChart {
        height: 1fr;
        min-height: 6;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.title_text = ""
        self.points: list[tuple[int, float]] = []

    def show_series(self, title: str, dates: Sequence[datetime],
                    values: Sequence[float | None], line: Line | None,
                    fmt: Callable[[float], str], min_span: float = 1.0) -> None:
        """Draw ``values`` (one per session, None where missing) against the session dates.

        ``line`` is the fitted line against the session's index (0 = oldest), drawn from the
        first to the last session that has a value. The y axis spans at least ``min_span``.
        """
        self.title_text = title
        self.points = [(i, float(v)) for i, v in enumerate(values) if v is not None]
        plt = self.plt
        plt.clear_figure()
        plt.frame(False)
        if not self.points:
            plt.title(f"{title}: no values yet")
            self.refresh()
            return
        plt.title(title)
        xs = [x for x, _ in self.points]
        ys = [y for _, y in self.points]
        fitted: list[float] = []
        if line is not None and len(xs) > 1:
            fitted = [line.at(xs[0]), line.at(xs[-1])]
            plt.plot([xs[0], xs[-1]], fitted, marker=LINE_MARKER, color=LINE_COLOR)
        plt.scatter(xs, ys, marker=POINT_MARKER, color=POINT_COLOR)
        places, labels = x_ticks(dates)
        plt.xticks([float(p) for p in places], labels)
        if len(dates) == 1:
            plt.xlim(-1, 1)
        low, high = y_range(ys + fitted, min_span)
        plt.ylim(low, high)
        tick_values, tick_labels = y_ticks(low, high, fmt)
        plt.yticks(tick_values, tick_labels)
        self.refresh()
