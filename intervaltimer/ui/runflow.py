"""How the run flow moves between screens: preview -> run -> closing, and out again.

`leave_run_flow` closes a screen of the flow: back to the library when the
run was started from it, else out of the app (`intervaltimer run`).
`closing_screen` picks the screen shown at the end of a run: the review's
`SummaryScreen` for a logged session, else the flow's own `ClosingScreen` of
the reps held in memory (no log, or the log failed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervaltimer.ui.screens.summary import SummaryScreen

SUMMARY_WAIT_S = 2.0  # at the end of a run, how long the screen waits for a healthy log to land

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.track.runner import Runner
    from intervaltimer.ui.app import IntervalTimerApp
    from intervaltimer.ui.screens.closing import ClosingScreen


def leave_run_flow(app: IntervalTimerApp) -> None:
    """Close the flow's top screen: back to the screen below, or quit when none is left."""
    if len(app.screen_stack) <= 2:
        app.exit()
    else:
        app.pop_screen()


def ensure_player(app: IntervalTimerApp) -> Player:
    """The app's cue player, made on first use (the library opens the run flow without one)."""
    player = app.services.player
    if player is None:
        from intervaltimer.audio.player import make_player

        player = app.services.player = make_player(enabled=True, bell=app.bell)
    return player


def closing_screen(runner: Runner, title: str) -> SummaryScreen | ClosingScreen:
    """The screen that ends a run: the summary of the logged session, or the reps in memory."""
    # The writer normally lands the last rep in milliseconds; the summary reads the log, so
    # it is shown only once the log holds the whole session. A log that is failing is not
    # waited for: the closing screen shows the reps from memory and follows the writer.
    log = runner.log
    if log.error is None and log.flush(SUMMARY_WAIT_S) and log.notice is None:
        session_id = log.session_id
        if session_id is not None:
            return SummaryScreen(session_id)
    from intervaltimer.ui.screens.closing import ClosingScreen  # it leaves through this module

    return ClosingScreen(title, runner.session.splits, status=runner.status or "abandoned",
                         elapsed_s=runner.session.progress.elapsed_s, logged=runner.log.logging,
                         log=runner.log)
