"""The effort prompt shown during each rest: one key, 1-9 or 0 (= 10), on the CR-10 scale.

It is a panel, not a dialog: the clock keeps running beside it, and the
value chosen is shown (and may be changed) until the next rep ends. It asks
about reps run to a target; a stride run by feel is not asked about (the
profile can ask about every rep, see track/readout.py).
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content

from intervaltimer.engine.events import Split
from intervaltimer.track.runtext import effort_text, scale_text
from intervaltimer.ui.widgets.fit_line import FitLine


def prompt_content(split: Split, compact: bool = False, hint: bool = True) -> Content:
    """The prompt for `split`: the question, the chosen value, and (unless compact) the scale."""
    rep = split.label.split(" · ")[0]
    chosen: tuple[str, str] = (
        (effort_text(split.rpe), "bold reverse") if split.rpe is not None else ("?", "bold"))
    if compact:
        # 40 columns: the keys' hint only until a rating is given, so the words fit.
        keys = ("  1-9, 0=10", "dim") if split.rpe is None and hint else ""
        return Content.assemble(("Effort ", "dim"), rep, ": ", chosen, keys)
    return Content.assemble(
        ("How hard was ", "bold"), (rep, "bold"), ("?  ", "bold"), chosen,
        ("   keys 1-9, 0 = 10", "dim"), "\n", (scale_text(lines=2), "dim"))


def prompt_variants(split: Split) -> tuple[Content, ...]:
    """The prompt, longest first: with the scale, on one line, on one line without the keys."""
    return (prompt_content(split), prompt_content(split, compact=True),
            prompt_content(split, compact=True, hint=False))


class EffortPrompt(FitLine):
    """The effort of the rep just run, asked for during the rest; hidden when there is none."""

    DEFAULT_CSS: ClassVar[str] = """
    EffortPrompt {
        height: auto;
        width: 100%;
        padding: 0 1;
        border-left: thick $accent;
        background: $boost;
    }
    EffortPrompt.-rated {
        border-left: thick $success;
    }
    """

    def show_for(self, split: Split | None) -> bool:
        """Ask about `split` (None, or a rep skipped, hides the prompt, keeping its room);
        True when changed."""
        if split is not None and split.skipped:
            split = None
        visible = split is not None
        changed = self.visible != visible
        if changed:
            self.visible = visible
        if split is None:
            return changed
        self.set_class(split.rpe is not None, "-rated")
        return self.show(*prompt_variants(split)) or changed
