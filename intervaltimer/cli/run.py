"""`intervaltimer run WORKOUT|QUICK`: preview the plan, then run it in the terminal UI.

Everything that can be wrong is reported before the UI starts, as one line
each and exit 1: a workout that does not load, a profile that does not read,
a log that cannot be opened or written. While the UI runs, what C libraries
print on file descriptor 2 (ALSA) goes to a log file, never to the screen.
SIGTERM and SIGHUP (the terminal closed) end the run keeping its session:
its reps are already in the log, and it is marked abandoned; the app then
exits cleanly with status 128 + the signal's number.

Textual draws the screen on `sys.__stderr__` (file descriptor 2), so fd 2 is
sent to the log only after the screen has been given a descriptor of its own
(`ui_stderr_to`).
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

from intervaltimer.cli.dbopt import db_option, open_log
from intervaltimer.cli.options import profile_from_races, race_option

if TYPE_CHECKING:
    from intervaltimer.ui.app import IntervalTimerApp

SIGNALS = ("SIGTERM", "SIGHUP")
MAX_LEAD_IN_S = 600.0


def _lead_in(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """`--lead-in 5`, `5s` or `0:05` as seconds (0 for none); a bad value is a usage error."""
    if value is None:
        return None
    from intervaltimer.workout.units import UnitError, parse_duration

    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            seconds = parse_duration(text)
        except UnitError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    if not 0 <= seconds <= MAX_LEAD_IN_S:
        raise click.BadParameter(f"the lead-in is 0 to {MAX_LEAD_IN_S:g} seconds, not {value}",
                                 ctx=ctx, param=param)
    return seconds


@click.command("run")
@click.argument("workout")
@race_option
@click.option("--no-sound", is_flag=True, help="Run silently (no cues, no bell).")
@db_option
@click.option("--lead-in", "lead_in", metavar="S", default=None, callback=_lead_in,
              help="Seconds of countdown before the first rep (and after an open rest); "
                   "overrides the workout's lead_in. 0 for none.")
def run(workout: str, races: tuple[str, ...], no_sound: bool, db: str | None,
        lead_in: float | None) -> None:
    """Preview WORKOUT's plan with its targets, then run it: big clock, cues, splits, effort.

    WORKOUT is a file, a name in the library, or quick syntax. Space laps,
    p pauses, s skips, u undoes a lap, + and - change a rest by 15 s, 1-9 and 0
    (= 10) rate the rep just run, m mutes, q quits (the session is kept).

    \b
    Examples:
      intervaltimer run 8x400m@mile/60s --race mile=5:40
      intervaltimer run workouts/8x400.yaml --no-sound --db /tmp/log.sqlite3
    """
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.plan import expand

    try:
        chosen = resolve_workout(workout)
        profile = profile_from_races(races)
        expand(chosen, profile)
    except WorkoutError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        raise click.exceptions.Exit(1) from None
    store = open_log(db)
    try:
        code = _run_app(chosen, profile, store, lead_in, sound=not no_sound)
    finally:
        store.close()
    if code:
        raise click.exceptions.Exit(code)


def _run_app(workout: Any, profile: Any, store: Any, lead_in: float | None,
             *, sound: bool) -> int:
    """Build the app with the real collaborators, run it, close the session; the exit status."""
    from intervaltimer.audio.player import make_player
    from intervaltimer.audio.quiet import stderr_log_path
    from intervaltimer.ui.app import Start, make_app
    from intervaltimer.ui.runner import stop_active_run

    log_path = stderr_log_path()
    app = make_app(store=store, profile=profile, lead_in_s=lead_in,
                   start=Start(screen="run", workout=workout))
    caught: list[int] = []
    with ui_stderr_to(log_path):
        app.services.player = make_player(enabled=sound, bell=app.bell)
        try:
            with _signals_end_run(app, caught):
                app.run()
        finally:
            stop_active_run(app.services.extra)
            app.services.player.close()
    if caught:
        return 128 + caught[0]
    if app.return_code:
        click.echo(f"intervaltimer run: the screen stopped on an error; the session and its "
                   f"reps are kept. Details: {log_path}", err=True)
        return 1
    return 0


@contextmanager
def ui_stderr_to(log_path: Path) -> Iterator[None]:
    """Send file descriptor 2 to `log_path` (ALSA's lines), but keep the screen on the terminal.

    Textual draws on `sys.__stderr__`, which is file descriptor 2: pointing fd
    2 at a log (`audio.quiet.stderr_to`) would send the whole UI there. So the
    terminal is first given a descriptor of its own, and `sys.__stderr__`
    writes to that while the block runs; C libraries writing to fd 2, and
    Python's `sys.stderr`, reach the log only. Wrap `app.run()` in this.
    """
    from intervaltimer.audio.quiet import stderr_to as redirect

    original = sys.__stderr__
    try:
        terminal_fd = os.dup(2)
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
def _signals_end_run(app: IntervalTimerApp, caught: list[int]) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP close the run's session and exit the app."""
    from intervaltimer.ui.runner import stop_active_run

    def end_run(signum: int) -> None:
        stop_active_run(app.services.extra)
        app.exit(return_code=128 + signum)

    def handler(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the UI is not running (yet, or any more)
            stop_active_run(app.services.extra)
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
