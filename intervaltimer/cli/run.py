"""`intervaltimer run WORKOUT|QUICK`: preview the plan, then run it in the terminal UI.

Everything that can be wrong is reported before the UI starts, as one line
each and exit 1: a workout that does not load, a profile that does not read,
a log that cannot be opened or written. While the UI runs, what C libraries
print on file descriptor 2 (ALSA) goes to a log file, never to the screen.
SIGTERM, SIGHUP (the terminal closed) and SIGINT end the run keeping its
session: its reps are in the log, and it is marked abandoned; the app then
exits cleanly with status 128 + the signal's number (130 for SIGINT). Without
a terminal on standard input it says so and exits 2. A session the log could
not take by the end is written to a rescue file, named on exit (status 1).

The terminal side (fd 2, signals, the player) is `intervaltimer.cli.tui.launch`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import db_option, open_log
from intervaltimer.cli.options import profile_from_races, race_option
from intervaltimer.cli.restopt import (
    reps_option,
    rest_option,
    seconds_value,
    with_reps,
    with_rest,
)
from intervaltimer.cli.textout import safe

if TYPE_CHECKING:
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.profile import Profile

MAX_LEAD_IN_S = 600.0


def _lead_in(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """`--lead-in 5`, `5s` or `0:05` as seconds (0 for none); a bad value is a usage error."""
    if value is None:
        return None
    return seconds_value(ctx, param, value, MAX_LEAD_IN_S,
                         f"the lead-in is 0 to {MAX_LEAD_IN_S:g} seconds")


def _remote_bind(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--remote-bind ADDR[:PORT]`, checked now: an address of this machine."""
    if value is None:
        return None
    from intervaltimer.remote.addresses import AddressError, check_local, lan_addresses, parse_bind

    try:
        check_local(parse_bind(value).host, lan_addresses())
    except AddressError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    return value


@click.command("run")
@click.argument("workout")
@race_option
@click.option("--no-sound", is_flag=True, help="Run silently (no cues, no bell).")
@db_option
@click.option("--lead-in", "lead_in", metavar="S", default=None, callback=_lead_in,
              help="Seconds of countdown before the first rep (and after an open rest); "
                   "overrides the workout's lead_in. 0 for none.")
@click.option("--remote", is_flag=True,
              help="Open the phone page: a QR code to scan, then the phone laps, rates and "
                   "pauses (r on the preview does the same).")
@click.option("--remote-bind", "remote_bind", metavar="ADDR[:PORT]", default=None,
              callback=_remote_bind,
              help="The address (and port) the phone page listens on; implies --remote. "
                   "Default: this machine's address on the default route, port 8765.")
@rest_option
@reps_option
def run(workout: str, races: tuple[str, ...], no_sound: bool, db: str | None,
        lead_in: float | None, remote: bool, remote_bind: str | None,
        rest: float | None, reps: int | None) -> None:
    """Preview WORKOUT's plan with its targets, then run it: big clock, cues, splits, effort.

    WORKOUT is a file, a name in the library, or quick syntax. Space laps,
    p pauses, s skips, u undoes a lap, + and - change a rest by 15 s, 1-9 and 0
    (= 10) rate the rep just run, m mutes, q quits (the session is kept).
    With --remote a phone on the same network is the lap button: scan the
    QR code the preview shows.

    \b
    Examples:
      intervaltimer run 8x400m@mile/60s --race mile=5:40
      intervaltimer run 8x400-mile --rest 45s
      intervaltimer run 8x400-mile --rest 30s --reps 10
      intervaltimer run workouts/8x400.yaml --no-sound --db /tmp/log.sqlite3
      intervaltimer run 8x400-mile --remote
    """
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.plan import expand

    try:
        chosen = with_reps(with_rest(resolve_workout(workout), rest), reps)
        profile = profile_from_races(races)
        expand(chosen, profile)
    except WorkoutError as error:
        for problem in error.problems:
            click.echo(safe(str(problem)), err=True)
        raise click.exceptions.Exit(1) from None
    from intervaltimer.cli.tui import require_terminal

    require_terminal("run")  # before the log is opened: `run X < /dev/null` writes nothing
    store = open_log(db)
    try:
        chosen_today = rest is not None or reps is not None or chosen.path is None  # quick
        code = _run_app(chosen, profile, store, lead_in, sound=not no_sound, today=chosen_today,
                        remote=remote or remote_bind is not None, remote_bind=remote_bind)
    finally:
        store.close()
    if code:
        raise click.exceptions.Exit(code)


def _run_app(workout: Workout, profile: Profile | None, store: Store, lead_in: float | None,
             *, sound: bool, remote: bool = False, remote_bind: str | None = None,
             today: bool = False) -> int:
    """Build the app with the real collaborators, run it, close the session; the exit status."""
    from intervaltimer.cli.tui import launch
    from intervaltimer.remote.link import PhoneLink
    from intervaltimer.ui.app import Start, make_app

    app = make_app(store=store, profile=profile, lead_in_s=lead_in,
                   start=Start(screen="run", workout=workout, chosen=today),
                   phone=PhoneLink(at_start=remote, bind=remote_bind))
    return launch(app, sound=sound, command="run")
