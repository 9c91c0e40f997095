"""How far through the workout: a bar of steps done and `step 5/19 · 12:30 left`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar

from intervaltimer.engine.events import Progress
from intervaltimer.track.runtext import progress_line
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

    def show_progress(self, progress: Progress, left_s: float, finished: bool) -> bool:
        """Move the bar to the steps done and say how much is left; True when changed."""
        bar = self.query_one(ProgressBar)
        changed = False
        if bar.total != progress.steps_total or bar.progress != progress.steps_done:
            bar.update(total=progress.steps_total, progress=progress.steps_done)
            changed = True
        text = progress_line(progress, left_s, finished)
        return self.query_one("#progress-text", Line).show(text) or changed

    @property
    def text(self) -> str:
        """The progress line as shown."""
        return self.query_one("#progress-text", Line).text
