"""`pip install .` into a fresh venv on a PATH with no C compiler, then the cues played.

This is what `pipx install .` does on a Mac or a Linux box without build tools: every
dependency must come as a wheel. The PATH holds only a folder of links to the few
tools pip may call (no cc, gcc or clang), the install runs outside the checkout's venv,
and the installed command then plays every cue through the wheel-only player into an
ALSA `file` PCM under the test's own HOME; the captured samples must be the WAVs'.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intervaltimer.audio.cues import CUE_NAMES, cue_path
from tests.helpers.alsakit import assert_in_order, capturing_asoundrc, home
from tests.helpers.wavs import read_wav

REPO = Path(__file__).resolve().parents[2]
COMPILERS = ("cc", "gcc", "clang", "c++", "g++", "x86_64-linux-gnu-gcc")
# What pip may call on the way (version control, archives), and `cat`, which the
# capturing `.asoundrc` pipes into; none of them compiles.
TOOLS = ("sh", "uname", "git", "tar", "unzip", "cat")

pytestmark = pytest.mark.slow

PLAY = """
import sys
import intervaltimer
from intervaltimer.audio.cues import CUE_NAMES
from intervaltimer.audio.player import make_player
try:
    import simpleaudio
    print("simpleaudio is installed")
except ImportError:
    pass
player = make_player()
print(player.status, type(player).__name__)
print(intervaltimer.__file__)
for cue in CUE_NAMES:
    player.play(cue)
    player.wait_done()
player.close()
"""


def _no_compiler_path(folder: Path) -> str:
    """A folder of links to TOOLS that exist here, and nothing else."""
    folder.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        if found:
            (folder / tool).symlink_to(found)
    assert not any(shutil.which(cc, path=str(folder)) for cc in COMPILERS)
    return str(folder)


def test_installs_with_no_compiler_and_plays_every_cue(tmp_path: Path) -> None:
    path = _no_compiler_path(tmp_path / "bin")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CC", "CXX", "LDSHARED")}
    env.update(PATH=path, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    away = tmp_path / "away"
    away.mkdir()
    venv = tmp_path / "venv"
    began = time.monotonic()
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], env=env, cwd=away,
                          capture_output=True, text=True, timeout=300, check=False)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-c", str(REPO / "constraints.txt"),
         str(REPO)], env=env, cwd=away, capture_output=True, text=True, timeout=900,
        check=False)
    assert installed.returncode == 0, f"{installed.stdout}\n{installed.stderr}"
    took = time.monotonic() - began
    print(f"fresh venv and pip install without a compiler: {took:.1f} s")

    capture = tmp_path / "capture.raw"
    player_env = home(tmp_path, capturing_asoundrc(capture))
    player_env["PATH"] = path
    played = subprocess.run([str(python), "-c", PLAY], env=player_env, cwd=away,
                            capture_output=True, text=True, timeout=120, check=False)
    assert played.returncode == 0, played.stderr
    assert "simpleaudio is installed" not in played.stdout  # the extra was not asked for
    status, where = played.stdout.splitlines()
    assert status == "sound: on MiniaudioPlayer"
    assert Path(where).is_relative_to(venv)
    assert played.stderr == ""
    assert_in_order(capture.read_bytes(), [read_wav(cue_path(cue)).frames for cue in CUE_NAMES])
