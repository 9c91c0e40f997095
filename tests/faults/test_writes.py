"""`export -o` respects what it is given (the installed command, as a process).

Before: `-o LINK` replaced the symlink with a file, `-o FIFO` renamed over the FIFO,
`-o /dev/stdout` (as root) replaced the /dev/stdout symlink (and `-o /dev/null` the
device), `export --db X -o X` turned the log into CSV.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from intervaltimer.log.store import Store
from tests.helpers.iokit import cli, one_session_log, private_env


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    one_session_log(tmp_path / "log.sqlite3")
    return private_env(tmp_path)


def test_output_symlink_writes_its_target(env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "backups" / "reps.csv"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "reps.csv"
    link.symlink_to(target)
    out = cli(["export", "-o", str(link)], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8-sig").startswith("session,workout,")
    assert str(target) in out.stderr


def test_output_fifo_is_refused_and_kept(env: dict[str, str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = cli(["export", "-o", str(fifo)], env, tmp_path, timeout=20)
    assert out.returncode == 1
    assert f"{fifo}: is a FIFO (named pipe), not a regular file" in out.stderr
    assert "-o -" in out.stderr and "Traceback" not in out.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _own_null(tmp_path: Path) -> Path:
    """A character device like /dev/null, in the test's folder: a regressed writer must not
    get to replace the machine's own /dev/null (as the old one did, as root)."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (CI runs as root)")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return device


def test_output_device_and_directory_are_refused(env: dict[str, str], tmp_path: Path) -> None:
    device = _own_null(tmp_path)
    out = cli(["export", "-o", str(device)], env, tmp_path)
    assert out.returncode == 1 and f"{device}: is a character device" in out.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    out = cli(["export", "-o", str(tmp_path)], env, tmp_path)
    assert out.returncode == 1 and "is a directory" in out.stderr


def test_stdout_link_is_never_replaced(env: dict[str, str], tmp_path: Path) -> None:
    # /dev/stdout is a symlink to /proc/self/fd/1; the test makes its own, so that a
    # regression cannot replace the machine's.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    out = cli(["export", "-o", str(stdout)], env, tmp_path)  # stdout is a pipe here
    assert out.returncode == 1 and "FIFO" in out.stderr and "-o -" in out.stderr
    assert stdout.is_symlink() and os.readlink(stdout) == "/proc/self/fd/1"


def test_dash_writes_standard_output(env: dict[str, str], tmp_path: Path) -> None:
    out = cli(["export", "-o", "-", "--format", "json"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert '"format": "intervaltimer-export"' in out.stdout
    assert not (tmp_path / "-").exists()


def test_output_is_never_the_open_log(env: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "log.sqlite3"
    (tmp_path / "log-link").symlink_to(log)
    for output in (str(log), str(tmp_path / "log-link"), f"{log}-wal"):
        out = cli(["export", "--db", str(log), "-o", output], env, tmp_path)
        assert out.returncode == 1, output
        assert "same file as" in out.stderr and "Traceback" not in out.stderr
    assert log.read_bytes().startswith(b"SQLite format 3\x00")
    with Store.open(log, readonly=True) as store:
        assert len(store.reps(1)) == 3
