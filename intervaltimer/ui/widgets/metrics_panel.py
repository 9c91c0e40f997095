"""A session's metrics beside the previous session's, with the change coloured better or worse.

Shows the rows of ``log.review.compare``: mean split, target, ± target, fade (seconds, per
cent and per rep), Sdec, CV, mean effort, effort drift, session effort and load. A change
that is better is in the theme's success colour, worse in its error colour; the same, or a
figure without a direction, plain.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from intervaltimer.log.review import Comparison
from intervaltimer.ui.widgets.session_reps import Tone, tone_style

_TONES: dict[str, Tone] = {"better": "good", "worse": "bad"}


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
        table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold underline")
        table.add_column("", no_wrap=True)
        table.add_column("now", justify="right", no_wrap=True)
        if previous_label is not None:
            table.add_column(previous_label, justify="right", no_wrap=True)
            table.add_column("change", justify="right", no_wrap=True)
        for row in comparison.rows:
            cells: list[Text | str] = [Text(row.label, style="dim"), row.now]
            if previous_label is not None:
                cells += [row.before,
                          Text(row.change, style=tone_style(self.app, _TONES.get(row.verdict, "")))]
            table.add_row(*cells)
        self.update(table)

    def row_text(self, key: str) -> tuple[str, str, str, str]:
        """The (label, now, before, change) of the metric ``key``, for tests and tools."""
        if self.comparison is None:
            raise LookupError("nothing shown yet")
        for row in self.comparison.rows:
            if row.key == key:
                return row.label, row.now, row.before, row.change
        raise LookupError(key)
