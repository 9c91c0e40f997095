"""The Textual app: wiring only. Screens live in `screens/`, widgets in `widgets/`.

`make_app(...)` builds the app with its collaborators (clock, player, store,
profile) so tests hand in fakes and the command line hands in the real ones.
This is the one module of ui/ that knows every screen: screens stand on
`DeskApp` (services.py) and ask for the desk's screens by message (messages.py).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.filter import LineFilter

from intervaltimer.track.runs import Runs
from intervaltimer.ui.commands import DeskCommands
from intervaltimer.ui.messages import CreateWorkout, OpenLibrary, OpenProfile
from intervaltimer.ui.services import DeskApp, Services
from intervaltimer.ui.textguard import ControlCharFilter
from intervaltimer.ui.themes import PHASE_COLOURS, install_themes

if TYPE_CHECKING:

    from intervaltimer.audio.player import Player
    from intervaltimer.log.store import Store
    from intervaltimer.track.voice import SpeechSource
    from intervaltimer.ui.phone import PhonePage
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.profile import Profile


if TYPE_CHECKING:
    from intervaltimer.ui.screens.editor import EditorScreen
    from intervaltimer.ui.screens.history import HistoryScreen
    from intervaltimer.ui.screens.home import HomeScreen
    from intervaltimer.ui.screens.preview import PreviewScreen
    from intervaltimer.ui.screens.profile import ProfileScreen

    FirstScreen = PreviewScreen | HomeScreen | EditorScreen | ProfileScreen | HistoryScreen


@dataclass(frozen=True)
class Start:
    """Which screen the app opens on: `home`, `run`, `edit`, `profile` or `history`."""

    screen: str = "home"
    workout: Workout | None = None
    path: Path | None = None
    chosen: bool = False
    """Today's rest and reps were chosen on the command line (`--rest`, `--reps`, or the
    rest of quick text): the preview's enter keeps them rather than take the advice."""


__all__ = ["IntervalTimerApp", "Services", "Start", "make_app"]


class IntervalTimerApp(DeskApp):
    """intervaltimer's terminal UI."""

    # The library's own file too (HomeScreen.CSS_PATH names it as well): read with the app's,
    # it is parsed once at start; read when the library is first pushed, Textual parses
    # every source again (a few ms before the first frame of a launch to the library).
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    # Every screen gets -narrow under 60 columns and -short under 20 rows; the desk
    # screens' .tcss files lay themselves out again for those (40x15 must still work).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    TITLE = "intervaltimer"
    COMMANDS = App.COMMANDS | {DeskCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
        Binding("h", "history", "History", id="app.history"),
    ]

    def __init__(self, services: Services, start: Start | None = None,
                 runs: Runs | None = None) -> None:
        super().__init__(services, runs)
        self.start = start or Start()
        self._text_guard = ControlCharFilter()

    def get_driver_class(self) -> type[Driver]:
        """On Linux and macOS, the driver whose key thread sleeps until a key comes
        (`ui/driver.py`); Textual's choice elsewhere, or when TEXTUAL_DRIVER names one."""
        if sys.platform == "win32" or os.environ.get("TEXTUAL_DRIVER"):
            return super().get_driver_class()
        from intervaltimer.ui.driver import QuietLinuxDriver

        return QuietLinuxDriver

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the guard that keeps control characters off the terminal."""
        guard = [self._text_guard] if self._text_guard.enabled else []
        return [*super().get_line_filters(), *guard]

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The app's own theme variables: the run screen's phase colours (`$phase-work`...),
        which a theme (sunlight) may override."""
        return {**super().get_theme_variable_defaults(), **PHASE_COLOURS}

    def on_mount(self) -> None:
        """Open the screen the app was started for."""
        install_themes(self)
        self.push_screen(self.first_screen())

    async def action_quit(self) -> None:
        """Quit, but never past unsaved changes: a screen with some asks first instead."""
        from intervaltimer.ui.screens.unsaved import AsksBeforeLeaving

        for screen in reversed(self.screen_stack):
            if isinstance(screen, AsksBeforeLeaving) and screen.dirty:
                if screen is not self.screen:
                    self.notify("Unsaved changes in another screen: save or leave it first.",
                                severity="warning")
                    return
                screen.action_back()  # asks: save, discard or stay
                return
        self.exit()

    def action_history(self) -> None:
        """Open the history of logged sessions (`h` from any screen that allows it)."""
        from intervaltimer.ui.screens.history import open_history

        open_history(self)

    def make_library(self) -> HomeScreen:
        """A new workout library screen."""
        from intervaltimer.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_open_library(self, _: OpenLibrary) -> None:
        """Open the library over the screen shown (the palette's "Workout library")."""
        self.push_screen(self.make_library())

    def on_open_profile(self, _: OpenProfile) -> None:
        """Open the runner's profile over the screen shown."""
        from intervaltimer.ui.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen())

    def on_create_workout(self, _: CreateWorkout) -> None:
        """Ask for a name and a template, then open the new workout in the editor (the
        library's own `ctrl+n` when it is shown, so it highlights the file saved)."""
        from intervaltimer.ui.screens.home import HomeScreen
        from intervaltimer.ui.screens.new_workout import open_new_workout

        if isinstance(self.screen, HomeScreen):
            self.screen.action_new()
        else:
            open_new_workout(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide and refuse `h` on the history itself and on screens that forbid it (a run)."""
        if action == "history":
            from intervaltimer.ui.screens.history import history_allowed

            return history_allowed(self.screen)
        return True

    def first_screen(self) -> FirstScreen:
        """Build the screen named by `self.start`."""
        screen = self.start.screen
        if screen == "run" and self.start.workout is not None:
            from intervaltimer.ui.screens.preview import PreviewScreen

            return PreviewScreen(self.start.workout, chosen=self.start.chosen)
        if screen == "home":
            from intervaltimer.ui.screens.home import HomeScreen

            return HomeScreen()
        if screen == "edit" and self.start.path is not None:
            from intervaltimer.ui.screens.editor import EditorScreen

            return EditorScreen(self.start.path)
        if screen == "profile":
            from intervaltimer.ui.screens.profile import ProfileScreen

            return ProfileScreen()
        if screen == "history":
            from intervaltimer.ui.screens.history import HistoryScreen

            return HistoryScreen()
        raise ValueError(f"no screen {screen!r}")


_FROZEN = False


def _freeze_imports() -> None:
    """Once a process, before its first app: move what the imports made (modules, classes,
    Textual's tables: thousands of objects that live as long as the process) out of the
    garbage collector's sight, so the collections made while the first screen is built
    walk only the objects made since (a full one over everything cost a library of a
    thousand workouts ~12 ms before its first frame). Nothing is lost: those objects are
    never garbage, and the collector still frees what is made from now on."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.freeze()


def make_app(
    *,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], float] = time.time,
    player: Player | None = None,
    store: Store | None = None,
    profile: Profile | None = None,
    lead_in_s: float | None = None,
    start: Start | None = None,
    phone: PhonePage | None = None,
    speech: SpeechSource | None = None,
) -> IntervalTimerApp:
    """Build the app with its collaborators; tests pass fakes, the CLI the real ones."""
    _freeze_imports()
    services = Services(
        clock=clock,
        wall_clock=wall_clock,
        player=player,
        speech=speech,
        store=store,
        profile=profile,
        lead_in_s=lead_in_s,
        phone=phone,
    )
    return IntervalTimerApp(services, start)
