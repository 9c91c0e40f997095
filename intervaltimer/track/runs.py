"""The runs one app started: the one on screen and the logs of all of them. No Textual.

The app holds one `Runs`. `start_run(..., runs=)` files each new run's log
here, since its writer may still be catching up after the run screen is gone
(the command line settles them at the end, rescue.py). The run screen `show`s
its runner while it is up and `hide`s it when it goes, so a signal handler or
the command line can close the session on screen however the app ends
(`stop_active`), and the phone page can ask whether a run is still the one
shown (`on_screen`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervaltimer.track.runlog import RunLog
    from intervaltimer.track.runner import Runner


class Runs:
    """The run on screen (if any) and the logs of every run started."""

    def __init__(self, active: Runner | None = None,
                 logs: list[RunLog] | None = None) -> None:
        self.active: Runner | None = active
        self.logs: list[RunLog] = [] if logs is None else logs

    def add(self, runner: Runner) -> None:
        """Keep `runner`'s log until the end of the program."""
        self.logs.append(runner.log)

    def show(self, runner: Runner) -> None:
        """`runner` is the run on screen now."""
        self.active = runner

    def hide(self, runner: Runner) -> None:
        """`runner` left the screen (another run shown since is left alone)."""
        if self.active is runner:
            self.active = None

    def on_screen(self, runner: Runner) -> bool:
        """Whether `runner` is the run on screen."""
        return self.active is runner

    def stop_active(self, *, alone: bool = False) -> str | None:
        """Close the session of the run on screen, if any: the status it ended with, else None.
        `alone`: without telling the screen (off its thread: `Runner.stop_alone`)."""
        runner, self.active = self.active, None
        if runner is None:
            return None
        return runner.stop_alone() if alone else runner.stop()
