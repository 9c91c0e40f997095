"""Snapshots of the preview and of the run screen in each of its moments, at 80x24, at 40x15
(a phone-sized terminal) and at 120x40 (a laptop screen read from 5 m).

Regenerate with `pytest tests/ui/test_run_snapshots.py --snapshot-update`, then look at
the SVGs: big digits, the phase's colour, the last split and its ± in big digits during
a rest, the LAST REP banner, and no number cut anywhere.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from intervaltimer.audio.testing import RecordingPlayer
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import LAST_NOTE, advance, paced_400s, press, run_app

EIGHT_400 = "8x400m@mile/60s"
# The same session with a pacer: a beep, and a big "due" time, every 100 m.
PACED = paced_400s(8)
SIZES = {"80x24": (80, 24), "40x15": (40, 15), "120x40": (120, 40)}
Step = tuple[str, Any]

SnapCompare = Callable[..., bool]


pytestmark = pytest.mark.usefixtures("private_config")


@pytest.fixture
def paced(tmp_path: Path) -> str:
    """The path of the paced 8 x 400 m workout."""
    path = tmp_path / "paced-8x400.yaml"
    path.write_text(PACED, encoding="utf-8")
    return str(path)


def _app(workout: str = EIGHT_400, races: tuple[str, ...] = ("mile=5:40",)) -> Any:
    clock = FakeClock()
    return run_app(workout, clock, RecordingPlayer(clock=clock), races=races), clock


def _then(clock: FakeClock, *steps: Step,
          theme: str | None = None) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A `run_before` that starts the run and then plays `steps`: ("wait", s) or ("keys", ...)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        if theme is not None:
            pilot.app.theme = theme
        await pilot.pause()
        await press(pilot, "enter")
        for what, arg in steps:
            if what == "wait":
                await advance(pilot, clock, arg)
            else:
                await press(pilot, *arg)
        await pilot.pause()

    return run_before


# Rep 1 ran 1:23.0 (1.5 s faster than its 1:24.5) and was rated 7.
REP_1: tuple[Step, ...] = (("wait", 3.0), ("wait", 83.0), ("keys", ("space",)),
                           ("keys", ("7",)), ("wait", 60.0))
# Rep 2 ran 1:27.0 (2.5 s slow); 18 s into its rest, rated 8.
REST_2: tuple[Step, ...] = (*REP_1, ("wait", 87.0), ("keys", ("space",)), ("wait", 18.0),
                            ("keys", ("8",)))
# Reps 1 to 7 at 1:24.0 each, then 30 s into rep 8 of 8.
LAST: tuple[Step, ...] = (("wait", 3.0),
                          *((("wait", 84.0), ("keys", ("space",)), ("wait", 60.0)) * 7),
                          ("wait", 30.0))
MOMENTS: dict[str, tuple[Step, ...]] = {
    "lead_in": (("wait", 1.0),),  # the countdown before rep 1, 1 s in
    "rep": (*REP_1, ("wait", 45.0)),  # rep 2, 45 s in: 300 m due at 1:03.4
    "rest": REST_2,
    "last_rep": LAST,
    "paused": (("wait", 3.0), ("wait", 20.0), ("keys", ("p",))),  # rep 1 paused 20 s in
}


@pytest.mark.parametrize("size", ["80x24", "40x15"])
def test_preview(snap_compare: SnapCompare, size: str) -> None:
    app, _ = _app()
    assert snap_compare(app, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", ["40x15", "30x10"])
def test_preview_of_the_ladder(snap_compare: SnapCompare, size: str) -> None:
    """A warm-up and strides open the plan: the reps' target shows above the table."""
    app, _ = _app("8x400-mile")
    assert snap_compare(app, terminal_size={**SIZES, "30x10": (30, 10)}[size])


def test_preview_without_profile(snap_compare: SnapCompare) -> None:
    app, _ = _app(races=())
    assert snap_compare(app, terminal_size=SIZES["80x24"])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", MOMENTS)
def test_run_screen(snap_compare: SnapCompare, paced: str, moment: str, size: str) -> None:
    """The run screen at each moment and size: see MOMENTS."""
    app, clock = _app(paced)
    assert snap_compare(app, terminal_size=SIZES[size],
                        run_before=_then(clock, *MOMENTS[moment]))


@pytest.mark.parametrize("size", ["80x20", "40x15"])
def test_last_rep_with_its_note(snap_compare: SnapCompare, tmp_path: Path, size: str) -> None:
    """Under 22 rows the `last:` note takes the place of the next step and the last split."""
    path = tmp_path / "paced-8x400-last.yaml"
    path.write_text(paced_400s(8, last_note=LAST_NOTE), encoding="utf-8")
    app, clock = _app(str(path))
    assert snap_compare(app, terminal_size={**SIZES, "80x20": (80, 20)}[size],
                        run_before=_then(clock, *LAST))


def test_rest_in_the_sunlight_theme(snap_compare: SnapCompare, paced: str) -> None:
    """The sunlight theme's own phase colours, black on white around them."""
    app, clock = _app(paced)
    assert snap_compare(app, terminal_size=SIZES["80x24"],
                        run_before=_then(clock, *REST_2, theme="sunlight"))
