"""The trend screen: the sentence of `trends.trend` over three charts with their trend lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.trend import TrendScreen
from intervaltimer.ui.widgets.trend_chart import TrendChart, x_ticks, y_range
from tests.helpers.deskkit import desk, pilot_test, settle
from tests.helpers.reviewkit import EIGHT_HUNDREDS, FIVE_K_400, MILE_400, Seeded, add_session, at


def text(app: Any, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).render())


def chart(app: Any, chart_id: str) -> TrendChart:
    return app.screen.query_one(f"#{chart_id}", TrendChart)


async def open_trend(pilot: Any, app: Any, workout: str) -> TrendScreen:
    await settle(pilot, app)
    app.push_screen(TrendScreen(workout))
    await settle(pilot, app)
    screen = app.screen
    assert isinstance(screen, TrendScreen)
    return screen


@pilot_test
async def test_the_trend_of_a_workout_run_at_the_same_pace(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_trend(pilot, app, FIVE_K_400)
        assert text(app, "trend-verdict") == (
            "Effort down 1.1 and fade down 1.3 points over 6 sessions: improving.")
        assert text(app, "trend-summary") == (
            "Mean effort down 1.1 over 6 sessions at the same pace; "
            "slowdown fell from 4.6 % to 2.0 % (fitted trend); last time the last rep was 0.6 s "
            "slower than the others at effort 6.")
        assert text(app, "trend-info").startswith(
            "6 sessions, 3 Mar 2025 to 7 Apr 2025")
        assert text(app, "trend-reps") == "reps run of planned: 10 · 10 · 10 · 10 · 10 · 10"
        effort = chart(app, "effort-chart")
        assert effort.title_text == "mean effort (CR-10)"
        assert [y for _, y in effort.points] == pytest.approx([7.0, 6.8, 6.5, 6.3, 6.1, 5.9])
        pace = chart(app, "pace-chart")
        assert pace.title_text == "mean split"
        assert [y for _, y in pace.points] == pytest.approx([80.0] * 6)
        sdec = chart(app, "sdec-chart")
        # Sdec = (80 / first - 1) · 100 with first = 78.0, 78.2, ... 79.0 s
        assert [y for _, y in sdec.points] == pytest.approx(
            [(80 / (78.0 + 0.2 * i) - 1) * 100 for i in range(6)])
        assert screen.result is not None and screen.result.lines["mean_rpe"] is not None


@pilot_test
async def test_changed_targets_are_compared_by_deviation(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_trend(pilot, app, EIGHT_HUNDREDS)
        # The verdict first (a faster target held), then what moved against target.
        assert [text(app, "trend-verdict"), text(app, "trend-summary")] == [
            "Target 2.9 % faster (5.0 s a rep) at the same effort: fitter.",
            "Targets changed, so splits are compared by deviation from target: no clear change "
            "over 2 sessions: effort about 8.0, slowdown about 0.0 %, about +2.0 s off target (two "
            "sessions: run it again to confirm)."]
        pace = chart(app, "pace-chart")
        assert pace.title_text == "mean split − target (s)"
        assert [y for _, y in pace.points] == pytest.approx([2.0, 2.0])


@pilot_test
async def test_abandoned_sessions_count(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_trend(pilot, app, MILE_400)
        assert text(app, "trend-info").startswith("3 sessions")
        assert text(app, "trend-reps") == "reps run of planned: 8 · 3 abandoned · 8"
        assert len(chart(app, "effort-chart").points) == 3


@pilot_test
async def test_the_rest_chart_shows_the_rung_of_each_session(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    with Store.open(tmp_path / "ladder.sqlite3") as store:
        for day, (rest, reps) in enumerate([(90.0, 8), (75.0, 8), (60.0, 6)]):
            start = at(2025, 5, 1 + 2 * day)
            session = store.start_session("8 x 400", "name: 8 x 400\n", {}, 17,
                                          started_at=start, main_rest_s=rest, reps_planned=8)
            for index in range(1, reps + 1):
                store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/8",
                                 split_s=85.0, ended_at=start + 150 * index, target_s=84.5,
                                 distance_m=400.0, rpe=7, main=True)
            store.finish_session(session, "completed" if reps == 8 else "abandoned",
                                 ended_at=start + 2400)
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=(100, 30)) as pilot:
            await open_trend(pilot, app, "8 x 400")
            rest = chart(app, "rest-chart")
            assert rest.title_text == "rest (s): the rung"
            assert rest.points == [(0, 90.0), (1, 75.0), (2, 60.0)]
            assert text(app, "trend-reps") == "reps run of planned: 8/8 · 8/8 · 6/8 abandoned"
            assert text(app, "trend-verdict").startswith(
                "Rest cut from 90 s to 75 s, pace held: tolerance up, but the set came apart "
                "(last session stopped after 6 of 8 reps): back off to 75 s; 60 s not held yet.")


@pilot_test
async def test_one_session_asks_for_another(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    with Store.open(tmp_path / "one.sqlite3") as store:
        add_session(store, "Hill reps", at(2025, 5, 1), (30.0, 31.0), (7, 8), None)
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=(80, 24)) as pilot:
            await open_trend(pilot, app, "Hill reps")
            assert text(app, "trend-summary") == (
                "One session so far: run it again to see a trend; last time the last rep was "
                "1.0 s slower than the others at effort 8.")
            assert chart(app, "effort-chart").points == [(0, 7.5)]


def test_date_labels_are_spread_over_the_sessions() -> None:
    from datetime import datetime, timedelta

    days = [datetime(2025, 1, 1) + timedelta(days=7 * i) for i in range(11)]
    places, labels = x_ticks(days)
    assert places == [0, 2, 4, 6, 8, 10] and labels[0] == "1 Jan" and labels[-1] == "12 Mar"
    assert x_ticks(days[:3]) == ([0, 1, 2], ["1 Jan", "8 Jan", "15 Jan"])


def test_a_flat_series_gets_room_around_it() -> None:
    assert y_range([80.0, 80.0000001], 2.0) == pytest.approx((79.0, 81.0))
    assert y_range([5.0, 9.0], 1.0) == (5.0, 9.0)
