"""`--rest TIME`: today's rest for the main set, a setting of the session, not of the workout.

    @click.command()
    @rest_option
    def run(workout: str, rest: float | None) -> None:
        chosen = with_rest(resolve_workout(workout), rest)   # WorkoutError if it cannot

Only the rests after the main set's reps change (see `workout.mainset`); the
workout keeps its name, so the session joins the same history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from intervaltimer.workout.model import Workout

F = TypeVar("F", bound=Callable[..., Any])
MAX_REST_S = 600.0


def seconds_value(ctx: click.Context, param: click.Parameter, value: str,
                  max_s: float, limits: str) -> float:
    """`45s`, `45`, `1:30` or `1min30s` as seconds from 0 to `max_s`; else a usage error
    (`limits` says the range, e.g. "a rest is 0 to 10 min")."""
    from intervaltimer.workout.units import UnitError, parse_duration

    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            seconds = parse_duration(text)
        except UnitError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
    if not 0 <= seconds <= max_s:
        raise click.BadParameter(f"{limits}, not {value}", ctx=ctx, param=param)
    return seconds


def _rest(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """`--rest 45s`, `45`, `1:30` or `1min30s` as seconds; a bad value is a usage error."""
    if value is None:
        return None
    return seconds_value(ctx, param, value, MAX_REST_S, f"a rest is 0 to {MAX_REST_S / 60:g} min")


def rest_option(function: F) -> F:
    """Add `--rest TIME` (parsed to seconds, or None) to a command."""
    return click.option(
        "--rest", "rest", metavar="TIME", default=None, callback=_rest,
        help="Today's rest after each rep of the main set (e.g. 45s, 1:30); other rests "
             "(strides, set breaks) stay as written and the workout keeps its name.",
    )(function)


def with_rest(workout: Workout, rest_s: float | None) -> Workout:
    """`workout` with today's main-set rest, or as it is without `--rest`."""
    if rest_s is None:
        return workout
    from intervaltimer.workout.mainset import with_main_rest

    return with_main_rest(workout, rest_s)


def reps_option(function: F) -> F:
    """Add `--reps N` (today's main-set reps, or None) to a command."""
    return click.option(
        "--reps", "reps", metavar="N", default=None, type=click.IntRange(1, 100),
        help="Today's reps of the main set (e.g. 10 after `then: reps +2`); the workout "
             "keeps its name and the session logs them as its reps planned.",
    )(function)


def with_reps(workout: Workout, reps: int | None) -> Workout:
    """`workout` with today's main-set reps, or as it is without `--reps`."""
    if reps is None:
        return workout
    from intervaltimer.workout.mainset import with_main_reps

    return with_main_reps(workout, reps)
