"""Atomic saves: the original survives any failure on the way to the new file."""

from __future__ import annotations

import errno
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


# The writer's rules: what it is given is respected.


def test_symlink_is_followed_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real" / "w.yaml"
    real.parent.mkdir()
    real.write_text(ORIGINAL)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    written = atomic_write_text(link, "name: new\n")
    assert link.is_symlink(), "the link must stay a link"
    assert real.read_text() == "name: new\n"
    assert written == real.resolve()
    assert _leftovers(real.parent) == [] and _leftovers(tmp_path) == []


def test_chain_of_symlinks_and_dangling_link_write_the_final_target(tmp_path: Path) -> None:
    final = tmp_path / "final.csv"
    (tmp_path / "b").symlink_to(final)  # dangling: final does not exist yet
    (tmp_path / "a").symlink_to(tmp_path / "b")
    atomic_write_text(tmp_path / "a", "x\n")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()
    assert final.read_text() == "x\n"


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(fileio.RefusedTarget, match="symlink loop"):
        atomic_write_text(tmp_path / "a", "x\n")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(fileio.RefusedTarget, match=r"FIFO.*-o -"):
        atomic_write_text(fifo, "x\n")  # opening it would block: the test would hang
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    with pytest.raises(fileio.RefusedTarget, match="FIFO"):
        atomic_write_text(link, "x\n")
    assert link.is_symlink()


def test_directory_and_device_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(fileio.RefusedTarget, match="is a directory") as caught:
        atomic_write_text(folder, "x\n")
    assert caught.value.errno == errno.EISDIR
    assert folder.is_dir() and list(folder.iterdir()) == []
    device = tmp_path / "null"  # never the machine's /dev/null: a regression would replace it
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    with pytest.raises(fileio.RefusedTarget, match="character device"):
        atomic_write_text(device, "x\n")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_protected_file_is_refused_by_name_link_or_hard_link(tmp_path: Path) -> None:
    log = tmp_path / "log.sqlite3"
    log.write_bytes(b"SQLite format 3\x00")
    (tmp_path / "link").symlink_to(log)
    os.link(log, tmp_path / "hard")
    for given in (log, tmp_path / "link", tmp_path / "hard", tmp_path / "." / "log.sqlite3"):
        with pytest.raises(fileio.RefusedTarget, match="same file as"):
            atomic_write_text(given, "session,workout\n", protect=[log])
    assert log.read_bytes() == b"SQLite format 3\x00"
    atomic_write_text(tmp_path / "other.csv", "ok\n", protect=[log, tmp_path / "missing"])
    assert (tmp_path / "other.csv").read_text() == "ok\n"


def test_refusal_reads_as_one_line(tmp_path: Path) -> None:
    error = fileio.RefusedTarget(tmp_path / "p", "is a FIFO (named pipe), not a regular file")
    assert str(error) == f"{tmp_path / 'p'}: is a FIFO (named pipe), not a regular file"
    assert isinstance(error, OSError)
    assert error.strerror == "is a FIFO (named pipe), not a regular file"


def test_stamp_changes_with_content_even_at_the_same_mtime(tmp_path: Path) -> None:
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)
    text, stamp = fileio.read_text_stamped(target)
    assert text == ORIGINAL and fileio.FileStamp.of(target) == stamp
    before = target.stat()
    target.write_text(ORIGINAL.replace("8", "9"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    later = fileio.FileStamp.of(target)
    assert later is not None and later.mtime_ns == stamp.mtime_ns and later != stamp
    target.unlink()
    assert fileio.FileStamp.of(target) is None


def test_latin1_file_is_not_text_with_its_place(tmp_path: Path) -> None:
    target = tmp_path / "w.yaml"
    latin1 = "name: caf\u00e9\nsteps:\n  - run: 400m  # \u00e9t\u00e9\n".encode("latin-1")
    target.write_bytes(latin1)
    with pytest.raises(fileio.NotTextError, match=r"w.yaml:1:10: not UTF-8 text \(byte 0xe9\)"):
        fileio.read_text_stamped(target)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfname: x\n")
    assert fileio.read_text_stamped(bom)[0] == "name: x\n"


def test_reading_a_fifo_is_refused_before_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "w.yaml"
    os.mkfifo(fifo)
    with pytest.raises(fileio.RefusedTarget, match="FIFO"):
        fileio.read_text_stamped(fifo)


def test_root_keeps_the_owner_of_the_file_it_replaces(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")  # CI runs as root
    target = tmp_path / "w.yaml"
    target.write_text(ORIGINAL)
    os.chown(target, 65534, 65534)
    atomic_write_text(target, "name: new\n")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)
