"""A plan in one line, the same words wherever it is shown: `plan`, the library, the preview.

`format_estimate` rounds a session's length to the minute (it is an estimate: open steps
are guessed), and `plan_summary` says `≈ 52 min · 12 reps · 27 steps`.
"""

from __future__ import annotations

from intervaltimer.workout.plan import Plan


def format_estimate(seconds: float) -> str:
    """A session length to the minute: `45 min`, `1 h 05 min`; under a minute in seconds."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60.0)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def plan_summary(plan: Plan) -> str:
    """One line about a plan: `≈ 52 min · 8 reps · 30 steps` (the length with its lead-in)."""
    reps = len(plan.work_steps)
    rep_word = "rep" if reps == 1 else "reps"
    step_word = "step" if len(plan.steps) == 1 else "steps"
    return (f"≈ {format_estimate(plan.estimated_s)} · {reps} {rep_word} · "
            f"{len(plan.steps)} {step_word}")
