"""One timer for the run's next deadline: how the run screen wakes, and nothing else.

The screen never ticks: it asks the runner when something visible or audible
is next due (`Runner.next_wake`) and sets one timer for that instant, read
from the injected clock. Nothing due (a pause, an open step) means no timer,
except a slow one while the log's writer is behind, so the problem line
follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

    from intervaltimer.track.runner import Runner

WAKE_LATE_S = 0.001  # wake this much after a deadline, so it has surely come
LOG_WATCH_S = 1.0  # with nothing due, how often a log that is behind is looked at
FROZEN_CLOCK_WAKE_S = 0.25  # a deadline "now" on a clock that has not moved (a test's fake)


class DeadlineTimer:
    """The one timer of `owner` (a screen), calling `wake()` at the runner's next deadline."""

    def __init__(self, owner: Widget, runner: Runner, wake: Callable[[], None]) -> None:
        self.owner = owner
        self.runner = runner
        self.wake = wake
        self.timer: Timer | None = None
        self._last_now: float | None = None

    def schedule(self) -> None:
        """Set the timer for the engine's next deadline (none while nothing is due)."""
        self.stop()
        runner = self.runner
        wake = runner.next_wake()
        now = runner.clock()
        frozen = now == self._last_now
        self._last_now = now
        if wake is None:
            if runner.log.behind:  # nothing is due, but the log line must follow the writer
                self.timer = self.owner.set_timer(LOG_WATCH_S, self.wake, name="run-log-watch")
            return
        delay = wake - now
        if delay <= 1e-6 and frozen:
            delay = FROZEN_CLOCK_WAKE_S
        self.timer = self.owner.set_timer(max(0.0, delay) + WAKE_LATE_S, self.wake,
                                          name="run-deadline")

    def stop(self) -> None:
        """No timer."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
