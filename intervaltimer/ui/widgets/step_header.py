"""What the runner is doing and which step it is: `REST` over `Rest 60 s · stand`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical

from intervaltimer.ui.widgets.line import Line


class StepHeader(Vertical):
    """Two centred lines: the phase in capitals, then the step with its target."""

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
    """

    def compose(self) -> ComposeResult:
        yield Line(id="phase-word")
        yield Line(id="step-line")

    def show(self, phase: str, step: str) -> bool:
        """Show the phase word and the step line; True when either changed."""
        changed = self.query_one("#phase-word", Line).show(phase)
        return self.query_one("#step-line", Line).show(step) or changed

    @property
    def phase_text(self) -> str:
        """The phase word as shown."""
        return self.query_one("#phase-word", Line).text

    @property
    def step_text(self) -> str:
        """The step line as shown."""
        return self.query_one("#step-line", Line).text
