"""The Textual app: wiring only. Screens live in `screens/`, widgets in `widgets/`.

`make_app(...)` builds the app with its collaborators (clock, player, store,
profile) so tests hand in fakes and the command line hands in the real ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen

    from intervaltimer.audio.player import Player
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.profile import Profile


@dataclass
class Services:
    """What the screens need from outside: time, sound, the log and the runner's profile."""

    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    player: Player | None = None
    store: Store | None = None
    profile: Profile | None = None
    lead_in_s: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Start:
    """Which screen the app opens on: `home`, `run`, `edit`, `profile` or `history`."""

    screen: str = "home"
    workout: Workout | None = None
    path: Path | None = None


class IntervalTimerApp(App[None]):
    """intervaltimer's terminal UI."""

    CSS_PATH = "app.tcss"
    TITLE = "intervaltimer"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
    ]

    def __init__(self, services: Services, start: Start | None = None) -> None:
        super().__init__()
        self.services = services
        self.start = start or Start()

    def on_mount(self) -> None:
        """Open the screen the app was started for."""
        self.push_screen(self.first_screen())

    def first_screen(self) -> Screen[Any]:
        """Build the screen named by `self.start`."""
        screen = self.start.screen
        if screen == "run" and self.start.workout is not None:
            from intervaltimer.ui.screens.preview import PreviewScreen

            return PreviewScreen(self.start.workout)
        raise ValueError(f"no screen {screen!r}")


def make_app(
    *,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], float] = time.time,
    player: Player | None = None,
    store: Store | None = None,
    profile: Profile | None = None,
    lead_in_s: float | None = None,
    start: Start | None = None,
) -> IntervalTimerApp:
    """Build the app with its collaborators; tests pass fakes, the CLI the real ones."""
    services = Services(
        clock=clock,
        wall_clock=wall_clock,
        player=player,
        store=store,
        profile=profile,
        lead_in_s=lead_in_s,
    )
    return IntervalTimerApp(services, start)
