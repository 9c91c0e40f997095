"""How far through the workout: a bar of steps done and `step 5/19 · 12:30 left`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar

from intervaltimer.ui.widgets.line import Line


class RunProgress(Horizontal):
    """The steps done as a bar, and the step number with an estimate of the time left."""

    DEFAULT_CSS: ClassVar[str] = """
    RunProgress {
        height: 1;
        width: 100%;
    }
    RunProgress > ProgressBar {
        width: 1fr;
        height: 1;
    }
    RunProgress > ProgressBar > Bar {
        width: 1fr;
    }
    RunProgress > Line {
        width: auto;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_percentage=False, show_eta=False)
        yield Line(id="progress-text")

    def show_steps(self, done: int, total: int, text: str) -> bool:
        """Move the bar to `done` of `total` steps and show `text` (`step 5/19 · 12:30 left`);
        True when changed."""
        bar = self.query_one(ProgressBar)
        changed = False
        if bar.total != total or bar.progress != done:
            bar.update(total=total, progress=done)
            changed = True
        return self.query_one("#progress-text", Line).show(text) or changed

    @property
    def text(self) -> str:
        """The progress line as shown."""
        return self.query_one("#progress-text", Line).text
