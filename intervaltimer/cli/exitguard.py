"""The last guard after a signal: a run ended by SIGTERM, SIGHUP or SIGINT leaves in time.

The signal handler only asks the event loop to end the run (`tui._signals_end_run`):
the run's session is closed there, on the screen's own thread. A loop that is itself
stuck (a thread waiting forever on a terminal that is gone) would never do it, and the
process would outlive its terminal, deaf to SIGTERM. So the first signal also arms an
`ExitGuard`: if the process is still there `grace_s` later, the guard closes the run's
session (unless the loop did), gives each run's log its last moment (`rescue.settle`:
a rescue file for what the log cannot take, named on standard error if there still is
one) and ends the process with 128 + the signal's number.

The known causes of such a hang are fixed where they were (`ui/driver.py`); this is
the bound on any other.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervaltimer.track.runs import Runs

GRACE_S = 10.0  # a run's normal end takes well under 1 s, a late log 3 s more (rescue.py)


def say(message: str) -> None:
    """One line to the terminal's standard error, if it still exists (nothing if it is gone)."""
    stream = sys.__stderr__
    if stream is None:
        return
    try:
        stream.write(message + "\n")
        stream.flush()
    except (OSError, ValueError):  # the terminal hung up, or the stream is closed
        pass


class ExitGuard:
    """A timer armed by the first signal: the process ends `grace_s` later at the latest,
    its run's session closed and its logs settled."""

    def __init__(self, runs: Runs, *, command: str = "intervaltimer",
                 grace_s: float = GRACE_S, settle_wait_s: float | None = None,
                 exit_process: Callable[[int], object] = os._exit) -> None:
        self._runs = runs
        self._command = command
        self._grace_s = grace_s
        self._settle_wait_s = settle_wait_s
        self._exit = exit_process
        self._timer: threading.Timer | None = None
        self.run_closed = False  # the event loop closed the run's session itself
        self.settled = False  # the program settled its logs itself (launch's end)

    def arm(self, signum: int) -> None:
        """Start the timer for `signum` (the first signal only; later ones change nothing).

        Called from signal handlers, which Python runs on the main thread between
        any two steps of it, even inside this method for a second signal: so no
        lock (that thread would wait for itself), the timer claimed before started.
        """
        if self._timer is not None:
            return
        timer = self._timer = threading.Timer(self._grace_s, self._give_up, args=(signum,))
        timer.daemon = True  # a program that ends in time is not held by it
        timer.name = "intervaltimer-exit-guard"
        timer.start()

    def _give_up(self, signum: int) -> None:
        from intervaltimer.track.rescue import EXIT_WAIT_S, settle

        try:
            if not self.run_closed:  # the screen's thread is stuck: close it without it
                self._runs.stop_active(alone=True)
            if not self.settled:
                wait_s = EXIT_WAIT_S if self._settle_wait_s is None else self._settle_wait_s
                for message in settle(self._runs.logs, wait_s):
                    say(f"{self._command}: {message}")
        finally:
            self._exit(128 + signum)
