"""On the screens: a bad row already in the log is shown marked; the history,
session and trend screens never crash on it (before: a 1e308 target made the whole app exit).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intervaltimer.log.store import Store
from intervaltimer.ui.app import Start, make_app
from intervaltimer.ui.screens.history import HistoryScreen
from intervaltimer.ui.screens.session import SessionScreen
from tests.helpers.deskkit import Desk, desk, pilot_test, settle
from tests.helpers.iokit import damage, one_session_log


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    folders = desk(tmp_path, monkeypatch, library=False)
    damage(one_session_log(folders.db), break_checks=False)
    return folders


def _text(app: Any) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


@pilot_test
async def test_history_session_and_trend_show_a_damaged_log(folders: Desk) -> None:
    with Store.open(folders.db) as store:
        app = make_app(store=store, start=Start(screen="history"))
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot, app)
            assert isinstance(app.screen, HistoryScreen)
            await pilot.press("a")  # the damaged session has no reps: an "empty try", hidden
            await settle(pilot, app)
            shown = _text(app)
            assert "⚠ 8 x 400 m at mile pace" in shown and "1970-01-01" in shown
            await pilot.press("home", "enter")  # the newest: a good session with damaged reps
            await settle(pilot, app)
            assert isinstance(app.screen, SessionScreen)
            shown = _text(app)
            assert "⚠ 1" in shown and "⚠ 2" in shown and "⚠ 3" in shown
            assert "leave out 3 reps the log holds damaged" in shown
            await pilot.press("t")
            await settle(pilot, app)
            assert app.is_running
            assert "Traceback" not in _text(app)
