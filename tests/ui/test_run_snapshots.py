"""Snapshots of the preview and run screens at 80x24 and at 40x15 (a phone-sized terminal).

Regenerate with `pytest tests/ui/test_run_snapshots.py --snapshot-update`,
then look at the SVGs: big digits, the phase's colour, nothing cut off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from intervaltimer.audio.testing import RecordingPlayer
from tests.fakes import FakeClock
from tests.ui.runkit import advance, press, run_app

EIGHT_400 = "8x400m@mile/60s"
SIZES = {"80x24": (80, 24), "40x15": (40, 15)}

SnapCompare = Callable[..., bool]


pytestmark = pytest.mark.usefixtures("private_config")


def _app(workout: str = EIGHT_400, races: tuple[str, ...] = ("mile=5:40",)) -> Any:
    clock = FakeClock()
    return run_app(workout, clock, RecordingPlayer(clock=clock), races=races), clock


def _then(clock: FakeClock, *steps: tuple[str, Any]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A `run_before` that starts the run and then plays `steps`: ("wait", s) or ("keys", ...)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await press(pilot, "enter")
        for what, arg in steps:
            if what == "wait":
                await advance(pilot, clock, arg)
            else:
                await press(pilot, *arg)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_preview(snap_compare: SnapCompare, size: str) -> None:
    app, _ = _app()
    assert snap_compare(app, terminal_size=SIZES[size])


def test_preview_without_profile(snap_compare: SnapCompare) -> None:
    app, _ = _app(races=())
    assert snap_compare(app, terminal_size=SIZES["80x24"])


@pytest.mark.parametrize("size", SIZES)
def test_rep_in_progress(snap_compare: SnapCompare, size: str) -> None:
    """Rep 2 of 8, 45 s in, after rep 1 ran 1:23.0 (1.9 s faster than target) rated 7."""
    app, clock = _app()
    run_before = _then(clock, ("wait", 3.0), ("wait", 83.0), ("keys", ("space",)),
                       ("keys", ("7",)), ("wait", 60.0), ("wait", 45.0))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_rest_with_effort_prompt(snap_compare: SnapCompare, size: str) -> None:
    """Rest after rep 2 (run 1:27.0, 2.1 s slow), 18 s into it, effort 8 chosen."""
    app, clock = _app()
    run_before = _then(clock, ("wait", 3.0), ("wait", 83.0), ("keys", ("space",)),
                       ("keys", ("7",)), ("wait", 60.0), ("wait", 87.0),
                       ("keys", ("space",)), ("wait", 18.0), ("keys", ("8",)))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_lead_in(snap_compare: SnapCompare) -> None:
    """The countdown before the first rep, 1 s in."""
    app, clock = _app()
    run_before = _then(clock, ("wait", 1.0))
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=run_before)


def test_paused(snap_compare: SnapCompare) -> None:
    """A rep paused 20 s in."""
    app, clock = _app()
    run_before = _then(clock, ("wait", 3.0), ("wait", 20.0), ("keys", ("p",)))
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=run_before)
