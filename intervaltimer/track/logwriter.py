"""The one thread that writes a run's log, so the clock never waits on the disk.

The screen's thread (and the remote's taps, on the same event loop) only
hands over what the log should hold now (`submit`); this thread writes it. A
log that is locked by another program, a full disk or a slow card delays the
log, never the clock, the cues or the keys.

The queue holds states, not single writes: the writer reconciles the log with
the newest state it was given, so a newer state takes the place of one not
yet written (it holds everything the older one did). A write that fails is
retried, at once when a newer state comes, else every `retry_s`, until it
lands or the writer is closed; `error` holds the last failure meanwhile, for
the screen to show.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

RETRY_S = 1.0  # a failed write with nothing newer to write is tried again this often

State = TypeVar("State")


class LogWriter(Generic[State]):
    """A daemon thread that calls `write(state)` with the newest state submitted.

    `write` must make the log hold `state` whatever it held before (reconcile,
    not replay), and raise when it could not.
    """

    def __init__(self, write: Callable[[State], None], *, retry_s: float = RETRY_S,
                 name: str = "intervaltimer-log") -> None:
        self._write = write
        self._retry_s = retry_s
        self._cond = threading.Condition()
        self._wanted: State | None = None  # the newest state not yet written
        self._submitted = 0  # states handed over so far
        self._landed = 0  # the number of the last state written
        self._error: Exception | None = None
        self._failures = 0
        self._retry_at = 0.0
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    # ---- the screen's side: never blocks on the disk ---------------------------------------

    def submit(self, state: State) -> None:
        """Hand over what the log should hold now; returns at once."""
        with self._cond:
            if self._closed:
                return
            self._wanted = state
            self._submitted += 1
            self._retry_at = 0.0  # something new: try at once, even after a failure
            self._cond.notify_all()

    @property
    def behind(self) -> bool:
        """True while a state submitted has not been written yet."""
        with self._cond:
            return self._landed != self._submitted

    @property
    def error(self) -> Exception | None:
        """Why the last write failed, while the log is behind; None when it is not failing."""
        with self._cond:
            return self._error

    @property
    def failures(self) -> int:
        """Failed writes so far (for tests and the closing message)."""
        with self._cond:
            return self._failures

    def wait(self, timeout_s: float) -> bool:
        """Wait up to `timeout_s` for everything submitted so far to be written; True if it was."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            target = self._submitted
            while self._landed < target:
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return False
                self._cond.wait(left)
            return True

    def close(self, timeout_s: float) -> bool:
        """Give the writer `timeout_s` to catch up, then stop it; True when nothing is left.

        A write under way when the time is up is not interrupted (the thread is a
        daemon: it cannot keep the program alive).
        """
        landed = self.wait(timeout_s)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            return landed and self._landed == self._submitted

    # ---- the writer's side ------------------------------------------------------------------

    def _next(self) -> tuple[State, int] | None:
        """The state to write next and its number, once there is one and it is time; None
        when closed."""
        with self._cond:
            while True:
                if self._closed:
                    return None
                if self._wanted is not None:
                    wait_s = self._retry_at - time.monotonic()
                    if wait_s <= 0:
                        return self._wanted, self._submitted
                    self._cond.wait(wait_s)
                else:
                    self._cond.wait()

    def _loop(self) -> None:
        while (job := self._next()) is not None:
            state, number = job
            try:
                self._write(state)
            except Exception as error:  # a StoreError, or anything the store let through
                with self._cond:
                    self._error = error
                    self._failures += 1
                    if self._submitted == number:
                        self._retry_at = time.monotonic() + self._retry_s
                    self._cond.notify_all()
                continue
            with self._cond:
                self._landed = number
                self._error = None
                if self._submitted == number:
                    self._wanted = None
                self._cond.notify_all()
