"""How far through the workout: a bar of steps done and `step 5/19 · 12:30 left`."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar

from intervaltimer.ui.widgets.line import Line


class StepsBar(ProgressBar):
    """Textual's `ProgressBar` without its once-a-second ETA timer.

    `ProgressBar` sets `set_interval(1, self.update)` on mount for its ETA, and
    each tick recomputes and may redraw the bar: a second wake-up every second
    on a screen that shows no ETA. This bar moves only when `update()` is called.
    """

    def _on_mount(self, event: events.Mount) -> None:
        """Draw once; no interval (`prevent_default`: the base classes' handlers, the
        bar's timer and Widget's scrollbar set-up, are not run; this bar never scrolls)."""
        event.prevent_default()
        self.update()


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
        yield StepsBar(show_percentage=False, show_eta=False)
        yield Line(id="progress-text")

    def show_steps(self, done: int, total: int, text: str) -> bool:
        """Move the bar to `done` of `total` steps and show `text` (`step 5/19 · 12:30 left`);
        True when changed."""
        bar = self.query_one(StepsBar)
        changed = False
        if bar.total != total or bar.progress != done:
            bar.update(total=total, progress=done)
            changed = True
        return self.query_one("#progress-text", Line).show(text) or changed

    @property
    def text(self) -> str:
        """The progress line as shown."""
        return self.query_one("#progress-text", Line).text
