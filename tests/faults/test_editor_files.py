"""Findings 4 and 8 in the editor: a file changed on disk is not saved over without asking;
a file that is not UTF-8 opens read-only, never as empty; a symlinked workout stays a link.

Before: the editor saved over changes made outside it without a word; a Latin-1 file opened
empty as "(new)" and saving destroyed it; saving a symlinked workout made it a plain file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.ui.screens.changed_on_disk import ChangedOnDiskScreen
from intervaltimer.ui.screens.editor import EditorScreen
from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from tests.helpers.deskkit import EIGHT_400, Desk, app_for, desk, pilot_test

OUTSIDE = EIGHT_400.replace("repeat: 8", "repeat: 10")  # what another program wrote


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return desk(tmp_path, monkeypatch)


@pytest.fixture
def user_file(folders: Desk) -> Path:
    return folders.write(folders.user, "eights.yaml", EIGHT_400)


def _rename(app: Any, name: str) -> None:
    editor = app.screen.query_one(YamlEditor)
    old = editor.document.get_line(0)
    editor.replace(f"name: {name}", (0, 0), (0, len(old)))


def _change_outside(path: Path, text: str, keep_mtime: bool = False) -> None:
    before = path.stat()
    path.write_text(text)
    if keep_mtime:  # a change the clock cannot see: only the hash tells
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


async def _edit_then_save(pilot: Any, app: Any, path: Path, keep_mtime: bool = False) -> None:
    await pilot.pause()
    _rename(app, "Mine")
    _change_outside(path, OUTSIDE, keep_mtime)
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("keep_mtime", [False, True])
@pilot_test
async def test_a_change_on_disk_is_asked_about_then_overwritten(user_file: Path,
                                                                 keep_mtime: bool) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await _edit_then_save(pilot, app, user_file, keep_mtime)
        assert isinstance(app.screen, ChangedOnDiskScreen)
        assert user_file.read_text() == OUTSIDE, "nothing written before the answer"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and not app.screen.dirty
        assert user_file.read_text().startswith("name: Mine\n")
        assert "repeat: 8" in user_file.read_text()


@pilot_test
async def test_reload_takes_the_file_from_disk(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await _edit_then_save(pilot, app, user_file)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one(YamlEditor).text == OUTSIDE
        assert not app.screen.dirty and user_file.read_text() == OUTSIDE


@pilot_test
async def test_save_as_keeps_both(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await _edit_then_save(pilot, app, user_file)
        await pilot.press("a")
        await pilot.pause()
        copy = user_file.with_name("eights-2.yaml")
        assert user_file.read_text() == OUTSIDE
        assert copy.read_text().startswith("name: Mine\n")
        assert app.screen.path == copy and not app.screen.dirty


@pilot_test
async def test_keep_editing_writes_nothing_and_a_deleted_file_is_asked_about(
        user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _rename(app, "Mine")
        user_file.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.screen.dirty
        assert not user_file.exists()


@pilot_test
async def test_saving_twice_without_outside_changes_does_not_ask(user_file: Path) -> None:
    app = app_for("edit", user_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for name in ("One", "Two"):
            _rename(app, name)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)
            assert user_file.read_text().startswith(f"name: {name}\n")


@pilot_test
async def test_latin1_file_opens_read_only_and_is_never_destroyed(folders: Desk) -> None:
    path = folders.user / "cafe.yaml"
    data = "name: Caf\u00e9 400s\nsteps:\n  - 8x400m/60s\n".encode("latin-1")
    path.write_bytes(data)
    app = app_for("edit", path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = app.screen.query_one(YamlEditor)
        assert editor.read_only and "8x400m/60s" in editor.text, "never opened as empty"
        assert "(new)" not in app.screen.sub_title and "read-only" in app.screen.sub_title
        assert any("cafe.yaml:1:10: not UTF-8 text" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_bytes() == data


@pilot_test
async def test_symlinked_workout_stays_a_link(folders: Desk, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "eights.yaml"
    real.parent.mkdir()
    real.write_text(EIGHT_400)
    link = folders.user / "linked.yaml"
    link.symlink_to(real)
    app = app_for("edit", link)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _rename(app, "Linked")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert link.is_symlink() and real.read_text().startswith("name: Linked\n")
