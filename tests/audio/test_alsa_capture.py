"""The real audio path, end to end, on a machine with or without a sound card.

Each test gives a subprocess its own HOME with an `.asoundrc`, so ALSA (read
afresh by the new process) sends the default device where the test wants:
into a file (`type file` over the `null` PCM), or to a card that is not there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intervaltimer.audio.cues import CUE_NAMES, cue_path

from .wavs import read_wav

PLAY_EVERY_CUE = """
from intervaltimer.audio.cues import CUE_NAMES
from intervaltimer.audio.player import make_player
player = make_player()
print(player.status)
for cue in CUE_NAMES:
    player.play(cue)
    player.wait_done()
player.close()
"""

PLAY_WITHOUT_A_CARD = """
import sys
from intervaltimer.audio.player import make_player
from intervaltimer.audio.quiet import stderr_to
from intervaltimer.locations import stderr_log_path
rings = []
if sys.argv[1] == "inside-ui":  # as the UI runs: the whole lifetime redirected
    with stderr_to(stderr_log_path()):
        player = make_player(bell=lambda: rings.append(1))
        player.play("go")
        player.play("tick")
else:  # the factory alone must keep its probe quiet
    player = make_player(bell=lambda: rings.append(1))
    player.play("go")
    player.play("tick")
print(player.status)
print(len(rings))
"""

# The same play call without our redirection: shows ALSA really does print here.
BARE_SIMPLEAUDIO = """
import simpleaudio
try:
    simpleaudio.play_buffer(bytes(882), 1, 2, 44100)
except Exception as error:
    print(error)
"""


def _home(tmp_path: Path, asoundrc: str) -> dict[str, str]:
    """An environment whose HOME holds `asoundrc` and nothing else of the user's."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(asoundrc)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALSA_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_STATE_HOME=str(home / ".local" / "state"))
    return env


def _capturing_home(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """ALSA's default device appends every stream's raw samples to `capture.raw`.

    `file` truncates its file at each open and simpleaudio opens the device
    for every sound, so the samples are piped to `cat >>` instead.
    """
    capture = tmp_path / "capture.raw"
    asoundrc = (
        "pcm.!default {\n"
        "  type file\n"
        '  slave.pcm "null"\n'
        f"  file \"|cat >> '{capture}'\"\n"
        '  format "raw"\n'
        "}\n"
    )
    return _home(tmp_path, asoundrc), capture


def _run(
    args: list[str], env: dict[str, str], timeout_s: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run `args` with `env`, capturing its stdout and its real fd 2."""
    return subprocess.run(args, env=env, capture_output=True, timeout=timeout_s, check=False)


def _assert_cues_in_order(captured: bytes, cues: tuple[str, ...]) -> None:
    """Each cue's frames appear whole, in order (silence or the probe may sit between)."""
    position = 0
    for cue in cues:
        frames = read_wav(cue_path(cue)).frames
        found = captured.find(frames, position)
        assert found >= 0, f"{cue}: its samples are not in the capture after byte {position}"
        position = found + len(frames)
    assert len(captured) - sum(len(read_wav(cue_path(c)).frames) for c in cues) < 44100 * 2


def test_every_cue_reaches_alsa_sample_for_sample(tmp_path: Path) -> None:
    env, capture = _capturing_home(tmp_path)
    out = _run([sys.executable, "-c", PLAY_EVERY_CUE], env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode() == "sound: on\n"
    assert out.stderr == b""
    _assert_cues_in_order(capture.read_bytes(), CUE_NAMES)


@pytest.mark.slow
def test_the_sounds_command_plays_every_cue_with_its_name(tmp_path: Path) -> None:
    env, capture = _capturing_home(tmp_path)
    out = _run([sys.executable, "-m", "intervaltimer", "sounds"], env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "sound: on"
    assert [line.split()[0] for line in lines[1:]] == list(CUE_NAMES)
    assert out.stderr == b""
    _assert_cues_in_order(capture.read_bytes(), CUE_NAMES)


# Card 99 is not there; ALSA says so on fd 2 ("Cannot get card index for 99").
NO_CARD = 'pcm.!default "hw:99"\nctl.!default "hw:99"\n'


def test_without_a_card_alsa_does_complain_on_fd_2(tmp_path: Path) -> None:
    """The control case: the lines the next tests must keep off the terminal exist."""
    out = _run([sys.executable, "-c", BARE_SIMPLEAUDIO], _home(tmp_path, NO_CARD))
    assert b"ALSA lib" in out.stderr
    assert b"Error opening PCM device" in out.stdout


@pytest.mark.parametrize("how", ["inside-ui", "factory-alone"])
def test_without_a_card_the_bell_takes_over_and_alsa_prints_nothing(
    tmp_path: Path, how: str
) -> None:
    env = _home(tmp_path, NO_CARD)
    out = _run([sys.executable, "-c", PLAY_WITHOUT_A_CARD, how], env)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""
    assert out.stdout.decode() == (
        "sound: terminal bell (no audio device: no sound card found)\n2\n"
    )
    log = Path(env["XDG_STATE_HOME"]) / "intervaltimer" / "stderr.log"
    assert "ALSA lib" in log.read_text()


def test_the_sounds_command_without_a_card_says_why_and_exits_1(tmp_path: Path) -> None:
    out = _run([sys.executable, "-m", "intervaltimer", "sounds"], _home(tmp_path, NO_CARD))
    assert out.returncode == 1
    assert out.stderr == b""
    lines = out.stdout.decode().splitlines()
    # stdout is a pipe here, so there is no terminal to ring either
    assert lines[0] == (
        "sound: off (no audio device: no sound card found; no terminal for the bell)"
    )
    assert [line.split()[0] for line in lines[1:]] == list(CUE_NAMES)
