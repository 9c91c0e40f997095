"""`push`, `push-workout` and `icu-key`: sessions and workouts sent to intervals.icu.

`push SESSION|last --icu` uploads the session's FIT activity and sets its effort.
`push-workout WORKOUT --icu --date D` puts the workout on the intervals.icu calendar,
which sends it on to a connected watch. The API key comes from $INTERVALTIMER_ICU_KEY
or the profile (`intervaltimer icu-key` saves it there, in a file only you can read);
it is never printed. Every failure is one line on stderr, exit 1.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from datetime import date, datetime
from typing import Any, TypeVar

import click

from intervaltimer.cli.dbopt import db_option, load_session
from intervaltimer.cli.options import race_option
from intervaltimer.cli.reach import ReachProblem, planned_workout, say, session_fit
from intervaltimer.cli.restopt import rest_option

T = TypeVar("T")

ICU_HELP = "Send to intervals.icu (the one service there is today; the flag says so)."
NO_KEY = ("no intervals.icu API key: set $INTERVALTIMER_ICU_KEY, or save it with "
          "`intervaltimer icu-key` (intervals.icu, Settings, Developer Settings)")


def _key() -> str:
    from intervaltimer.cli.options import ProfileFileError
    from intervaltimer.export.icuclient import find_key
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.profile import load_profile

    try:
        profile = load_profile()
    except WorkoutError as error:
        raise ProfileFileError(error) from None
    key = find_key(profile.icu_key if profile is not None else None)
    if key is None:
        raise ReachProblem(NO_KEY)
    return key


def _run(call: Coroutine[Any, Any, T]) -> T:
    """Run one client call; its failure as one line, exit 1."""
    from intervaltimer.export.icuclient import IcuError

    try:
        return asyncio.run(call)
    except IcuError as error:
        raise ReachProblem(str(error)) from None


def _need_icu(icu: bool) -> None:
    if not icu:
        raise click.UsageError("say where to: --icu (intervals.icu)")


@click.command("push")
@click.argument("session_ref", metavar="SESSION|last")
@click.option("--icu", is_flag=True, help=ICU_HELP)
@db_option
def push(session_ref: str, icu: bool, db: str | None) -> None:
    """Upload a logged session to intervals.icu, with its laps and its effort.

    SESSION is a number from `intervaltimer history`, or `last`.

    \b
    Example:
      INTERVALTIMER_ICU_KEY=... intervaltimer push last --icu
    """
    from intervaltimer.export.icuclient import IcuClient

    _need_icu(icu)
    key = _key()
    session, reps = load_session(db, session_ref)
    data = session_fit(session, reps)
    started = datetime.fromtimestamp(session.started_at).strftime("%Y-%m-%d-%H%M")
    uploaded = _run(IcuClient(key).upload_activity(data, f"intervaltimer-{started}.fit",
                                                   session.session_rpe))
    effort = (f", effort {session.session_rpe} set" if uploaded.effort_set else "")
    click.echo(f"pushed session {session.id} to intervals.icu: activity "
               f"{uploaded.activity_id}{effort}")


def _day(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """`--date` as YYYY-MM-DD; `today` and `tomorrow` too."""
    text = value.strip().lower()
    today = date.today()
    if text in ("today", "tomorrow"):
        return date.fromordinal(today.toordinal() + (text == "tomorrow")).isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it like 2025-05-01, today "
                                 "or tomorrow", ctx=ctx, param=param) from None


@click.command("push-workout")
@click.argument("workout", metavar="WORKOUT|QUICK")
@click.option("--icu", is_flag=True, help=ICU_HELP)
@click.option("--date", "day", required=True, metavar="DATE", callback=_day,
              help="The day to plan it on: YYYY-MM-DD, today or tomorrow.")
@race_option
@rest_option
def push_workout(workout: str, icu: bool, day: str, races: tuple[str, ...],
                 rest: float | None) -> None:
    """Plan a workout on the intervals.icu calendar; it goes on to your watch from there.

    \b
    Example:
      intervaltimer push-workout 8x400-mile --icu --date tomorrow --race mile=5:40
    """
    from intervaltimer.export.icuclient import IcuClient
    from intervaltimer.export.icutext import icu_text
    from intervaltimer.export.steps import export_blocks, lost_features

    _need_icu(icu)
    key = _key()
    loaded, the_plan = planned_workout(workout, races, rest)
    for line in lost_features(the_plan, "intervals.icu"):
        say(f"note: {line}")
    text = icu_text(loaded.name, export_blocks(loaded, the_plan), title=False)
    event = _run(IcuClient(key).plan_workout(day, loaded.name, text))
    from intervaltimer.cli.textout import safe

    click.echo(safe(f"planned {loaded.name} on {day} in intervals.icu (event {event})"))


@click.command("icu-key")
@click.option("--forget", is_flag=True, help="Remove the key from the profile.")
def icu_key(forget: bool) -> None:
    """Save your intervals.icu API key in the profile (a file only you can read).

    The key is asked for without echoing it (or read from standard input when that is
    not a terminal). Find it at intervals.icu under Settings, Developer Settings.
    $INTERVALTIMER_ICU_KEY, when set, wins over the saved key.
    """
    from dataclasses import replace

    from intervaltimer.cli.options import ProfileFileError
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.profile import Profile, load_profile, save_profile

    try:
        profile = load_profile() or Profile()
    except WorkoutError as error:
        raise ProfileFileError(error) from None
    if forget:
        key = None
    elif sys.stdin.isatty():
        key = click.prompt("intervals.icu API key", hide_input=True).strip()
    else:
        key = sys.stdin.readline().strip()
    if not forget and not key:
        raise ReachProblem("no key given; nothing saved")
    try:
        path = save_profile(replace(profile, icu_key=key), keep_icu_key=False)
    except OSError as error:
        raise ReachProblem(f"cannot save the profile: {error.strerror or error}") from None
    click.echo(f"{'removed the key from' if forget else 'saved the key in'} {path}"
               + ("" if forget else " (readable by you only)"))
