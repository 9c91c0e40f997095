"""Shared by the audio tests that play through real ALSA: a HOME of the test's own whose
`.asoundrc` captures the default device into a file (or names a missing card)."""

from __future__ import annotations

import os
from pathlib import Path


def home(tmp_path: Path, asoundrc: str) -> dict[str, str]:
    """An environment whose HOME holds `asoundrc` and nothing else of the user's."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".asoundrc").write_text(asoundrc)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALSA_", "XDG_", "PULSE"))}
    env.update(HOME=str(folder), XDG_CONFIG_HOME=str(folder / ".config"),
               XDG_STATE_HOME=str(folder / ".local" / "state"),
               XDG_CACHE_HOME=str(folder / ".cache"), XDG_RUNTIME_DIR=str(folder / "run"))
    return env


def capturing_asoundrc(capture: Path) -> str:
    """ALSA's default device appends every stream's raw samples to `capture`."""
    return ("pcm.!default {\n  type file\n  slave.pcm \"null\"\n"
            f"  file \"|cat >> '{capture}'\"\n  format \"raw\"\n}}\n")


def assert_in_order(captured: bytes, sounds: list[bytes]) -> None:
    """Each sound's samples appear whole, in order (silence may sit between)."""
    position = 0
    for number, frames in enumerate(sounds):
        found = captured.find(frames, position)
        assert found >= 0, f"sound {number}: not in the capture after byte {position}"
        position = found + len(frames)
