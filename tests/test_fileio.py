"""Atomic saves: the original survives any failure on the way to the new file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from intervaltimer import fileio
from intervaltimer.fileio import atomic_write_text

ORIGINAL = "name: 8 x 400 m\nsteps:\n  - 8x400m@mile/60s\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file_and_creates_folder(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "w.yaml"
    atomic_write_text(target, "héllo\n")
    assert target.read_text(encoding="utf-8") == "héllo\n"
    assert _leftovers(target.parent) == []


def test_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)
    target.chmod(0o640)
    atomic_write_text(target, "name: new\n")
    assert target.read_text() == "name: new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_write_interrupted_midway_leaves_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)
    calls: list[int] = []
    real_write = os.write

    def failing_write(fd: int, data: bytes | memoryview) -> int:
        # The first chunk goes to disk, then the disk "fills up".
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(fileio.os, "write", failing_write)
    big = "x" * (3 * fileio._CHUNK)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, big)
    assert len(calls) == 2, "the failure must come in the middle of the write"
    assert target.read_text() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_fsync_failure_leaves_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fileio.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write_text(target, "name: half written\n")
    assert target.read_text() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_interrupt_before_rename_leaves_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)

    def interrupted(src: str, dst: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "name: never\n")
    assert target.read_text() == ORIGINAL
    assert _leftovers(tmp_path) == []
