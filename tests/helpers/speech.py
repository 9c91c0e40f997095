"""espeak-ng run by hand: what the app's spoken cues are compared with."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path


def espeak_itself(tmp_path: Path, text: str, voice: str = "en") -> bytes:
    """The samples espeak-ng writes for `text` when run by hand."""
    out = tmp_path / "by-hand.wav"
    espeak = shutil.which("espeak-ng")
    assert espeak is not None, "espeak-ng must be installed (make system)"
    subprocess.run([espeak, "-v", voice, "-s", "175", "-w", str(out), "--", text], check=True)
    with wave.open(str(out), "rb") as sound:
        assert (sound.getframerate(), sound.getnchannels(), sound.getsampwidth()) == (22050, 1, 2)
        return sound.readframes(sound.getnframes())
