"""`intervaltimer next` (the advice for a workout's next session) and `intervaltimer rate`.

`next WORKOUT --json` prints the advice object, the same as `trend WORKOUT --json`'s `advice`:

    {"action": "shorten" | "hold" | "lengthen" | "reps" | "pace", "rest_s": 45.0 | null,
     "reasons": ["last 2 sessions every rep within +0.6 s, fade +0.8 s, last-rep effort 7"],
     "summary": "45 s rest, one rung shorter: last 2 sessions every rep within ..."}

`rest_s` is the main set's rest to run next time (`run WORKOUT --rest 45s`); for reps|pace
it stays at the shortest rung. The advice is a suggestion: nothing is changed.

`rate SESSION|last RPE` gives (or changes) a session's effort, CR-10 0..10, for Foster's load.

Errors: one line on stderr, exit 1.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import StoreProblem, db_option, open_log
from intervaltimer.cli.log import logged_workout_name
from intervaltimer.cli.textout import safe
from intervaltimer.safetext import safe_json

if TYPE_CHECKING:
    from intervaltimer.coach.advice import Advice
    from intervaltimer.log.store import Store


def advice_for(store: Store, workout: str) -> Advice:
    """The advice for the next session of a logged workout, on the ladder of its newest
    session's workout."""
    from intervaltimer.log.coach import advice_for as read_advice

    return read_advice(store, workout)


@click.command("next")
@click.argument("workout")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (documented above).")
def next_(workout: str, db: str | None, as_json: bool) -> None:
    """The advice for a workout's next session: shorten, hold or lengthen the rest, or more
    reps (or a faster target) at the shortest rest, with its reasons.

    WORKOUT is the workout's name as logged (or a unique part of it, any case).

    \b
    Examples:
      intervaltimer next 8x400-mile
      intervaltimer next "8 x 400" --json
    """
    from intervaltimer.log.errors import StoreError

    with open_log(db, for_reading=True) as store:
        name = logged_workout_name(store, workout)
        try:
            advice = advice_for(store, name)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    if as_json:
        click.echo(safe_json(advice.to_json(), indent=2))
    else:
        click.echo(safe(f"{name}: next time {advice.sentence}"))


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

    ref = session_ref.strip().lower()
    if ref != "last" and not ref.isdigit():
        raise click.BadParameter(f"{session_ref!r} is not a session number or `last`",
                                 param_hint="SESSION")
    with open_log(db) as store:
        session = store.last_session() if ref == "last" else store.session(int(ref))
        if session is None:
            what = "no sessions" if ref == "last" else f"no session {ref}"
            raise StoreProblem(f"{what} in {store.path}; list them with `intervaltimer history`")
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
