"""The phone page shows what the laptop shows, at a phone's sizes, in Debian's Chromium.

The installed app runs 2 x 200 m at mile pace with a pacer every 100 m and a
`last:` note, in tmux, with its phone page on loopback. At 390x844 and at
320x568 the page, driven by Playwright: in rep 1 it shows the whole target
(its own line, not cut) and the pacer's next checkpoint; on the last rep LAST
REP and the note; after the run, no enabled LAP (and no button at all).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pagekit import TIMEOUT_S, URL, word_is
from tests.helpers.tmux import app_env, command_path, shell_line, terminal

pytestmark = pytest.mark.e2e

NOTE = "LAST ONE: drive the arms, open the stride"
WORKOUT = f"""\
name: 2 x 200 m at mile pace
lead_in: 3s
steps:
  - repeat: 2
    last: {{note: "{NOTE}", skip_rest: yes}}
    steps:
      - run: 200m
        pace: mile
        pacer: 100m
      - rest: 6s
"""
TARGET = "target 42.3"  # 200 m at the pace of a 5:40 mile


def shown_whole(page: Any, selector: str) -> str:
    """The element's text, asserting it is drawn whole: inside the viewport, not clipped."""
    element = page.locator(selector)
    assert element.is_visible(), selector
    box = element.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5, (selector, box)
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5, (selector, box)
    assert page.evaluate(
        "s => { const e = document.querySelector(s); return e.scrollWidth <= e.clientWidth; }",
        selector), f"{selector} is cut"
    return str(element.text_content())


@pytest.mark.parametrize("size", [(390, 844), (320, 568)], ids=["390x844", "320x568"])
def test_the_page_shows_the_target_the_pacer_the_last_rep_and_the_end(
        tmp_path: Path, browser: Any, size: tuple[int, int]) -> None:
    workout = tmp_path / "2x200.yaml"
    workout.write_text(WORKOUT, encoding="utf-8")
    db = tmp_path / "log.sqlite3"
    app = command_path("intervaltimer")
    command = shell_line(app, "run", workout, "--race", "mile=5:40", "--no-sound", "--db", db,
                         "--remote-bind", "127.0.0.1:0")
    with terminal(command, app_env(tmp_path), tmp_path) as term:
        found = URL.search(term.wait_for(URL, TIMEOUT_S))
        assert found is not None
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        try:
            page.goto(found.group(0))
            page.wait_for_selector("#link.live", timeout=TIMEOUT_S * 1000)
            page.locator("#lap").click()  # START
            word_is(page, "RUN")
            term.wait_for(re.compile(r"^\s*RUN\s*$", re.M), TIMEOUT_S)
            assert shown_whole(page, "#target") == TARGET
            assert shown_whole(page, "#pacer") == "100 m · due 0:21.1"
            assert page.locator("#step").text_content() == "Rep 1/2 · 200 m @ mile"
            page.wait_for_timeout(1500)
            page.locator("#lap").click()
            word_is(page, "REST")
            assert "Next: LAST REP · Rep 2/2" in str(page.locator("#next").text_content())
            word_is(page, "LAST REP")  # the rest runs out into the last rep
            assert shown_whole(page, "#note") == NOTE
            assert shown_whole(page, "#target") == TARGET
            term.wait_for(NOTE, TIMEOUT_S)  # the laptop says the same
            page.wait_for_timeout(1500)
            page.locator("#lap").click()
            word_is(page, "DONE")
            lap = page.locator("#lap")
            assert lap.is_disabled() and lap.text_content() == "DONE"
            assert page.locator("#clock").text_content() == ""  # no live-looking clock
            for action in ("pause", "skip", "undo"):
                assert page.locator(f'[data-action="{action}"]').is_disabled(), action
        finally:
            page.close()
        term.send("q")
