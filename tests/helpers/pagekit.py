"""The phone page in Debian's Chromium under Playwright: the address on the laptop's screen,
and waiting for what the page shows. The `browser` fixture is in conftest.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
URL = re.compile(r"http://127\.0\.0\.1:\d+/t/[0-9a-f]{32}/")
TIMEOUT_S = 30.0


def word_is(page: Any, word: str) -> None:
    """Wait until the page's phase word is `word`."""
    page.wait_for_function("w => document.getElementById('word').textContent === w", arg=word,
                           timeout=TIMEOUT_S * 1000)
