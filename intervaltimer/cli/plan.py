"""`intervaltimer plan`: a workout expanded into its steps, with target times.

For people, a table: step, what, target, 400 m lap pace (when there is a
pace), the clock at the end of the step, and notes (when there are any);
`~` marks a target from an estimated pace. For programs, `--json` prints
`intervaltimer.log.shapes.plan_to_json`:

    {"name": "8 x 400 m at mile pace", "estimated_s": 3136.3, "lead_in_s": 5.0,
     "has_profile": true,
     "steps": [{"index": 1, "kind": "warmup", "label": "Warm-up 15 min",
                "distance_m": null, "duration_s": 900.0, "target_s": null,
                "ends": "time", "pacer_m": null, "rep": null, ...}, ...]}

Non-ASCII characters in labels (`·`, `×`) are written as JSON escapes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NoReturn

import click

from intervaltimer.cli.options import race_option
from intervaltimer.cli.restopt import reps_option, rest_option, with_reps, with_rest

if TYPE_CHECKING:
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.plan import Plan

ESTIMATE_MARK = "~"
LAP_M = 400.0


def _fail(error: WorkoutError) -> NoReturn:
    """Print every problem as `path:line:col: message` and exit 1."""
    from intervaltimer.cli.textout import safe

    for problem in error.problems:
        click.echo(safe(str(problem)), err=True)
    raise SystemExit(1)


def _print_table(plan: Plan, description: str) -> None:
    """The plan as a rich table with a summary, and how to set a profile when there is none."""
    from rich.console import Console
    from rich.table import Table

    from intervaltimer.cli.options import no_profile_hint
    from intervaltimer.cli.textout import cell
    from intervaltimer.workout.plan import end_times
    from intervaltimer.workout.plantext import plan_summary
    from intervaltimer.workout.units import format_clock, format_time

    rows: list[tuple[str, str, str, str, str, str]] = []
    for step, ends_at in zip(plan.steps, end_times(plan.steps, plan.lead_in_s), strict=True):
        mark = ESTIMATE_MARK if step.pace_estimate else ""
        target = "" if step.target_s is None else mark + format_time(step.target_s)
        lap = "" if step.pace_s_per_m is None else mark + format_time(step.pace_s_per_m * LAP_M)
        notes = []
        if step.round_start and step.round_s is not None:
            least = f", at least {step.min_rest_s:g} s rest" if step.min_rest_s else ""
            notes.append(f"every {format_clock(step.round_s)}{least}")
        if step.note:
            notes.append(step.note)
        rows.append((str(step.index), step.label, target, lap, format_clock(ends_at),
                     " · ".join(notes)))
    show_lap = any(row[3] for row in rows)
    show_note = any(row[5] for row in rows)
    table = Table(title=cell(plan.name), caption=cell(description) if description else None,
                  title_justify="left",
                  caption_justify="left")
    table.add_column("step", justify="right")
    table.add_column("what")
    table.add_column("target", justify="right")
    if show_lap:
        table.add_column("/400 m", justify="right")
    table.add_column("at", justify="right")
    if show_note:
        table.add_column("note", style="dim")
    for index, what, target, lap, at, note in rows:
        cells = [cell(index), cell(what), cell(target), *([cell(lap)] if show_lap else []),
                 cell(at), *([cell(note)] if show_note else [])]
        table.add_row(*cells)
    console = Console()
    console.print(table)
    from intervaltimer.workout.ladder import rest_text

    lines = [plan_summary(plan) + f" (with a {plan.lead_in_s:g} s lead-in)"]
    if rest_text(plan):
        lines.append(rest_text(plan))
    if any(step.expected_guess for step in plan.steps):
        lines.append("at: the clock at each step's end (open steps guessed)")
    if any(step.pace_estimate for step in plan.steps):
        lines.append(f"{ESTIMATE_MARK} estimate: a pace derived beyond where its formula holds")
    if not plan.has_profile:
        lines.append(no_profile_hint())
    for line in lines:
        console.print(line, highlight=False, markup=False)


@click.command("plan")
@click.argument("workout", metavar="WORKOUT|QUICK")
@race_option
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@rest_option
@reps_option
def plan(workout: str, races: tuple[str, ...], as_json: bool, rest: float | None,
         reps: int | None) -> None:
    """Show a workout expanded step by step, with target times.

    WORKOUT is a YAML file, a name from the library (8x400-mile) or quick
    syntax (8x400m@mile/60s). Named paces come from profile.yaml and --race.
    `~` marks a target from an estimated pace.

    \b
    Examples:
      intervaltimer plan 8x400-mile --race mile=5:40
      intervaltimer plan '6 x 800m @ 5k / 400m' --race 5k=20:00
      intervaltimer plan workouts/strides.yaml --json
      intervaltimer plan 8x400-mile --rest 45s
      intervaltimer plan 8x400-mile --rest 30s --reps 10
    """
    from intervaltimer.cli.options import profile_from_races
    from intervaltimer.log.shapes import plan_to_json
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.plan import expand

    try:
        loaded = with_reps(with_rest(resolve_workout(workout), rest), reps)
    except WorkoutError as error:
        _fail(error)
    profile = profile_from_races(races)
    try:
        the_plan = expand(loaded, profile)
    except WorkoutError as error:
        _fail(error)
    if as_json:
        click.echo(json.dumps(plan_to_json(the_plan), indent=2))
    else:
        _print_table(the_plan, loaded.description)
