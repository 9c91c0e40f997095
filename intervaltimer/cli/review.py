"""`intervaltimer trend`, `export` and `import`: the log reviewed over time, written out, read back.

`trend WORKOUT --json` prints (sessions oldest first; `compare_by` is "split", or "deviation"
when the targets changed between sessions)

    {"workout": "8 x 400 m at mile pace", "compare_by": "split",
     "sessions": [{"id": 12, "started_at": "2025-05-01T18:30:12+02:00",
                   "status": "completed", "rest_s": 60.0, "reps_done": 8, "reps_planned": 8,
                   "mean_split_s": 88.25, "mean_deviation_s": 1.01, "mean_rpe": 7.5,
                   "decrement_pct": 2.62, "fade_pct": 4.598, "load": 315.0,
                   "target_mean_s": 87.24, "kick_s": 3.143, "kick_pct": 3.603,
                   "last_rep_rpe": 9, "conditions": []}, ...],
     "slopes": {"mean_split_s_per_session": -0.21, "mean_deviation_s_per_session": -0.21,
                "mean_rpe_per_session": -0.2233, "decrement_pct_per_session": -0.3,
                "fade_pct_per_session": -0.52, "load_per_session": null,
                "kick_s_per_session": -0.1, "rest_s_per_session": -7.5},
     "summary": "no clear change over 2 sessions: effort about 7.2, ...",
     "verdict": {"kinds": ["tolerance_up", "no_change"], "sentence": "rest cut from 90 s ..."},
     "advice": {"action": "shorten", "rest_s": 45.0, "reps": 8, "reasons": ["..."],
                "verdict_kinds": ["tolerance_up", "no_change"], "verdict": "...",
                "summary": "...", "command": "intervaltimer run 8x400-mile --rest 45s"}}

Sessions with reps count whether completed, stopped or abandoned (`status`, and `reps_done`
of `reps_planned`); a session still running does not. `rest_s` is the session's rung: its
main-set rest as planned, or in an older log the rest taken after its main-set reps.
`conditions` are the bad conditions flagged (such a session is charted but left out of
`summary`, the within-rung sentence); `verdict` is the coach's verdict, `advice` what
`intervaltimer next WORKOUT --json` prints. Values are rounded to 3
decimals, slopes (per session) to 4; a figure that is undefined is null.

`export [--format csv|json] [-o FILE]` writes every rep of every session (the shapes are in
`intervaltimer.log.exchange`). A CSV written with `-o` starts with a UTF-8 byte-order mark,
which Excel needs to read accented names as UTF-8 (LibreOffice reads it either way); on
standard output it has none, for pipes.

`import FILE` reads a JSON export back; sessions already in the log are skipped.

Errors: one line on stderr, exit 1.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import StoreProblem, db_option, open_log
from intervaltimer.cli.log import logged_workout
from intervaltimer.cli.textout import cell, safe
from intervaltimer.safetext import safe_json

if TYPE_CHECKING:
    from intervaltimer.coach.trends import Trend


def _print_trend(result: Trend, workout: str) -> None:
    from rich import box
    from rich.console import Console

    from intervaltimer.cli.fit import Column, fitted_table
    from intervaltimer.workout.units import format_delta, format_time

    def number(value: float | None, pattern: str) -> str:
        return "" if value is None else pattern.format(value)

    with_rest = any(point.rest_s is not None for point in result.points)
    # Too wide for the terminal, whole columns go (kick first), never part of a number.
    columns = [Column("#", drop=3), Column("date", "left"),
               *([Column("rest", drop=7)] if with_rest else []), Column("reps"),
               Column("split"), Column("±", drop=8), Column("effort", drop=5),
               Column("Sdec", drop=2), Column("slowdown", drop=4), Column("kick", drop=1),
               Column("load", drop=6)]
    rows = []
    for point in result.points:
        reps = "" if point.reps_done is None else str(point.reps_done)
        if point.reps_planned is not None:
            reps += f"/{point.reps_planned}"
        if point.status != "completed":
            reps += f" {point.status}"
        rest = [] if not with_rest else ["" if point.rest_s is None else f"{point.rest_s:g} s"]
        rows.append([
            str(point.id), point.started_at.strftime("%Y-%m-%d"), *rest, reps,
            "" if point.mean_split_s is None else format_time(point.mean_split_s),
            "" if point.mean_deviation_s is None
            else format_delta(round(point.mean_deviation_s, 1) + 0.0),  # never "-0.0"
            number(point.mean_rpe, "{:.1f}"), number(point.decrement_pct, "{:.1f} %"),
            number(point.fade_pct, "{:+.1f} %"), number(point.kick_s, "{:+.1f} s"),
            number(point.load, "{:.0f}")])
    console = Console()
    table = fitted_table(console, columns, rows,
                         title=cell(f"{workout}: {len(result.points)} sessions, oldest first"),
                         title_justify="left", box=box.SIMPLE_HEAD, collapse_padding=True)
    console.print(table)
    flagged = [f"{p.id} {', '.join(p.conditions)}" for p in result.points if p.flagged]
    if flagged:
        console.print(safe(f"flagged: {'; '.join(flagged)} (bad conditions: left out of the "
                           "ladder and of the sentence below)"),
                      highlight=False, markup=False)
    console.print(safe(result.summary), highlight=False, markup=False)


@click.command()
@click.argument("workout")
@db_option
@click.option("--limit", "limit", type=click.IntRange(min=2), metavar="N",
              help="Only the newest N sessions.")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: {workout, compare_by, sessions (oldest first), slopes, "
                   "summary, verdict, advice} (README, JSON shapes).")
def trend(workout: str, db: str | None, limit: int | None, as_json: bool) -> None:
    """How a workout's sessions moved: effort, splits, slowdown and decrement, and one sentence.

    WORKOUT is whatever `run` takes (a library name, a path, quick text with its rest) or
    the workout's name as logged (or a unique part of it, any case).

    \b
    Examples:
      intervaltimer trend 8x400-mile
      intervaltimer trend "8 x 400"
      intervaltimer trend "8 x 400" --json
    """
    from intervaltimer.cli.coach import advice_for, run_line
    from intervaltimer.log.errors import StoreError
    from intervaltimer.log.review import workout_trend
    from intervaltimer.log.shapes import trend_to_json

    with open_log(db, for_reading=True) as store:
        name, today = logged_workout(store, workout)
        try:
            result = workout_trend(store, name, limit)
            advice = advice_for(store, name, today, typed=workout)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    if not result.points:
        raise StoreProblem(f"no sessions of {name!r} with reps in {store.path}")
    if as_json:
        click.echo(safe_json(trend_to_json(result, name, advice), indent=2))
    else:
        _print_trend(result, name)
        if advice.verdict.sentence:
            click.echo(safe(f"Verdict: {advice.verdict.sentence}"))
        click.echo(safe(f"Next time: {advice.sentence}"))
        click.echo(safe(run_line(advice, name)))


@click.command()
@db_option
@click.option("--format", "form", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True, help="CSV for a spreadsheet, JSON for programs and `import`.")
@click.option("-o", "--output", "output", metavar="FILE",
              help="Write to FILE (replaced whole, never half-written; a symlink's target is "
              "replaced) instead of the screen; - is standard output.")
def export(db: str | None, form: str, output: str | None) -> None:
    """Every rep of every session, one row each, oldest first.

    \b
    Examples:
      intervaltimer export -o log.csv
      intervaltimer export --format json -o backup.json
    """
    from intervaltimer.log.errors import StoreError
    from intervaltimer.log.exchange import export_csv, export_json

    with open_log(db, for_reading=True) as store:
        try:
            text = export_json(store, time.time()) if form == "json" else export_csv(store)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    if output is None or output == "-":
        # A terminal gets display-safe text (JSON is already: its escapes are the same data);
        # a pipe or a file gets the log as it is.
        # (color=True: click would otherwise drop what looks like colour codes from the data.)
        click.echo(safe(text, lines=True) if sys.stdout.isatty() else text, nl=False,
                   color=True)
        return
    from intervaltimer.fileio import RefusedTarget, atomic_write_text

    path = Path(output).expanduser()
    log_files = [store.path] + [Path(f"{store.path}{end}") for end in ("-wal", "-shm", "-journal")]
    try:
        written = atomic_write_text(path, text, encoding="utf-8-sig" if form == "csv" else "utf-8",
                                    protect=log_files)
    except RefusedTarget as error:
        raise StoreProblem(f"cannot write the export: {error}") from None
    except OSError as error:
        raise StoreProblem(f"{path}: cannot write: {error.strerror or error}") from None
    click.echo(f"wrote {path}" + ("" if written == path.absolute() else f" (to {written})"),
               err=True)


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file).expanduser()
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise StoreProblem(f"{file}: no such file") from None
    except UnicodeDecodeError:
        raise StoreProblem(f"{file}: not UTF-8 text; give the file `intervaltimer export "
                           "--format json` wrote") from None
    except OSError as error:
        raise StoreProblem(f"{file}: cannot read: {error.strerror or error}") from None


@click.command("import")
@click.argument("file", metavar="FILE")
@db_option
def import_(file: str, db: str | None) -> None:
    """Add the sessions of a JSON export to the log, skipping those already there.

    FILE is what `intervaltimer export --format json` wrote (or - for standard input).
    A session counts as already there when the log has the same workout started at the
    same time (within half a second), so importing a file twice adds nothing twice.
    """
    from intervaltimer.log.errors import StoreError
    from intervaltimer.log.importing import ExportFormatError, import_sessions, read_export

    text = _read_text(file)
    if text.lstrip().startswith("session,workout,"):
        raise StoreProblem(f"{file}: a CSV export, which is for spreadsheets; import reads what "
                           "`intervaltimer export --format json` writes")
    try:
        sessions = read_export(text)
    except ExportFormatError as error:
        raise StoreProblem(f"{file}: {error}") from None
    with open_log(db) as store:
        try:
            result = import_sessions(store, sessions)
        except StoreError as error:
            raise StoreProblem(str(error)) from None
    plural = "" if result.added == 1 else "s"
    click.echo(f"imported {result.added} session{plural} ({result.reps} reps) into {store.path}"
               + (f"; {result.skipped} already there" if result.skipped else ""))
    if result.refused:
        raise StoreProblem("\n".join([
            *(f"{file}: {line}" for line in result.refused),
            f"{len(result.refused)} session{'' if len(result.refused) == 1 else 's'} not "
            "imported: the log's own reps are kept; export the log first to keep both"]))
