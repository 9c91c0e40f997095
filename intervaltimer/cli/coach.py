"""`intervaltimer next` (the advice for a workout's next session), `rate` and `flag`.

`next WORKOUT --json` prints the advice object, the same as `trend WORKOUT --json`'s `advice`:

    {"action": "shorten" | "hold" | "lengthen" | "reps" | "pace", "rest_s": 45.0,
     "reps": 8 | null, "reasons": ["2 clean sessions in a row on 60 s"],
     "verdict_kinds": ["tolerance_up", "no_change"],
     "verdict": "rest cut from 90 s to 60 s, pace held: tolerance up; ...",
     "summary": "45 s rest, one rung shorter: 2 clean sessions in a row on 60 s",
     "command": "intervaltimer run 8x400-mile --rest 45s"}

`rest_s` is the main set's rest to run next time (never null: with no session yet, the
first rung); for reps|pace it stays at the shortest rung; `reps` the main set's reps. The
advice is a suggestion: nothing is changed. WORKOUT is whatever `run` takes (a library
name, a path, quick text with its rest) or a name as logged.

`rate SESSION|last RPE` gives (or changes) a session's effort, CR-10 0..10, for Foster's load.
`flag SESSION|last heat` flags a session as run in bad conditions (`--clear` clears it).

Errors: one line on stderr, exit 1.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import StoreProblem, db_option, open_log
from intervaltimer.cli.log import logged_workout
from intervaltimer.cli.textout import safe
from intervaltimer.coach.inputs import CONDITIONS
from intervaltimer.safetext import safe_json

if TYPE_CHECKING:
    from intervaltimer.coach.advice import Advice
    from intervaltimer.log.records import SessionRecord
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout


def advice_for(store: Store, workout: str, today: Workout | None = None,
               typed: str | None = None) -> Advice:
    """The advice for the next session of a logged workout, on the ladder of the workout
    the runner runs today, with the command that follows it. ``typed`` (what the runner
    named the workout by) goes into the command only when it loads as ``today``: a part of
    a logged name (``"10 x 200"``) is not something `run` takes."""
    from dataclasses import replace

    from intervaltimer.log.coach import advice_for as read_advice
    from intervaltimer.log.coach import todays_workout

    loaded = today if today is not None else todays_workout(store, workout)
    advice = read_advice(store, workout, loaded)
    runnable = typed if today is not None else None
    return replace(advice, command=run_command(advice, workout, loaded, runnable))


def run_command(advice: Advice, workout: str, today: Workout | None,
                typed: str | None = None) -> str | None:
    """``intervaltimer run 8x400-mile --rest 45s --reps 10``: the advice in one line.

    The workout as `run` finds it: its library file's name, else its file, else the text
    typed (quick syntax), else its quick text; `--reps` only when they differ from the
    written. None when `run` can no longer find it (a file gone, kept only in the log).
    """
    from pathlib import Path

    from intervaltimer.workout.library import find_by_name
    from intervaltimer.workout.mainset import main_reps

    found = find_by_name(workout)
    if found is not None:
        arg = found.stem
    elif today is not None and today.path and Path(today.path).is_file():
        arg = today.path
    elif typed:
        arg = typed
    elif today is not None and today.source and "\n" not in today.source.strip():
        arg = today.source.strip()
    else:
        return None
    parts = ["intervaltimer", "run", shlex.quote(arg), "--rest", f"{advice.rest_s:g}s"]
    written = None if today is None else main_reps(today) or None
    if advice.reps is not None and advice.reps != written:
        parts += ["--reps", str(advice.reps)]
    return " ".join(parts)


@click.command("next")
@click.argument("workout")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (documented above).")
def next_(workout: str, db: str | None, as_json: bool) -> None:
    """The advice for a workout's next session: shorten, hold or lengthen the rest, or more
    reps (or a faster target) at the shortest rest, with its reasons, the verdict, and the
    command that runs it.

    WORKOUT is whatever `run` takes (a library name, a path, quick text with its rest) or
    the workout's name as logged (or a unique part of it, any case).

    \b
    Examples:
      intervaltimer next 8x400-mile
      intervaltimer next "8x400m@mile/45s" --json
    """
    from intervaltimer.log.errors import StoreError

    with open_log(db, for_reading=True) as store:
        name, today = logged_workout(store, workout, new=True)
        try:
            advice = advice_for(store, name, today, typed=workout)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    if as_json:
        click.echo(safe_json(advice.to_json(), indent=2))
        return
    click.echo(safe(f"{name}: next time {advice.sentence}"))
    if advice.verdict.sentence:
        click.echo(safe(f"Verdict: {advice.verdict.sentence}"))
    click.echo(safe(run_line(advice, name)))


def run_line(advice: Advice, name: str) -> str:
    """``Run it: intervaltimer run ...``, or what to do when `run` cannot find the workout."""
    from intervaltimer.workout.labels import format_span

    if advice.command is not None:
        return f"Run it: {advice.command}"
    reps = "" if advice.reps is None else f", {advice.reps} reps"
    return (f"Run it: {format_span(advice.rest_s)} rest{reps}, from the workout's file: "
            f"`run` no longer finds {name!r} (its text is in `intervaltimer export`)")


def find_session(store: Store, session_ref: str) -> SessionRecord:
    """The session `SESSION|last` names; a usage error or a StoreProblem when none."""
    ref = session_ref.strip().lower()
    if ref != "last" and not ref.isdigit():
        raise click.BadParameter(f"{session_ref!r} is not a session number or `last`",
                                 param_hint="SESSION")
    session = store.last_session() if ref == "last" else store.session(int(ref))
    if session is None:
        what = "no sessions" if ref == "last" else f"no session {ref}"
        raise StoreProblem(f"{what} in {store.path}; list them with `intervaltimer history`")
    return session


@click.command()
@click.argument("session_ref", metavar="SESSION|last")
@click.argument("conditions", nargs=-1, metavar="[CONDITION...]",
                type=click.Choice(CONDITIONS, case_sensitive=False))
@click.option("--clear", is_flag=True, help="Clear the flag: conditions were normal.")
@db_option
def flag(session_ref: str, conditions: tuple[str, ...], clear: bool, db: str | None) -> None:
    """Flag a session as run in bad conditions: heat, cold, wind, rain, illness or other.

    A flagged session moves no rung: the newest holds its rung (run it again), an older one
    is left out of the advice. Only the flag counts; a note is never read for it.

    \b
    Examples:
      intervaltimer flag last heat
      intervaltimer flag 12 wind rain
      intervaltimer flag last --clear
    """
    from intervaltimer.log.errors import StoreError

    if clear and conditions:
        raise click.UsageError("give conditions or --clear, not both")
    if not clear and not conditions:
        raise click.UsageError("name a condition (" + ", ".join(CONDITIONS) + ") or --clear")
    with open_log(db) as store:
        session = find_session(store, session_ref)
        try:
            store.set_conditions(session.id, [c.lower() for c in conditions])
            flagged = store.session(session.id)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    assert flagged is not None
    what = ", ".join(flagged.conditions) if flagged.conditions else "normal conditions"
    click.echo(safe(f"session {flagged.id} ({flagged.workout}): {what}"))


@click.command()
@click.argument("session_ref", metavar="SESSION|last")
@click.argument("rpe", type=click.IntRange(0, 10), metavar="RPE")
@db_option
def rate(session_ref: str, rpe: int, db: str | None) -> None:
    """Give or change how hard a whole session was: RPE on the CR-10 scale, 0 to 10.

    SESSION is a number from `intervaltimer history`, or `last`. The session's load is
    RPE × its minutes (Foster), shown in `history`.

    \b
    Examples:
      intervaltimer rate last 7
      intervaltimer rate 12 8
    """
    from intervaltimer.coach.sessions import effort_words, summary_load
    from intervaltimer.log.errors import StoreError

    with open_log(db) as store:
        session = find_session(store, session_ref)
        try:
            store.set_session_rpe(session.id, rpe)
            rated = store.session(session.id)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    assert rated is not None
    load = summary_load(rated)
    minutes = None if rated.duration_s is None else round(rated.duration_s / 60, 1)
    text = f"session {rated.id} ({rated.workout}): effort {effort_words(rpe)}"
    if load is not None and minutes is not None:
        text += f", load {rpe * minutes:.0f} ({rpe} × {minutes:g} min)"
    click.echo(safe(text))
