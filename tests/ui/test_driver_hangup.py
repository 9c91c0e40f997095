"""The terminal driver when its terminal vanishes (ui/driver.py).

A hung-up terminal left `intervaltimer run` processes behind, deaf to SIGTERM:
the kernel's SIGCONT (sent with SIGHUP) made Textual start a second input
thread; the stop's one wake-up byte woke only one of the two, and the app
joined the other for ever. These tests drive the driver's parts on a real
pseudo-terminal whose other end is closed, as a closed window's is.
"""

from __future__ import annotations

import io
import os
import threading
import tty
from collections.abc import Iterator
from contextlib import contextmanager

from textual import events

from intervaltimer.ui.driver import QuietLinuxDriver, TerminalOutput, WakingEvent

WAIT_S = 5.0


def bare_driver() -> QuietLinuxDriver:
    """A driver without its `__init__` (which takes this process's terminal and signals)."""
    return object.__new__(QuietLinuxDriver)


@contextmanager
def pseudo_terminal() -> Iterator[tuple[int, int]]:
    """(the window's end, the program's end) of a new pseudo-terminal, key by key as the
    app sets it (not line by line); both closed after."""
    window, program = os.openpty()
    tty.setraw(program)
    try:
        yield window, program
    finally:
        for fd in (window, program):
            try:
                os.close(fd)
            except OSError:
                pass


def test_a_sigcont_without_a_suspend_of_ours_starts_nothing() -> None:
    driver = bare_driver()
    driver._auto_restart = True
    resumed: list[str] = []
    driver.resume_application_mode = lambda: resumed.append("resumed")  # type: ignore[method-assign]
    driver._must_signal_resume = False
    driver._sigcont_application()  # the kernel's SIGCONT with a hang-up's SIGHUP
    assert resumed == []
    driver._must_signal_resume = True  # Ctrl-Z suspended us; `fg` sends SIGCONT
    driver._sigcont_application()
    assert resumed == ["resumed"]


def test_one_wake_up_for_two_readers_blocks_neither() -> None:
    event = WakingEvent()
    try:
        event.set()
        event.drain()  # the first reader takes the byte
        second = threading.Thread(target=event.drain, daemon=True)
        second.start()
        second.join(WAIT_S)
        assert not second.is_alive(), "the second reader waits for a byte that never comes"
    finally:
        os.close(event.wake_read)
        os.close(event.wake_write)


def test_the_terminal_hanging_up_is_told_once_and_the_input_thread_ends() -> None:
    with pseudo_terminal() as (window, program):
        driver = bare_driver()
        driver.fileno = program
        driver.input_tty = True
        driver._debug = False
        driver.exit_event = WakingEvent()
        keys: list[str] = []
        driver.process_message = lambda m: keys.append(m.key) if isinstance(  # type: ignore[method-assign]
            m, events.Key) else None
        told = threading.Event()
        calls: list[str] = []

        def terminal_gone() -> None:
            calls.append("gone")
            told.set()

        driver.terminal_gone = terminal_gone  # type: ignore[method-assign]
        thread = threading.Thread(target=driver.run_input_thread, daemon=True)
        thread.start()
        try:
            os.write(window, b"a")
            pause = threading.Event()  # never set: a sleep
            for _ in range(100):
                if keys:
                    break
                pause.wait(0.05)
            assert keys == ["a"]
            os.close(window)  # the window closes
            assert told.wait(WAIT_S), "the input thread never noticed the terminal had gone"
            pause.wait(0.3)  # a thread that spun on the end of input would tell again
            assert calls == ["gone"]
        finally:
            driver.exit_event.set()  # the app's stop, after its SIGHUP
            thread.join(WAIT_S)
            os.close(driver.exit_event.wake_read)
            os.close(driver.exit_event.wake_write)
        assert not thread.is_alive()


def test_writes_to_a_terminal_that_is_gone_are_dropped_and_told() -> None:
    with pseudo_terminal() as (window, program):
        screen = io.TextIOWrapper(io.FileIO(os.dup(program), "w"), write_through=True)
        told: list[str] = []
        output = TerminalOutput(screen, lambda: told.append("gone"))
        output.write("frame 1")
        output.flush()
        assert told == [] and os.read(window, 100) == b"frame 1"
        os.close(window)
        output.write("frame 2")  # EIO: Textual's writer thread died of this
        output.flush()
        assert told and set(told) == {"gone"}
        assert output.fileno() == screen.fileno()
        try:
            screen.close()
        except OSError:
            pass
