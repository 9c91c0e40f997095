"""Running the terminal UI for real: the screen on the terminal, ALSA's lines in a log,
SIGTERM, SIGHUP and SIGINT ending a run with its session kept, the player made and closed.
A signal's end is bounded (`exitguard.py`); a terminal that vanished is a SIGHUP (the
driver sends one if the kernel's did not reach us), and what is said at the end is
dropped when there is no terminal left to say it on.

Every command that opens the UI goes through `launch(app)`, so a run started from the
library behaves exactly as one started by `intervaltimer run`.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from intervaltimer.cli.textout import safe

if TYPE_CHECKING:
    from intervaltimer.cli.exitguard import ExitGuard
    from intervaltimer.ui.app import IntervalTimerApp

SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
NO_TERMINAL_STATUS = 2  # a usage error: the screen needs a terminal to read keys from
UNSAVED_STATUS = 1  # the log could not take a session: it is in a rescue file


def has_terminal() -> bool:
    """True when standard input is a terminal, so the screen can read keys."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # closed
        return False


def require_terminal(command: str) -> None:
    """Exit 2 with one line unless standard input is a terminal (`run X < /dev/null`)."""
    if not has_terminal():
        click.echo(f"{_name(command)}: needs a terminal to read keys from, and standard "
                   "input is not one (a file, a pipe or /dev/null); run it in a terminal",
                   err=True)
        raise click.exceptions.Exit(NO_TERMINAL_STATUS)


def _name(command: str) -> str:
    return command if command.startswith("intervaltimer") else f"intervaltimer {command}"


def launch(app: IntervalTimerApp, *, sound: bool = True, command: str = "intervaltimer") -> int:
    """Run `app` in this terminal with a real player; the exit status (128 + signal if killed).

    At the end every run's log gets a last moment to catch up (`rescue.settle`);
    a session it still cannot take is written to a rescue file, and the exit
    status is 1 (or the signal's) with a message naming the file.
    """
    from intervaltimer.audio.player import make_player
    from intervaltimer.audio.speech import Speech
    from intervaltimer.cli.exitguard import ExitGuard, say
    from intervaltimer.locations import stderr_log_path
    from intervaltimer.track.rescue import settle

    require_terminal(command)
    log_path = stderr_log_path()
    caught: list[int] = []
    guard = ExitGuard(app.runs, command=_name(command))
    with ui_stderr_to(log_path):
        player = make_player(enabled=sound, bell=app.bell)
        app.services.player = player
        speech = Speech()
        if app.services.speech is None and sound:  # --no-sound: no voice either
            app.services.speech = speech
        try:
            with _signals_end_run(app, caught, guard):
                app.run()
        finally:
            app.runs.stop_active()
            player.close()
            speech.close()
    unsaved = settle(app.runs.logs)
    guard.settled = True
    for message in unsaved:
        say(safe(f"{_name(command)}: {message}"))
    if caught:
        return 128 + caught[0]
    if unsaved:
        return UNSAVED_STATUS
    if app.return_code:
        say(f"{_name(command)}: the screen stopped on an error; any session and "
             f"its reps are kept. Details: {log_path}")
        return 1
    return 0


@contextmanager
def ui_stderr_to(log_path: Path) -> Iterator[None]:
    """Send file descriptor 2 to `log_path` (ALSA's lines), but keep the screen on the terminal.

    Textual draws on `sys.__stderr__`, which is file descriptor 2: pointing fd
    2 at a log (`audio.quiet.stderr_to`) would send the whole UI there. So the
    terminal is first given a descriptor of its own, and `sys.__stderr__`
    writes to that while the block runs; C libraries writing to fd 2, and
    Python's `sys.stderr`, reach the log only. When fd 2 is not a terminal but
    fd 1 is (`2>file`), the screen goes to fd 1. Wrap `app.run()` in this.
    """
    from intervaltimer.audio.quiet import stderr_to as redirect

    original = sys.__stderr__
    # `intervaltimer run ... 2>err.txt`: fd 2 is a file, the terminal is on fd 1.
    screen_fd = 1 if not os.isatty(2) and os.isatty(1) else 2
    try:
        terminal_fd = os.dup(screen_fd)
    except OSError:  # no fd 2 at all: nothing to keep apart
        with redirect(log_path):
            yield
        return
    encoding = getattr(original, "encoding", None) or "utf-8"
    terminal = io.TextIOWrapper(io.FileIO(terminal_fd, "w"), encoding=encoding,
                                errors="replace", line_buffering=False, write_through=True)
    setattr(sys, "__stderr__", terminal)  # noqa: B010 - typeshed marks it Final
    try:
        with redirect(log_path):
            yield
    finally:
        setattr(sys, "__stderr__", original)  # noqa: B010
        terminal.close()


@contextmanager
def _signals_end_run(app: IntervalTimerApp, caught: list[int],
                     guard: ExitGuard) -> Iterator[None]:
    """While the block runs, SIGTERM, SIGHUP and SIGINT close the run's session and exit
    the app (the exit status is 128 + the signal's number: 130 for SIGINT); the first
    one arms `guard`, the bound on an app that does not end."""

    def end_run(signum: int) -> None:
        app.runs.stop_active()
        guard.run_closed = True
        app.exit(return_code=128 + signum)

    def handler(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)
        guard.arm(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the UI is not running (yet, or any more)
            app.runs.stop_active()
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(end_run, signum)

    previous: dict[int, Callable[..., Any] | int | None] = {}
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
