"""The advice for a workout's next session, read from the log (the rule is in ``advice``).

Every session of the workout that is over and has main-set reps counts, oldest first: an
abandoned or cut-short one is exactly what the advice must see. A session's rung is its
main-set rest as planned, or for an older session the rest taken (``review.rung_of``).
The ladder is the workout's ``progression:`` as its newest session ran it: from the workout
file when it is still where it was, else from the source kept in the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from intervaltimer.coach.advice import Advice, Outcome, advise
from intervaltimer.log.records import RepRecord, SessionStatus, SessionSummary
from intervaltimer.log.review import main_set, rung_of
from intervaltimer.workout.model import Progression, Then, Workout, WorkoutError

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

HISTORY_SESSIONS = 20
"""How many of a workout's newest sessions the advice reads (it looks at the last few)."""


def outcome_of(session: SessionSummary, reps: Sequence[RepRecord]) -> Outcome:
    """A logged session as the advice reads it."""
    main = main_set(reps)
    run = sum(1 for rep in main if rep.split_s is not None)
    skipped = len(main) - run
    planned = session.reps_planned
    stopped = session.status != SessionStatus.COMPLETED or (
        planned is not None and len(main) < planned)
    return Outcome(
        rest_s=rung_of(session.main_rest_s, reps),
        splits_s=tuple(rep.split_s for rep in main),
        targets_s=tuple(rep.target_s for rep in main),
        efforts=tuple(rep.rpe for rep in main),
        finished=not stopped and not skipped,
        reps_planned=planned if planned is not None else len(main),
        stopped=stopped,
    )


def workout_outcomes(store: Store, workout: str) -> list[Outcome]:
    """The outcomes of a workout's newest sessions that are over, oldest first."""
    rows = [row for row in store.summaries(workout=workout, limit=HISTORY_SESSIONS)
            if row.status != SessionStatus.RUNNING]
    reps = store.reps_by_session([row.id for row in rows])
    return [outcome_of(row, reps.get(row.id, [])) for row in reversed(rows)]


def workout_advice(store: Store, workout: str, rungs: Sequence[float] = (),
                   then: Then | None = None) -> Advice:
    """The advice for the next session of ``workout`` on its ladder (``rungs`` longest first,
    none: ``advice.implied_rungs``), with its reasons."""
    return advise(workout_outcomes(store, workout), rungs, then)


def progression_of(source: str, path: str | None = None) -> Progression | None:
    """The rest ladder of a logged workout: from its file when it is still there, else
    from its source (YAML, or a quick workout's one line); None when it has none or the
    text no longer loads."""
    from pathlib import Path

    from intervaltimer.workout.loader import load_workout, parse_workout
    from intervaltimer.workout.quick import parse_quick

    readers: list[Callable[[], Workout]] = []
    if path is not None and Path(path).is_file():
        readers.append(lambda: load_workout(path))
    text = source.strip()
    if text and "\n" not in text:
        readers.append(lambda: parse_quick(text))
    if text:
        readers.append(lambda: parse_workout(source, path or "<log>"))
    for read in readers:
        try:
            return read().progression
        except (WorkoutError, OSError):
            continue
    return None


def workout_ladder(store: Store, workout: str) -> tuple[tuple[float, ...], Then | None]:
    """The rungs (longest first) and ``then:`` of a logged workout's ladder; ((), None) when
    it declares none (the advice then steps down from the rest it ran)."""
    newest = store.last_session(workout)
    ladder = None if newest is None else progression_of(newest.source, newest.workout_path)
    return ((), None) if ladder is None else (ladder.rest_s, ladder.then)


def advice_for(store: Store, workout: str, progression: Progression | None = None) -> Advice:
    """The advice for the next session of ``workout``: on ``progression`` when given (the
    workout as loaded now), else on the ladder of its newest logged session."""
    if progression is not None:
        return workout_advice(store, workout, progression.rest_s, progression.then)
    rungs, then = workout_ladder(store, workout)
    return workout_advice(store, workout, rungs, then)


def today_line(advice: Advice, today_rest_s: float | None) -> str:
    """The preview's line: ``Today: 45 s rest, one rung shorter: ...``; when today's rest is
    set to another rung, both: ``Today: 60 s rest · advice: 45 s rest, one rung shorter: ...``."""
    from intervaltimer.workout.labels import format_span

    if not advice.sessions:
        today = "" if today_rest_s is None else f"{format_span(today_rest_s)} rest · "
        return f"Today: {today}the first session of this workout: advice starts after it"
    if today_rest_s is None or advice.rest_s is None or abs(today_rest_s - advice.rest_s) < 0.5:
        return f"Today: {advice.sentence}"
    return f"Today: {format_span(today_rest_s)} rest · advice: {advice.sentence}"
