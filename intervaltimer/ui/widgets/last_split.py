"""The last rep's split against its target: green when faster or on target, red when slower."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content

from intervaltimer.engine.events import Split
from intervaltimer.track.runtext import delta_text, effort_text, split_verdict
from intervaltimer.ui.widgets.line import Line
from intervaltimer.workout.units import format_split

VERDICT_STYLES: dict[str, str] = {
    "faster": "bold $text-success",
    "on": "bold $text-success",
    "slower": "bold $text-error",
    "": "",
}
VERDICT_WORDS: dict[str, str] = {"faster": " faster", "on": " on target", "slower": " slower",
                                 "": ""}


def split_content(split: Split | None, compact: bool = False) -> Content:
    """`Last  Rep 2/8 · 100 m @ mile  1:25.3  +0.8 slower  · effort 7 very hard`."""
    if split is None:
        return Content("Last: no rep yet" if not compact else "")
    verdict = split_verdict(split)
    delta = delta_text(split)
    parts: list[Content | str | tuple[str, str]] = []
    if compact:
        parts += [("Last ", "dim"), (format_split(split.split_s), "bold")]
    else:
        parts += [("Last  ", "dim"), split.label, "  ", (format_split(split.split_s), "bold")]
    if delta:
        words = "" if compact else VERDICT_WORDS[verdict]
        parts += ["  ", (f"{delta}{words}", VERDICT_STYLES[verdict])]
    if split.rpe is not None:
        parts += [("  · effort ", "dim"), effort_text(split.rpe) if not compact else str(split.rpe)]
    return Content.assemble(*parts)


class LastSplit(Line):
    """One line: the most recent rep, its split, the difference from target, its effort."""

    DEFAULT_CSS: ClassVar[str] = """
    LastSplit {
        height: 1;
        width: 100%;
        padding: 0 1;
    }
    """

    def show_split(self, split: Split | None, compact: bool = False) -> bool:
        """Show `split` (None: no rep run yet); True when the line changed."""
        return self.show(split_content(split, compact))
