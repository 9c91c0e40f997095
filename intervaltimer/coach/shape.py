"""The shape of a main set that mixes distances or paces: each rep against what it was meant to be.

Slowdown, decrement (Sdec) and CV on raw splits only make sense when every rep is the same: the
kick finisher (300 m at 5k pace, then 100 m at 800 m pace) run exactly on target would show
Sdec 117 %, and a planned negative split would count as slowdown. So each rep is compared with its
*reference*:

- its target, when every rep run has one;
- else the mean split of its group: the reps of the same label and amount ("Settle · 300 m",
  "Rep · 400 m"), or of the same distance when the labels carry no rep numbering (see
  ``group_key``), so a 5k ladder without targets compares its 400s with its 400s and its
  1200 with itself.

From ``relative = split / reference`` and ``deviation = split − reference``:

- slowdown (as shown; ``fade_s``, ``fade_pct`` and ``fade_slope_s_per_rep`` in code and JSON,
  not the coach's fade in points), seconds = deviation(last) − deviation(first); per cent =
  (relative(last) − relative(first)) / relative(first) · 100; slope = least-squares slope of
  deviation per rep;
- Sdec = (Σ relative / (min relative · n) − 1) · 100; CV = sd(relative) / mean(relative) · 100;
- kick (the last rep against the others), seconds = deviation(last) − mean deviation of the
  others; per cent = (relative(last) − mean relative of the others) · 100. Negative is a
  faster last rep.

With one reference for every rep (8 x 400 m at one target) each of these is exactly the
figure on the raw splits: the reference divides out. A set run exactly on its targets has
slowdown 0, Sdec 0 and CV 0, whatever it mixes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from intervaltimer.coach.metrics import cv_pct, decrement_pct, least_squares

_NUMBERING = re.compile(r"\s+\d+/\d+(?=\s|$)")


def group_key(label: str, distance_m: float | None = None) -> str:
    """The rep's group: its label without the rep numbering ("Rep 3/8 · 400 m" → "Rep · 400 m");
    a label with no numbering (an older log's "Rep 3") groups by the rep's distance."""
    if _NUMBERING.search(label) or not distance_m:
        return _NUMBERING.sub("", label).strip()
    return f"{distance_m:g} m"


@dataclass(frozen=True)
class SetShape:
    """Slowdown, decrement, variation and the last rep's kick of a set of reps, each rep
    against its reference (see the module docstring). ``None`` where undefined."""

    fade_s: float | None
    fade_pct: float | None
    fade_slope_s_per_rep: float | None
    decrement_pct: float | None
    cv_pct: float | None
    kick_s: float | None
    kick_pct: float | None


def references(splits_s: Sequence[float], targets_s: Sequence[float | None],
               groups: Sequence[str]) -> list[float]:
    """Each rep's reference: its target when every rep has one, else its group's mean split."""
    if splits_s and all(t is not None and t > 0 for t in targets_s):
        return [float(t) for t in targets_s if t is not None]
    totals: dict[str, list[float]] = {}
    for split, group in zip(splits_s, groups, strict=True):
        totals.setdefault(group, []).append(split)
    means = {group: math.fsum(values) / len(values) for group, values in totals.items()}
    return [means[group] for group in groups]


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def set_shape(splits_s: Sequence[float], targets_s: Sequence[float | None],
              groups: Sequence[str] | None = None) -> SetShape:
    """The shape of the reps run, in order (rep-aligned targets and group keys).

    ``groups`` defaults to one group for all reps.
    """
    n = len(splits_s)
    if len(targets_s) != n:
        raise ValueError(f"{n} splits but {len(targets_s)} targets")
    keys = list(groups) if groups is not None else [""] * n
    refs = references(splits_s, targets_s, keys)
    if any(ref <= 0 for ref in refs):
        return SetShape(None, None, None, None, None, None, None)
    deviation = [split - ref for split, ref in zip(splits_s, refs, strict=True)]
    relative = [split / ref for split, ref in zip(splits_s, refs, strict=True)]
    fade_s = fade_pct = slope = kick_s = kick_pct = None
    if n >= 2 and relative[0] > 0:
        fade_s = deviation[-1] - deviation[0]
        fade_pct = (relative[-1] - relative[0]) / relative[0] * 100
        line = least_squares([float(i) for i in range(1, n + 1)], deviation)
        slope = None if line is None else line.slope
        kick_s = deviation[-1] - _mean(deviation[:-1])
        kick_pct = (relative[-1] - _mean(relative[:-1])) * 100
    return SetShape(
        fade_s=fade_s, fade_pct=fade_pct, fade_slope_s_per_rep=slope,
        decrement_pct=decrement_pct(relative), cv_pct=cv_pct(relative),
        kick_s=kick_s, kick_pct=kick_pct)
