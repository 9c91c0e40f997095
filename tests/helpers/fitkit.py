"""Shared by the export tests: FIT files read back with fitdecode (a decoder independent of
the Garmin SDK that wrote them), the shipped workouts, and a runner's races."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import fitdecode

from intervaltimer.workout.profile import Profile
from intervaltimer.workout.races import parse_race

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted((REPO / "workouts").glob("*.yaml"))
PROFILE = Profile((parse_race("mile=5:40"), parse_race("5k=19:30")))


def messages(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Every data message of a FIT file as (name, {field: value}), in file order.

    fitdecode checks the file's CRC as it reads (and raises when it is wrong).
    """
    found: list[tuple[str, dict[str, Any]]] = []
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                found.append((frame.name, {f.name: f.value for f in frame.fields}))
    return found


def of(data: bytes, name: str) -> list[dict[str, Any]]:
    """The messages called `name`."""
    return [fields for kind, fields in messages(data) if kind == name]


def run_order(steps: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """FIT workout steps written out in run order, and the repeat counts met on the way.

    A repeat step sends the watch back to `duration_step` until it has run the block
    `repeat_steps` times; a repeat inside another's block is refused (FIT watches
    differ on nesting, so the export never writes one).
    """
    order: list[dict[str, Any]] = []
    counts: list[int] = []
    first_of: dict[int, int] = {}  # step index -> its position in `order` (last time seen)
    for position, step in enumerate(steps):
        if step["duration_type"] == "repeat_until_steps_cmplt":
            start, count = int(step["duration_step"]), int(step["repeat_steps"])
            assert all(s["duration_type"] != "repeat_until_steps_cmplt"
                       for s in steps[start:position]), "a nested repeat"
            block = order[first_of[start]:]
            order.extend(block * (count - 1))
            counts.append(count)
            continue
        first_of[position] = len(order)
        order.append(step)
    return order, counts


def sdk_checks(data: bytes) -> bool:
    """The Garmin SDK decoder's own integrity check (header, sizes, CRC)."""
    from garmin_fit_sdk import Decoder, Stream

    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    return bool(decoder.is_fit() and decoder.check_integrity())
