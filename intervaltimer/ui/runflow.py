"""How the run flow moves between screens: preview -> run -> closing, and out again.

`leave_run_flow` closes a screen of the flow: back to the library when the
run was started from it, else out of the app (`intervaltimer run`).
`closing_screen` picks the screen shown at the end of a run: the review's
`SummaryScreen` for a logged session when that screen is part of the build,
else the flow's own `ClosingScreen` of the reps held in memory.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from intervaltimer.audio.player import Player
    from intervaltimer.track.runner import Runner


def leave_run_flow(app: App[Any]) -> None:
    """Close the flow's top screen: back to the screen below, or quit when none is left."""
    if len(app.screen_stack) <= 2:
        app.exit()
    else:
        app.pop_screen()


def ensure_player(app: App[Any]) -> Player:
    """The app's cue player, made on first use (the library opens the run flow without one)."""
    services = getattr(app, "services", None)
    player: Player | None = getattr(services, "player", None)
    if player is None:
        from intervaltimer.audio.player import make_player

        player = make_player(enabled=True, bell=app.bell)
        if services is not None:
            services.player = player
    return player


def summary_screen_class() -> Any | None:
    """The review's `SummaryScreen` class if this build has it, else None."""
    try:
        module = importlib.import_module("intervaltimer.ui.screens.summary")
    except ImportError:
        return None
    return getattr(module, "SummaryScreen", None)


def closing_screen(runner: Runner, title: str) -> Screen[Any]:
    """The screen that ends a run: the summary of the logged session, or the reps in memory."""
    session_id = runner.log.session_id
    if session_id is not None and runner.log.problem is None:
        summary = summary_screen_class()
        if summary is not None:
            screen: Screen[Any] = summary(session_id)
            return screen
    from intervaltimer.ui.screens.closing import ClosingScreen

    return ClosingScreen(title, runner.session.splits, status=runner.status or "abandoned",
                         elapsed_s=runner.session.progress.elapsed_s, problem=runner.log.problem,
                         logged=runner.log.logging)
