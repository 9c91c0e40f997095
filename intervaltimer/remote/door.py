"""The phone page's front door: connections counted and capped, the token read off the
request line before aiohttp sees a byte.

A crowd on the network (a thousand connections that send `GET /t/` and stop)
must not take the app's file descriptors, its CPU or the phone's place:

- at most `MAX_CONNECTIONS` are open at once. A new one over the cap closes
  the oldest that has not shown the token; when every open one has, the new
  one is closed instead;
- a connection has `HEAD_S` seconds to send a whole request head
  (`\\r\\n\\r\\n`), else it is closed (a slow or silent client holds nothing long);
- the request line's path must start with `/t/<token>`: its bytes are held
  until the whole token could be there, then compared in constant time; a
  wrong one is answered 403 and closed without reaching aiohttp. Nothing is
  decided on a part of the token, so the time to an answer says nothing
  about how much of a guess was right.

`GuardedSite` is aiohttp's `TCPSite` with every connection's protocol wrapped
in a `GuardedProtocol`.
"""

from __future__ import annotations

import asyncio
import hmac
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from aiohttp import web

MAX_CONNECTIONS = 64
HEAD_S = 4.0  # to send a whole request head from connecting
MAX_HEAD_BYTES = 8192
FORBIDDEN = "403: this address needs the code shown on the laptop. Scan its QR code again.\n"
REFUSED = (b"HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Cache-Control: no-store\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s")


def token_verdict(head: bytes, token: str) -> bool | None:
    """Whether the request line in `head` names `/t/<token>` (any case): True, False, or
    None while too little of it has come to tell (never decided on part of the token)."""
    line_end = head.find(b"\n")
    line = head if line_end < 0 else head[:line_end]
    space = line.find(b" ")
    if space < 0:
        return None if line_end < 0 and len(line) < 16 else False
    target = line[space + 1:]
    wanted = f"/t/{token}".encode()
    if len(target) < len(wanted) + 1 and line_end < 0:
        return None  # the rest of the token (and what follows it) is still to come
    given = target[:len(wanted)].lower()
    after = target[len(wanted):len(wanted) + 1]
    return hmac.compare_digest(given, wanted) and after in (b"/", b" ", b"?", b"\r", b"")


class Doorman:
    """Counts the open connections of one server and decides who stays."""

    def __init__(self, token: str, max_connections: int = MAX_CONNECTIONS,
                 head_s: float = HEAD_S) -> None:
        self.token = token
        self.max_connections = max_connections
        self.head_s = head_s
        self.open: OrderedDict[GuardedProtocol, None] = OrderedDict()
        self.refused = 0  # connections closed at the door (cap, slow head, wrong token)

    def wrap(self, make: Callable[[], asyncio.Protocol]) -> Callable[[], asyncio.Protocol]:
        """A protocol factory: each of `make`'s protocols behind the door."""
        return lambda: GuardedProtocol(self, make)

    def admit(self, newcomer: GuardedProtocol) -> bool:
        """Make room for `newcomer` (closing the oldest connection without the token); False
        when every open connection has shown the token (the newcomer is then closed)."""
        if len(self.open) >= self.max_connections:
            oldest = next((p for p in self.open if not p.proven), None)
            if oldest is None:
                return False
            oldest.shut()
        self.open[newcomer] = None
        return True

    def left(self, protocol: GuardedProtocol) -> None:
        """A connection closed."""
        self.open.pop(protocol, None)

    def close_all(self) -> None:
        """Close every open connection (the server is stopping)."""
        for protocol in list(self.open):
            protocol.shut(count=False)


class GuardedProtocol(asyncio.Protocol):
    """One connection: held at the door until its request line shows the token, then handed
    to aiohttp's protocol (made only then, so a refused connection costs aiohttp nothing)."""

    def __init__(self, doorman: Doorman, make: Callable[[], asyncio.Protocol]) -> None:
        self.doorman = doorman
        self.make = make
        self.inner: asyncio.Protocol | None = None
        self.transport: asyncio.Transport | None = None
        self.proven = False
        self.head = b""
        self.head_done = False
        self.timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Admitted (or closed at once when the door is full); the head's clock starts."""
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        if not self.doorman.admit(self):
            self.doorman.refused += 1
            transport.abort()
            return
        self.timer = asyncio.get_running_loop().call_later(self.doorman.head_s, self.shut)

    def shut(self, count: bool = True) -> None:
        """Close the connection now (too slow, over the cap, or the server stopping)."""
        if count and not self.head_done:
            self.doorman.refused += 1
        self.doorman.left(self)  # out of the count now: its socket closes on the next turn
        if self.transport is not None and not self.transport.is_closing():
            self.transport.abort()

    def data_received(self, data: bytes) -> None:
        """Hold the bytes until the token is read; then aiohttp gets them all."""
        if not self.head_done:
            self.head += data
            if b"\r\n\r\n" in self.head or b"\n\n" in self.head:
                self.head_done = True
                if self.timer is not None:
                    self.timer.cancel()
                if self.inner is not None:
                    self.head = b""
            elif len(self.head) > MAX_HEAD_BYTES:
                self.shut()
                return
        if self.inner is not None:
            self.inner.data_received(data)
            return
        verdict = token_verdict(self.head, self.doorman.token)
        if verdict is None:
            return
        if not verdict:
            self._refuse()
            return
        self.proven = True
        self.inner = self.make()
        assert self.transport is not None
        self.inner.connection_made(self.transport)
        self.inner.data_received(self.head)
        if self.head_done:
            self.head = b""

    def _refuse(self) -> None:
        """Answer 403 and close: the path does not hold this run's token."""
        body = FORBIDDEN.encode()
        self.doorman.refused += 1
        self.head_done = True
        if self.timer is not None:
            self.timer.cancel()
        assert self.transport is not None
        self.transport.write(REFUSED % (len(body), body))
        self.transport.close()

    def eof_received(self) -> bool | None:
        """The client will send no more: aiohttp's say, or close when it never came in."""
        if self.inner is not None:
            return self.inner.eof_received()
        return None

    def pause_writing(self) -> None:
        """Passed on to aiohttp's protocol."""
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        """Passed on to aiohttp's protocol."""
        if self.inner is not None:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        """Gone: out of the count, and aiohttp told."""
        if self.timer is not None:
            self.timer.cancel()
        self.doorman.left(self)
        if self.inner is not None:
            self.inner.connection_lost(exc)
        self.head = b""


class GuardedSite(web.TCPSite):
    """aiohttp's TCP site with every connection behind `doorman`."""

    def __init__(self, runner: web.AppRunner, host: str, port: int, doorman: Doorman,
                 **kwargs: Any) -> None:
        super().__init__(runner, host, port, **kwargs)
        self.doorman = doorman

    async def start(self) -> None:
        """Listen, as TCPSite does, with the door in front of aiohttp's protocol."""
        await web.BaseSite.start(self)
        server = self._runner.server
        assert server is not None
        self._server = await asyncio.get_running_loop().create_server(
            self.doorman.wrap(server), self._host, self._port, backlog=self._backlog,
            reuse_address=self._reuse_address)

    async def stop(self) -> None:
        """Stop listening and close every connection still open."""
        self.doorman.close_all()
        await super().stop()
