"""The phone as the lap button, for real: the installed app in tmux, the page in Chromium.

`intervaltimer run --remote-bind 127.0.0.1:0` shows the page's address as a
QR code and as text; Playwright drives Debian's Chromium (installed by the
Makefile's `system` target; Playwright's own browser download is not used)
at a phone's viewport of 390x844 on that address. The page starts the run,
laps twice, rates 7 and 8, pauses and goes on with a long press; the terminal
follows each tap. Taken offline, the page loses the laptop while the keyboard
ends a pause; back online it reconnects by itself and shows the run going on.
And `intervaltimer show last --json` has both reps with their efforts.
Everything stays on loopback.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pagekit import TIMEOUT_S, URL, word_is
from tests.helpers.tmux import Terminal, app_env, command_path, shell_line, terminal

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
WORKOUT = "2x100m@mile/12s"
HOLD_MS = 1000  # longer than the page's 0.7 s long press


def clock_at_least(page: Any, seconds: int) -> None:
    """Wait until the page's clock (counting up a rep) shows at least `seconds`."""
    page.wait_for_function(
        """s => { const [m, ss] = document.getElementById('clock').textContent.split(':');
                  return Number(m) * 60 + Number(ss) >= s; }""",
        arg=seconds, timeout=TIMEOUT_S * 1000)


def layout(page: Any) -> dict[str, float]:
    """The page's size and the LAP button's box, in CSS pixels."""
    box = page.locator("#lap").bounding_box()
    size = page.evaluate("""() => ({w: document.documentElement.scrollWidth,
                                    h: document.documentElement.scrollHeight})""")
    return {"width": size["w"], "height": size["h"], "lap": box["width"] * box["height"]}


def fits_a_phone(page: Any) -> None:
    """Nothing scrolls at 390x844, and LAP covers at least half of the screen."""
    seen = layout(page)
    assert seen["width"] <= PHONE["width"] and seen["height"] <= PHONE["height"], seen
    assert seen["lap"] >= PHONE["width"] * PHONE["height"] / 2, seen


def rate(page: Any, rpe: int) -> None:
    """Tap effort `rpe` and wait until the page shows it chosen."""
    button = page.locator(f'#efforts button[data-rpe="{rpe}"]')
    button.click()
    page.wait_for_function(
        "r => document.querySelector(`#efforts button[data-rpe='${r}']`)"
        ".classList.contains('chosen')", arg=rpe, timeout=TIMEOUT_S * 1000)


def hold(page: Any, action: str) -> None:
    """A long press on the page's `action` button (pause, skip, undo)."""
    page.locator(f'[data-action="{action}"]').hover()
    page.mouse.down()
    page.wait_for_timeout(HOLD_MS)
    page.mouse.up()


def lap(page: Any, term: Terminal, rep: str) -> None:
    """Tap LAP during `rep`; the page and the terminal both go to the rest."""
    page.locator("#lap").click()
    word_is(page, "REST")
    term.wait_for(re.compile(rf"Last\s+{re.escape(rep)} · .*\s\d+\.\d\s+[+-]\d"), TIMEOUT_S)


def test_a_phone_page_starts_laps_rates_and_pauses_a_run_in_the_terminal(
        tmp_path: Path, browser: Any) -> None:
    db = tmp_path / "log.sqlite3"
    app = command_path("intervaltimer")
    env = app_env(tmp_path)
    command = shell_line(app, "run", WORKOUT, "--race", "mile=5:40", "--no-sound", "--db", db,
                         "--remote-bind", "127.0.0.1:0")
    with terminal(command, env, tmp_path) as term:
        code = term.wait_for(URL, TIMEOUT_S)
        assert "Phone as the lap button" in code
        assert "▀" in code  # the QR code, drawn in half blocks
        found = URL.search(code)
        assert found is not None
        page = browser.new_page(viewport=PHONE, has_touch=False)
        try:
            page.goto(found.group(0))
            page.wait_for_selector("#link.live", timeout=TIMEOUT_S * 1000)
            # The phone came: the code closes by itself, the preview says so.
            term.wait_for("phone page: 1 phone connected", TIMEOUT_S)
            assert page.locator("#lap").text_content() == "START"
            fits_a_phone(page)

            # START on the phone starts the run on the laptop.
            page.locator("#lap").click()
            word_is(page, "RUN")
            term.wait_for(re.compile(r"^\s*RUN\s*$", re.M), TIMEOUT_S)
            assert page.locator("#step").text_content().startswith("Rep 1/2 · 100 m @ mile")
            fits_a_phone(page)
            clock_at_least(page, 2)
            lap(page, term, "Rep 1/2")
            assert page.locator("#last-label").text_content() == "Rep 1/2"
            assert re.fullmatch(r"\d+\.\d", page.locator("#last-split").text_content() or "")
            assert page.locator("#last-delta").get_attribute("class") == "faster"
            assert page.locator("#efforts").is_visible()
            fits_a_phone(page)  # the effort buttons leave LAP at least half the screen
            rate(page, 7)
            term.wait_for("7 very hard", TIMEOUT_S)

            # The rest runs out; rep 2. A long press pauses it and another goes on.
            page.wait_for_function(
                "() => document.getElementById('step').textContent.startsWith('Rep 2/2')",
                timeout=TIMEOUT_S * 1000)
            word_is(page, "LAST REP")  # rep 2 of 2, as the terminal's banner says
            assert not page.locator("#efforts").is_visible()
            hold(page, "pause")
            word_is(page, "PAUSED")
            term.wait_for(re.compile(r"^\s*PAUSED\s*$", re.M), TIMEOUT_S)
            hold(page, "pause")
            word_is(page, "LAST REP")
            hold(page, "pause")
            word_is(page, "PAUSED")

            # The phone drops off: the run goes on with the keyboard (p goes on), and when
            # the phone is back the page reconnects by itself and shows the run as it is now.
            page.context.set_offline(True)
            page.wait_for_selector("#link.lost", timeout=TIMEOUT_S * 1000)
            term.send("p")
            term.wait_for(re.compile(r"^\s*LAST REP\s*$", re.M), TIMEOUT_S)
            assert page.locator("#word").text_content() == "PAUSED"  # it cannot know yet
            page.context.set_offline(False)
            word_is(page, "LAST REP")
            page.wait_for_selector("#link.live", timeout=TIMEOUT_S * 1000)
            clock_at_least(page, 2)
            lap(page, term, "Rep 2/2")
            rate(page, 8)
            term.wait_for(re.compile(r"Last\s+Rep 2/2.*effort 8"), TIMEOUT_S)

        finally:
            page.close()

    shown = subprocess.run([app, "show", "last", "--json", "--db", str(db)], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    session = json.loads(shown.stdout)
    reps = session["reps"]
    assert [rep["label"] for rep in reps] == ["Rep 1/2 · 100 m @ mile", "Rep 2/2 · 100 m @ mile"]
    assert [rep["rpe"] for rep in reps] == [7, 8]
    assert all(2.0 <= rep["split_s"] <= 10.0 for rep in reps), reps
