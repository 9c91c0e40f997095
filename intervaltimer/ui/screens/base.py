"""The app's screens: each one reaches the app (`DeskApp`) and its collaborators (`Services`)
typed, and goes back, or home to the library, without importing another screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.screen import Screen

from intervaltimer.safetext import display_safe
from intervaltimer.ui.commands import LIBRARY, PaletteAction

if TYPE_CHECKING:
    from textual import getters

    from intervaltimer.log.store import Store
    from intervaltimer.ui.services import DeskApp, Services

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType]):
    """A screen of intervaltimer's app, with the app's collaborators at hand."""

    PLACE: ClassVar[str] = ""
    """The desk place this screen is (`commands.LIBRARY`, `PROFILE`), "" for none."""
    PALETTE: ClassVar[tuple[PaletteAction, ...]] = ()
    """The screen's own command palette entries, offered while it is shown."""

    if TYPE_CHECKING:
        # The app, typed as intervaltimer's (Textual's own getter; posting casts likewise).
        app = getters.app(DeskApp)

    def validate_title(self, title: str | None) -> str | None:
        """A title may be a workout's or a file's name: display-safe."""
        return None if title is None else display_safe(title)

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        """A sub-title may be a file's path or a workout's name: display-safe."""
        return None if sub_title is None else display_safe(sub_title)

    def go_home(self) -> None:
        """Back to the workout library: pop to it if it is in the stack, else open it."""
        app = self.app
        for screen in app.screen_stack:
            if getattr(screen, "PLACE", "") == LIBRARY:
                while app.screen is not screen:
                    app.pop_screen()
                return
        while len(app.screen_stack) > 2:
            app.pop_screen()
        app.switch_screen(app.make_library())

    def back_or_home(self) -> None:
        """Back to the screen below, or to the library when this screen was opened alone."""
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
            return
        self.go_home()

    @property
    def services(self) -> Services:
        """The app's collaborators (clocks, player, store, profile, the run on screen)."""
        return self.app.services

    @property
    def store(self) -> Store | None:
        """The app's log, if it has one."""
        return self.app.services.store

    def tell_profile_problems(self) -> None:
        """Say once, on whichever desk screen opens first, that profile.yaml could not be used."""
        problems, self.services.profile_problems = self.services.profile_problems, []
        if problems:
            shown = "\n".join(problems[:3]) + ("\n…" if len(problems) > 3 else "")
            self.notify(f"{shown}\nEnter your times on the profile screen (ctrl+r on the "
                        "library); saving there replaces the file.",
                        title="profile.yaml was not used", severity="error", timeout=20)
