"""The phone page in the app: its QR code on the preview, closed when a phone comes, the
phone's START and LAP driving the run screen. The real server listens on loopback, in the
app's own loop; the "phone" is aiohttp's client in that same loop."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest
import segno
from rich.style import Style

from intervaltimer.remote.link import PhoneLink
from intervaltimer.ui.screens.preview import PreviewScreen
from intervaltimer.ui.screens.remote_code import RemoteCodeScreen
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.qr_code import DARK, QrCode, half_blocks, qr_modules
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, run_app, run_screen, shown

pytestmark = pytest.mark.usefixtures("private_config")
MILE = ("mile=5:40",)
LOOPBACK = "127.0.0.1:0"  # any free port on loopback: nothing leaves the machine


async def open_code(pilot: Any) -> RemoteCodeScreen:
    """Press r on the preview and wait for the phone page's code screen."""
    await pilot.press("r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    code = pilot.app.screen
    assert isinstance(code, RemoteCodeScreen)
    return code


def modules_drawn(text: Any) -> list[list[bool]]:
    """Read the half blocks back: each cell's top module from its colour, the bottom one
    from its background (True: dark)."""
    rows: list[list[bool]] = []
    for line in text.split("\n"):
        top: list[bool] = []
        bottom: list[bool] = []
        for span in line.spans:
            style = span.style
            assert isinstance(style, Style) and style.color and style.bgcolor
            for _ in range(span.end - span.start):
                top.append(style.color.name == DARK)
                bottom.append(style.bgcolor.name == DARK)
        rows += [top, bottom]
    return rows


def test_the_qr_code_is_drawn_module_for_module_in_black_on_white() -> None:
    data = "HTTP://192.168.43.10:8765/T/0123456789ABCDEF0123456789ABCDEF/"
    modules = qr_modules(data)
    expected = [[bool(m) for m in row] for row in segno.make(data).matrix_iter(border=2)]
    assert modules == expected and len(modules) == 33  # version 3: 29 modules + 2 x 2 quiet
    drawn = modules_drawn(half_blocks(modules))
    assert drawn[:len(modules)] == modules
    assert drawn[len(modules):] == [[False] * 33]  # an odd row count: the last half is light
    assert all(not module for module in modules[0] + modules[1])  # the quiet zone is light


async def events(http: aiohttp.ClientSession, url: str) -> tuple[Any, dict[str, Any]]:
    """Open the page's stream like the page does; the response and the first state."""
    response = await http.get(url + "events")
    while True:
        line = (await response.content.readline()).decode()
        if line.startswith("data: {"):
            return response, json.loads(line[len("data: "):])


@pilot_test
async def test_the_phone_starts_the_run_and_its_lap_redraws_the_run_screen(
        fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    phone = PhoneLink(at_start=True, bind=LOOPBACK)
    app.services.phone = phone
    async with app.run_test(size=(80, 24)) as pilot, aiohttp.ClientSession() as http:
        await app.workers.wait_for_complete()
        await pilot.pause()
        code = app.screen
        assert isinstance(code, RemoteCodeScreen)
        url = phone.url
        assert url is not None and url.startswith("http://127.0.0.1:")
        assert code.query_one("#remote-url", Line).text == url
        assert code.query_one(QrCode).modules == qr_modules(url.upper())
        assert code.query_one(QrCode).display

        # The phone opens the page: the code has done its work and goes.
        stream, state = await events(http, url)
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        status = app.screen.query_one("#preview-remote", Line).text
        assert status == "phone page: 1 phone connected · r shows its code and address"
        assert state["started"] is False and state["word"] == "READY"

        # START on the phone: the run begins as with enter.
        started = await http.post(url + "tap", json={"id": "start-1", "action": "start"})
        assert (await started.json())["applied"] is True
        await pilot.pause()
        screen = run_screen(app)
        await advance(pilot, fake_clock, 3.0 + 6.0)  # the lead-in, then 6 s into rep 1
        lapped = await http.post(url + "tap", json={"id": "lap-1", "action": "lap"})
        assert (await lapped.json())["applied"] is True
        await pilot.pause()
        seen = shown(screen)
        assert seen["phase"] == "REST"
        assert seen["last"].startswith("Last  Rep 1/2 · 100 m @ mile  6.0")
        stream.close()

        # r on the preview would show the code again; here the run is on, with its runner.
        assert phone.server is not None and phone.server.runner is screen.runner


@pilot_test
async def test_a_small_terminal_gets_the_address_without_the_code(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    app.services.phone = PhoneLink(bind=LOOPBACK)
    async with app.run_test(size=(60, 15)) as pilot:
        code = await open_code(pilot)
        assert not code.query_one(QrCode).display
        assert code.query_one("#remote-url", Line).text.startswith("http://127.0.0.1:")
        await pilot.press("escape")
        assert isinstance(app.screen, PreviewScreen)


@pilot_test
async def test_an_address_that_cannot_be_had_is_said_on_the_preview(
        fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    app.services.phone = PhoneLink(bind="198.51.100.7")  # not this machine's
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        problem = app.screen.query_one("#preview-problem", Line)
        assert problem.display
        assert problem.text.startswith("no phone page: 198.51.100.7 is not an address of this")


@pilot_test
async def test_at_40x15_the_address_is_whole_wrapped_and_the_code_asked_for(
        fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    app.services.phone = PhoneLink(bind=LOOPBACK)
    async with app.run_test(size=(40, 15)) as pilot:
        code = await open_code(pilot)
        assert not code.query_one(QrCode).display
        url = app.services.phone.url
        assert url is not None and len(url) > 36
        drawn = code.query_one("#remote-url", Line)
        lines = drawn.text.split("\n")
        assert "".join(lines) == url and len(lines) > 1  # whole, broken over lines
        assert all(len(line) <= drawn.size.width for line in lines), (lines, drawn.size)
        assert drawn.region.right <= 40
        taller = code.query_one("#remote-taller", Line)
        assert taller.display and taller.text == "make the window taller for the code"


@pilot_test
async def test_a_start_tap_with_the_code_on_screen_starts_the_run(fake_clock: FakeClock) -> None:
    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    phone = PhoneLink(at_start=True, bind=LOOPBACK)
    app.services.phone = phone
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RemoteCodeScreen)
        url = phone.url
        assert url is not None
        async with aiohttp.ClientSession() as http:
            answer = await (await http.post(url + "tap", json={"id": "s-1",
                                                               "action": "start"})).json()
        assert answer["applied"] is True and answer["message"] == "starting"
        await pilot.pause()
        await pilot.pause()
        run_screen(app)  # the run is on the laptop's screen, not READY under the code


@pilot_test
async def test_a_start_tap_under_a_question_is_refused_with_the_reason(
        fake_clock: FakeClock) -> None:
    from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen

    app = run_app("2x100m@mile/60s", fake_clock, races=MILE)
    phone = PhoneLink(bind=LOOPBACK)
    app.services.phone = phone
    async with app.run_test(size=(80, 24)) as pilot:
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await app.push_screen(ConfirmQuitScreen("a question"))
        await pilot.pause()
        assert preview._phone_start() == ("a question is open on the laptop: answer it there "
                                          "first")
        assert isinstance(app.screen, ConfirmQuitScreen)
