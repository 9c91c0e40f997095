"""The phone page's server: aiohttp on the app's own asyncio loop, over the runner.

Every address starts with `/t/<token>/`, the token being 128 random bits in
the QR code; anything else is answered 403 and does nothing. There are three
doors behind it:

- `GET  /t/<token>/`        the page (one static file shipped in the package)
- `GET  /t/<token>/events`  server-sent events: the run's state (see state.py)
                            at once, then at every change, and a `ping` when
                            nothing changed for `HEARTBEAT_S`
- `POST /t/<token>/tap`     a tap (see taps.py), answered with what became of it

Before any of that, the door (door.py) caps the open connections, closes
those that send no whole request in a few seconds, and answers a request line
without the token 403 before aiohttp reads it; the `Host` must be the address
served, a tap JSON from the page itself, and a page holds at most
`MAX_STREAMS` event streams open, the oldest closed for a new one (guards.py).

The server runs on the same loop, and so the same thread, as the Textual app:
a tap calls the runner's key methods directly, as a key press does, and the
runner's listeners (the run screen among them) follow. The access log names
each request's path with the token blanked out (`/t/…/tap`), so no address
with a token in it, right or wrong, is ever written anywhere.

The server lives with the run: it is started for the preview (before the
runner exists, it shows the workout and a start button), `attach`ed to the
runner when the run begins, and stops by itself once the runner's session is
closed (completed or abandoned).
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import json
import logging
import re
import secrets
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from intervaltimer.remote.addresses import Bind, page_url
from intervaltimer.remote.door import FORBIDDEN, Doorman, GuardedSite
from intervaltimer.remote.guards import host_problem, parse_json, tap_problem
from intervaltimer.remote.state import page_state, ready_state
from intervaltimer.remote.taps import Tap, TapAnswer, TapBook, TapError, apply_tap, parse_tap

if TYPE_CHECKING:
    from intervaltimer.engine.events import Event
    from intervaltimer.track.runner import Runner

HEARTBEAT_S = 2.0  # a quiet stream sends a ping this often, so the page knows it is alive
WATCH_S = 0.5  # how often the server looks whether the run is over
FAREWELL_S = 1.0  # after the run ends, the page has this long to get the last state
SHUTDOWN_S = 1.0
MAX_TAP_BYTES = 4096
MAX_STREAMS = 8  # event streams open at once; a phone that reconnects takes the oldest's place
KEEPALIVE_S = 5.0  # an idle connection between requests is closed after this
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    # One file, nothing from elsewhere: the page works with no internet.
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                               "style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
}


TOKEN_IN_PATH = re.compile(r"^/[^/]*/[^/]*")


class RemoteError(Exception):
    """The server could not start (the address is taken or not this machine's)."""


def redact(path: str) -> str:
    """`path` with its first two parts (where a token is, right or wrong) blanked out."""
    return TOKEN_IN_PATH.sub("/…/…", path, count=1) if path.count("/") > 1 else "/…"


class RedactedAccessLogger(AbstractAccessLogger):
    """aiohttp's access log without the token: `GET /…/…/events 200 (1.2 ms)`."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        """Log one request: method, path with the token blanked out, status, time taken."""
        self.logger.info("%s %s %s (%.1f ms)", request.method, redact(request.path),
                         response.status, time * 1000)


def runner_options() -> dict[str, Any]:
    """How the server's aiohttp runner is set up (the tests' server uses the same)."""
    return {"access_log_class": RedactedAccessLogger,
            "access_log": logging.getLogger("aiohttp.access"),
            "handle_signals": False, "shutdown_timeout": SHUTDOWN_S,
            "keepalive_timeout": KEEPALIVE_S}


def page_html() -> str:
    """The page, from the package's data."""
    return resources.files("intervaltimer.remote").joinpath("page.html").read_text("utf-8")


def new_token() -> str:
    """128 random bits as 32 hex digits."""
    return secrets.token_hex(16)


class RemoteServer:
    """The phone page for one run of the workout `title` (and its plan `summary`).

    `on_start` is called for a START tap before the run has begun, and returns why it
    was refused (None: the run starts, whatever was on the laptop's screen); `on_clients`
    with the number of pages connected, whenever it changes.
    """

    def __init__(self, title: str, *, summary: str = "",
                 on_start: Callable[[], str | None] | None = None,
                 on_clients: Callable[[int], None] | None = None,
                 token: str | None = None, heartbeat_s: float = HEARTBEAT_S) -> None:
        self.title = title
        self.summary = summary
        self.on_start = on_start
        self.on_clients = on_clients
        self.token = (token or new_token()).lower()
        self.heartbeat_s = heartbeat_s
        self.runner: Runner | None = None
        self.on_screen: Callable[[], bool] | None = None
        self.closed = False
        self.url: str | None = None
        self.taps = TapBook()
        self._clients: dict[asyncio.Event, None] = {}  # each stream's wake-up, oldest first
        self._evicted: set[asyncio.Event] = set()
        self._encoded: tuple[int, bytes] = (-1, b"")
        self.doorman = Doorman(self.token)
        self._state: dict[str, Any] | None = None
        self._version = 0
        self._closing = False
        self._app_runner: web.AppRunner | None = None
        self._watch: asyncio.Task[None] | None = None
        self._page = page_html()

    # ---- the run ----------------------------------------------------------------------

    def attach(self, runner: Runner, on_screen: Callable[[], bool] | None = None) -> None:
        """Follow `runner` from now on: its state on the page, the page's taps to it.

        `on_screen()` says whether the run is still on the laptop's screen: a workout
        run to its end stays open while it is, so its last rep can still be rated.
        """
        self.runner = runner
        self.on_screen = on_screen
        runner.add_listener(self._runner_moved)
        self.refresh()

    def _runner_moved(self, events: list[Event]) -> None:
        self.refresh()

    def state(self) -> dict[str, Any]:
        """What the page shows now, with its version number `v`."""
        if self._state is None:
            self.refresh(push=False)
        assert self._state is not None
        return self._state

    def refresh(self, push: bool = True) -> None:
        """Read the run again; when anything the page shows changed, send it to every page."""
        runner = self.runner
        fresh = (page_state(runner, self.title) if runner is not None
                 else ready_state(self.title, self.summary))
        fresh["closed"] = self.closed
        if self._state is not None and {**self._state, "v": 0} == {**fresh, "v": 0}:
            return
        self._version += 1
        self._state = {**fresh, "v": self._version}
        if push:
            for wake in self._clients:
                wake.set()

    @property
    def clients(self) -> int:
        """How many pages are connected now."""
        return len(self._clients)

    def apply(self, tap: Tap) -> TapAnswer:
        """Apply a tap that passed the door and the book (see taps.py)."""
        runner = self.runner
        if runner is not None:
            return apply_tap(runner, tap)
        if tap.action == "start" and self.on_start is not None:
            refused = self.on_start()
            return TapAnswer(tap.id, refused is None, refused or "starting")
        return TapAnswer(tap.id, False, "the run has not started yet")

    # ---- the web side -----------------------------------------------------------------

    def web_app(self) -> web.Application:
        """The aiohttp application (the tests' client serves this one)."""
        app = web.Application(middlewares=[self._door], client_max_size=MAX_TAP_BYTES)
        app.router.add_get("/{t}/{token}", self._to_page)
        app.router.add_get("/{t}/{token}/", self._serve_page)
        app.router.add_get("/{t}/{token}/events", self._events)
        app.router.add_get("/{t}/{token}/state", self._current)
        app.router.add_post("/{t}/{token}/tap", self._tap)
        return app

    def token_in(self, path: str) -> bool:
        """`path` starts with `/t/<this run's token>` (in any case)."""
        parts = path.split("/")
        if len(parts) < 3 or parts[0] != "" or parts[1].lower() != "t":
            return False
        return hmac.compare_digest(parts[2].lower().encode(), self.token.encode())

    @web.middleware
    async def _door(self, request: web.Request,
                    handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        if not self.token_in(request.path):
            return web.Response(status=403, text=FORBIDDEN)
        misdirected = host_problem(request)
        if misdirected is not None:
            return web.Response(status=421, text=misdirected)
        response: web.StreamResponse = await handler(request)
        return response

    async def _to_page(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(request.path + "/")

    async def _serve_page(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text=self._page, content_type="text/html", charset="utf-8",
                            headers=PAGE_HEADERS)

    async def _current(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(self.state(), headers={"Cache-Control": "no-store"})

    async def _tap(self, request: web.Request) -> web.StreamResponse:
        refused = tap_problem(request)
        if refused is not None:
            return web.json_response({"error": refused[1]}, status=refused[0])
        try:
            tap = parse_tap(parse_json(await request.read()))
        except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
            message = str(error) if isinstance(error, TapError) else "a tap is one JSON object"
            return web.json_response({"error": message}, status=400)
        answer = self.taps.answer(tap, self.apply)
        return web.json_response({**answer.as_json(), "state": self.state()},
                                 headers={"Cache-Control": "no-store"})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream", "Cache-Control": "no-store",
            "X-Accel-Buffering": "no"})
        response.force_close()  # a stream that ends (given way, or the run over) frees its socket
        await response.prepare(request)
        wake = asyncio.Event()
        if len(self._clients) >= MAX_STREAMS:
            oldest = next(iter(self._clients))
            self._clients.pop(oldest)
            self._evicted.add(oldest)
            oldest.set()
        self._clients[wake] = None
        self._tell_clients()
        try:
            await response.write(b"retry: 1000\n\n")
            sent = -1
            while not self._closing and wake not in self._evicted:
                version, data = self._event_data()
                if version != sent:
                    sent = version
                    await response.write(data)
                wake.clear()
                try:
                    await asyncio.wait_for(wake.wait(), self.heartbeat_s)
                except TimeoutError:
                    await response.write(b"event: ping\ndata: {}\n\n")
        except ConnectionError:
            pass  # the phone went away; it comes back on its own
        finally:
            self._clients.pop(wake, None)
            self._evicted.discard(wake)
            self._tell_clients()
        return response

    def _event_data(self) -> tuple[int, bytes]:
        """The state's version and its `data:` event, encoded once for every stream."""
        state = self.state()
        if self._encoded[0] != state["v"]:
            self._encoded = (state["v"], f"data: {json.dumps(state)}\n\n".encode())
        return self._encoded

    def _tell_clients(self) -> None:
        if self.on_clients is not None:
            self.on_clients(len(self._clients))

    # ---- start and stop ---------------------------------------------------------------

    async def start(self, bind: Bind) -> str:
        """Listen on `bind` (any free port when the usual one is taken and none was chosen);
        the page's URL. RemoteError when it cannot listen there."""
        runner = web.AppRunner(self.web_app(), **runner_options())
        await runner.setup()
        port = bind.port
        try:
            try:
                await GuardedSite(runner, bind.host, port, self.doorman).start()
            except OSError as error:
                if bind.chosen_port or error.errno != errno.EADDRINUSE:
                    raise
                await GuardedSite(runner, bind.host, 0, self.doorman).start()
        except OSError as error:
            await runner.cleanup()
            reason = error.strerror or str(error)
            raise RemoteError(f"cannot listen on {bind.host}:{port}: {reason}") from None
        self._app_runner = runner
        port = _port_of(runner)
        self.url = page_url(bind.shown_host, port, self.token)
        self._watch = asyncio.create_task(self._watch_run())
        return self.url

    def run_over(self) -> bool:
        """The run's session is closed and the run has left the laptop's screen."""
        runner, on_screen = self.runner, self.on_screen
        if runner is None or runner.status is None:
            return False
        return on_screen is None or not on_screen()

    async def _watch_run(self) -> None:
        """Stop once the run is over (the page is told first); stop cleanly when the loop
        ends, too."""
        try:
            while not self.run_over():
                await asyncio.sleep(WATCH_S)
            self.closed = True
            self.refresh()
            await asyncio.sleep(FAREWELL_S)
        finally:
            self._watch = None
            await self.stop()

    async def stop(self) -> None:
        """Close every page's stream and stop listening (idempotent)."""
        self._closing = True
        for wake in self._clients:
            wake.set()
        if self.runner is not None:
            self.runner.remove_listener(self._runner_moved)
        watch, self._watch = self._watch, None
        if watch is not None and watch is not asyncio.current_task():
            watch.cancel()
        runner, self._app_runner = self._app_runner, None
        if runner is not None:
            await runner.cleanup()

    @property
    def running(self) -> bool:
        """The server listens now."""
        return self._app_runner is not None


def _port_of(runner: web.AppRunner) -> int:
    """The port the runner's site listens on."""
    for address in runner.addresses:
        return int(address[1])
    raise RemoteError("the server has no address")
