"""The history screen: sessions newest first, the workout filter, opening one, paging, `h`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Select, Static

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens import history as history_module
from intervaltimer.ui.screens.history import HistoryScreen
from intervaltimer.ui.screens.home import HomeScreen
from intervaltimer.ui.screens.session import SessionScreen
from intervaltimer.ui.screens.trend import TrendScreen
from intervaltimer.ui.widgets.session_reps import SessionRepTable
from intervaltimer.ui.widgets.session_table import SessionTable
from tests.helpers.deskkit import desk, pilot_test, settle
from tests.helpers.reviewkit import FIVE_K_400, MILE_400, Seeded, add_session, at, seed


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seeded:
    """tests/ui/conftest.py's seeded log, but over a library (its "8 x 400 m at mile pace")."""
    desk(tmp_path, monkeypatch)
    return seed(tmp_path / "review.sqlite3")


def rows(app: Any) -> list[list[str]]:
    """The history table as shown, a list of cell strings a row."""
    table = app.screen.query_one(SessionTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def status(app: Any) -> str:
    return str(app.screen.query_one("#history-status", Static).render())


@pilot_test
async def test_sessions_are_listed_newest_first_with_their_figures(seeded: Seeded,
                                                                   store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        shown = rows(app)
        assert len(shown) == 11 and status(app) == "11 sessions · ✗ abandoned"
        # date, workout, reps, split, ±, effort, load, status mark
        assert shown[0] == ["2025-04-14", MILE_400, "8", "1:28.2", "+1.0", "7.5", "", ""]
        assert shown[1] == ["2025-04-11", MILE_400, "3", "1:28.7", "+1.4", "7.7", "", "✗"]
        assert shown[2] == ["2025-04-09", MILE_400, "8", "1:28.0", "+0.8", "7.0", "270", ""]
        assert shown[3] == ["2025-04-07", FIVE_K_400, "10", "1:20.0", "+0.0", "5.9", "200", ""]
        assert [row[0] for row in shown] == sorted((row[0] for row in shown), reverse=True)


@pilot_test
async def test_filter_by_workout(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        select: Select[str] = app.screen.query_one("#workout-filter", Select)
        assert [str(prompt) for prompt, _ in select._options][:2] == [
            "All workouts", f"{MILE_400} (3)"]
        select.value = FIVE_K_400
        await settle(pilot, app)
        shown = rows(app)
        assert len(shown) == 6 and {row[1] for row in shown} == {FIVE_K_400}
        assert status(app) == "6 sessions"
        assert app.screen.sub_title == FIVE_K_400
        select.value = ""
        await settle(pilot, app)
        assert len(rows(app)) == 11
        await pilot.press("w")
        await pilot.pause()
        assert select.expanded  # the list of workouts is open to choose from


@pilot_test
async def test_ctrl_l_on_the_library_opens_the_history_of_the_highlighted_workout(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        home = app.screen
        assert isinstance(home, HomeScreen)
        while home.entry is None or home.entry.name != MILE_400:
            await pilot.press("down")
        await pilot.press("m")  # a letter: it filters, never opens a screen
        await settle(pilot, app)
        assert app.screen is home and home.query_one("#filter", Input).value == "m"
        await pilot.press("backspace", "ctrl+l")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen) and app.screen.workout == MILE_400
        assert [row[0] for row in rows(app)] == ["2025-04-14", "2025-04-11", "2025-04-09"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home


@pilot_test
async def test_enter_opens_a_session_whose_effort_given_there_shows_on_return(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.session_id == seeded.latest
        assert len(screen.query_one(SessionRepTable).reps) == 8
        await pilot.press("6")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)
        assert rows(app)[0][6] == "270"  # the load: 6 × 45 min
        await pilot.press("down", "enter")  # the abandoned try opens too
        await settle(pilot, app)
        assert isinstance(app.screen, SessionScreen) and app.screen.session_id == seeded.abandoned
        assert app.screen.query_one(SessionRepTable).column_text("split") == [
            "1:25.0", "1:26.0", "1:35.0"]


@pilot_test
async def test_t_opens_the_trend_of_the_highlighted_workout(seeded: Seeded,
                                                            store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "down", "down", "t")
        await settle(pilot, app)
        assert isinstance(app.screen, TrendScreen) and app.screen.workout == FIVE_K_400


@pilot_test
async def test_a_long_history_shows_a_page_then_adds_more_near_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    with Store.open(tmp_path / "long.sqlite3") as store:
        for day in range(250):
            add_session(store, "4 x 200 m", at(2024, 1, 1) + day * 86_400.0,
                        (40.0, 40.5, 41.0, 41.0), (6, 6, 7, 7), 40.0, distance_m=200.0)
        pages: list[int] = []
        app = make_app(store=store, start=Start(screen="history"))

        def hook(message: Any) -> None:
            if isinstance(message, HistoryScreen.Page):
                pages.append(len(message.rows))

        async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
            await settle(pilot, app)
            assert pages == [history_module.PAGE, 250]  # the first page, then every row
            table = app.screen.query_one(SessionTable)
            assert table.row_count == history_module.PAGE
            assert status(app) == "250 sessions"
            await pilot.press("end")
            await pilot.pause()
            assert table.row_count == 2 * history_module.PAGE
            await pilot.press("end")
            await pilot.pause()
            await pilot.press("end")
            await pilot.pause()
            assert table.row_count == 250
            assert rows(app)[-1][0] == "2024-01-01"


class Busy(Screen[None]):
    """A screen that must not be left by `h` (as a workout being run)."""

    ALLOWS_HISTORY: ClassVar[bool] = False

    def compose(self) -> Any:
        yield Static("busy")


class Dialog(ModalScreen[None]):
    """A dialog that says nothing about the history."""

    def compose(self) -> Any:
        yield Static("sure?")


@pilot_test
async def test_h_works_from_any_screen_except_itself_and_those_that_forbid_it(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("h")
        await pilot.pause()
        assert len(app.screen_stack) == 2  # not a second history over the first
        app.push_screen(TrendScreen(FIVE_K_400))
        await settle(pilot, app)
        await pilot.press("h")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen) and len(app.screen_stack) == 4
        busy = Busy()
        app.push_screen(busy)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is busy
        dialog = Dialog()
        app.push_screen(dialog)  # a dialog over the run: still no history
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is dialog


@pilot_test
async def test_without_a_log_the_history_says_so(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    app = make_app(store=None, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        assert "No log is open" in status(app)
        assert rows(app) == []


@pilot_test
async def test_an_empty_log_says_how_to_fill_it(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    desk(tmp_path, monkeypatch, library=False)
    with Store.open(tmp_path / "empty.sqlite3") as store:
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            assert status(app) == "No sessions logged yet: run a workout from the library."


@pilot_test
async def test_a_session_with_strides_reviews_its_main_set(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Four 80 m strides, then 8 x 400 m (the worked example, one rep a hair under target):
    the metrics are the 400s', the screen says the strides are left out, and ± never reads
    -0.0."""
    from intervaltimer.ui.widgets.metrics_panel import MetricsPanel

    desk(tmp_path, monkeypatch)
    path = tmp_path / "strides.sqlite3"
    with Store.open(path) as opened:
        session = opened.start_session(MILE_400, "src", {}, 30, started_at=at(2025, 4, 14))
        for index, (split, rpe) in enumerate(zip((14.0, 14.2, 14.1, 14.3), (3, None, 3, None),
                                                 strict=True), start=1):
            opened.record_rep(session, index, step_index=2 * index, label=f"Stride {index}/4",
                              split_s=split, ended_at=at(2025, 4, 14) + 100 * index,
                              distance_m=80.0, rpe=rpe)
        for index, (split, rpe) in enumerate(zip((87.0, 86.0, 87.236, 88.0, 88.0, 89.0, 90.0,
                                                  91.0), (6, 6, 7, 7, 8, 8, 9, 9),
                                                 strict=True), start=5):
            opened.record_rep(session, index, step_index=2 * index, label=f"Rep {index - 4}/8",
                              split_s=split, ended_at=at(2025, 4, 14) + 100 * index,
                              distance_m=400.0, target_s=87.24, rpe=rpe)
        opened.finish_session(session, "completed", ended_at=at(2025, 4, 14) + 2700)
    with Store.open(path) as store:
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot, app)
            await pilot.press("enter")
            await settle(pilot, app)
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            assert len(screen.query_one(SessionRepTable).reps) == 12
            assert screen.query_one(SessionRepTable).column_text("delta")[6] == "+0.0"
            # fade of the 400s: 91 - 87 = +4.0 s, 4.60 % (not from a 14 s stride)
            assert screen.query_one(MetricsPanel).row_text("fade_pct")[1] == "+4.60 %"
            note = str(screen.query_one("#compare-note", Static).render())
            assert note.startswith("metrics are over the 8 reps with a target; 4 reps")


@pilot_test
async def test_empty_tries_are_hidden_counted_and_shown_on_a(seeded: Seeded, store: Store) -> None:
    """An abandoned session without a rep (started, quit) is noise in the history."""
    for day in (20, 21):
        add_session(store, MILE_400, at(2025, 4, day), (), (), None, minutes=1.0,
                    status="abandoned")
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        assert len(rows(app)) == 11  # the seeded sessions only
        assert "2 empty tries hidden (a shows)" in status(app)
        assert status(app).startswith("11 sessions")
        await pilot.press("a")
        await pilot.pause()
        assert len(rows(app)) == 13
        assert [row[0] for row in rows(app)[:2]] == ["2025-04-21", "2025-04-20"]
        assert "hidden" not in status(app)
        await pilot.press("a")
        await pilot.pause()
        assert len(rows(app)) == 11
    # an abandoned session with reps is kept: it is a real try
    assert any(row.status == "abandoned" and row.reps > 0 for row in store.summaries())
