"""How the run flow moves between screens: preview -> run -> closing, and out again.

`leave_run_flow` closes a screen of the flow: back to the library when the
run was started from it, else out of the app (`intervaltimer run`).
`ensure_player` makes the cue player on first use. Which screen ends a run
is screens/ending.py's `closing_screen`; this module imports no screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.ui.services import DeskApp


def leave_run_flow(app: DeskApp) -> None:
    """Close the flow's top screen: back to the screen below, or quit when none is left."""
    if len(app.screen_stack) <= 2:
        app.exit()
    else:
        app.pop_screen()


def ensure_player(app: DeskApp) -> Player:
    """The app's cue player, made on first use (the library opens the run flow without one)."""
    player = app.services.player
    if player is None:
        from intervaltimer.audio.player import make_player

        player = app.services.player = make_player(enabled=True, bell=app.bell)
    return player
