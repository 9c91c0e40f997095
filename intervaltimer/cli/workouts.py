"""`intervaltimer validate PATH...`: check workout files and say exactly what is wrong.

Prints `ok  PATH` for each valid file and `PATH:LINE:COL: message` for each
problem. Exit 0 when every file is valid, 1 when any is invalid or missing
(`PATH: no such file`), 2 on a usage error. Imports only click and the loader,
so it starts fast.
"""

from __future__ import annotations

from pathlib import Path

import click

SUFFIXES = (".yaml", ".yml")


def _files(path: Path) -> list[Path]:
    """The workout files a PATH argument stands for: itself, or every *.yaml under a folder."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return [path]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check workout files; a folder checks every *.yaml under it.

    Prints `ok  PATH` per valid file and `PATH:LINE:COL: message` per problem.
    Exit status: 0 all valid, 1 any invalid or missing, 2 usage error.

    \b
    Examples:
      intervaltimer validate workouts/8x400-mile.yaml
      intervaltimer validate workouts/
    """
    from intervaltimer.cli.textout import safe
    from intervaltimer.workout.loader import load_workout
    from intervaltimer.workout.model import WorkoutError

    failed = False
    for given in paths:
        if not given.exists():
            click.echo(safe(f"{given}: no such file"))
            failed = True
            continue
        files = _files(given)
        if not files:
            click.echo(safe(f"{given}: no .yaml files in this folder"))
            failed = True
        for path in files:
            try:
                load_workout(path)
            except WorkoutError as error:
                failed = True
                for problem in error.problems:
                    click.echo(safe(str(problem)))
            else:
                click.echo(safe(f"ok  {path}"))
    ctx.exit(1 if failed else 0)
