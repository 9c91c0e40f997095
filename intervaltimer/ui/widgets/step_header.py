"""What the runner is doing and which step it is: `REST` over `Rest 60 s · stand`,
then the step's note from the workout (`walk back, tap space at the line`).

During the last rep of a repeat the phase word becomes a banner, `LAST REP`,
drawn in the phase's colour on the panel's text colour: unmistakable from 5 m.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical

from intervaltimer.track.readout import label_variants
from intervaltimer.ui.widgets.fit_line import FitLine


class StepHeader(Vertical):
    """Centred lines: the phase in capitals (or the LAST REP banner), the step with its
    target, the step's note (hidden when there is none)."""

    DEFAULT_CSS: ClassVar[str] = """
    StepHeader {
        height: auto;
        width: 100%;
    }
    StepHeader > FitLine {
        width: 100%;
        text-align: center;
    }
    StepHeader > #phase-word {
        text-style: bold;
    }
    StepHeader > #step-note {
        text-style: italic;
    }
    StepHeader > #step-note.-empty {
        display: none;
    }
    """

    def compose(self) -> ComposeResult:
        yield FitLine(id="phase-word")
        yield FitLine(id="step-line")
        yield FitLine(id="step-note", words=True)

    def show(self, phase: str, step: tuple[str, ...], note: str = "",
             banner: bool = False) -> bool:
        """Show the phase word (a banner when `banner`), the step line's variants (longest
        first) and the note; True when any changed."""
        word = self.query_one("#phase-word", FitLine)
        changed = word.show(*label_variants(phase))
        if word.has_class("-banner") != banner:
            word.set_class(banner, "-banner")
            changed = True
        changed = self.query_one("#step-line", FitLine).show(*step) or changed
        note_line = self.query_one("#step-note", FitLine)
        note_line.set_class(not note, "-empty")
        return note_line.show(note) or changed

    @property
    def phase_text(self) -> str:
        """The phase word as shown."""
        return self.query_one("#phase-word", FitLine).text

    @property
    def step_text(self) -> str:
        """The step line as shown."""
        return self.query_one("#step-line", FitLine).text

    @property
    def note_text(self) -> str:
        """The step's note as shown ("" for none)."""
        return self.query_one("#step-note", FitLine).text
