"""Textual's Linux driver with an input thread that sleeps until there is input.

Textual's `LinuxDriver` reads keys on a thread that wakes ten times a second
(`select(0.1)`) even when nothing is typed, to give its escape-sequence parser
a chance to time out a lone ESC. On a laptop left on the infield for an hour
those wake-ups were a fifth of the run screen's CPU. `QuietLinuxDriver` waits
with no timeout while the parser has nothing pending, and with Textual's own
0.1 s only while it does; stopping the driver wakes the thread through a pipe.

Only `run_input_thread` differs from Textual 8.2's, line for line otherwise.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from threading import Event

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

PARSER_TICK_S = 0.1  # Textual's own wait while an escape sequence may still be coming


class WakingEvent(Event):
    """A threading `Event` whose `set()` also writes a byte to a pipe, to wake a `select`."""

    def __init__(self) -> None:
        super().__init__()
        self.wake_read, self.wake_write = os.pipe()

    def set(self) -> None:
        """Set the event and wake whoever waits on `wake_read`."""
        super().set()
        try:
            os.write(self.wake_write, b"x")
        except OSError:  # the pipe is full (already woken) or closed
            pass

    def drain(self) -> None:
        """Read away the wake-up bytes (after the waiter woke)."""
        try:
            os.read(self.wake_read, 1024)
        except OSError:
            pass


class QuietLinuxDriver(LinuxDriver):
    """`LinuxDriver` whose input thread blocks until input, instead of polling every 0.1 s."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exit_event: WakingEvent = WakingEvent()

    def close(self) -> None:
        """Close Textual's writer, then the wake-up pipe."""
        super().close()
        for fd in (self.exit_event.wake_read, self.exit_event.wake_write):
            try:
                os.close(fd)
            except OSError:
                pass

    def run_input_thread(self) -> None:
        """Wait for input (or the parser's timeout, or the stop) and dispatch events."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        wake = self.exit_event.wake_read
        selector.register(wake, selectors.EVENT_READ)

        fileno = self.fileno
        event_read = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        feed = parser.feed
        tick = parser.tick

        decode = getincrementaldecoder("utf-8")().decode
        read = os.read

        def timeout() -> float | None:
            """Block while nothing is half-parsed; else Textual's tick."""
            return None if parser._timeout_time is None else PARSER_TICK_S

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (selector_key, mask) in loop_last(selector_events):
                if selector_key.fd == wake:
                    self.exit_event.drain()
                    continue
                if mask & event_read:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break  # stdin is piped and at its end
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(timeout()))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(PARSER_TICK_S), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
