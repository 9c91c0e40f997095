"""`intervaltimer history` and `intervaltimer show`: the log read back, for people and programs.

`history --json` prints a list, newest first, of

    {"id": 12, "workout": "8 x 400 m at mile pace", "started_at": "2025-05-01T18:30:12+02:00",
     "status": "completed", "reps": 8, "mean_split_s": 88.25, "mean_rpe": 7.5,
     "reps_done": 8, "reps_planned": 8 | null, "rest_s": 60.0 | null,
     "conditions": ["heat"], "ending": "main set done" | "quit" | "closed" | null,
     "session_rpe": 7 | null, "load": 315.0 | null,
     "week": {"week": "2025-04-28", "sessions": 3, "rated": 2, "load": 640.0,
              "monotony": 0.87 | null, "strain": 556.8 | null}}

`reps` counts the reps run (a skipped rep is not), `reps_done` / `reps_planned` the main
set's; `rest_s` is the main set's rest as planned (null in logs from before it was kept);
`ending` says how a session ended beyond its status: "main set done" (completed once the main
set was done), "quit" (abandoned before that, offered for resume a while), "closed" (quit,
then closed at the resume offer), null for a plain end;
`week` holds Foster's figures for the ISO week (from its Monday) of the session, over every
session of that week in the log, whatever the filters.

`show SESSION|last --json` prints

    {"id": 12, "workout": "...", "started_at": "...", "ended_at": "..." | null,
     "status": "completed", "note": "windy" | null, "session_rpe": 7 | null,
     "rest_s": 60.0 | null, "reps_planned": 8 | null, "conditions": [],
     "ending": "main set done" | "quit" | "closed" | null, "not_run": ["Strides 1/4 · 100 m"],
     "reps": [{"index": 1, "label": "Rep 1/8 · 400 m @ mile", "distance_m": 400.0,
               "target_s": 87.24, "split_s": 87.0 | null, "rpe": 6, "rest_s": 61.2,
               "skipped": false}, ...],
     "metrics": {"reps": 8, "mean_split_s": 88.25, "target_mean_s": 87.24,
                 "mean_deviation_s": 1.01, "fade_s": 4.0, "fade_pct": 4.598,
                 "fade_slope_s_per_rep": 0.643, "decrement_pct": 2.616, "cv_pct": 1.891,
                 "rated_reps": 8, "mean_rpe": 7.5, "rpe_drift_per_rep": 0.476,
                 "session_rpe": 7.0, "duration_s": 2700.0, "load": 315.0,
                 "kick_s": 3.143, "kick_pct": 3.603, "last_rep_rpe": 9, "skipped": 0,
                 "reps_planned": 8 | null}}

The metrics are over the main set, each rep against its target (or, without targets, its
group of the same label and distance); `reps` counts the main-set reps run. `kick_s` /
`kick_pct`: the last rep's deviation minus the mean deviation of the others (negative: a
faster finish). A skipped rep has `split_s` null and `skipped` true. `not_run`: the steps
left out of a session ended as "main set done" (else []).

Times are ISO-8601 local time with offset; seconds are rounded to 3 decimals;
missing values are null. Nothing found: a message on stderr and exit 1.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import click

from intervaltimer.cli.dbopt import StoreProblem, db_option, load_session, open_log
from intervaltimer.cli.textout import cell
from intervaltimer.log.shapes import history_json, session_json, show_extras
from intervaltimer.safetext import display_safe, safe_json
from intervaltimer.workout.units import format_signed

if TYPE_CHECKING:
    from intervaltimer.coach.weeks import Week
    from intervaltimer.log.records import RepRecord, SessionRecord, SessionSummary
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout

_RELATIVE = re.compile(r"^(\d+)\s*(d|days?|w|weeks?)$", re.IGNORECASE)


def parse_since(text: str, now: float | None = None) -> float:
    """Epoch seconds of `--since`: `2025-05-01` (local midnight), a date-time, `7d` or `4w` ago."""
    raw = text.strip()
    match = _RELATIVE.match(raw)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).lower().startswith("w") else 1)
        return (time.time() if now is None else now) - days * 86400.0
    from intervaltimer.log.records import parse_iso_time

    try:
        return parse_iso_time(raw)
    except ValueError:
        raise click.BadParameter(
            f"{raw!r} is not a date; write it like 2025-05-01, 2025-05-01T18:00, 7d or 4w",
            param_hint="--since") from None


def _iso(epoch_s: float | None) -> str | None:
    from intervaltimer.log.records import iso_time

    return None if epoch_s is None else iso_time(epoch_s)


def _squeezed(text: str) -> str:
    """`text` without spaces, in one case: "8x400" finds "8 x 400 m at mile pace"."""
    return "".join(text.split()).casefold()


def _loaded(name: str) -> Workout | None:
    """The workout `run NAME` would run (a path, a library name, quick text), or None."""
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.model import WorkoutError

    try:
        return resolve_workout(name)
    except (WorkoutError, OSError):
        return None


def logged_workout_name(store: Store, name: str) -> str:
    """The logged workout name meant by `name` (see `logged_workout`)."""
    return logged_workout(store, name)[0]


def logged_workout(store: Store, name: str,
                   new: bool = False) -> tuple[str, Workout | None]:
    """The logged workout name meant by `name`, and the workout `name` loads as today.

    `name` is whatever `run` takes, or a name as logged. In order: the exact name; the one
    name equal in any case; the workout `run` would load (a path, a library file name
    `8x400-mile`, quick text with its rest `8x400m@mile/45s`, any digits read as ASCII);
    the one name that holds `name`, in any case and spacing (`8x400`). Exit 1 listing the
    logged workouts when none (or several) match. The workout is None when `name` does not
    load as one (the advice then finds it by its name). With `new`, a workout that loads
    but has no sessions yet is its own name (the advice for a first session).
    """
    known = [workout for workout, _count in store.workouts()]
    if name in known:
        return name, None
    folded = name.casefold()
    same = [w for w in known if w.casefold() == folded]
    if len(same) == 1:
        return same[0], None
    loaded = _loaded(name)
    if loaded is not None and (new or loaded.name in known):
        return loaded.name, loaded
    squeezed = _squeezed(name)
    for candidates in (same, [w for w in known if squeezed in _squeezed(w)]):
        if len(candidates) == 1:
            return candidates[0], None
        if len(candidates) > 1:
            raise StoreProblem(f"workout {name!r} matches several in the log: "
                               + "; ".join(candidates))
    listed = "; ".join(known[:10]) if known else "none yet"
    raise StoreProblem(f"no sessions of workout {name!r} in {store.path}; logged workouts: "
                       + listed)


def history_weeks(store: Store, rows: Sequence[SessionSummary]) -> list[Week]:
    """The weekly figures of the weeks `rows` fall in, over every session of those weeks."""
    from datetime import timedelta

    from intervaltimer.coach.metrics import week_start_of
    from intervaltimer.coach.weeks import weeks

    if not rows:
        return []
    first = week_start_of(datetime.fromtimestamp(min(r.started_at for r in rows)).date())
    last = week_start_of(datetime.fromtimestamp(max(r.started_at for r in rows)).date())
    since = datetime.combine(first, datetime.min.time()).timestamp()
    shown = {week_start_of(datetime.fromtimestamp(r.started_at).date()) for r in rows}
    every = [r for r in store.summaries(since=since)
             if datetime.fromtimestamp(r.started_at).date() < last + timedelta(days=7)]
    return [week for week in weeks(every) if week.start in shown]


def week_line(week: Week) -> str:
    """`week of 2025-04-28: 3 sessions (2 rated), load 640, monotony 0.87, strain 557`."""
    plural = "" if week.sessions == 1 else "s"
    text = f"week of {week.start.isoformat()}: {week.sessions} session{plural}"
    if week.rated < week.sessions:
        text += f" ({week.rated} with a session effort)"
    if not week.rated:
        return text + ": no load (rate sessions with `intervaltimer rate`)"
    text += f", load {week.load:.0f}"
    if week.monotony is None or week.strain is None:
        return text
    return text + f", monotony {week.monotony:.2f}, strain {week.strain:.0f}"


def _day(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s).strftime("%Y-%m-%d")


def _when(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s).strftime("%Y-%m-%d %H:%M")


def _print_history(rows: Sequence[SessionSummary], weeks: Sequence[Week] = ()) -> None:
    from rich import box
    from rich.console import Console
    from rich.text import Text

    from intervaltimer.cli.fit import Column, fitted_table
    from intervaltimer.workout.units import format_delta, format_time

    statuses = [row.status_words for row in rows if row.status_words != "completed"]
    with_status = bool(statuses)
    with_conditions = any(row.conditions for row in rows)
    with_rest = any(row.main_rest_s is not None for row in rows)
    # Too wide for the terminal, whole columns go (effort first), never part of a number or
    # of a status (`abandoned`, `main set done`); the workout's name wraps between words.
    # Status and the conditions flagged share one column, wrapping at a comma.
    flag = Column("status" if with_status else "flag", "left", drop=5, wraps=True,
                  min_width=max(map(len, statuses), default=len("illness")))
    flagged = with_status or with_conditions
    columns = [Column("#", drop=2), Column("date", "left"),
               Column("workout", "left", wraps=True, min_width=12), Column("reps"),
               *([Column("rest", drop=3)] if with_rest else []), Column("split"),
               Column("±", drop=4), Column("effort", drop=1),
               *([flag] if flagged else [])]
    table_rows: list[list[str | Text]] = []
    for row in rows:
        reps = str(row.reps)
        if row.reps_planned is not None and row.reps_done is not None:
            reps = f"{row.reps_done}/{row.reps_planned}"
        rest = [] if not with_rest else [
            "" if row.main_rest_s is None else f"{row.main_rest_s:g} s"]
        cells: list[str | Text] = [
            str(row.id), _day(row.started_at), cell(row.workout), reps, *rest,
            "" if row.mean_split_s is None else format_time(row.mean_split_s),
            "" if row.mean_deviation_s is None
            else format_delta(round(row.mean_deviation_s, 1) + 0.0),  # never "-0.0"
            "" if row.mean_rpe is None else f"{row.mean_rpe:.1f}"]
        if flagged:
            status = [] if row.status_words == "completed" else [row.status_words]
            cells.append(", ".join([*status, *row.conditions]))
        table_rows.append(cells)
    console = Console()
    # With a status column the paddings collapse to one space, so there is room for it.
    console.print(fitted_table(console, columns, table_rows, title="Sessions, newest first",
                               title_justify="left", box=box.SIMPLE_HEAD,
                               collapse_padding=flagged))
    for week in weeks:
        console.print(week_line(week), highlight=False, markup=False)


def _print_session(session: SessionRecord, reps: Sequence[RepRecord]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from intervaltimer.workout.units import format_delta, format_distance, format_split, format_time

    console = Console()
    until = "" if session.ended_at is None else datetime.fromtimestamp(
        session.ended_at).strftime("–%H:%M")
    console.print(f"[bold]Session {session.id}[/] · ", cell(session.workout),
                  f" · {_when(session.started_at)}{until} · {session.status_words}",
                  highlight=False, sep="")
    if session.not_run:
        console.print("not run: ", cell(", ".join(session.not_run)), highlight=False, sep="")
    if session.session_rpe is not None:
        console.print(f"session effort {session.session_rpe}/10", highlight=False)
    if session.conditions:
        console.print("conditions: " + ", ".join(session.conditions)
                      + " (flagged: this session moves no rung)", highlight=False)
    if session.note:
        # Written as it is, not through rich: wrapping a long note is not linear in its length,
        # and the terminal wraps it anyway.
        console.file.write("note: " + display_safe(session.note, lines=True) + "\n")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("rep", min_width=12)
    for header in ("distance", "target", "split", "±", "effort", "rest"):
        table.add_column(header, justify="right", no_wrap=True)
    cut = rests_cut_short(session, reps)
    for rep in reps:
        delta = rep.deviation_s
        rest = "" if rep.rest_s is None else format_time(rep.rest_s, 0)
        table.add_row(
            str(rep.index), cell(rep.label),
            "" if rep.distance_m is None else format_distance(rep.distance_m),
            "" if rep.target_s is None else format_time(rep.target_s),
            format_split(rep.split_s),
            "" if delta is None else format_delta(round(delta, 1) + 0.0),
            "" if rep.rpe is None else str(rep.rpe),
            f"{rest} cut" if rep.index in cut else rest)
    console.print(table)
    if cut:
        planned = format_time(session.main_rest_s or 0.0, 0)
        console.print(f"cut: a rest shorter than the {planned} planned", highlight=False)
    for line in metrics_lines(session, reps):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


CUT_SHORT_S = 1.0  # a main-set rest this much shorter than planned was cut short


def rests_cut_short(session: SessionRecord, reps: Sequence[RepRecord]) -> set[int]:
    """The indexes of the main set's reps whose rest after was cut short of the session's
    planned main-set rest (`s` in the rest, `-`); the last main-set rep's rest is not
    counted (what follows it is not the main set's rest)."""
    planned = session.main_rest_s
    main = [rep for rep in reps if rep.main and rep.split_s is not None]
    if planned is None or len(main) < 2:
        return set()
    return {rep.index for rep in main[:-1]
            if rep.rest_s is not None and rep.rest_s < planned - CUT_SHORT_S}


def metrics_lines(session: SessionRecord, reps: Sequence[RepRecord]) -> list[str]:
    """The session's metrics for people, under its rep table: one line, and one on the reps
    left out of them (strides); nothing without reps."""
    from intervaltimer.coach.sessions import left_out_note, metrics_of
    from intervaltimer.workout.units import format_time

    if not reps:
        return []
    m = metrics_of(session, reps, session.reps_planned)
    parts: list[str] = []
    if m.reps_planned is not None or m.skipped:
        planned = m.reps_planned if m.reps_planned is not None else m.reps + m.skipped
        parts.append(f"{m.reps}/{planned} reps" + (f" ({m.skipped} skipped)" if m.skipped else ""))
    if m.mean_split_s is not None:
        parts.append(f"mean split {format_time(m.mean_split_s)}")
    if m.mean_deviation_s is not None:
        parts.append(f"± target {format_signed(m.mean_deviation_s, 2, ' s')}")
    if m.fade_s is not None and m.fade_pct is not None:
        parts.append(f"slowdown {format_signed(m.fade_s, 1, ' s')} "
                     f"({format_signed(m.fade_pct, 1, ' %')})")
    if m.decrement_pct is not None:
        parts.append(f"Sdec {m.decrement_pct:.2f} %")
    if m.mean_rpe is not None:
        parts.append(f"mean effort {m.mean_rpe:.1f}")
    if m.kick_s is not None and m.kick_pct is not None:
        kick = f"last rep {round(m.kick_s, 1) + 0.0:+.1f} s ({round(m.kick_pct, 1) + 0.0:+.1f} %)"
        parts.append(kick + ("" if m.last_rep_rpe is None else f" at effort {m.last_rep_rpe}"))
    if m.load is not None:
        parts.append(f"load {m.load:.0f}")
    note = left_out_note(reps)
    return [" · ".join(parts)] + ([note] if note else [])


@click.command()
@db_option
@click.option("--workout", "workout", metavar="NAME",
              help="Only this workout (exact name, or a unique part of it, any case).")
@click.option("--since", "since", metavar="DATE",
              help="Only sessions started on or after DATE: 2025-05-01, 2025-05-01T18:00, 7d, 4w.")
@click.option("--limit", "limit", type=click.IntRange(min=1), metavar="N",
              help="At most N sessions (the newest).")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: a list, newest first, of {id, workout, started_at, "
                   "status, reps, mean_split_s, mean_rpe} (README, JSON shapes).")
def history(db: str | None, workout: str | None, since: str | None, limit: int | None,
            as_json: bool) -> None:
    """Past sessions, newest first: date, workout, reps run of planned, rest, mean split,
    mean effort; then a line per week: Foster's load, monotony and strain.

    \b
    Examples:
      intervaltimer history --since 4w
      intervaltimer history --workout "8 x 400" --json
    """
    since_s = None if since is None else parse_since(since)
    with open_log(db, for_reading=True) as store:
        name = None if workout is None else logged_workout_name(store, workout)
        rows = store.summaries(workout=name, since=since_s, limit=limit)
        weeks = history_weeks(store, rows)
    if not rows:
        raise StoreProblem("no sessions found" + (f" since {since}" if since else "")
                           + (f" of workout {name!r}" if name else "") + f" in {store.path}")
    if as_json:
        click.echo(safe_json(history_json(rows, weeks), indent=2))
    else:
        _print_history(rows, weeks)


@click.command()
@db_option
@click.argument("session_ref", metavar="SESSION|last|WORKOUT")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: {id, workout, started_at, ended_at, status, note, conditions, "
                   "session_rpe, reps: [{index, label, distance_m, target_s, split_s, rpe, "
                   "rest_s}], metrics} (README, JSON shapes).")
def show(db: str | None, session_ref: str, as_json: bool) -> None:
    """One session rep by rep: split, target, difference, effort, rest.

    SESSION is a number from `intervaltimer history`, or `last`; a WORKOUT (whatever `run`
    takes, or a name as logged) shows its newest session.
    """
    session, reps = load_session(db, session_ref, by_workout=logged_workout_name)
    if as_json:
        document = session_json(session, reps)
        document.update(show_extras(session, reps))
        click.echo(safe_json(document, indent=2))
    else:
        _print_session(session, reps)
