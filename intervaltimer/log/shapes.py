"""Every JSON document intervaltimer writes, in one place: what other tools read.

`plan --json` (`plan_to_json`), `history --json` (`history_json`), `show --json`
(`session_json` and `show_extras`), `trend --json` (`trend_to_json`) and a session of
the export (`session_document`, inside `log.exchange.export_json`). README's "JSON
shapes" documents them; their keys only ever grow. Times are ISO 8601 local time with
the offset; numbers are rounded by `units.rounded` (3 decimals; a plan's to a tenth).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from intervaltimer.log.records import RepRecord, SessionRecord, SessionSummary, iso_time
from intervaltimer.workout.units import rounded

if TYPE_CHECKING:
    from intervaltimer.coach.advice import Advice
    from intervaltimer.coach.trends import Trend
    from intervaltimer.coach.weeks import Week
    from intervaltimer.workout.plan import Plan, PlannedStep


def _iso(epoch_s: float | None) -> str | None:
    return None if epoch_s is None else iso_time(epoch_s)


def _iso_ms(epoch_s: float | None) -> str | None:
    return None if epoch_s is None else iso_time(epoch_s, timespec="milliseconds")


# -- plan --json ------------------------------------------------------------------------------


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
        "start_s": ladder.start_s,
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


# -- history --json, show --json --------------------------------------------------------------


def history_json(rows: Sequence[SessionSummary],
                 weeks: Sequence[Week] = ()) -> list[dict[str, Any]]:
    """The documented `history --json` list; `weeks` gives each row its week's figures."""
    from intervaltimer.coach.metrics import week_start_of
    from intervaltimer.coach.sessions import summary_load

    by_start = {week.start: week.to_json() for week in weeks}
    return [
        {"id": row.id, "workout": row.workout, "started_at": _iso(row.started_at),
         "status": str(row.status), "reps": row.reps, "mean_split_s": rounded(row.mean_split_s),
         "mean_rpe": rounded(row.mean_rpe), "reps_done": row.reps_done,
         "reps_planned": row.reps_planned, "rest_s": rounded(row.main_rest_s),
         "conditions": list(row.conditions), "ending": row.ending,
         "session_rpe": row.session_rpe, "load": rounded(summary_load(row)),
         "week": by_start.get(week_start_of(datetime.fromtimestamp(row.started_at).date()))}
        for row in rows
    ]


def session_json(session: SessionRecord, reps: Sequence[RepRecord]) -> dict[str, Any]:
    """The documented `show --json` object, without the review's extra keys."""
    return {
        "id": session.id, "workout": session.workout, "started_at": _iso(session.started_at),
        "ended_at": _iso(session.ended_at), "status": str(session.status), "note": session.note,
        "session_rpe": session.session_rpe, "rest_s": rounded(session.main_rest_s),
        "reps_planned": session.reps_planned, "conditions": list(session.conditions),
        "ending": session.ending, "not_run": list(session.not_run),
        "reps": [
            {"index": rep.index, "label": rep.label, "distance_m": rep.distance_m,
             "target_s": rounded(rep.target_s), "split_s": rounded(rep.split_s), "rpe": rep.rpe,
             "rest_s": rounded(rep.rest_s), "skipped": rep.skipped}
            for rep in reps
        ],
    }


def show_extras(session: SessionRecord, reps: Sequence[RepRecord]) -> dict[str, Any]:
    """Keys the review adds to `show`: `"metrics"`, every figure of `SessionMetrics.to_json`."""
    from intervaltimer.coach.sessions import metrics_of

    return {"metrics": metrics_of(session, reps, session.reps_planned).to_json()}


# -- trend --json -----------------------------------------------------------------------------


def trend_to_json(trend: Trend, workout: str, advice: Advice | None = None) -> dict[str, Any]:
    """The stable ``trend --json`` document.

    ``{workout, compare_by, sessions: [{id, started_at, status, rest_s, reps_done,
    reps_planned, mean_split_s, mean_deviation_s, mean_rpe, decrement_pct, fade_pct, load,
    target_mean_s, kick_s, kick_pct, last_rep_rpe, conditions}], slopes: {...}, summary,
    verdict, advice}``,
    sessions oldest first, ``started_at`` in ISO 8601, values rounded to 3 decimals and
    slopes (per session) to 4; ``verdict`` is ``{kinds, sentence}`` (``coach.verdict``) and
    ``advice`` is ``coach.advice.Advice.to_json()``, both null without advice.
    """
    return {
        "workout": workout,
        "compare_by": trend.compare_by,
        "sessions": [
            {
                "id": p.id,
                "started_at": p.started_at.isoformat(),
                "status": p.status,
                "rest_s": rounded(p.rest_s),
                "reps_done": p.reps_done,
                "reps_planned": p.reps_planned,
                "mean_split_s": rounded(p.mean_split_s),
                "mean_deviation_s": rounded(p.mean_deviation_s),
                "mean_rpe": rounded(p.mean_rpe),
                "decrement_pct": rounded(p.decrement_pct),
                "fade_pct": rounded(p.fade_pct),
                "load": rounded(p.load),
                "target_mean_s": rounded(p.target_mean_s),
                "kick_s": rounded(p.kick_s),
                "kick_pct": rounded(p.kick_pct),
                "last_rep_rpe": p.last_rep_rpe,
                "conditions": list(p.conditions),
            }
            for p in trend.points
        ],
        "slopes": {key: rounded(value, 4) for key, value in trend.slopes.items()},
        "summary": trend.summary,
        "verdict": None if advice is None else advice.verdict.to_json(),
        "advice": None if advice is None else advice.to_json(),
    }


# -- a session of the export ------------------------------------------------------------------


def session_document(session: SessionRecord, reps: Sequence[RepRecord]) -> dict[str, Any]:
    """One session of the JSON export, its reps inside."""
    return {
        "id": session.id, "workout": session.workout,
        "started_at": _iso_ms(session.started_at), "ended_at": _iso_ms(session.ended_at),
        "status": str(session.status), "note": session.note, "session_rpe": session.session_rpe,
        "source": session.source, "source_hash": session.source_hash,
        "paces": dict(sorted(session.paces.items())), "plan_steps": session.plan_steps,
        "workout_path": session.workout_path, "steps_done": session.steps_done,
        "main_rest_s": rounded(session.main_rest_s), "reps_planned": session.reps_planned,
        "conditions": list(session.conditions), "ending": session.ending,
        "not_run": list(session.not_run),
        "reps": [
            {"index": rep.index, "step_index": rep.step_index, "label": rep.label,
             "distance_m": rep.distance_m, "target_s": rounded(rep.target_s),
             "split_s": rounded(rep.split_s), "started_at": _iso_ms(rep.started_at),
             "ended_at": _iso_ms(rep.ended_at), "rest_s": rounded(rep.rest_s), "rpe": rep.rpe,
             "skipped": rep.skipped, "main": rep.main}
            for rep in reps
        ],
    }
