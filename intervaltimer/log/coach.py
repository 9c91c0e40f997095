"""The advice for a workout's next session, read from the log (the rules are ``coach``'s).

This reads; the coach judges. The sessions are the workout's, oldest first, each as
``coach.grading.Outcome``. The ladder is the workout's the runner runs today: the one
handed in (the preview's, or the one ``next WORKOUT`` names), else the library file of that
name, else the file the newest session ran when it is still there, else the source the
log kept (a workout that is gone).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from intervaltimer.coach.advice import Advice, advise
from intervaltimer.coach.grading import Outcome, outcome_of
from intervaltimer.coach.ladder import Ladder, ladder_of
from intervaltimer.coach.thresholds import HISTORY_SESSIONS
from intervaltimer.log.records import SessionStatus
from intervaltimer.workout.model import Workout, WorkoutError

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

QUICK_PATH = "<quick>"
"""The path a quick workout (``8x400m@mile/60s``) carries."""


def workout_outcomes(store: Store, workout: str) -> list[Outcome]:
    """The outcomes of a workout's newest sessions that are over, oldest first. Any status
    but running counts as over, one this version does not know too."""
    rows = [row for row in store.summaries(workout=workout, limit=HISTORY_SESSIONS * 2)
            if row.status != SessionStatus.RUNNING]
    reps = store.reps_by_session([row.id for row in rows])
    return [outcome_of(row, reps.get(row.id, [])) for row in reversed(rows)]


def is_quick(workout: Workout) -> bool:
    """A workout written on the command line (``8x400m@mile/60s``), not a file."""
    return workout.path == QUICK_PATH or (
        workout.progression is not None and workout.progression.implicit)


def ladder_of_workout(workout: Workout) -> Ladder:
    """The ladder of a loaded workout (see ``coach.ladder``)."""
    from intervaltimer.workout.mainset import main_rest_s

    return ladder_of(workout.progression, main_rest_s(workout), quick=is_quick(workout))


def _logged_workout(source: str, path: str | None) -> Workout | None:
    """A logged session's workout: its file when still there, else its source."""
    from intervaltimer.workout.loader import load_workout, parse_workout
    from intervaltimer.workout.quick import parse_quick

    readers: list[Callable[[], Workout]] = []
    if path is not None and path != QUICK_PATH and Path(path).is_file():
        readers.append(lambda: load_workout(path))
    text = source.strip()
    if text and "\n" not in text:
        readers.append(lambda: parse_quick(text))
    if text:
        readers.append(lambda: parse_workout(source, path or "<log>"))
    for read in readers:
        try:
            return read()
        except (WorkoutError, OSError):
            continue
    return None


def todays_workout(store: Store, workout: str) -> Workout | None:
    """The workout called ``workout`` as the runner would run it today: the library file of
    that name, else the newest session's file or kept source; None when nothing loads."""
    from intervaltimer.workout.library import find_by_name
    from intervaltimer.workout.loader import load_workout

    found = find_by_name(workout)
    if found is not None:
        try:
            return load_workout(found)
        except (WorkoutError, OSError):
            pass
    newest = store.last_session(workout)
    return None if newest is None else _logged_workout(newest.source, newest.workout_path)


def advice_for(store: Store, workout: str, today: Workout | None = None) -> Advice:
    """The advice for the next session of ``workout`` on the ladder of ``today`` (the
    workout as the runner loads it now), else of ``todays_workout``."""
    outcomes = workout_outcomes(store, workout)
    loaded = today if today is not None else todays_workout(store, workout)
    if loaded is not None:
        ladder = ladder_of_workout(loaded)
    else:
        rungs = [o.rung_s for o in outcomes if o.rung_s is not None]
        ladder = ladder_of(None, rungs[-1] if rungs else None)
    return advise(outcomes, ladder)


def today_line(advice: Advice, today_rest_s: float | None,
               today_reps: int | None = None, takes: bool = True) -> str:
    """The preview's line: ``Today: 45 s rest, one rung shorter: ...``; when today's rest or
    reps differ from the advice, both are shown, and ``takes`` (enter starts on the advice,
    the runner chose nothing else) says so."""
    takes_it = " · enter takes the advice" if takes else ""
    from intervaltimer.workout.labels import format_span

    if not advice.sessions:
        first = (f"Today: {format_span(advice.rest_s)} rest, the first rung: advice starts "
                 "after this session")
        if today_rest_s is not None and abs(today_rest_s - advice.rest_s) >= 0.5:
            first += takes_it
        return first
    same_rest = today_rest_s is not None and abs(today_rest_s - advice.rest_s) < 0.5
    same_reps = advice.reps is None or today_reps is None or today_reps == advice.reps
    if same_rest and same_reps:
        return f"Today: {advice.sentence}"
    now = [] if today_rest_s is None else [f"{format_span(today_rest_s)} rest"]
    if today_reps is not None and not same_reps:
        now.append(f"{today_reps} reps")
    shown = ", ".join(now) or "as written"
    return f"Today: {shown} · advice: {advice.sentence}{takes_it}"
