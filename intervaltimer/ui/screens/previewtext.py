"""The preview's words about a plan: its summary, its targets, how it will be heard and logged.

Each line that may not fit comes as its variants, longest first, for a
`FitLine` to show the longest that fits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervaltimer.ui.widgets.plan_table import targets_summary
from intervaltimer.workout.plantext import plan_summary

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.log.store import Store
    from intervaltimer.workout.plan import Plan

NO_PROFILE = ("No race times, so the reps have no targets: give one with --race mile=5:40, "
              "or save yours with `intervaltimer profile`.")

REST_KEYS = "- a shorter rest, + a longer one"


def summary_variants(plan: Plan, lead_in: str) -> tuple[str, ...]:
    """The plan's one-line summary, longest first, for a line that shows the longest that
    fits: `≈ 11 min · 8 reps · 8 steps · 3 s lead-in` down to `≈ 11 min`."""
    length, reps, steps = plan_summary(plan).split(" · ")
    return tuple(" · ".join(parts) for parts in (
        (length, reps, steps, lead_in), (length, reps, lead_in), (length, reps), (length,)))


def target_variants(plan: Plan) -> tuple[str, ...]:
    """The reps' targets, when steps without one (a warm-up, strides) open the plan and
    push the reps below the fold (none when the table opens with them): longest first,
    `Targets: 8 × 400 m @ mile 1:24.5`, then without `Targets:`, then a group a line."""
    first = plan.steps[0] if plan.steps else None
    summary = targets_summary(plan)
    if first is None or first.target_s is not None or not summary:
        return ()
    groups = summary.removeprefix("Targets: ")
    return summary, groups, "\n".join(groups.split(" · "))


def status_line(player: Player | None, store: Store | None) -> str:
    """`sound: on · log: /path/log.sqlite3`."""
    sound = player.status if player is not None else "sound: checked at the start"
    log = f"log: {store.path}" if store is not None else "not logging (no log)"
    return f"{sound} · {log}"
