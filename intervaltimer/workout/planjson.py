"""The stable JSON shape of a plan, as `intervaltimer plan --json` prints it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervaltimer.workout.units import rounded

if TYPE_CHECKING:
    from intervaltimer.workout.plan import Plan, PlannedStep


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The stable JSON object of `intervaltimer plan --json`.

    `name`, `estimated_s`, `lead_in_s`, `has_profile`, `main_rest_s`,
    `main_reps`, `progression` (`{"rest_s": [...], "then": {"kind", "amount",
    "text"} | null, "implicit"}` or null) and `steps`: each step has `index`,
    `kind`, `label`, `distance_m`, `duration_s`, `target_s`, `ends`, `pacer_m`,
    and also `rep`, `rep_count`, `reps`, `pace`, `pace_s_per_m`, `estimate`,
    `exercise`, `activity`, `note`, `round_s`, `round_start`, `min_rest_s`,
    `expected_s`, `main_set`, `main_rest`, `cue`.
    """
    return {
        "name": plan.name,
        "estimated_s": round(plan.estimated_s, 1),
        "lead_in_s": plan.lead_in_s,
        "has_profile": plan.has_profile,
        "main_rest_s": rounded(plan.main_rest_s, 1),
        "main_reps": plan.main_reps,
        "progression": _progression_json(plan),
        "steps": [_step_json(step) for step in plan.steps],
    }


def _progression_json(plan: Plan) -> dict[str, Any] | None:
    """The plan's rest ladder, or None."""
    ladder = plan.progression
    if ladder is None:
        return None
    then = ladder.then
    return {
        "rest_s": list(ladder.rest_s),
        "then": None if then is None else {"kind": then.kind.value, "amount": then.amount,
                                           "text": then.text},
        "implicit": ladder.implicit,
    }


def _step_json(step: PlannedStep) -> dict[str, Any]:
    """One step of `plan_to_json`."""
    return {
        "index": step.index,
        "kind": step.kind.value,
        "label": step.label,
        "distance_m": rounded(step.distance_m, 1),
        "duration_s": rounded(step.duration_s, 1),
        "target_s": rounded(step.target_s, 1),
        "ends": step.ends.value,
        "pacer_m": rounded(step.pacer_m, 1),
        "rep": step.rep,
        "rep_count": step.rep_count,
        "reps": step.reps,
        "pace": step.pace_text,
        "pace_s_per_m": None if step.pace_s_per_m is None else round(step.pace_s_per_m, 4),
        "estimate": step.pace_estimate,
        "exercise": step.exercise,
        "activity": step.activity,
        "note": step.note,
        "round_s": rounded(step.round_s, 1),
        "round_start": step.round_start,
        "min_rest_s": rounded(step.min_rest_s, 1),
        "expected_s": rounded(step.expected_s, 1),
        "main_set": step.main_set,
        "main_rest": step.main_rest,
        "cue": step.cue,
    }
