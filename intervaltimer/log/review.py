"""A session and a workout's trend read from the log, handed to the coach for their figures.

The summary screen, the session screen, ``show --json`` and ``trend`` all call these, so a
figure is computed one way everywhere (the figures themselves are ``coach``'s). Which
sessions count:

- the *previous session* of a session is the newest earlier session of the same workout
  that was completed and has reps (an abandoned try is not "the last time");
- a *trend* is over the sessions with reps of one workout, oldest first, the newest
  ``limit`` of them when a limit is given: abandoned and cut-short sessions count (the
  verdict says to back off after one), a session still running does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intervaltimer.coach.compare import Comparison, compare
from intervaltimer.coach.figures import SessionMetrics
from intervaltimer.coach.points import SessionPoint
from intervaltimer.coach.sessions import left_out_note, metrics_of, point_of
from intervaltimer.coach.trends import Trend, trend
from intervaltimer.log.records import RepRecord, SessionRecord, SessionStatus, SessionSummary

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

DEFAULT_TREND_LIMIT = 200
"""How many of a workout's newest sessions the trend screen draws."""


# -- the previous session ---------------------------------------------------------------------


def _counts(row: SessionSummary) -> bool:
    return row.status == SessionStatus.COMPLETED and row.reps > 0


def previous_session(store: Store, session: SessionRecord) -> SessionSummary | None:
    """The newest completed session with reps of the same workout started before ``session``."""
    before = (session.started_at, session.id)
    for limit in (20, None):
        rows = store.summaries(workout=session.workout, limit=limit)
        for row in rows:
            if (row.started_at, row.id) < before and _counts(row):
                return row
        if limit is None or len(rows) < limit:
            return None
    return None



@dataclass(frozen=True)
class Review:
    """A session read back for review: its reps, metrics and the previous session's."""

    session: SessionRecord
    reps: tuple[RepRecord, ...]
    metrics: SessionMetrics
    previous: SessionSummary | None
    previous_metrics: SessionMetrics | None

    @property
    def comparison(self) -> Comparison:
        """The side-by-side rows of this session and the previous one."""
        return compare(self.metrics, self.previous_metrics)

    @property
    def left_out(self) -> str:
        """One line on the reps the metrics leave out ("" when every rep counts)."""
        return left_out_note(self.reps)


def review_session(store: Store, session_id: int) -> Review | None:
    """Read a session, its reps and the previous session of its workout; None if not logged."""
    session = store.session(session_id)
    if session is None:
        return None
    reps = store.reps(session_id)
    previous = previous_session(store, session)
    previous_metrics = None
    if previous is not None:
        previous_metrics = metrics_of(previous, store.reps(previous.id), previous.reps_planned)
    return Review(session=session, reps=tuple(reps),
                  metrics=metrics_of(session, reps, session.reps_planned),
                  previous=previous, previous_metrics=previous_metrics)


# -- a workout's trend ----------------------------------------------------------------------------


def _in_trend(row: SessionSummary) -> bool:
    return row.status != SessionStatus.RUNNING and row.reps > 0


def workout_points(store: Store, workout: str, limit: int | None = None) -> list[SessionPoint]:
    """The trend points of a workout's sessions with reps, oldest first: completed, stopped
    and abandoned ones alike (a session still running is left out).

    With ``limit``, only the newest ``limit`` of them.
    """
    rows = [row for row in store.summaries(workout=workout) if _in_trend(row)]
    if limit is not None:
        rows = rows[:limit]
    reps = store.reps_by_session([row.id for row in rows])
    return [point_of(row, reps.get(row.id, [])) for row in reversed(rows)]


def workout_trend(store: Store, workout: str, limit: int | None = None) -> Trend:
    """The trend of a workout's sessions with reps (the newest ``limit``, if given)."""
    return trend(workout_points(store, workout, limit))
