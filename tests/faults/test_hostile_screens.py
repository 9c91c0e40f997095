"""Hostile text on the screens: text from workout files, file names, notes and the log
reaches no screen raw. Each screen is drawn (Pilot) and every character it would send is
checked, first with the app's last guard (the line filter) off, so each widget is shown to
make its own text display-safe, then with it on.

Before: the library, preview, editor and history sent the window title, clear-screen and
OSC 52 sequences to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from textual.worker import WorkerCancelled

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.store import Store
from intervaltimer.ui.app import IntervalTimerApp, Start, make_app
from intervaltimer.workout.loader import load_workout
from tests.helpers.deskkit import Desk, desk, pilot_test, settle
from tests.helpers.hostile_text import TITLE, first_forbidden, hostile_log, hostile_workout


def drawn(app: IntervalTimerApp) -> bytes:
    """Every character the current screen would send, as UTF-8 (styles left out)."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join("".join(seg.text for seg in strip if not seg.control) for strip in strips)
    return text.encode("utf-8", "surrogateescape")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """A library with a hostile workout and a hostile file name; a log of hostile sessions."""
    folders = desk(tmp_path, monkeypatch, library=False)
    folders.write(folders.user, "hostile.yaml", hostile_workout())
    folders.write(folders.user, f"file{TITLE}.yaml", "name: plain\nsteps:\n  - run: 400m\n")
    hostile_log(folders.db, source=hostile_workout())
    return folders


def _app(start: Start) -> IntervalTimerApp:
    """The real app on the test's log, with the recording player (no sound)."""
    return make_app(start=start, store=Store.open(os.environ["INTERVALTIMER_DB"]),
                    player=RecordingPlayer(clock=lambda: 0.0))


async def _settle(pilot: Any, app: IntervalTimerApp) -> None:
    """`settle`, again when a newer worker cancelled the one waited for (a preview)."""
    for _ in range(10):
        try:
            await settle(pilot, app)
            return
        except WorkerCancelled:
            continue
    await settle(pilot, app)


async def _check(app: IntervalTimerApp, steps: Callable[[Any], Awaitable[None]],
                 size: tuple[int, int] = (160, 50), on: str | None = None) -> bytes:
    """What the screen shows after `steps`, checked for forbidden sequences; with `on`, the
    screen the steps lead to (by class name), so a step that leads nowhere fails."""
    app._text_guard.enabled = False  # the widgets' own escaping is under test
    async with app.run_test(size=size) as pilot:
        await _settle(pilot, app)
        await steps(pilot)
        await _settle(pilot, app)
        if on is not None:
            assert type(app.screen).__name__ == on
        shown = drawn(app)
        assert first_forbidden(shown) is None, (type(app.screen).__name__,
                                                first_forbidden(shown))
        app._text_guard.enabled = True
        app.screen.refresh()
    if app.services.store is not None:
        app.services.store.close()
    return shown


async def _nothing(pilot: Any) -> None:
    return None


@pilot_test
async def test_library_and_its_preview(folders: Desk) -> None:
    shown = await _check(_app(start=Start(screen="home")), _nothing)
    assert b"Hills" in shown and b"\\x1b]0;pwned" in shown


@pilot_test
async def test_file_name_in_the_library(folders: Desk) -> None:
    async def pick_file(pilot: Any) -> None:
        await pilot.press("down", "down")  # into the list, then from "Hills …" to "plain"

    shown = await _check(_app(start=Start(screen="home")), pick_file, on="HomeScreen")
    assert b"file\\x1b]0;pwned\\x07.yaml" in shown  # the preview's path line, escaped


@pilot_test
async def test_run_preview(folders: Desk) -> None:
    workout = load_workout(folders.user / "hostile.yaml")
    shown = await _check(_app(start=Start(screen="run", workout=workout)), _nothing)
    assert b"\\x1b" in shown


@pilot_test
async def test_run_screen(folders: Desk) -> None:
    workout = load_workout(folders.user / "hostile.yaml")

    async def start(pilot: Any) -> None:
        await pilot.press("enter")
        await pilot.pause()

    shown = await _check(_app(start=Start(screen="run", workout=workout)), start, on="RunScreen")
    assert b"Hills" in shown


@pilot_test
async def test_editor(folders: Desk) -> None:
    shown = await _check(_app(start=Start(screen="edit",
                                              path=folders.user / "hostile.yaml")), _nothing)
    assert b"\\x1b" in shown


@pilot_test
async def test_history(folders: Desk) -> None:
    shown = await _check(_app(start=Start(screen="history")), _nothing)
    assert b"Hills \\x1b]0;pwned" in shown


@pilot_test
async def test_session(folders: Desk) -> None:
    async def open_first(pilot: Any) -> None:
        await pilot.press("enter")

    shown = await _check(_app(start=Start(screen="history")), open_first)
    assert b"note \\x1b]0;pwned" in shown


@pilot_test
async def test_trend(folders: Desk) -> None:
    async def open_trend(pilot: Any) -> None:
        await pilot.press("t")

    shown = await _check(_app(start=Start(screen="history")), open_trend, on="TrendScreen")
    assert b"Hills \\x1b]0;pwned" in shown


@pilot_test
async def test_the_last_guard_drops_what_a_widget_forgot(folders: Desk) -> None:
    app = _app(start=Start(screen="history"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await app.screen.mount(Static(f"raw {TITLE} end"))
        await pilot.pause()
        shown = drawn(app)
        assert first_forbidden(shown) is None
        assert b"raw ]0;pwned end" in shown
