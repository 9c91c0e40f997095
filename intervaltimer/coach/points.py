"""A session reduced to the figures a trend compares, and the noise below which nothing is told.

Shared by ``trends`` (the lines and the within-rung sentence) and ``verdict`` (the coach's
sentence across rungs and targets).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intervaltimer.coach.figures import SessionMetrics
from intervaltimer.coach.thresholds import PCT_NOISE as PCT_NOISE
from intervaltimer.coach.thresholds import RPE_NOISE as RPE_NOISE
from intervaltimer.coach.thresholds import SPLIT_NOISE_FLOOR_S as SPLIT_NOISE_FLOOR_S
from intervaltimer.coach.thresholds import SPLIT_NOISE_FRACTION as SPLIT_NOISE_FRACTION
from intervaltimer.coach.thresholds import TARGET_TOLERANCE_S as TARGET_TOLERANCE_S


@dataclass(frozen=True)
class SessionPoint:
    """One session of a workout, reduced to the figures a trend compares."""

    id: int
    started_at: datetime
    mean_split_s: float | None
    mean_deviation_s: float | None
    mean_rpe: float | None
    decrement_pct: float | None
    fade_pct: float | None
    load: float | None
    target_mean_s: float | None
    rest_s: float | None = None
    """The main set's rest: the rung of the ladder the session ran (``sessions.rung_of``)."""
    reps_done: int | None = None
    """Main-set reps run (a skipped rep is not)."""
    reps_planned: int | None = None
    status: str = "completed"
    skipped: int = 0
    kick_s: float | None = None
    kick_pct: float | None = None
    last_rep_rpe: int | None = None
    peak_rpe: int | None = None
    """The highest effort of the session: a rep's, or the session's when no rep is rated."""
    distance_m: float | None = None
    """The main set's rep distance when every rep has the same one."""
    conditions: tuple[str, ...] = ()
    """The bad conditions the runner flagged (empty when normal)."""

    @property
    def flagged(self) -> bool:
        """Run in bad conditions: charted, left out of the trend's sentence."""
        return bool(self.conditions)

    @property
    def finished(self) -> bool:
        """Completed, with no rep skipped and every rep planned run."""
        if self.status != "completed" or self.skipped:
            return False
        return not (self.reps_planned is not None and self.reps_done is not None
                    and self.reps_done < self.reps_planned)

    @classmethod
    def from_metrics(
        cls, session_id: int, started_at: datetime, metrics: SessionMetrics, *,
        rest_s: float | None = None, status: str = "completed", peak_rpe: int | None = None,
        distance_m: float | None = None, conditions: tuple[str, ...] = (),
    ) -> SessionPoint:
        """The point of a session whose metrics are already computed."""
        return cls(
            id=session_id,
            started_at=started_at,
            mean_split_s=metrics.mean_split_s,
            mean_deviation_s=metrics.mean_deviation_s,
            mean_rpe=metrics.mean_rpe,
            decrement_pct=metrics.decrement_pct,
            fade_pct=metrics.fade_pct,
            load=metrics.load,
            target_mean_s=metrics.target_mean_s,
            rest_s=rest_s,
            reps_done=metrics.reps,
            reps_planned=metrics.reps_planned,
            status=status,
            skipped=metrics.skipped,
            kick_s=metrics.kick_s,
            kick_pct=metrics.kick_pct,
            last_rep_rpe=metrics.last_rep_rpe,
            peak_rpe=peak_rpe,
            distance_m=distance_m,
            conditions=conditions,
        )
