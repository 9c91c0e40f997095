"""The last rep's split against its target: green when faster or on target, red when slower."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content

from intervaltimer.engine.events import Split
from intervaltimer.track.runtext import delta_text, effort_text, split_verdict
from intervaltimer.ui.widgets.fit_line import FitLine
from intervaltimer.workout.units import format_split

VERDICT_STYLES: dict[str, str] = {
    "faster": "bold $text-success",
    "on": "bold $text-success",
    "slower": "bold $text-error",
    "": "",
}
VERDICT_WORDS: dict[str, str] = {"faster": " faster", "on": " on target", "slower": " slower",
                                 "": ""}


def split_content(split: Split | None, compact: bool = False, effort: bool = True) -> Content:
    """`Last  Rep 2/8 · 100 m @ mile  1:25.3  +0.8 slower  · effort 7 very hard`;
    compact: `Last 1:25.3  +0.8  · effort 7`."""
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
    if split.rpe is not None and effort:
        parts += [("  · effort ", "dim"), effort_text(split.rpe) if not compact else str(split.rpe)]
    return Content.assemble(*parts)


def split_variants(split: Split | None) -> tuple[Content, ...]:
    """The line about `split`, longest first: in full, compact, compact without the effort."""
    return tuple(dict.fromkeys((split_content(split), split_content(split, compact=True),
                                split_content(split, compact=True, effort=False))))


class LastSplit(FitLine):
    """One line: the most recent rep, its split, the difference from target, its effort."""

    DEFAULT_CSS: ClassVar[str] = """
    LastSplit {
        height: 1;
        width: 100%;
        padding: 0 1;
    }
    """

    def show_split(self, split: Split | None) -> bool:
        """Show `split` (None: no rep run yet); True when the line changed."""
        return self.show(*split_variants(split))
