"""What the coach reads: a rep and a session, as shapes (protocols), never as the log's rows.

The log's records (``log.records.RepRecord``, ``SessionRecord``, ``SessionSummary``) have
these attributes, so the log hands them in as they are; a test hands in anything with the
same names. The coach never imports the log: it stays a pure layer, free of SQLite.
"""

from __future__ import annotations

from typing import Protocol

CONDITIONS: tuple[str, ...] = ("heat", "cold", "wind", "rain", "illness", "other")
"""The bad conditions a runner can flag a session with, in the order they are shown. A
flagged session moves no rung: the newest holds its rung, an older one is left out."""


def conditions_problem(values: object) -> str | None:
    """Why ``values`` is not a list of known conditions (None when it is)."""
    if not isinstance(values, (list, tuple)):
        return "is not a list of conditions"
    unknown = [v for v in values if v not in CONDITIONS]
    if unknown:
        return (f"{unknown[0]!r} is not a condition; the conditions are "
                + ", ".join(CONDITIONS))
    return None


def ordered_conditions(values: object) -> tuple[str, ...]:
    """Known conditions among ``values``, once each, in ``CONDITIONS`` order."""
    given = set(values) if isinstance(values, (list, tuple, set, frozenset)) else set()
    return tuple(c for c in CONDITIONS if c in given)


class Rep(Protocol):
    """One rep of a session as run, in order.

    ``split_s`` is None when the rep was skipped (``skipped``); ``target_s`` None without a
    race time for its pace; ``rpe`` the effort (CR-10) or None; ``rest_s`` the rest taken
    after it; ``main`` whether the plan marked it as the main set (None: an older log that did
    not say); ``damaged`` a reason when the stored row was not sane (such a rep never counts).
    """

    @property
    def label(self) -> str: ...
    @property
    def split_s(self) -> float | None: ...
    @property
    def distance_m(self) -> float | None: ...
    @property
    def target_s(self) -> float | None: ...
    @property
    def rest_s(self) -> float | None: ...
    @property
    def rpe(self) -> int | None: ...
    @property
    def damaged(self) -> str | None: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def main(self) -> bool | None: ...


class Timed(Protocol):
    """A session that knows its session RPE and duration (for Foster's load)."""

    @property
    def session_rpe(self) -> int | None: ...

    @property
    def duration_s(self) -> float | None: ...


class Session(Timed, Protocol):
    """One session of a workout as the coach reads it (its reps come separately).

    ``status`` is a plain string: ``running``, ``completed``, ``abandoned``, or any status a
    newer log knows (``main_set_done``): every status but ``running`` is a session that is
    over. ``main_rest_s`` is the rung as planned, ``reps_planned`` the main set's reps
    planned (both None in an older log). ``conditions`` are the bad conditions the runner
    flagged (heat, cold, wind, rain, illness, other; empty when normal).
    """

    @property
    def id(self) -> int: ...
    @property
    def started_at(self) -> float: ...
    @property
    def status(self) -> str: ...
    @property
    def main_rest_s(self) -> float | None: ...
    @property
    def reps_planned(self) -> int | None: ...
    @property
    def conditions(self) -> tuple[str, ...]: ...
