"""The cue sounds: their names (the engine's `Cue` values), what they mean, where they live."""

from __future__ import annotations

import wave
from pathlib import Path

from intervaltimer.resources import sounds_dir

# The engine's `Cue` values, in the order a session first plays them.
CUE_MEANINGS: dict[str, str] = {
    "tick": "3-2-1 before a rep",
    "go": "a rep starts",
    "pacer": "a pacer checkpoint",
    "halfway": "halfway through a timed rep",
    "ten_seconds": "ten seconds left",
    "rest": "a rep ends on the clock, rest starts",
    "lap": "a lap taken: the rep ends, rest starts (then the split is spoken)",
    "last": "the last rep starts (a repeat's `last: {cue: last}`)",
    "finish": "the workout is done",
}
CUE_NAMES: tuple[str, ...] = tuple(CUE_MEANINGS)


def cue_path(cue: str, folder: Path | None = None) -> Path:
    """The WAV file of `cue` in `folder` (default: the shipped `sounds/`)."""
    return (folder or sounds_dir()) / f"{cue}.wav"


def cue_duration_s(cue: str, folder: Path | None = None) -> float:
    """How long `cue` plays, in seconds, read from its WAV header (0.0 if unreadable)."""
    try:
        with wave.open(str(cue_path(cue, folder)), "rb") as sound:
            return sound.getnframes() / sound.getframerate()
    except (OSError, EOFError, wave.Error):
        return 0.0
