"""Options shared by commands: `--race DIST=TIME` and the profile it builds.

    @click.command()
    @race_option
    def plan(races: tuple[str, ...]) -> None:
        profile = profile_from_races(races)   # None: no results anywhere
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from intervaltimer.locations import profile_path
from intervaltimer.safetext import display_safe
from intervaltimer.workout.model import WorkoutError
from intervaltimer.workout.profile import Profile, load_profile, merge
from intervaltimer.workout.races import parse_race
from intervaltimer.workout.units import UnitError

F = TypeVar("F", bound=Callable[..., Any])

RACE_HELP = (
    "A race result DIST=TIME, e.g. --race mile=5:40 or --race 5k=20:00; repeat for more. "
    "Overrides profile.yaml at that distance. Race paces follow by Riegel, training paces "
    "by Daniels' VDOT."
)


class ProfileFileError(click.ClickException):
    """A profile.yaml that cannot be used: shown as `path:line:col: message` lines, exit 1."""

    exit_code = 1

    def __init__(self, error: WorkoutError) -> None:
        super().__init__(str(error))
        self.problems = error.problems

    def show(self, file: IO[Any] | None = None) -> None:
        """Print each problem on its own line to stderr, then how to bypass the file."""
        for problem in self.problems:
            click.echo(display_safe(str(problem)), err=True, file=file)
        click.echo("fix the profile, or give results with --race (e.g. --race mile=5:40)",
                   err=True, file=file)


def _check_races(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    """Reject a bad `--race` value while click parses (exit 2, with the reason)."""
    for text in value:
        try:
            parse_race(text)
        except UnitError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    return value


def race_option(function: F) -> F:
    """Add `--race DIST=TIME` (repeatable) to a command, passed to it as `races`."""
    option = click.option(
        "--race", "races", multiple=True, metavar="DIST=TIME", callback=_check_races,
        help=RACE_HELP,
    )
    return option(function)


def profile_from_races(races: tuple[str, ...], path: Path | None = None) -> Profile | None:
    """The profile file with the `--race` results applied; None when neither gives a result.

    A bad flag raises `click.BadParameter` (exit 2); a bad file a `ProfileFileError` (exit 1).
    """
    parsed = []
    for text in races:
        try:
            parsed.append(parse_race(text))
        except UnitError as error:
            raise click.BadParameter(str(error), param_hint="'--race'") from None
    try:
        from_file = load_profile(path)
    except WorkoutError as error:
        raise ProfileFileError(error) from None
    profile = merge(from_file, parsed)
    return profile if profile.races else None


def no_profile_hint(path: Path | None = None) -> str:
    """One line telling the runner how to give race results."""
    where = profile_path() if path is None else path
    return (f"no race results: pass --race mile=5:40 (or 5k=20:00, ...), or write them to "
            f"{where} as `races: {{mile: \"5:40\"}}`, or run "
            f"`intervaltimer paces --race mile=5:40 --save`")
