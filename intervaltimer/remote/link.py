"""The phone page for an app's runs: opened for the preview, handed the runner, closed after.

`PhoneLink` is what the command line gives the app (the UI sees it through
the `PhonePage` protocol of ui/phone.py, never importing this layer): what
was asked for (`--remote`, `--remote-bind`), the server while one runs, and
who wants to hear that a phone came or went. It starts the server on the
running asyncio loop, which in the app is Textual's own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from intervaltimer.remote.addresses import AddressChoice, AddressError, choose_address, qr_text

if TYPE_CHECKING:
    from intervaltimer.remote.server import RemoteServer
    from intervaltimer.track.runner import Runner


@dataclass
class PhoneLink:
    """The phone page for the app's runs: `at_start` opens it with the first preview,
    `bind` (`ADDR` or `ADDR:PORT`) chooses where it listens (else the default route's
    address)."""

    at_start: bool = False
    bind: str | None = None
    server: RemoteServer | None = None
    choice: AddressChoice | None = None
    phones: int = 0
    watchers: list[Callable[[int], None]] = field(default_factory=list)
    _closing: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def url(self) -> str | None:
        """The page's address while a server is listening."""
        server = self.server
        return server.url if server is not None and server.running else None

    @property
    def qr_data(self) -> str:
        """What the QR code holds: the address, in the capitals a QR code packs best."""
        return qr_text(self.url or "")

    @property
    def address_note(self) -> str:
        """How the address was picked, and the machine's other addresses if it has some."""
        choice = self.choice
        if choice is None:
            return ""
        listed = ", ".join(str(other) for other in choice.others)
        if choice.bind.reach:  # listening on every address (0.0.0.0): name those it has
            also = f"; also reachable at {listed}" if listed else ""
            return f"listening on every address of this machine{also}"
        if choice.others:
            return f"also on {listed}: choose with --remote-bind"
        return choice.note

    async def open(self, title: str, summary: str,
                   on_start: Callable[[], str | None] | None = None) -> str | None:
        """Start a server for the workout `title` (with a new token); what went wrong, or
        None when it listens."""
        from intervaltimer.remote.server import RemoteError, RemoteServer

        await self.close()
        try:
            choice = choose_address(self.bind)
            server = RemoteServer(title, summary=summary, on_start=on_start,
                                  on_clients=self._phones_changed)
            await server.start(choice.bind)
        except (AddressError, RemoteError) as error:
            return str(error)
        self.server, self.choice = server, choice
        return None

    def _phones_changed(self, count: int) -> None:
        self.phones = count
        for watcher in tuple(self.watchers):
            watcher(count)

    def attach(self, runner: Runner, on_screen: Callable[[], bool] | None = None) -> None:
        """The run has begun: the page follows `runner`, and its taps go to it, until the
        session is closed and (`on_screen()` False) the run has left the screen."""
        if self.server is not None and self.server.running:
            self.server.on_start = None
            self.server.attach(runner, on_screen)

    async def close(self) -> None:
        """Stop the server, if one runs."""
        server, self.server = self.server, None
        self.phones = 0
        if server is not None:
            await server.stop()

    def close_soon(self) -> None:
        """Stop the server from code that cannot wait (a screen being unmounted)."""
        if self.server is None:
            return
        task = asyncio.get_running_loop().create_task(self.close())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)
