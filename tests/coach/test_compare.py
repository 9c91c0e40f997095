"""The side-by-side table's words: each says one figure, and no other screen uses it for another."""

from __future__ import annotations

from intervaltimer.coach.compare import compare
from intervaltimer.coach.figures import session_metrics


def test_the_splits_slowing_is_called_slowdown_never_the_coachs_fade() -> None:
    """"fade" is the coach's figure (points, over the last two working reps and the first
    two: the advice's "fade 0.2 points"); the table's last-minus-first figure is another
    number, so it shows under another name, while its JSON keys stay fade_*."""
    now = session_metrics([87.0, 88.0, 91.0], [87.0] * 3, [6, 7, 9], session_rpe=7,
                          duration_s=1800)
    before = session_metrics([87.0, 87.0, 87.0], [87.0] * 3, [6, 6, 7], session_rpe=6,
                             duration_s=1800)
    rows = {row.key: row for row in compare(now, before).rows}
    assert [rows[key].label for key in ("fade_s", "fade_pct", "fade_slope_s_per_rep")] == [
        "slowdown", "slowdown %", "slowdown/rep"]
    assert (rows["fade_s"].now, rows["fade_s"].before, rows["fade_s"].change) == (
        "+4.0 s", "+0.0 s", "+4.0")
    assert not any("fade" in row.label for row in rows.values())
