"""Foster's weekly figures from the log: load, monotony and strain, one line per ISO week.

A session's load is its session effort × its minutes (``review.summary_load``); a day's load
the sum of its sessions'; a week's total, monotony (mean / sd of its seven daily loads) and
strain (total × monotony) are ``metrics.weekly_load``. Sessions without a session effort
carry no load: the week says how many were rated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from intervaltimer.coach.inputs import Timed
from intervaltimer.coach.metrics import daily_loads, week_start_of, weekly_load
from intervaltimer.coach.sessions import summary_load


class _Dated(Timed, Protocol):
    """A session with its start (epoch seconds), session RPE and duration."""

    @property
    def started_at(self) -> float: ...



@dataclass(frozen=True)
class Week:
    """One ISO week of sessions and its weekly load figures."""

    start: date
    sessions: int
    rated: int
    load: float
    monotony: float | None
    strain: float | None

    def to_json(self) -> dict[str, Any]:
        """``{week, sessions, rated, load, monotony, strain}``; ``week`` is its Monday."""
        return {"week": self.start.isoformat(), "sessions": self.sessions, "rated": self.rated,
                "load": round(self.load, 1),
                "monotony": None if self.monotony is None else round(self.monotony, 3),
                "strain": None if self.strain is None else round(self.strain, 1)}


def weeks(rows: Sequence[_Dated]) -> list[Week]:
    """The weeks holding ``rows``' sessions, newest first (like the history)."""
    by_week: dict[date, list[_Dated]] = {}
    for row in rows:
        day = datetime.fromtimestamp(row.started_at).date()
        by_week.setdefault(week_start_of(day), []).append(row)
    out = []
    for start in sorted(by_week, reverse=True):
        sessions = by_week[start]
        dated = [(datetime.fromtimestamp(row.started_at).date(), load)
                 for row in sessions if (load := summary_load(row)) is not None]
        figures = weekly_load(daily_loads(dated, start))
        out.append(Week(start=start, sessions=len(sessions), rated=len(dated),
                        load=figures.total, monotony=figures.monotony, strain=figures.strain))
    return out
