"""The run screen driven as a runner would: whole quick workouts on a fake clock.

Each test presses the keys a runner presses (space at the line, a digit for
the effort, u, p, s, +/-), then checks what the screen says, what was stored
in a temporary log and which cues were played when.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.store import Store
from intervaltimer.ui.screens.closing import ClosingScreen
from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen
from intervaltimer.ui.screens.confirm_skip import ConfirmSkipScreen
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.rep_table import RepTable
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import (
    advance,
    logged_session,
    logs_landed,
    press,
    run_app,
    run_file,
    shown,
    start,
)

WORKOUTS = Path(__file__).resolve().parents[2] / "workouts"
MILE = ("mile=5:40",)  # mile pace: 100 m in 21.1 s, 400 m in 1:24.5


pytestmark = pytest.mark.usefixtures("private_config")


@pilot_test
async def test_two_reps_at_mile_pace_run_and_stored(
        fake_clock: FakeClock, recording_player: RecordingPlayer, tmp_db: Store) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, recording_player, tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("GET READY", "0:03")
        assert seen["step"] == "Rep 1/2 · 100 m @ mile · target 21.1"
        assert seen["next"] == "Next: Rest 5 s"
        assert seen["sound"] == "sound: on"
        assert screen.has_class("-phase-lead_in")
        await advance(pilot, fake_clock, 3.0)
        assert (shown(screen)["phase"], shown(screen)["clock"]) == ("RUN", "0:00")
        assert screen.has_class("-phase-work")
        await advance(pilot, fake_clock, 12.5)
        assert shown(screen)["clock"] == "0:12"  # a distance rep counts up
        await advance(pilot, fake_clock, 8.0)
        await press(pilot, "space")  # at the line: 20.5 s, 0.6 s under target
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:05")
        assert screen.has_class("-phase-rest")
        assert seen["last"] == "Last  Rep 1/2 · 100 m @ mile  20.5  -0.6 faster"
        assert "How hard was Rep 1/2?" in seen["effort"] and "7 very hard" in seen["effort"]
        session_id = logged_session(screen.runner)
        logs_landed(app)
        assert [r.split_s for r in tmp_db.reps(session_id)] == [20.5]
        await press(pilot, "7")
        assert "effort 7 very hard" in shown(screen)["last"]
        logs_landed(app)
        assert tmp_db.reps(session_id)[0].rpe == 7
        await advance(pilot, fake_clock, 5.0)
        assert shown(screen)["step"] == "Rep 2/2 · 100 m @ mile · target 21.1"
        await advance(pilot, fake_clock, 22.0)
        await press(pilot, "space")  # 22.0 s: 0.9 s slow
        assert shown(screen)["last"] == "Last  Rep 2/2 · 100 m @ mile  22.0  +0.9 slower"
        await press(pilot, "0")  # 0 is 10
        await advance(pilot, fake_clock, 5.0)
        seen = shown(screen)
        assert (seen["phase"], seen["progress"]) == ("DONE", "4/4 · done")
        assert seen["clock"] == "0:55"  # the workout's running time, 55.5 s
    logs_landed(app)
    reps = tmp_db.reps(session_id)
    assert [(r.index, r.split_s, r.rest_s, r.rpe) for r in reps] == [
        (1, 20.5, 5.0, 7), (2, 22.0, 5.0, 10)]
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.COMPLETED
    assert recording_player.played == [
        ("tick", 1000.0), ("tick", 1001.0), ("tick", 1002.0), ("go", 1003.0),
        ("lap", 1023.5), ("tick", 1025.5), ("tick", 1026.5), ("tick", 1027.5),
        ("go", 1028.5), ("lap", 1050.5), ("finish", 1055.5),
    ]


@pilot_test
async def test_timed_reps_end_on_their_own_with_halfway_and_ten_seconds(
        fake_clock: FakeClock, recording_player: RecordingPlayer) -> None:
    app = run_app("3x30s/15s", fake_clock, recording_player)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 10.0)
        seen = shown(screen)
        assert (seen["phase"], seen["clock"], seen["step"]) == ("RUN", "0:20", "Rep 1/3 · 30 s")
        await advance(pilot, fake_clock, 20.0)  # the rep ends on its own
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:15")
        assert seen["last"] == "Last  Rep 1/3 · 30 s  30.0"  # no target, no colour
        await advance(pilot, fake_clock, 105.0)
        assert shown(screen)["phase"] == "DONE"
    rep1 = [(cue, at) for cue, at in recording_player.played if at <= 1033.0]
    assert rep1 == [("tick", 1000.0), ("tick", 1001.0), ("tick", 1002.0), ("go", 1003.0),
                    ("halfway", 1018.0), ("ten_seconds", 1023.0), ("rest", 1033.0)]
    assert recording_player.cues.count("go") == 3
    assert recording_player.played[-1] == ("finish", 1003.0 + 3 * 45.0)
    # the rest of 15 s gets a 3-2-1 before the next rep's go
    assert [at for cue, at in recording_player.played if cue == "tick"][3:6] == [
        1045.0, 1046.0, 1047.0]


@pilot_test
async def test_undo_puts_the_runner_back_in_the_rep_with_its_clock(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 10.0)
        await press(pilot, "space")  # a mistaken tap 10 s into the rep
        assert shown(screen)["phase"] == "REST"
        logs_landed(app)
        assert len(tmp_db.reps(session_id)) == 1
        await advance(pilot, fake_clock, 1.0)
        await press(pilot, "u")
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("RUN", "0:11")  # its clock intact
        assert seen["last"] == "Last: no rep yet"
        logs_landed(app)
        assert tmp_db.reps(session_id) == []
        await advance(pilot, fake_clock, 10.5)
        await press(pilot, "space")
        logs_landed(app)
        assert [r.split_s for r in tmp_db.reps(session_id)] == [21.5]
        await press(pilot, "u")
        await press(pilot, "u")  # a second undo has nothing to take back
        logs_landed(app)
        assert tmp_db.reps(session_id) == []
        assert shown(screen)["phase"] == "RUN"


@pilot_test
async def test_pause_freezes_the_clock_and_the_split_leaves_it_out(
        fake_clock: FakeClock, recording_player: RecordingPlayer) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, recording_player, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 8.0)
        await press(pilot, "p")
        assert shown(screen)["phase"] == "PAUSED"
        assert screen.has_class("-paused")
        assert screen.runner.next_wake() is None  # nothing is due: no timer at all
        fake_clock.advance(40.0)
        screen.sync()
        assert shown(screen)["clock"] == "0:08"
        await press(pilot, "p")
        assert shown(screen)["phase"] == "RUN"
        await advance(pilot, fake_clock, 13.0)
        await press(pilot, "space")
        assert [s.split_s for s in screen.runner.session.splits] == [21.0]


@pilot_test
async def test_skip_and_rest_keys(fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await press(pilot, "s")  # skip rep 1 during its lead-in: it would drop a rep, so it asks
        assert isinstance(app.screen, ConfirmSkipScreen)
        await press(pilot, "y")
        seen = shown(screen)
        assert (seen["phase"], seen["step"]) == ("REST", "Rest 30 s")
        assert seen["progress"].startswith("step 2/6")
        await press(pilot, "plus")
        assert shown(screen)["clock"] == "0:45"
        await press(pilot, "minus", "minus")
        assert shown(screen)["clock"] == "0:15"
        await advance(pilot, fake_clock, 15.0)
        assert shown(screen)["step"] == "Rep 2/3 · 100 m @ mile · target 21.1"
        await press(pilot, "plus")  # no rest on the clock in a rep: nothing changes
        await advance(pilot, fake_clock, 20.0)
        await press(pilot, "space")
        session_id = logged_session(screen.runner)
        logs_landed(app)
        reps = tmp_db.reps(session_id)
        # the rep skipped in its lead-in is a rep not run: listed, with no split
        assert [(r.index, r.step_index, r.split_s, r.skipped) for r in reps] == [
            (1, 1, None, True), (2, 3, 20.0, False)]


@pilot_test
async def test_skipping_a_running_rep_asks_first_and_u_brings_it_back(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 10.0)  # 10 s into rep 1
        await press(pilot, "s")
        question = app.screen
        assert isinstance(question, ConfirmSkipScreen)
        assert "counts as not run" in str(question.query_one("#quit-question").render())
        assert "u brings it back" in str(question.query_one("#quit-detail").render())
        await press(pilot, "n")  # keep running: nothing skipped
        assert app.screen is screen and screen.runner.session.splits == ()
        await press(pilot, "s", "y")
        assert shown(screen)["step"] == "Rest 30 s"
        assert [(r.index, r.split_s, r.skipped) for r in tmp_db.reps(session_id)] == [
            (1, None, True)]
        assert shown(screen)["effort"] == ""  # a rep not run is not rated
        await press(pilot, "u")  # take the skip back: rep 1 again, its clock intact
        await pilot.pause()
        assert shown(screen)["phase"] == "RUN" and tmp_db.reps(session_id) == []
        await advance(pilot, fake_clock, 11.0)
        await press(pilot, "space")
        assert [(r.split_s, r.skipped) for r in tmp_db.reps(session_id)] == [(21.0, False)]


@pilot_test
async def test_effort_is_changeable_until_the_next_rep_ends(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await press(pilot, "3")  # no rep yet: nothing to rate
        assert shown(screen)["effort"] == ""
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space", "5")
        await advance(pilot, fake_clock, 10.0)  # into rep 2
        assert screen.query_one(EffortPrompt).has_class("-quiet")
        await press(pilot, "6")  # still rep 1
        logs_landed(app)
        assert [r.rpe for r in tmp_db.reps(session_id)] == [6]
        await advance(pilot, fake_clock, 11.0)
        await press(pilot, "space", "9")  # rep 2 ended: the key rates rep 2
        logs_landed(app)
        assert [r.rpe for r in tmp_db.reps(session_id)] == [6, 9]
        assert "How hard was Rep 2/2?  9" in shown(screen)["effort"]


@pilot_test
async def test_a_send_off_rep_run_slow_gets_its_minimum_rest(
        fake_clock: FakeClock, tmp_path: Path) -> None:
    app = run_file(tmp_path / "send-off.yaml",
                   "name: Send-off 200s\nlead_in: 3s\nsteps:\n  - repeat: 3\n"
                   "    every: 1:00\n    min_rest: 20s\n    steps:\n      - run: 200m\n"
                   "        pace: mile\n", fake_clock, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 35.0)
        await press(pilot, "space")  # 35 s: the next round goes at 1:00
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:25")
        assert seen["note"] == "next round on the clock · space to go now"
        # The rest is what is on the clock; the rep it leads to is next, not the one after.
        assert seen["step"] == "Rest until 1:00"
        assert seen["next"].startswith("Next: Rep 2/3 · 200 m @ mile · target ")
        await advance(pilot, fake_clock, 25.0 + 50.0)
        await press(pilot, "space")  # 50 s: only 10 s left of the round
        seen = shown(screen)
        assert (seen["phase"], seen["clock"]) == ("REST", "0:20")
        assert seen["note"] == "slow rep: 20 s minimum rest"


@pilot_test
async def test_quit_asks_first_and_keeps_the_session(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    app = run_app("3x100m@mile/30s", fake_clock, store=tmp_db, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        session_id = logged_session(screen.runner)
        await advance(pilot, fake_clock, 3.0 + 21.0)
        await press(pilot, "space", "4", "q")
        assert isinstance(app.screen, ConfirmQuitScreen)
        await press(pilot, "n")  # keep running
        assert app.screen is screen
        await press(pilot, "q")
        await advance(pilot, fake_clock, 2.0)  # the clock runs on under the question
        assert screen.runner.session.remaining_s() == pytest.approx(28.0)
        await press(pilot, "y")
        assert isinstance(app.screen, ClosingScreen) or type(app.screen).__name__ == \
            "SummaryScreen"
    logs_landed(app)
    record = tmp_db.session(session_id)
    assert record is not None and record.status is SessionStatus.ABANDONED
    # quit 2 s into the rest after rep 1: its rest is the 2 s taken
    assert [(r.split_s, r.rpe, r.rest_s) for r in tmp_db.reps(session_id)] == [(21.0, 4, 2.0)]


@pilot_test
async def test_the_closing_screen_lists_split_target_difference_and_effort(
        fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, races=MILE)  # not logged: the reps in memory
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "space", "8")
        await advance(pilot, fake_clock, 5.0 + 23.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 5.0)
        await press(pilot, "enter")
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        table = closing.query_one(RepTable)
        assert table.column_text("split") == ["20.0", "23.0"]
        assert table.column_text("target") == ["21.1", "21.1"]
        assert table.column_text("delta") == ["-1.1", "+1.9"]
        assert table.column_text("effort") == ["8", ""]
        await press(pilot, "enter")  # started by `run`: out of the app
    assert app.return_code == 0


@pilot_test
async def test_mute_silences_the_cues_and_says_so(
        fake_clock: FakeClock, recording_player: RecordingPlayer) -> None:
    app = run_app("2x100m@mile/5s", fake_clock, recording_player, races=MILE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await press(pilot, "m")
        assert shown(screen)["sound"] == "sound: muted"
        await advance(pilot, fake_clock, 3.0)
        assert recording_player.cues == ["tick"]  # only the one before the mute
        await press(pilot, "m")
        assert shown(screen)["sound"] == "sound: on"
