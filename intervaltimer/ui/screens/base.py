"""The app's screens: each one reaches the app's collaborators (`Services`) the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from intervaltimer.log.store import Store
    from intervaltimer.ui.app import Services

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType]):
    """A screen of intervaltimer's app, with the app's collaborators at hand."""

    @property
    def services(self) -> Services:
        """The app's collaborators (clocks, player, store, profile)."""
        services: Services = getattr(self.app, "services")  # noqa: B009
        return services

    @property
    def store(self) -> Store | None:
        """The app's log, if it has one (None also in an app without services)."""
        services: Any = getattr(self.app, "services", None)
        return None if services is None else services.store
