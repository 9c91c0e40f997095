"""The rest ladder the advice walks: the declared rungs, or the standard ones, and above them.

- **Declared** (``progression:`` in the workout): its rungs, continued above the longest with
  the longer standard rungs (8x400-mile: 90 → 105 s), so lengthening is always possible; its
  ``start:`` is the first session's rung, its ``then:`` what comes at the shortest rung.
- **Not declared** (a quick workout, or a file without ``progression:``): the standard rungs
  plus the written rest, down to ``SHORTEST_FILE_RUNG_S`` for a file (``then: reps +2``) or
  ``SHORTEST_QUICK_RUNG_S`` for a quick workout (no ``then:``).

A session's rung is the nearest rung to its rest (the longer one on a tie).
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.coach.thresholds import (
    SHORTEST_FILE_RUNG_S,
    SHORTEST_QUICK_RUNG_S,
    STANDARD_RUNGS_S,
    UNKNOWN_REST_S,
)
from intervaltimer.workout.model import Progression, Then, ThenKind

FILE_THEN = Then(ThenKind.REPS, reps=2, text="reps +2")
"""A workout file without a ladder adds two reps once its shortest rung holds."""


@dataclass(frozen=True)
class Ladder:
    """Rungs longest first, the first session's rung and what comes after the shortest."""

    rungs: tuple[float, ...]
    start_s: float
    then: Then | None
    declared: bool
    shortest_s: float
    """The shortest rung the advice may shorten to (a declared ladder's last)."""

    def index(self, rest_s: float) -> int:
        """The index of the rung nearest ``rest_s`` (the longer one on a tie)."""
        return min(range(len(self.rungs)), key=lambda i: (abs(self.rungs[i] - rest_s), i))

    def rung(self, rest_s: float) -> float:
        """The rung nearest ``rest_s``."""
        return self.rungs[self.index(rest_s)]

    def longer(self, rest_s: float) -> float | None:
        """The rung above ``rest_s``'s rung; None at the top (10 min)."""
        at = self.index(rest_s)
        return self.rungs[at - 1] if at > 0 else None

    def shorter(self, rest_s: float) -> float | None:
        """The rung below ``rest_s``'s rung; None at the shortest."""
        at = self.index(rest_s)
        if at + 1 >= len(self.rungs) or self.rungs[at + 1] < self.shortest_s - 1e-9:
            return None
        return self.rungs[at + 1]


def ladder_of(progression: Progression | None, written_rest_s: float | None,
              quick: bool = False) -> Ladder:
    """The ladder of a workout from its ``progression:`` (None or implicit: not declared),
    its written main-set rest and whether it is a quick workout."""
    if progression is not None and not progression.implicit:
        declared = tuple(sorted(set(progression.rest_s), reverse=True))
        above = tuple(r for r in sorted(STANDARD_RUNGS_S, reverse=True) if r > declared[0])
        start = progression.start_s if progression.start_s is not None else (
            written_rest_s if written_rest_s is not None else declared[0])
        return Ladder(rungs=above + declared, start_s=start, then=progression.then,
                      declared=True, shortest_s=declared[-1])
    shortest = SHORTEST_QUICK_RUNG_S if quick else SHORTEST_FILE_RUNG_S
    rungs = {float(r) for r in STANDARD_RUNGS_S}
    if written_rest_s is not None and written_rest_s > 0:
        rungs.add(float(written_rest_s))
    ordered = tuple(sorted(rungs, reverse=True))
    floor = min(shortest, written_rest_s) if written_rest_s else shortest
    start = float(written_rest_s) if written_rest_s else UNKNOWN_REST_S
    return Ladder(rungs=ordered, start_s=start, then=None if quick else FILE_THEN,
                  declared=False, shortest_s=floor)
