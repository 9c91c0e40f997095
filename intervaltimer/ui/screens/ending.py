"""The screen that ends a run: the review's `SummaryScreen` for a logged session, else the
flow's own `ClosingScreen` of the reps held in memory (no log, or the log failed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervaltimer.ui.screens.closing import ClosingScreen
from intervaltimer.ui.screens.summary import SummaryScreen

if TYPE_CHECKING:
    from intervaltimer.track.runner import Runner

SUMMARY_WAIT_S = 2.0  # at the end of a run, how long the screen waits for a healthy log to land


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
    return ClosingScreen(title, runner.session.splits, status=runner.status or "abandoned",
                         elapsed_s=runner.session.progress.elapsed_s, logged=runner.log.logging,
                         log=runner.log)
