"""What the runner is doing and which step it is: `REST` over `Rest 60 s · stand`,
then the step's note from the workout (`walk back, tap space at the line`)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical

from intervaltimer.ui.widgets.line import Line


class StepHeader(Vertical):
    """Centred lines: the phase in capitals, the step with its target, the step's note."""

    DEFAULT_CSS: ClassVar[str] = """
    StepHeader {
        height: auto;
        width: 100%;
    }
    StepHeader > Line {
        width: 100%;
        text-align: center;
    }
    StepHeader > #phase-word {
        text-style: bold;
    }
    StepHeader > #step-note {
        height: 1;
        text-style: italic;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def compose(self) -> ComposeResult:
        yield Line(id="phase-word")
        yield Line(id="step-line")
        yield Line(id="step-note")

    def show(self, phase: str, step: str, note: str = "") -> bool:
        """Show the phase word, the step line and the note; True when any changed."""
        changed = self.query_one("#phase-word", Line).show(phase)
        changed = self.query_one("#step-line", Line).show(step) or changed
        return self.query_one("#step-note", Line).show(note) or changed

    @property
    def phase_text(self) -> str:
        """The phase word as shown."""
        return self.query_one("#phase-word", Line).text

    @property
    def step_text(self) -> str:
        """The step line as shown."""
        return self.query_one("#step-line", Line).text

    @property
    def note_text(self) -> str:
        """The step's note as shown ("" for none)."""
        return self.query_one("#step-note", Line).text
