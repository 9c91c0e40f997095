"""The advice where a runner meets it: today's rung and the advice on the preview, next time's
on the summary. The log is written as runs write it; the rules themselves are tested in
tests/coach/ (the labelled cases, the findings, the properties)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.preview import PreviewScreen
from intervaltimer.ui.screens.summary import SummaryScreen
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.session_effort import SessionEffort
from intervaltimer.ui.widgets.session_reps import SessionRepTable
from tests.helpers.deskkit import desk, pilot_test, settle
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, press, run_app

MILE = ("mile=5:40",)  # 400 m at mile pace: 84.5 s
QUICK_NAME = "4 x 400 m @ mile"

pytestmark = pytest.mark.usefixtures("private_config")


def two_good_sessions_at(store: Store, rest_s: float) -> None:
    """Two sessions of 4 x 400 m at mile pace on `rest_s`, every rep within +0.3 s, the
    last rep at effort 7: the advice is to shorten."""
    for day in (1, 3):
        start = 1_746_000_000.0 + day * 86400
        session = store.start_session(QUICK_NAME, f"4x400m@mile/{rest_s:g}s", {}, 9,
                                      started_at=start, main_rest_s=rest_s, reps_planned=4)
        for index, split in enumerate((84.5, 84.6, 84.7, 84.8), start=1):
            store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/4",
                             split_s=split, ended_at=start + 150 * index, distance_m=400.0,
                             target_s=84.5, rest_s=rest_s, rpe=7 if index == 4 else 6,
                             main=True)
        store.finish_session(session, "completed", ended_at=start + 900)


def advice_line(screen: PreviewScreen) -> str:
    widget = screen.query_one("#preview-advice", Line)
    return widget.text if widget.display else ""


ADVICE = ("45 s rest, one rung shorter: 2 clean sessions in a row on 60 s: every rep within "
          "+0.4 %, fade 0.2 points, effort 7")


async def preview_advice(store: Store, quick: str) -> str:
    """The advice line of the preview of `quick`."""
    app = run_app(quick, FakeClock(), store=store, races=MILE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        return advice_line(screen)


@pilot_test
async def test_the_preview_shows_todays_rung_and_the_advice(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.sqlite3") as store:
        two_good_sessions_at(store, 60.0)
        assert await preview_advice(store, "4x400m@mile/45s") == f"Today: {ADVICE}"
        # Today's rest set to another rung than the advice: both are shown.
        assert await preview_advice(store, "4x400m@mile/60s") == (
            f"Today: 60 s rest · advice: {ADVICE} · enter takes the advice")


@pilot_test
async def test_the_summary_shows_the_advice_for_next_time(tmp_path: Path) -> None:
    clock = FakeClock()
    with Store.open(tmp_path / "log.sqlite3") as store:
        two_good_sessions_at(store, 45.0)
        app = run_app("4x400m@mile/45s", clock, store=store, races=MILE, lead_in_s=3)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await press(pilot, "enter")
            await advance(pilot, clock, 3)
            for effort in "6667":  # enter took the advice: 30 s rest today
                await advance(pilot, clock, 84.6)
                await press(pilot, "space", effort)
                await advance(pilot, clock, 30)
            await press(pilot, "enter")
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            advice = str(screen.query_one("#advice", Static).render())
            # Run on 30 s as advised, clean once: one more session there before the next.
            assert advice == ("Next time: 30 s rest, same rung: one clean session on 30 s so "
                              "far; 2 in a row move you on\nVerdict: rest cut from 45 s to "
                              "30 s, pace held: tolerance up")


@pilot_test
async def test_the_summary_lists_a_skipped_rep_and_multiplies_the_minutes_it_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    with Store.open(tmp_path / "log.sqlite3") as store:
        start = 1_746_000_000.0
        session = store.start_session(QUICK_NAME, "4x400m@mile/60s", {}, 8, started_at=start,
                                      main_rest_s=60.0, reps_planned=4)
        for index, split in enumerate((84.5, None, 84.9, 84.6), start=1):
            store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/4",
                             split_s=split, skipped=split is None, ended_at=start + 30 * index,
                             distance_m=400.0, target_s=84.5, main=True)
        store.finish_session(session, "completed", ended_at=start + 144)  # 2.4 min
        store.set_session_rpe(session, 5)
        app = make_app(store=store, start=Start(screen="home"))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            app.push_screen(SummaryScreen(session))
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, SummaryScreen)
            table = screen.query_one(SessionRepTable)
            assert table.column_text("split") == ["1:24.5", "skipped", "1:24.9", "1:24.6"]
            info = str(screen.query_one("#session-info", Static).render())
            assert "4 reps · main set 3 of 4 run (1 skipped) · completed" in info
            effort = str(screen.query_one(SessionEffort).render())
            assert "load 12 (5 × 2.4 min)" in effort  # not "(5 × 2 min)"
            advice = str(screen.query_one("#advice", Static).render())
            assert advice.startswith("Next time: 75 s rest, longer: last session 3 "
                                     "of 4 reps (1 skipped)")
