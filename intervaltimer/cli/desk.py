"""The desk commands, which open the terminal UI: the library, the editor and the profile.

    intervaltimer                       the workout library (hidden command `home`)
    intervaltimer edit WORKOUT          the YAML editor on a file, or a library workout by name
    intervaltimer new NAME [--from T]   a new workout from a template, then the editor
    intervaltimer profile               race times in, paces out

textual is imported only inside the command bodies, so `--help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import db_option
from intervaltimer.cli.options import ProfileFileError, profile_from_races, race_option
from intervaltimer.cli.textout import safe
from intervaltimer.workout.templates import DEFAULT_TEMPLATE, TEMPLATES

if TYPE_CHECKING:
    from intervaltimer.log.store import Store
    from intervaltimer.ui.app import Start
    from intervaltimer.workout.profile import Profile



def _open_store(db: str | None) -> Store | None:
    """The log for "last run" and runs from the library; None when it cannot be opened."""
    from intervaltimer.cli.dbopt import open_log

    try:
        return open_log(db)
    except click.ClickException:
        return None


def _profile(races: tuple[str, ...]) -> tuple[Profile | None, list[str]]:
    """The profile with `--race` applied; a broken profile.yaml is set aside, not fatal.

    The desk is where a runner fixes things, so a bad profile file opens the UI
    anyway (without it) and its problems are shown there.
    """
    try:
        return profile_from_races(races), []
    except ProfileFileError as error:
        from intervaltimer.workout.profile import merge
        from intervaltimer.workout.races import parse_race

        given = merge(None, [parse_race(text) for text in races])
        return (given if given.races else None), [str(p) for p in error.problems]


def _run_ui(start: Start, races: tuple[str, ...] = (), db: str | None = None,
            *, sound: bool = True) -> None:
    """Build the app with the real collaborators and run it until the runner quits."""
    from intervaltimer.cli.tui import launch, require_terminal
    from intervaltimer.remote.link import PhoneLink
    from intervaltimer.ui.app import make_app

    require_terminal("intervaltimer")  # before the log is opened: nothing written without one
    profile, problems = _profile(races)
    store = _open_store(db)
    try:
        app = make_app(profile=profile, store=store, start=start, phone=PhoneLink())
        app.services.profile_problems = problems
        code = launch(app, sound=sound)
    finally:
        if store is not None:
            store.close()
    if code:
        raise click.exceptions.Exit(code)


@click.command("home", hidden=True)
@race_option
@db_option
@click.option("--no-sound", is_flag=True, help="Run workouts silently (no cues, no bell).")
def home(races: tuple[str, ...], db: str | None, no_sound: bool) -> None:
    """Open the workout library."""
    from intervaltimer.ui.app import Start

    _run_ui(Start(screen="home"), races, db, sound=not no_sound)


@click.command("edit")
@click.argument("workout")
@race_option
def edit(workout: str, races: tuple[str, ...]) -> None:
    """Edit a workout file in the YAML editor, checked as you type.

    WORKOUT is a file path, or the name of a workout in the library. A shipped
    workout is never overwritten: saving it writes your own copy.

    \b
    Examples:
      intervaltimer edit workouts/8x400.yaml
      intervaltimer edit "8 x 400 m at mile pace" --race mile=5:40
    """
    from intervaltimer.workout.library import find_workout_file

    path = find_workout_file(workout)
    if path is None:
        click.echo(safe(f"intervaltimer edit: no workout {workout!r} (not a file, nor a name in "
                        f"the library); create it with: intervaltimer new {_quote(workout)}"),
                   err=True)
        raise click.exceptions.Exit(1)
    from intervaltimer.ui.app import Start

    _run_ui(Start(screen="edit", path=path), races)


def _quote(text: str) -> str:
    """`text` quoted for a shell when it has spaces or quotes."""
    if text and all(c.isalnum() or c in "-_.@/" for c in text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


@click.command("new")
@click.argument("name")
@click.option("--from", "template", type=click.Choice(list(TEMPLATES)), default=DEFAULT_TEMPLATE,
              show_default=True, help="The template to start from.")
@click.option("--no-edit", is_flag=True, help="Only write the file; do not open the editor.")
def new(name: str, template: str, no_edit: bool) -> None:
    """Create a workout in your own folder from a template, then edit it.

    \b
    Templates:
      reps          N x distance at a pace, fixed rest
      pyramid       200-400-800-400-200, rest growing
      send-off      a rep every 2:30, rest is what is left
      strides-core  strides on open rest, then a core circuit

    \b
    Example:
      intervaltimer new "6 x 800 m at 5k" --from reps
    """
    from intervaltimer.fileio import atomic_write_text
    from intervaltimer.locations import user_workouts_dir
    from intervaltimer.workout.templates import render_template, slug

    if not name.strip():
        raise click.BadParameter("a workout needs a name", param_hint="NAME")
    path = user_workouts_dir() / f"{slug(name)}.yaml"
    if path.exists():
        click.echo(safe(f"intervaltimer new: {path} already exists; edit it with: "
                        f"intervaltimer edit {_quote(str(path))}"), err=True)
        raise click.exceptions.Exit(1)
    try:
        atomic_write_text(path, render_template(template, name.strip()))
    except OSError as error:
        click.echo(safe(f"intervaltimer new: cannot write {path}: {error.strerror or error}"),
                   err=True)
        raise click.exceptions.Exit(1) from None
    click.echo(safe(f"created {path}"))
    if no_edit:
        return
    from intervaltimer.ui.app import Start

    _run_ui(Start(screen="edit", path=path))


@click.command("profile")
def profile() -> None:
    """Enter race times and see VDOT and every pace they give, as you type.

    Saved to profile.yaml in the config folder ($INTERVALTIMER_CONFIG, or the
    platform's, e.g. ~/.config/intervaltimer).
    """
    from intervaltimer.ui.app import Start

    _run_ui(Start(screen="profile"))
