"""stderr_to: what is written to fd 2 inside the block lands in a file, and fd 2 comes back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intervaltimer.audio import quiet
from intervaltimer.audio.quiet import stderr_to
from intervaltimer.locations import stderr_log_path


def test_fd_2_goes_to_the_file_inside_and_back_to_the_terminal_after(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "state" / "stderr.log"
    os.write(2, b"before\n")
    with stderr_to(log) as used:
        os.write(2, b"ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\n")
    os.write(2, b"after\n")
    assert used == str(log)
    assert log.read_text() == "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\n"
    assert capfd.readouterr().err == "before\nafter\n"


def test_in_a_real_process_c_and_python_writes_to_fd_2_all_land_in_the_file(
    tmp_path: Path,
) -> None:
    log = tmp_path / "stderr.log"
    code = (
        "import os, sys\n"
        "from intervaltimer.audio.quiet import stderr_to\n"
        "sys.stderr.write('early, unflushed|')\n"
        f"with stderr_to({str(log)!r}):\n"
        "    os.write(2, b'from C|')\n"
        "    sys.stderr.write('from Python, unflushed|')\n"
        "sys.stderr.write('late')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert out.stderr == b"early, unflushed|late"
    assert log.read_text() == "from C|from Python, unflushed|"


def test_fd_2_is_restored_when_the_block_raises(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(RuntimeError), stderr_to(tmp_path / "log"):
        raise RuntimeError("boom")
    os.write(2, b"visible\n")
    assert capfd.readouterr().err == "visible\n"


def test_blocks_nest_and_append(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    outer, inner = tmp_path / "outer.log", tmp_path / "inner.log"
    with stderr_to(outer):
        os.write(2, b"1\n")
        with stderr_to(inner):
            os.write(2, b"2\n")
        os.write(2, b"3\n")
    with stderr_to(outer):
        os.write(2, b"4\n")
    assert outer.read_text() == "1\n3\n4\n"
    assert inner.read_text() == "2\n"
    assert capfd.readouterr().err == ""


def test_none_and_an_unopenable_target_mean_dev_null(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with stderr_to(None) as used:
        os.write(2, b"gone\n")
    assert used == os.devnull
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with stderr_to(blocker / "cannot" / "be.log") as used:
        os.write(2, b"gone too\n")
    assert used == os.devnull
    assert capfd.readouterr().err == ""


def test_a_log_grown_too_big_is_emptied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quiet, "LOG_LIMIT_BYTES", 10)
    log = tmp_path / "stderr.log"
    log.write_text("x" * 11)
    with stderr_to(log):
        os.write(2, b"fresh\n")
    assert log.read_text() == "fresh\n"


def test_the_log_lives_in_the_users_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert stderr_log_path() == tmp_path / "intervaltimer" / "stderr.log"
