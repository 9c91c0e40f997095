"""`intervaltimer paces`: the runner's equivalent paces, for people (a table) and programs (JSON).

`--json` prints one object whose keys are the pace names, in this order, plus `vdot`:

    {
      "800m":  {"s_per_km": 215.0, "s_per_mile": 346.0, "s_per_400m": 86.0,
                "time_s": 172.0, "estimate": true, "basis": "Riegel from 5k 20:00"},
      ...                                   (1500m, mile, 3k, 5k, 10k, half, marathon)
      "easy":  {"s_per_km": ..., "s_per_mile": ..., "s_per_400m": ...,
                "time_s": null, "estimate": false, "basis": "VDOT 49.8 from 5k 20:00",
                "range": {"fast": {"s_per_km": 294.45, "s_per_mile": ..., "s_per_400m": ...},
                          "slow": {"s_per_km": 352.98, ...}}},
      ...                                   (threshold, interval, repetition)
      "vdot":  {"value": 49.8, "estimate": false, "basis": "5k 20:00"},
      "model": "vdot"
    }

Paces are seconds (two decimals); `time_s` is the race time at that pace (null for
training paces); `estimate` is true where the formulas are stretched (shown `~`
in the table); `range` is the fast and slow end of a pace that is a range (easy;
null for the others, whose `s_per_*` is the pace itself; easy's `s_per_*` is the
middle, what `pace: easy` targets); `vdot` is null when there is no result to
compute it from; `model` is how race paces were carried from the results
(`vdot` or `riegel`, the profile's `model:`).
"""

from __future__ import annotations

import json
from typing import Any

import click

from intervaltimer.cli.options import no_profile_hint, profile_from_races, race_option
from intervaltimer.workout.paces import ResolvedPace
from intervaltimer.workout.pacespec import RACE_DISTANCES_M
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.units import METRES_PER_MILE, format_time

_PER_KM = 1000.0
_PER_400 = 400.0


def _per(s_per_m: float) -> dict[str, float]:
    """A pace per km, mile and 400 m lap."""
    return {
        "s_per_km": round(s_per_m * _PER_KM, 2),
        "s_per_mile": round(s_per_m * METRES_PER_MILE, 2),
        "s_per_400m": round(s_per_m * _PER_400, 2),
    }


def _pace_row(name: str, pace: ResolvedPace) -> dict[str, Any]:
    """The JSON object of one pace."""
    distance_m = RACE_DISTANCES_M.get(name)
    ranged = pace.fast_s_per_m is not None and pace.slow_s_per_m is not None
    return {
        **_per(pace.s_per_m),
        "time_s": round(pace.s_per_m * distance_m, 2) if distance_m is not None else None,
        "estimate": pace.estimate,
        "basis": pace.basis,
        "range": {"fast": _per(pace.fast_s_per_m or 0.0),
                  "slow": _per(pace.slow_s_per_m or 0.0)} if ranged else None,
    }


def paces_json(profile: Profile) -> dict[str, Any]:
    """The JSON object of the runner's paces (see the module docstring)."""
    from intervaltimer.workout.paces import all_paces, best_vdot

    document: dict[str, Any] = {
        name: _pace_row(name, pace) for name, pace in all_paces(profile).items()
    }
    found = best_vdot(profile.races)
    document["vdot"] = None if found is None else {
        "value": round(found[0], 1), "estimate": found[1], "basis": str(found[2]),
    }
    document["model"] = profile.model
    return document


def _mark(text: str, estimate: bool) -> str:
    """A figure with `~` in front when it is an estimate."""
    return f"~{text}" if estimate else text


def _figure(row: dict[str, Any], key: str, decimals: int) -> str:
    """One pace figure of a row, `fast–slow` when the pace is a range (easy)."""
    ranged = row.get("range")
    if ranged is None:
        return format_time(row[key], decimals)
    return f"{format_time(ranged['fast'][key], 0)}–{format_time(ranged['slow'][key], 0)}"


def _print_table(document: dict[str, Any]) -> None:
    """The paces as a rich table, estimates marked `~`."""
    from rich.console import Console
    from rich.table import Table

    vdot = document.get("vdot")
    notes = []
    if vdot is not None:
        notes.append(f"VDOT {_mark(format(vdot['value'], '.1f'), vdot['estimate'])} "
                     f"from {vdot['basis']}")
    rows = {name: row for name, row in document.items() if name not in ("vdot", "model")}
    if document.get("model") == "riegel":
        notes.append("race paces by Riegel (profile model: riegel)")
    if any(row["estimate"] for row in rows.values()):
        notes.append("~ estimate: outside the range where the formula holds")
    caption = " · ".join(notes) or None
    table = Table(title="Paces", caption=caption, title_justify="left", caption_justify="left")
    table.add_column("pace")
    table.add_column("race time", justify="right")
    table.add_column("/km", justify="right")
    table.add_column("/mile", justify="right")
    table.add_column("/400 m", justify="right")
    table.add_column("from", style="dim")
    for name, row in rows.items():
        estimate = bool(row["estimate"])
        time_text = "" if row["time_s"] is None else _mark(format_time(row["time_s"], 0), estimate)
        table.add_row(
            name,
            time_text,
            _mark(_figure(row, "s_per_km", 0), estimate),
            _mark(_figure(row, "s_per_mile", 0), estimate),
            _mark(_figure(row, "s_per_400m", 1), estimate),
            row["basis"],
        )
    Console().print(table)


@click.command("paces")
@race_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON keyed by pace name.")
@click.option("--save", is_flag=True, help="Also write the --race results to profile.yaml.")
def paces(races: tuple[str, ...], as_json: bool, save: bool) -> None:
    """The runner's equivalent paces, from race results.

    Race paces (800m to marathon) follow from the nearest result by Riegel's
    formula; training paces (easy, threshold, interval, repetition) from the
    best VDOT (Daniels). Results come from profile.yaml and --race flags.
    `~` marks an estimate.

    \b
    Examples:
      intervaltimer paces --race mile=5:40
      intervaltimer paces --race 5k=20:00 --race 10k=41:28 --json
      intervaltimer paces --race mile=5:40 --save
    """
    profile = profile_from_races(races)
    if profile is None:
        click.echo(f"intervaltimer paces: {no_profile_hint()}", err=True)
        raise click.exceptions.Exit(1)
    if save:
        from intervaltimer.workout.profile import save_profile

        try:
            saved = save_profile(profile)
        except OSError as error:
            raise click.ClickException(f"cannot save the profile: {error}") from None
        click.echo(f"saved {len(profile.races)} race result(s) to {saved}", err=True)
    document = paces_json(profile)
    if as_json:
        click.echo(json.dumps(document, indent=2))
    else:
        _print_table(document)
