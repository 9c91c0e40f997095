"""What the UI needs of the phone page, as a protocol: the command line hands in the real one.

The UI and the remote server are sibling layers (neither imports the other):
`intervaltimer.remote.link.PhoneLink` implements this, and `make_app(phone=...)`
gives it to the screens. An app without one (`phone=None`) has no phone page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from intervaltimer.track.runner import Runner


class PhonePage(Protocol):
    """The phone page for the app's runs, as the preview opens it and hands it the runner."""

    at_start: bool
    phones: int
    watchers: list[Callable[[int], None]]

    @property
    def url(self) -> str | None:
        """The page's address while its server listens, else None."""

    @property
    def qr_data(self) -> str:
        """What the QR code holds (the address, maybe in another case)."""

    @property
    def address_note(self) -> str:
        """How the address was picked, and the other addresses to choose from."""

    async def open(self, title: str, summary: str,
                   on_start: Callable[[], str | None] | None = None) -> str | None:
        """Start listening for the workout `title`; what went wrong, or None."""

    def attach(self, runner: Runner, on_screen: Callable[[], bool] | None = None) -> None:
        """The run has begun: the page follows `runner` while `on_screen()`, or its session,
        lasts."""

    def close_soon(self) -> None:
        """Stop listening, from code that cannot wait."""
