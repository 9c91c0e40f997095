"""The app's screens: each one reaches the app and its collaborators (`Services`) typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from intervaltimer.safetext import display_safe

if TYPE_CHECKING:
    from textual import getters

    from intervaltimer.log.store import Store
    from intervaltimer.ui.app import IntervalTimerApp, Services

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType]):
    """A screen of intervaltimer's app, with the app's collaborators at hand."""

    if TYPE_CHECKING:
        # The app, typed as intervaltimer's (Textual's own getter; posting casts likewise).
        app = getters.app(IntervalTimerApp)

    def validate_title(self, title: str | None) -> str | None:
        """A title may be a workout's or a file's name: display-safe."""
        return None if title is None else display_safe(title)

    def validate_sub_title(self, sub_title: str | None) -> str | None:
        """A sub-title may be a file's path or a workout's name: display-safe."""
        return None if sub_title is None else display_safe(sub_title)

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
