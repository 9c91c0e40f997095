"""What the screens stand on: the app's collaborators (`Services`) and the app as the screens
see it (`DeskApp`). No screen is imported here, so every screen may import this module.

`DeskApp` is the small face of intervaltimer's app that screens type against:
its `services`, its `runs` (track/runs.py: the run on screen and every run's
log) and `make_library()`, the one screen a screen may need to open without
importing it (`AppScreen.go_home`). The app proper (app.py) builds the
screens; screens ask for other screens by message (messages.py) or import
them one way only (the `acyclic_siblings` import contract says so).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.app import App

from intervaltimer.track.runs import Runs

if TYPE_CHECKING:
    from textual.screen import Screen

    from intervaltimer.audio.player import Player
    from intervaltimer.log.store import Store
    from intervaltimer.track.voice import SpeechSource
    from intervaltimer.ui.phone import PhonePage
    from intervaltimer.workout.profile import Profile


@dataclass
class Services:
    """What the screens need from outside: time, sound, the log, the runner's profile and
    the phone page (none: `r` on the preview says so)."""

    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    player: Player | None = None
    # The spoken cues' renderer (espeak-ng); None: the run says nothing.
    speech: SpeechSource | None = None
    store: Store | None = None
    profile: Profile | None = None
    lead_in_s: float | None = None
    # Problems of a profile.yaml set aside at launch; the first desk screen tells them.
    profile_problems: list[str] = field(default_factory=list)
    phone: PhonePage | None = None


class DeskApp(App[None]):
    """intervaltimer's app as its screens see it: collaborators, runs and the library."""

    def __init__(self, services: Services, runs: Runs | None = None) -> None:
        super().__init__()
        self.services = services
        self.runs = Runs() if runs is None else runs

    def make_library(self) -> Screen[Any]:
        """A new workout library screen (the app's home)."""
        raise NotImplementedError
