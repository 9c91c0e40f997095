"""A session's metrics beside the previous session's, with the change coloured better or worse.

Shows the rows of ``coach.compare.compare``: mean split, target, ± target, slowdown (seconds,
per cent and per rep), Sdec, CV, mean effort, effort drift, session effort and load. A change
that is better is in the theme's success colour, worse in its error colour; the same, or a
figure without a direction, plain.

Where the full labels ("mean effort", "session RPE") would not fit beside the figures (an
80-column terminal beside a wide rep table, or a previous session from another year), the
panel uses short ones ("effort", "sess. RPE") rather than cut them; narrower still (a 40-column
terminal), it leaves out the change column, then the previous session's, whole, rather than
cut a number.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from intervaltimer.coach.compare import Comparison
from intervaltimer.ui.widgets.session_reps import Tone, tone_style

_TONES: dict[str, Tone] = {"better": "good", "worse": "bad"}

SHORT_LABELS: dict[str, str] = {
    "mean split": "split",
    "mean effort": "effort",
    "effort/rep": "eff./rep",
    "slowdown %": "slow. %",
    "slowdown/rep": "slow./rep",
    "session RPE": "sess. RPE",
}
"""The label a metric shows when the panel is too narrow for its full label."""


class MetricsPanel(Static):
    """The metrics of a session, and of the previous one of its workout side by side."""

    DEFAULT_CSS: ClassVar[str] = """
    MetricsPanel {
        width: auto;
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, classes=classes)
        self.comparison: Comparison | None = None
        self.previous_label: str | None = None

    def show(self, comparison: Comparison, previous_label: str | None) -> None:
        """Show ``comparison``; ``previous_label`` heads the previous session's column
        (e.g. ``24 Apr``), None when there is no previous session."""
        self.comparison = comparison
        self.previous_label = previous_label
        self.refresh(layout=True)

    def _table(self, short: bool, before: bool = True, change: bool = True) -> Table:
        """The metrics as a table, with the short labels if ``short``; the previous
        session's column if ``before`` and the change column if ``change`` (and there is a
        previous session)."""
        assert self.comparison is not None
        before = before and self.previous_label is not None
        change = change and before
        table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold underline")
        table.add_column("", no_wrap=True)
        table.add_column("now", justify="right", no_wrap=True)
        if before:
            table.add_column(self.previous_label or "", justify="right", no_wrap=True)
        if change:
            table.add_column("change", justify="right", no_wrap=True)
        for row in self.comparison.rows:
            label = SHORT_LABELS.get(row.label, row.label) if short else row.label
            cells: list[Text | str] = [Text(label, style="dim"), row.now]
            if before:
                cells.append(row.before)
            if change:
                cells.append(Text(row.change, style=tone_style(self, _TONES.get(row.verdict, ""))))
            table.add_row(*cells)
        return table

    def _fits(self, table: Table) -> bool:
        console = self.app.console
        return Measurement.get(console, console.options, table).maximum <= self.content_size.width

    def uses_short_labels(self) -> bool:
        """Whether the full table is wider than the panel has room for."""
        if self.comparison is None or self.content_size.width <= 0:
            return False
        return not self._fits(self._table(short=False))

    def render(self) -> RenderableType:
        """The metrics table, with short labels when the full ones would be cut, and without
        the change column (then the previous session's) when even those would be."""
        if self.comparison is None:
            return ""
        short = self.uses_short_labels()
        if self.content_size.width <= 0:
            return self._table(short)
        for before, change in ((True, True), (True, False), (False, False)):
            table = self._table(short, before, change)
            if self._fits(table):
                return table
        return table

    def shown_labels(self) -> list[str]:
        """The labels as they are shown at the panel's present width (for tests)."""
        if self.comparison is None:
            return []
        short = self.uses_short_labels()
        return [SHORT_LABELS.get(r.label, r.label) if short else r.label
                for r in self.comparison.rows]

    def row_text(self, key: str) -> tuple[str, str, str, str]:
        """The (label, now, before, change) of the metric ``key``, for tests and tools."""
        if self.comparison is None:
            raise LookupError("nothing shown yet")
        for row in self.comparison.rows:
            if row.key == key:
                return row.label, row.now, row.before, row.change
        raise LookupError(key)
