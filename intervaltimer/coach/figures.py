"""Every figure of one session's main set, as the summary screen, ``show`` and trends give them.

The splits' shape (fade, Sdec, CV, the last rep's kick) comes from ``shape``, each rep against
its target or its group, so a set that mixes distances or paces reads right; the means and the
effort figures from ``metrics``. A skipped rep is a rep that was not run: it has no split, is
left out of every split figure, and lowers ``reps`` (the reps run) against ``reps_planned``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from intervaltimer.coach.metrics import (
    mean_deviation,
    mean_rpe,
    mean_split,
    mean_target,
    rpe_drift,
    session_load,
)
from intervaltimer.coach.shape import set_shape

_COUNTS = ("reps", "rated_reps", "skipped", "reps_planned", "last_rep_rpe")


@dataclass(frozen=True)
class SessionMetrics:
    """Every metric of one session, as shown on the summary screen and by ``show``.

    ``reps`` counts the main-set reps run; ``skipped`` those skipped; ``reps_planned`` the
    main set's reps the plan had (None when the log does not know). ``kick_s``/``kick_pct``:
    the last rep's deviation minus the mean deviation of the others (negative = a faster
    finish); ``last_rep_rpe`` its effort.
    """

    reps: int
    mean_split_s: float | None
    target_mean_s: float | None
    mean_deviation_s: float | None
    fade_s: float | None
    fade_pct: float | None
    fade_slope_s_per_rep: float | None
    decrement_pct: float | None
    cv_pct: float | None
    rated_reps: int
    mean_rpe: float | None
    rpe_drift_per_rep: float | None
    session_rpe: float | None
    duration_s: float | None
    load: float | None
    kick_s: float | None = None
    kick_pct: float | None = None
    last_rep_rpe: int | None = None
    skipped: int = 0
    reps_planned: int | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field: counts as ints, other numbers as floats
        rounded to 3 decimals, ``None`` where undefined."""
        return {
            key: value if value is None or key in _COUNTS else round(float(value), 3)
            for key, value in asdict(self).items()
        }


def session_metrics(
    splits_s: Sequence[float | None],
    targets_s: Sequence[float | None],
    rpes: Sequence[float | None],
    session_rpe: float | None,
    duration_s: float | None,
    groups: Sequence[str] | None = None,
    reps_planned: int | None = None,
) -> SessionMetrics:
    """All metrics of a session from its main set's rep-aligned splits, targets and efforts.

    ``splits_s`` holds None for a skipped rep. ``targets_s`` and ``rpes`` hold one entry per
    rep (``None`` = no target / not rated); ``groups`` each rep's group (``shape.group_key``;
    one group when None). ``duration_s`` is the whole session's duration for Foster's load
    (session RPE × duration_s / 60); the load is ``None`` without a session RPE or a duration.
    """
    if len(rpes) != len(splits_s):
        raise ValueError(f"{len(splits_s)} splits but {len(rpes)} efforts")
    if len(targets_s) != len(splits_s):
        raise ValueError(f"{len(splits_s)} splits but {len(targets_s)} targets")
    keys = list(groups) if groups is not None else [""] * len(splits_s)
    ran = [i for i, split in enumerate(splits_s) if split is not None]
    splits = [float(s) for s in splits_s if s is not None]
    targets = [targets_s[i] for i in ran]
    efforts = [rpes[i] for i in ran]
    shape = set_shape(splits, targets, [keys[i] for i in ran])
    last_rpe = efforts[-1] if efforts else None
    return SessionMetrics(
        reps=len(splits),
        mean_split_s=mean_split(splits),
        target_mean_s=mean_target(targets),
        mean_deviation_s=mean_deviation(splits, targets),
        fade_s=shape.fade_s,
        fade_pct=shape.fade_pct,
        fade_slope_s_per_rep=shape.fade_slope_s_per_rep,
        decrement_pct=shape.decrement_pct,
        cv_pct=shape.cv_pct,
        rated_reps=sum(1 for r in efforts if r is not None),
        mean_rpe=mean_rpe(efforts),
        rpe_drift_per_rep=rpe_drift(efforts),
        session_rpe=session_rpe,
        duration_s=duration_s,
        load=None if duration_s is None else session_load(session_rpe, duration_s / 60),
        kick_s=shape.kick_s,
        kick_pct=shape.kick_pct,
        last_rep_rpe=None if last_rpe is None else int(last_rpe),
        skipped=len(splits_s) - len(splits),
        reps_planned=reps_planned,
    )
