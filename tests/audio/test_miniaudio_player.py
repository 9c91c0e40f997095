"""The wheel-only player (miniaudio): the cues and the voice reach ALSA sample for sample.

Each test runs a subprocess with simpleaudio made unimportable (as on a machine that
installed without a compiler), its own HOME and an `.asoundrc` that captures the default
device into a file, or names a card that is not there.
"""

from __future__ import annotations

import subprocess
import sys
from array import array
from pathlib import Path

from intervaltimer.audio.cues import CUE_NAMES, cue_path
from intervaltimer.audio.miniplayer import _mix
from tests.helpers.alsakit import assert_in_order, capturing_asoundrc, home
from tests.helpers.wavs import read_wav

WITHOUT_SIMPLEAUDIO = "import sys\nsys.modules['simpleaudio'] = None\n"

PLAY_CUES_AND_A_PHRASE = WITHOUT_SIMPLEAUDIO + """
from pathlib import Path
from intervaltimer.audio.cues import CUE_NAMES
from intervaltimer.audio.miniplayer import MiniaudioPlayer
from intervaltimer.audio.player import make_player
from intervaltimer.audio.speech import SpokenClip
player = make_player()
print(player.status, type(player).__name__)
for cue in CUE_NAMES:
    player.play(cue)
    player.wait_done()
phrase = bytes(range(256)) * 40  # 22.05 kHz, as espeak-ng speaks
print(player.say(SpokenClip("x", Path("x.wav"), phrase, 1, 2, 22050)))
player.wait_done()
player.close()
"""

NO_CARD = 'pcm.!default "hw:99"\nctl.!default "hw:99"\n'


def test_the_cues_and_a_phrase_reach_alsa_sample_for_sample(tmp_path: Path) -> None:
    capture = tmp_path / "capture.raw"
    env = home(tmp_path, capturing_asoundrc(capture))
    out = subprocess.run([sys.executable, "-c", PLAY_CUES_AND_A_PHRASE], env=env,
                         capture_output=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().splitlines() == ["sound: on MiniaudioPlayer", "True"]
    assert out.stderr == b""
    captured = capture.read_bytes()
    cues = [read_wav(cue_path(cue)).frames for cue in CUE_NAMES]
    assert_in_order(captured, [*cues, bytes(range(256)) * 40])
    # a short tail of silence after each sound, never a stream of it
    assert len(captured) - sum(map(len, cues)) < 44100 * 2 * 0.5 * (len(cues) + 1)


def test_without_a_card_the_bell_takes_over_and_alsa_prints_nothing(tmp_path: Path) -> None:
    env = home(tmp_path, NO_CARD)
    script = WITHOUT_SIMPLEAUDIO + (
        "from intervaltimer.audio.player import make_player\n"
        "rings = []\nplayer = make_player(bell=lambda: rings.append(1))\n"
        "player.play('go')\nprint(player.status)\nprint(len(rings))\n")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""
    assert out.stdout.decode() == (
        "sound: terminal bell (no audio device: no sound card found)\n1\n")
    log = Path(env["XDG_STATE_HOME"]) / "intervaltimer" / "stderr.log"
    assert "ALSA lib" in log.read_text()


def test_overlapping_sounds_are_mixed_and_clipped() -> None:
    loud = array("h", [30000, -30000, 100, 5]).tobytes()
    other = array("h", [10000, -10000, -100]).tobytes()
    mixed = array("h", _mix([loud, other], 8))
    assert list(mixed) == [32767, -32768, 0, 5]
