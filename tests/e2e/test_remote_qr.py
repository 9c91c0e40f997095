"""The QR code on the terminal scans to the phone page's address, in a light and a dark theme.

The app draws the code (the real preview, the real server on loopback); its
screenshot (Textual's SVG of the terminal) is rendered by Debian's Chromium
and read by zbar's `zbarimg` (Debian's zbar-tools, installed by the
Makefile's `system` target), as a phone's camera would read the screen.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest

from intervaltimer.remote.link import PhoneLink
from tests.helpers.fakes import FakeClock
from tests.helpers.pagekit import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.runkit import run_app

pytestmark = pytest.mark.e2e
ZBARIMG = Path("/usr/bin/zbarimg")


async def screenshot(svg: Path, theme: str) -> tuple[str | None, str]:
    """The preview with the phone page's code on it, saved as `svg`; the page's address and
    what its code holds."""
    app = run_app("2x100m@mile/60s", FakeClock(), races=("mile=5:40",))
    phone = PhoneLink(at_start=True, bind="127.0.0.1:0")
    app.services.phone = phone
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(svg))
        return phone.url, phone.qr_data


def rendered(svg: Path, png: Path) -> None:
    """The SVG drawn to a PNG by Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.goto(svg.as_uri())
            page.screenshot(path=str(png))
        finally:
            browser.close()


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
def test_the_code_on_the_screen_scans_to_the_page(tmp_path: Path, theme: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # none of the user's own settings
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    assert ZBARIMG.exists(), "zbarimg is missing: `make system` installs zbar-tools"
    svg, png = tmp_path / "code.svg", tmp_path / "code.png"
    url, qr_data = asyncio.run(screenshot(svg, theme))
    rendered(svg, png)
    read = subprocess.run([str(ZBARIMG), "--raw", "-q", str(png)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert read.returncode == 0, f"no QR code found on the screen: {read.stderr}"
    [decoded] = read.stdout.split()
    assert url is not None and decoded == qr_data
    assert decoded.lower() == url
