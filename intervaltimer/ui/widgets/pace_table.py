"""Every named pace of a profile: per km, per mile, per 400 m lap, and where it came from.

A pace derived outside the formulas' ranges is marked `~` (an estimate). A pace
that is a range (easy) takes two rows: its fast end on its own row, the slow end
on a row under it (`to`), so the columns stay as narrow as one pace.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable

from intervaltimer.workout.paces import ResolvedPace
from intervaltimer.workout.units import METRES_PER_MILE, format_time

ESTIMATE_MARK = "~"


def short_basis(basis: str) -> str:
    """Where a pace came from, short enough for the table: the race's own result is `race`,
    `Riegel from 5k 20:00` is `Riegel 5k`, `VDOT 49.8 from 5k 20:00` is `VDOT 5k` (the
    time and the VDOT are on the screen already)."""
    method, found, source = basis.partition(" from ")
    if not found:
        return basis if basis == "explicit" else "race"
    race = source.rsplit(" ", 1)[0] if " " in source else source
    return f"{method.split()[0]} {race}"


SLOW_END = "slow"  # the key suffix of a range's second row: `easy-slow`


def per(s_per_m: float, metres: float) -> str:
    """The time for `metres` at this pace, in whole seconds."""
    return format_time(s_per_m * metres, 0)


class PaceTable(DataTable[Text | str]):
    """A table of resolved paces; `show_paces(paces)` fills it, estimates marked `~`.

    It is only read, never typed in, so it takes no focus: tab and enter on the profile's
    last field go round to the first field instead of into a table where keys do nothing.
    """

    can_focus = False

    DEFAULT_CSS: ClassVar[str] = """
    PaceTable {
        height: auto;
    }
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("Pace", "name"), ("/km", "km"), ("/mile", "mile"), ("/400 m", "lap"), ("From", "basis"),
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, cursor_type="none", zebra_stripes=True)
        for title, key in self.COLUMNS:
            self.add_column(title, key=key)

    def show_paces(self, paces: Mapping[str, ResolvedPace]) -> None:
        """Fill the table with `paces`, in the order given."""
        self.clear()
        for name, pace in paces.items():
            mark = ESTIMATE_MARK if pace.estimate else " "
            style = "italic" if pace.estimate else ""
            ranged = pace.fast_s_per_m is not None and pace.slow_s_per_m is not None
            first = pace.fast_s_per_m if pace.fast_s_per_m is not None else pace.s_per_m
            self._pace_row(name, Text(f"{mark}{name}", style=f"bold {style}".strip()), first,
                           style, short_basis(pace.basis))
            if ranged and pace.slow_s_per_m is not None:
                self._pace_row(f"{name}-{SLOW_END}", Text("   to", style=style),
                               pace.slow_s_per_m, style, "")

    def _pace_row(self, key: str, label: Text, s_per_m: float, style: str, basis: str) -> None:
        """One row: the label, the pace per km, mile and 400 m, and where it came from."""
        self.add_row(
            label,
            Text(per(s_per_m, 1000.0), justify="right", style=style),
            Text(per(s_per_m, METRES_PER_MILE), justify="right", style=style),
            Text(per(s_per_m, 400.0), justify="right", style=style),
            Text(basis, style="dim"),
            key=key,
        )

    def row_text(self, name: str) -> list[str]:
        """The cells of the row for pace `name`, as shown."""
        return [str(cell) for cell in self.get_row(name)]
