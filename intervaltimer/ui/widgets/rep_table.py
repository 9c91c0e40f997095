"""The reps of a session as run: split, target, difference and effort, one row a rep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable

from intervaltimer.engine.events import Split
from intervaltimer.safetext import display_safe
from intervaltimer.track.runtext import delta_text, effort_text, split_verdict
from intervaltimer.ui.widgets.session_reps import Tone, tone_style
from intervaltimer.workout.units import format_split, format_time

# Faster or on target is good news, slower bad: the theme's $text-success / $text-error.
VERDICT_TONES: dict[str, Tone] = {"faster": "good", "on": "good", "slower": "bad", "": ""}


class RepTable(DataTable[Text | str]):
    """A read-only table of splits: `Rep 1/2 · 100 m @ mile | 21.0 | 21.1 | -0.1 | 7 very hard`."""

    DEFAULT_CSS: ClassVar[str] = """
    RepTable {
        height: auto;
        max-height: 100%;
    }
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("Rep", "rep"), ("Split", "split"), ("Target", "target"), ("±", "delta"),
        ("Effort", "effort"),
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        for title, key in self.COLUMNS:
            self.add_column(title, key=key)

    def show_splits(self, splits: Sequence[Split]) -> None:
        """Fill the table with `splits`, in order."""
        self.clear()
        for split in splits:
            colour = tone_style(self, VERDICT_TONES[split_verdict(split)])
            self.add_row(
                Text(display_safe(split.label)),
                Text(format_split(split.split_s), style="bold", justify="right"),
                Text("" if split.target_s is None else format_time(split.target_s),
                     justify="right"),
                Text(delta_text(split), style=colour, justify="right"),
                Text(effort_text(split.rpe)),
            )

    def column_text(self, key: str) -> list[str]:
        """One column as shown, a string a row (for tests)."""
        return [str(cell) for cell in self.get_column(key)]
