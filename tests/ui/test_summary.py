"""The summary after a workout: reps, metrics beside the last run, session effort and note.

Numbers are checked by hand: a 200 m at mile pace from a 5:40 mile has a target of
200 × 340 / 1609.344 = 42.253 s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.store import Store
from intervaltimer.ui.app import IntervalTimerApp, Start, make_app
from intervaltimer.ui.screens.history import HistoryScreen
from intervaltimer.ui.screens.home import HomeScreen
from intervaltimer.ui.screens.summary import SummaryScreen
from intervaltimer.ui.screens.trend import TrendScreen
from intervaltimer.ui.widgets.metrics_panel import MetricsPanel
from intervaltimer.ui.widgets.session_effort import SessionEffort, key_to_rpe
from intervaltimer.ui.widgets.session_reps import SessionRepTable
from tests.helpers.deskkit import pilot_test, settle
from tests.helpers.fakes import FakeClock
from tests.helpers.reviewkit import MILE_400, Seeded
from tests.helpers.runkit import advance, press, run_app

QUICK = "3x200m@mile/30s"


def metric(app: Any, key: str) -> tuple[str, str, str, str]:
    """(label, now, before, change) of a metric on the screen."""
    panel: MetricsPanel = app.screen.query_one(MetricsPanel)
    return panel.row_text(key)


def effort_text(app: Any) -> str:
    return str(app.screen.query_one(SessionEffort).render())


async def summary_of(pilot: Any, app: IntervalTimerApp, session_id: int) -> SummaryScreen:
    """Open the summary of a session over the library, as a run from the library leaves it."""
    await settle(pilot, app)
    app.push_screen(SummaryScreen(session_id))
    await settle(pilot, app)
    assert isinstance(app.screen, SummaryScreen)
    return app.screen


async def run_quick(store: Store, clock: FakeClock, reps: tuple[tuple[float, str], ...],
                    rest_s: float = 30.0) -> tuple[int, dict[str, Any]]:
    """Run the quick workout to its end (space at each split, a digit for each effort) on
    ``rest_s`` (enter takes the advised rest), and return the session id and what the
    summary shows."""
    app = run_app(QUICK, clock, RecordingPlayer(clock=clock), store=store, races=("mile=5:40",),
                  lead_in_s=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        await advance(pilot, clock, 3)
        for split_s, effort in reps:
            await advance(pilot, clock, split_s)
            await press(pilot, "space", effort)
            await advance(pilot, clock, rest_s)
        await press(pilot, "enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        keys = ("mean_split_s", "mean_deviation_s", "fade_s", "fade_pct", "decrement_pct",
                "mean_rpe")
        shown = {
            "splits": screen.query_one(SessionRepTable).column_text("split"),
            "deltas": screen.query_one(SessionRepTable).column_text("delta"),
            "efforts": screen.query_one(SessionRepTable).column_text("effort"),
            "metrics": {key: metric(app, key)[1:] for key in keys},
            "asking": "How hard was the whole session?" in effort_text(app),
        }
        return screen.session_id, shown


@pilot_test
async def test_finishing_a_workout_shows_its_summary_beside_the_last_run(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.sqlite3") as store:
        first_id, first = await run_quick(store, FakeClock(),
                                          ((42.0, "6"), (43.0, "7"), (44.5, "9")))
        assert first["splits"] == ["42.0", "43.0", "44.5"]
        assert first["deltas"] == ["-0.3", "+0.7", "+2.2"]  # against 42.253
        assert first["efforts"] == ["6", "7", "9"]
        assert first["asking"]
        # Mean 43.17; fade 2.5 s = 2.5 / 42 = 5.95 %; Sdec = 129.5 / 126 - 1 = 2.78 %.
        assert first["metrics"]["mean_split_s"] == ("43.2", "", "")
        assert first["metrics"]["fade_pct"] == ("+5.95 %", "", "")
        assert first["metrics"]["decrement_pct"] == ("2.78 %", "", "")

        # The next day, the same workout, evener and easier.
        # The first set came apart (+5 % on rep 3): enter takes the advice, 45 s rest.
        second_id, second = await run_quick(store, FakeClock(1000.0 + 86_400),
                                            ((42.0, "6"), (42.5, "6"), (43.0, "7")), 45.0)
        assert second_id != first_id
        metrics = second["metrics"]
        assert metrics["mean_split_s"] == ("42.5", "43.2", "-0.7")
        assert metrics["mean_deviation_s"] == ("+0.25 s", "+0.91 s", "-0.67")
        assert metrics["fade_s"] == ("+1.0 s", "+2.5 s", "-1.5")
        assert metrics["fade_pct"] == ("+2.38 %", "+5.95 %", "-3.57")  # 1 / 42
        assert metrics["decrement_pct"] == ("1.19 %", "2.78 %", "-1.59")  # 127.5 / 126 - 1
        assert metrics["mean_rpe"] == ("6.3", "7.3", "-1.0")  # 19 / 3 against 22 / 3


@pilot_test
async def test_the_summary_shows_the_worked_example_beside_the_previous_session(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await summary_of(pilot, app, seeded.latest)
        assert screen.title == MILE_400
        table = screen.query_one(SessionRepTable)
        assert table.column_text("split") == ["1:27.0", "1:26.0", "1:27.0", "1:28.0", "1:28.0",
                                              "1:29.0", "1:30.0", "1:31.0"]
        assert table.column_text("target") == ["1:27.2"] * 8
        assert table.column_text("delta")[-1] == "+3.8"  # 91 - 87.24
        # The published figures, beside the 9 April session (eight reps of 88.0 s).
        assert metric(app, "mean_deviation_s") == ("± target", "+1.01 s", "+0.76 s", "+0.25")
        assert metric(app, "decrement_pct")[1:3] == ("2.62 %", "0.00 %")
        assert metric(app, "fade_s")[1:3] == ("+4.0 s", "+0.0 s")
        assert metric(app, "fade_pct")[1:3] == ("+4.60 %", "+0.00 %")
        assert metric(app, "fade_slope_s_per_rep")[1] == "+0.64 s"
        assert metric(app, "cv_pct")[1] == "1.89 %"
        assert metric(app, "mean_rpe")[1:3] == ("7.5", "7.0")
        assert metric(app, "load")[1:3] == ("–", "270")  # 6 × 45 min
        assert screen.query_one(MetricsPanel).previous_label == "9 Apr"
        assert "How hard was the whole session?" in effort_text(app)
        assert "0 = 10 maximal" in effort_text(app)


@pilot_test
async def test_metric_labels_shorten_rather_than_being_cut_in_a_narrow_panel(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await summary_of(pilot, app, seeded.latest)
        panel = screen.query_one(MetricsPanel)
        assert {"mean split", "mean effort", "session RPE"} <= set(panel.shown_labels())
        await pilot.resize_terminal(80, 24)
        # As at 80 columns beside a rep table with a "rep" column: too narrow for
        # "mean effort      7.5      7.0    +0.5", wide enough with "effort".
        screen.query_one("#session-side").styles.width = 38
        await settle(pilot, app)
        assert panel.uses_short_labels()
        assert {"split", "effort", "sess. RPE"} <= set(panel.shown_labels())
        shown = app.export_screenshot()
        assert "sess.&#160;RPE" in shown
        assert "…" not in shown


@pilot_test
async def test_the_session_effort_is_asked_once_and_stored_at_once(seeded: Seeded,
                                                                   store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        await summary_of(pilot, app, seeded.latest)
        await pilot.press("7")
        await settle(pilot, app)
        session = store.session(seeded.latest)
        assert session is not None and session.session_rpe == 7
        text = effort_text(app)
        assert "Session effort 7 very hard" in text and "load 315" in text  # 7 × 45 min
        assert "How hard" not in text
        assert metric(app, "load")[1] == "315"
        await pilot.press("0")  # 0 is 10, as on the run screen
        await settle(pilot, app)
        session = store.session(seeded.latest)
        assert session is not None and session.session_rpe == 10
        assert "10 maximal" in effort_text(app) and "load 450" in effort_text(app)


@pilot_test
async def test_a_note_is_typed_and_stored(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        await summary_of(pilot, app, seeded.latest)
        await pilot.press("n")
        assert isinstance(app.focused, Input)
        await pilot.press(*"legs 7 of 10", "enter")  # digits type, they do not rate
        await settle(pilot, app)
        session = store.session(seeded.latest)
        assert session is not None
        assert session.note == "legs 7 of 10" and session.session_rpe is None
        assert isinstance(app.focused, SessionRepTable)
        await pilot.press("n", *" tired", "escape")  # leaving the note keeps it too
        await settle(pilot, app)
        session = store.session(seeded.latest)
        assert session is not None and session.note == "legs 7 of 10 tired"
        assert isinstance(app.screen, SummaryScreen)  # escape left the note, not the screen


@pilot_test
async def test_escape_goes_back_to_the_library_and_q_quits(seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        await summary_of(pilot, app, seeded.latest)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        await summary_of(pilot, app, seeded.latest)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


@pilot_test
async def test_escape_opens_the_library_when_the_run_did_not_start_from_it(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="history"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        app.switch_screen(SummaryScreen(seeded.latest))  # as the run screen hands over
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2


@pilot_test
async def test_h_and_t_open_the_history_and_the_trend_and_come_back(seeded: Seeded,
                                                                     store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        await summary_of(pilot, app, seeded.latest)
        await pilot.press("h")
        await settle(pilot, app)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TrendScreen) and app.screen.workout == MILE_400
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


def test_keys_map_to_the_cr10_scale_as_on_the_run_screen() -> None:
    assert [key_to_rpe(k) for k in "1234567890"] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert key_to_rpe("a") is None and key_to_rpe("10") is None


@pilot_test
async def test_the_header_says_whether_the_workout_was_done_or_stopped(seeded: Seeded,
                                                                     store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        done = await summary_of(pilot, app, seeded.latest)
        assert done.sub_title == "workout done"
        app.pop_screen()
        stopped = await summary_of(pilot, app, seeded.abandoned)
        assert stopped.sub_title == "workout stopped · abandoned"


@pilot_test
async def test_capital_keys_flag_the_conditions_and_the_footer_lists_them(
        seeded: Seeded, store: Store) -> None:
    app = make_app(store=store, start=Start(screen="home"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await summary_of(pilot, app, seeded.latest)
        from textual.widgets._footer import FooterKey

        shown = [(key.key_display, key.description) for key in screen.query(FooterKey)
                 if key.display]
        assert ("H C W R I O", "Flag conditions") in shown
        await pilot.press("H", "W")
        await settle(pilot, app)
        assert store.session(seeded.latest).conditions == ("heat", "wind")  # type: ignore
        info = str(screen.query_one("#session-info", Static).render())
        assert info.endswith("flagged heat, wind: moves no rung")
        await pilot.press("H")
        await settle(pilot, app)
        assert store.session(seeded.latest).conditions == ("wind",)  # type: ignore
