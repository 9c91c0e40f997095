"""A logged session's reps as a table: target, split, the difference coloured, the effort given.

Used by the summary screen after a workout and the session screen of the history (the run
screen's own ``RepTable`` shows the engine's splits as they happen). The colours follow the
run screen: a rep faster than its target, or slower by at most ``ON_TARGET_S``, shows its
difference in the theme's success colour, a slower one in its error colour. When the reps are
not all the same distance (a pyramid), a column says which rep was which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

from intervaltimer.log.records import RepRecord
from intervaltimer.safetext import display_safe
from intervaltimer.workout.units import format_delta, format_distance, format_split, format_time

Tone = Literal["good", "bad", ""]

ON_TARGET_S = 0.5
"""A split at most this much slower than its target still counts as on target."""


def tone_style(widget: Widget, tone: Tone) -> str:
    """The text colour of the app's theme for good (success) and bad (error) news."""
    if not tone:
        return ""
    return widget.app.theme_variables.get("text-success" if tone == "good" else "text-error", "")


def deviation_tone(deviation_s: float | None) -> Tone:
    """Good when faster than target or at most ON_TARGET_S slower, bad when slower still."""
    if deviation_s is None:
        return ""
    return "good" if deviation_s <= ON_TARGET_S else "bad"


def rep_what(rep: RepRecord) -> str:
    """What a rep was, short: `400 m`, else its label."""
    return format_distance(rep.distance_m) if rep.distance_m else display_safe(rep.label)


class SessionRepTable(DataTable[Text | str]):
    """The reps of one logged session, one row each: #, (rep), target, split, ±, effort."""

    DEFAULT_CSS: ClassVar[str] = """
    SessionRepTable {
        height: auto;
        max-height: 100%;
        width: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.reps: tuple[RepRecord, ...] = ()

    def show_reps(self, reps: Sequence[RepRecord]) -> None:
        """Fill the table with ``reps`` (in order)."""
        self.reps = tuple(reps)
        self.clear(columns=True)
        varied = len({rep_what(rep) for rep in reps}) > 1
        self.add_column("#", key="index")
        if varied:
            self.add_column("rep", key="what")
        for title, key in (("target", "target"), ("split", "split"), ("±", "delta"),
                           ("effort", "effort")):
            self.add_column(title, key=key)
        for rep in reps:
            delta = rep.deviation_s
            mark = "" if rep.damaged is None else "⚠ "  # a row the log holds damaged
            cells: list[Text | str] = [Text(f"{mark}{rep.index}", justify="right")]
            if varied:
                cells.append(rep_what(rep))
            cells += [
                Text("" if rep.target_s is None else format_time(rep.target_s), justify="right"),
                Text(format_split(rep.split_s), justify="right", style="bold"),
                Text("" if delta is None else format_delta(round(delta, 1) + 0.0),  # never -0.0
                     justify="right",
                     style=tone_style(self, deviation_tone(delta))),
                Text("" if rep.rpe is None else str(rep.rpe), justify="right"),
            ]
            self.add_row(*cells, key=str(rep.index))

    def column_text(self, key: str) -> list[str]:
        """One column as shown, a string a row (for tests)."""
        return [str(cell) for cell in self.get_column(key)]
