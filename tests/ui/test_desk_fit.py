"""The summary, the trend and the history at 80x24 and 40x15: no number drawn is cut.

Each screen is drawn over a log of numbers as wide as they come
(tests/helpers/widelog.py), and its text is read back as a terminal shows it: a digit
next to an ellipsis (`1:0…`, `…5`) would be a number cut, which reads as
another number. Names may be shortened (`8 x 400 m at mile pac…`); numbers and
statuses never.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.summary import SummaryScreen
from intervaltimer.ui.screens.trend import TrendScreen
from tests.helpers.deskkit import desk, pilot_test, settle
from tests.helpers.runkit import screen_text
from tests.helpers.widelog import WORKOUT, wide_log

CUT_NUMBER = re.compile(r"\d…|…[\d+\-:.]")
SIZES = [(80, 24), (40, 15)]
NAME_SHORTENED = "|".join(re.escape(WORKOUT[:n]) + "…" for n in range(len(WORKOUT), 0, -1))


async def _drawn(tmp_path: Path, size: tuple[int, int],
                 screen: Callable[[list[int]], Screen[Any]] | None) -> str:
    path = tmp_path / "wide.sqlite3"
    ids = wide_log(path)
    with Store.open(path) as store:
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=size) as pilot:
            await settle(pilot, app)
            if screen is not None:
                app.push_screen(screen(ids))
                await settle(pilot, app)
            seen = [screen_text(app)]
            # What a small window keeps below the fold is read too, a line at a time, as a
            # runner scrolls to it.
            for widget in list(app.screen.query("*")):
                for y in range(1, int(widget.max_scroll_y) + 1):
                    widget.scroll_to(y=y, animate=False, immediate=True)
                    await pilot.pause()
                    seen.append(screen_text(app))
            return "\n".join(seen)


SCREENS: dict[str, Callable[[list[int]], Screen[Any]] | None] = {
    "history": None,
    "summary of the slowest": lambda ids: SummaryScreen(ids[3]),
    "summary of the fastest": lambda ids: SummaryScreen(ids[4]),
    "trend": lambda ids: TrendScreen(WORKOUT),
}


# A number each screen shows at both sizes, so that the walk reads a screen with the log.
DRAWN = {"history": "3:54.2", "summary of the slowest": "3:54.2",
         "summary of the fastest": "14.2", "trend": "5 sessions"}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
@pilot_test
async def test_no_number_is_cut_on_the_desk_screens(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
        size: tuple[int, int]) -> None:
    desk(tmp_path, monkeypatch, library=False)
    text = await _drawn(tmp_path, size, SCREENS[name])
    numbers = re.sub(NAME_SHORTENED, "", text)  # a name may be shortened, digits and all
    assert not CUT_NUMBER.search(numbers), text
    assert DRAWN[name] in text, text  # the screen was drawn with the log's numbers
