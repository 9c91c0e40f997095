"""Textual's Linux driver with an input thread that sleeps until there is input.

Textual's `LinuxDriver` reads keys on a thread that wakes ten times a second
(`select(0.1)`) even when nothing is typed, to give its escape-sequence parser
a chance to time out a lone ESC. On a laptop left on the infield for an hour
those wake-ups were a fifth of the run screen's CPU. `QuietLinuxDriver` waits
with no timeout while the parser has nothing pending, and with Textual's own
0.1 s only while it does; stopping the driver wakes the thread through a pipe.

A terminal that vanishes (its window closed, its tmux server killed) must end
the run at once with its session kept, never leave a process behind:

- the kernel's hang-up sends SIGCONT with SIGHUP, and Textual's driver takes
  any SIGCONT for the end of a Ctrl-Z and starts application mode again: a
  second input thread on the same wake-up pipe, and the stop's one byte woke
  only one of them, so the app waited for the other forever (SIGTERM could
  not end it either). Here only a resume after a suspend of our own restarts,
  and the wake-up pipe never blocks a reader;
- the input thread takes the end of input from the terminal, or an error
  reading it, for the hang-up it is, and sends this process SIGHUP (a shell
  that ignores SIGHUP, `nohup`, kept the kernel's from reaching it);
- writes to a terminal that is gone are dropped (after the same SIGHUP),
  where they killed Textual's writer thread and then filled its queue until
  the app blocked on it.

`run_input_thread` is Textual 8.2's with those changes, line for line otherwise.
"""

from __future__ import annotations

import os
import selectors
import signal
from codecs import getincrementaldecoder
from collections.abc import Callable
from threading import Event, Lock
from typing import IO

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
        # Neither end ever blocks: a reader finding the byte taken by another returns.
        os.set_blocking(self.wake_read, False)
        os.set_blocking(self.wake_write, False)

    def set(self) -> None:
        """Set the event and wake whoever waits on `wake_read`."""
        super().set()
        try:
            os.write(self.wake_write, b"x")
        except OSError:  # the pipe is full (already woken) or closed
            pass

    def drain(self) -> None:
        """Read away the wake-up bytes (after the waiter woke); returns at once if there are
        none."""
        try:
            os.read(self.wake_read, 1024)
        except OSError:  # none left (BlockingIOError), or closed
            pass


class TerminalOutput:
    """The terminal as Textual's writer thread writes to it: a write or flush that fails
    (EIO: the terminal is gone) calls `gone()` and is dropped, so the thread lives on and
    the app never blocks on its full queue."""

    def __init__(self, file: IO[str], gone: Callable[[], None]) -> None:
        self._file = file
        self._gone = gone

    def write(self, text: str) -> None:
        """Write `text`, or drop it if the terminal is gone."""
        try:
            self._file.write(text)
        except (OSError, ValueError):  # ValueError: the file was closed
            self._gone()

    def flush(self) -> None:
        """Flush, or do nothing if the terminal is gone."""
        try:
            self._file.flush()
        except (OSError, ValueError):
            self._gone()

    def fileno(self) -> int:
        """The terminal's file descriptor."""
        return self._file.fileno()


class QuietLinuxDriver(LinuxDriver):
    """`LinuxDriver` whose input thread blocks until input, instead of polling every 0.1 s."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exit_event: WakingEvent = WakingEvent()
        self._hung_up = False
        self._hang_up_lock = Lock()
        if self._file is not None:
            self._file = TerminalOutput(self._file, self.terminal_gone)  # type: ignore[assignment]

    def terminal_gone(self) -> None:
        """The terminal has hung up: send this process SIGHUP, once, so the app ends as a
        closed terminal should (the run's session kept, exit 129)."""
        with self._hang_up_lock:
            if self._hung_up:
                return
            self._hung_up = True
        os.kill(os.getpid(), signal.SIGHUP)

    def _sigcont_application(self, *_: object) -> None:
        """Resume after a suspend of our own (Ctrl-Z, then `fg`); any other SIGCONT (the
        kernel sends one with a hang-up's SIGHUP, `kill -CONT`) changes nothing, where
        Textual's would start a second input and writer thread beside the running ones."""
        if self._must_signal_resume:
            super()._sigcont_application()

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
                    try:
                        unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    except OSError:  # EIO: the terminal is gone
                        unicode_data = ""
                    if not unicode_data:  # the end of input: never readable again
                        selector.unregister(fileno)
                        if self.input_tty:  # a terminal ends only when it hangs up
                            self.terminal_gone()
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(timeout()))
            if fileno in selector.get_map():
                selector.unregister(fileno)
            process_selector_events(selector.select(PARSER_TICK_S), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
