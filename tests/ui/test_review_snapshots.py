"""Snapshots of the summary, history and trend screens at 100x30 and 80x24, on the seeded log.

Regenerate with `.venv/bin/pytest tests/ui/test_review_snapshots.py --snapshot-update` and look
at the SVGs in tests/ui/__snapshots__/ before accepting them. The seeded sessions are at fixed
local times, and no screen here shows "now", so the pictures do not move.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from intervaltimer.log.store import Store
from intervaltimer.ui.app import IntervalTimerApp, Start, make_app
from intervaltimer.ui.screens.session import SessionScreen
from intervaltimer.ui.screens.summary import SummaryScreen
from intervaltimer.ui.screens.trend import TrendScreen
from tests.helpers.deskkit import no_blink, settle
from tests.helpers.reviewkit import EIGHT_HUNDREDS, FIVE_K_400, Seeded

SIZES = [(100, 30), (80, 24), (40, 15)]
SnapCompare = Callable[..., bool]


def _app(store: Store) -> IntervalTimerApp:
    return make_app(store=store, start=Start(screen="history"))


def _showing(app: IntervalTimerApp,
             screen: Callable[[], Screen[Any]] | None) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        if screen is not None:
            app.push_screen(screen())
            await settle(pilot, app)
        no_blink(app)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_summary(snap_compare: SnapCompare, seeded: Seeded, store: Store,
                 size: tuple[int, int]) -> None:
    app = _app(store)
    assert snap_compare(app, terminal_size=size,
                        run_before=_showing(app, lambda: SummaryScreen(seeded.latest)))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history(snap_compare: SnapCompare, store: Store, size: tuple[int, int]) -> None:
    app = _app(store)
    assert snap_compare(app, terminal_size=size, run_before=_showing(app, None))


# Not at 40x15: plotext places the date labels of a chart that narrow differently after
# other charts were drawn in the process, so the picture depends on the tests run before it.
# tests/ui/test_small_terminal.py checks the trend at 40x15 instead.
@pytest.mark.parametrize("size", SIZES[:2], ids=lambda s: f"{s[0]}x{s[1]}")
def test_trend(snap_compare: SnapCompare, store: Store, size: tuple[int, int]) -> None:
    app = _app(store)
    assert snap_compare(app, terminal_size=size,
                        run_before=_showing(app, lambda: TrendScreen(FIVE_K_400)))


def test_trend_by_deviation(snap_compare: SnapCompare, store: Store) -> None:
    app = _app(store)
    assert snap_compare(app, terminal_size=(100, 30),
                        run_before=_showing(app, lambda: TrendScreen(EIGHT_HUNDREDS)))


def test_session_at_40x15(snap_compare: SnapCompare, seeded: Seeded, store: Store) -> None:
    """A session from the history: its reps, then its metrics below them."""
    app = _app(store)
    assert snap_compare(app, terminal_size=(40, 15),
                        run_before=_showing(app, lambda: SessionScreen(seeded.abandoned)))
