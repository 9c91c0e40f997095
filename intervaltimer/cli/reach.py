"""`export-workout`, `import-workout` and `export-session`: workouts and sessions as files
other programs read.

`export-workout WORKOUT --format fit|icu [-o FILE] [--race D=T] [--rest R]` writes a FIT
workout (for a Garmin, COROS or Wahoo watch: copy it to the watch's NEWFILES folder, or
import it in Garmin Connect) or intervals.icu workout text (paste it into the builder).
Without `-o`, icu text goes to standard output and a FIT file to `<name>.fit` here.

`import-workout FILE` reads intervals.icu text or a FIT workout and writes a new YAML
workout into your workouts folder (never over a file there), saying what did not carry.

`export-session SESSION|last --format fit [-o FILE]` writes a logged session as a FIT
activity: a lap per rep and per rest, each rep's effort on its lap, the session's effort.

What a format cannot hold is said on stderr, one line each; errors are one line, exit 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from intervaltimer.cli.dbopt import db_option, load_session
from intervaltimer.cli.options import race_option
from intervaltimer.cli.restopt import rest_option

if TYPE_CHECKING:
    from intervaltimer.log.records import RepRecord, SessionRecord
    from intervaltimer.workout.model import Workout, WorkoutError
    from intervaltimer.workout.plan import Plan

MAX_IMPORT_BYTES = 1024 * 1024
FIT_SIGNATURE = b".FIT"


class ReachProblem(click.ClickException):
    """An export or import that cannot be done: one line, exit 1."""

    exit_code = 1


def fail_workout(error: WorkoutError) -> NoReturn:
    """Print every problem as `path:line:col: message` and exit 1."""
    from intervaltimer.cli.textout import safe

    for problem in error.problems:
        click.echo(safe(str(problem)), err=True)
    raise SystemExit(1)


def say(line: str) -> None:
    """One line on stderr, display-safe."""
    from intervaltimer.cli.textout import safe

    click.echo(safe(line), err=True)


def planned_workout(workout: str, races: tuple[str, ...],
                    rest: float | None) -> tuple[Workout, Plan]:
    """The workout WORKOUT names (file, library name, quick) and its plan with the profile."""
    from intervaltimer.cli.options import profile_from_races
    from intervaltimer.cli.restopt import with_rest
    from intervaltimer.workout.library import resolve_workout
    from intervaltimer.workout.model import WorkoutError
    from intervaltimer.workout.plan import expand

    try:
        loaded = with_rest(resolve_workout(workout), rest)
        the_plan = expand(loaded, profile_from_races(races))
    except WorkoutError as error:
        fail_workout(error)
    if not the_plan.has_profile:
        say("note: no race times, so named paces have no target; give one with --race "
            "(e.g. --race mile=5:40) or in the profile")
    return loaded, the_plan


def write_output(data: bytes, output: str | None, default: Path) -> None:
    """Write `data` to `output` (`-`: standard output), else to a new file named `default`."""
    if output == "-":
        if sys.stdout.isatty():
            raise ReachProblem("a FIT file is binary, not for the terminal: give -o FILE, "
                               "or pipe it (-o - | ...)")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from intervaltimer.fileio import RefusedTarget, atomic_write_bytes, unique_path

    path = Path(output).expanduser() if output else unique_path(
        default.parent, default.stem, default.suffix)
    try:
        atomic_write_bytes(path, data)
    except RefusedTarget as error:
        raise ReachProblem(f"cannot write: {error}") from None
    except OSError as error:
        raise ReachProblem(f"{path}: cannot write: {error.strerror or error}") from None
    say(f"wrote {path} ({len(data):,} bytes)")


@click.command("export-workout")
@click.argument("workout", metavar="WORKOUT|QUICK")
@click.option("--format", "form", type=click.Choice(["fit", "icu"]), required=True,
              help="fit: a FIT workout file for a watch; icu: intervals.icu workout text.")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Where to write (- for standard output). Default: icu text to standard "
                   "output, a FIT file to <name>.fit in this folder.")
@race_option
@rest_option
def export_workout(workout: str, form: str, output: str | None, races: tuple[str, ...],
                   rest: float | None) -> None:
    """Write a workout for a watch (FIT) or for intervals.icu (its workout text).

    Paces are written as absolute speeds from your races (profile.yaml or --race).
    Repeats become one level of repeats; send-offs (every:) and pacer beeps, which
    neither format has, are written as their nearest plain steps and said on stderr.

    \b
    Examples:
      intervaltimer export-workout 8x400-mile --format fit --race mile=5:40
      intervaltimer export-workout 8x400-mile --format icu --rest 45s | xclip
    """
    from intervaltimer.export.fitworkout import fit_workout
    from intervaltimer.export.icutext import icu_text
    from intervaltimer.export.steps import export_blocks, lost_features
    from intervaltimer.workout.templates import slug

    loaded, the_plan = planned_workout(workout, races, rest)
    blocks = export_blocks(loaded, the_plan)
    what = "FIT" if form == "fit" else "intervals.icu"
    for line in lost_features(the_plan, what):
        say(f"note: {line}")
    if form == "icu":
        text = icu_text(loaded.name, blocks)
        if output is None or output == "-":
            from intervaltimer.cli.textout import safe

            click.echo(safe(text, lines=True), nl=False)
            return
        write_output(text.encode("utf-8"), output, Path(f"{slug(loaded.name)}.txt"))
        return
    write_output(fit_workout(loaded.name, blocks), output, Path(f"{slug(loaded.name)}.fit"))


def _read_import(file: str) -> bytes:
    path = Path(file).expanduser()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ReachProblem(f"{file}: no such file") from None
    except IsADirectoryError:
        raise ReachProblem(f"{file}: is a folder, not a workout file") from None
    except OSError as error:
        raise ReachProblem(f"{file}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ReachProblem(f"{file}: larger than {MAX_IMPORT_BYTES // 1024} KiB; a workout is "
                           "a few KiB")
    return data


def read_workout_file(file: str, data: bytes) -> tuple[Workout, list[str]]:
    """The workout in a FIT workout file or intervals.icu text, and what did not carry."""
    from intervaltimer.export.fitread import read_fit_workout
    from intervaltimer.export.icuread import read_icu_text

    stem = Path(file).stem or "imported"
    if data[8:12] == FIT_SIGNATURE:
        return read_fit_workout(data, file, stem)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReachProblem(f"{file}: neither a FIT file nor UTF-8 text") from None
    return read_icu_text(text, file, stem)


def _own_name(workout: Workout) -> Workout:
    """The workout under a name no library workout has: an import must not hide (or join the
    history of) the workout it came from, which it only approximates."""
    from dataclasses import replace

    from intervaltimer.workout.library import find_by_name

    name = workout.name
    number = 1
    while find_by_name(name) is not None:
        name = f"{workout.name} (imported{'' if number == 1 else f' {number}'})"
        number += 1
    if name != workout.name:
        say(f"note: the library has a workout called {workout.name!r}; this one is {name!r}")
    return replace(workout, name=name)


@click.command("import-workout")
@click.argument("file", metavar="FILE")
def import_workout(file: str) -> None:
    """Read intervals.icu workout text or a FIT workout into your workouts folder.

    The workout is written as a new YAML file (never over one that is there) in your
    workouts folder, where the library finds it. What could not be carried over (heart
    rate or power targets, zones) is said on stderr, one line each.

    \b
    Examples:
      intervaltimer import-workout tuesday.txt
      intervaltimer import-workout ~/Downloads/8x400.fit
    """
    from intervaltimer.export.yamlout import save_new_workout, workout_yaml
    from intervaltimer.locations import user_workouts_dir
    from intervaltimer.workout.loader import parse_workout
    from intervaltimer.workout.model import WorkoutError

    data = _read_import(file)
    try:
        workout, lost = read_workout_file(file, data)
        workout = _own_name(workout)
        text = workout_yaml(workout, comment=f"imported from {Path(file).name}")
        parse_workout(text, "<imported>")
    except WorkoutError as error:
        fail_workout(error)
    folder = user_workouts_dir()
    try:
        path = save_new_workout(text, workout.name, folder)
    except OSError as error:
        raise ReachProblem(f"{folder}: cannot write: {error.strerror or error}") from None
    for line in lost:
        say(f"not carried over: {line}")
    click.echo(f"wrote {path}")
    from intervaltimer.cli.textout import safe

    click.echo(safe(f"run it with: intervaltimer run {path.stem}"))


def session_fit(session: SessionRecord, reps: list[RepRecord]) -> bytes:
    """The FIT activity of a session; exit 1 when it has no rep to write."""
    from intervaltimer.export.fitsession import fit_activity

    skipped = sum(1 for rep in reps if rep.skipped or rep.split_s is None)
    try:
        data = fit_activity(session, reps)
    except ValueError as error:
        raise ReachProblem(f"session {session.id}: {error}") from None
    if skipped:
        say(f"note: {skipped} skipped rep{'s' if skipped != 1 else ''} without a split: no lap")
    if session.session_rpe is None:
        say(f"note: session {session.id} has no effort; rate it with `intervaltimer rate`")
    return data


@click.command("export-session")
@click.argument("session_ref", metavar="SESSION|last")
@click.option("--format", "form", type=click.Choice(["fit"]), default="fit", show_default=True,
              help="fit: a FIT activity (Garmin Connect, Strava, intervals.icu read it).")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Where to write (- for standard output). Default: session-<id>.fit here.")
@db_option
def export_session(session_ref: str, form: str, output: str | None, db: str | None) -> None:
    """Write a logged session as a FIT activity: a lap per rep and per rest.

    Each lap keeps the logged split to the millisecond; each rep's effort rides on its
    lap (the developer field rep_effort), the session's effort is the activity's.
    SESSION is a number from `intervaltimer history`, or `last`.
    """
    session, reps = load_session(db, session_ref)
    write_output(session_fit(session, reps), output, Path(f"session-{session.id}.fit"))
