"""The cue player the UI talks to, and `make_player`, which picks the best one that works.

The chain is: simpleaudio on ALSA's default device (where it is installed:
the `simpleaudio` extra, which needs a compiler), else miniaudio (wheels for
every system, so the default install plays) -> terminal bell -> silence, and
`Player.status` is one line saying which and why, e.g.
"sound: on", "sound: terminal bell (no audio device: no sound card found)",
"sound: off (--no-sound)".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from intervaltimer.audio.backends import (
    STATUS_MUTED,
    STATUS_ON,
    BellPlayer,
    SilentPlayer,
    SimpleaudioPlayer,
    bell_or_silent,
    describe_error,
)
from intervaltimer.audio.quiet import stderr_to
from intervaltimer.locations import stderr_log_path

if TYPE_CHECKING:
    from intervaltimer.audio.speech import SpokenClip

__all__ = [
    "STATUS_MUTED",
    "STATUS_ON",
    "BellPlayer",
    "Player",
    "SilentPlayer",
    "SimpleaudioPlayer",
    "make_player",
]

# The probe: 10 ms of silence in the cues' own format (16-bit mono 44.1 kHz).
_PROBE = bytes(2 * 441)


class Player(Protocol):
    """What the UI needs of a cue player. `cue` is one of the engine's `Cue` values."""

    @property
    def status(self) -> str:
        """One line for the screen: "sound: on", "sound: terminal bell (...)", "sound: off (...)".

        "sound: muted" while muted.
        """
        ...

    @property
    def muted(self) -> bool:
        """True while cues are silenced."""
        ...

    def play(self, cue: str) -> None:
        """Start the cue and return at once; never raises."""
        ...

    def say(self, clip: SpokenClip) -> bool:
        """Start a spoken phrase and return at once; False if it is not played. Never raises."""
        ...

    def hush(self) -> None:
        """Stop the phrases playing now (the cues play on). Never raises."""
        ...

    def toggle_mute(self) -> bool:
        """Mute or unmute; returns the new `muted`."""
        ...

    def close(self) -> None:
        """Stop sounds and release the device."""
        ...


def make_player(
    enabled: bool = True,
    bell: Callable[[], None] | None = None,
    *,
    sounds: Path | None = None,
    alsa_log: str | os.PathLike[str] | None = None,
) -> Player:
    """The best player this machine allows, its `status` saying which and why.

    `enabled=False` (`--no-sound`) gives silence. Otherwise simpleaudio is
    imported, the cue WAVs in `sounds` (default: the shipped ones) are loaded
    and the audio device is probed once by playing 10 ms of silence; if any of
    that fails, the bell (`bell`, e.g. `App.bell`, else BEL on stdout), or
    silence if there is no terminal either. What ALSA prints on fd 2 during
    the probe goes to `alsa_log` (default: `stderr_log_path()`), never to the
    terminal. Never raises.
    """
    if not enabled:
        return SilentPlayer("--no-sound")
    try:
        import simpleaudio
    except Exception:  # ImportError, or a broken build of the extension
        return _miniaudio_player(bell, sounds, alsa_log)
    with stderr_to(alsa_log if alsa_log is not None else stderr_log_path()):
        try:
            player = SimpleaudioPlayer(sounds, bell, simpleaudio=simpleaudio)
        except Exception as error:  # a missing or broken WAV
            return bell_or_silent(f"cue sounds unreadable: {describe_error(error)}", bell)
        try:
            simpleaudio.play_buffer(_PROBE, 1, 2, 44100)
        except Exception as error:
            return bell_or_silent(f"no audio device: {describe_error(error)}", bell)
    return player


def _miniaudio_player(bell: Callable[[], None] | None, sounds: Path | None,
                      alsa_log: str | os.PathLike[str] | None) -> Player:
    """The miniaudio player, its device opened as the probe; else the bell or silence."""
    try:
        import miniaudio
    except Exception:  # ImportError, or a wheel for another system
        return bell_or_silent("no audio library: install miniaudio (pip install miniaudio)",
                              bell)
    from intervaltimer.audio.miniplayer import MiniaudioPlayer, describe_miniaudio

    with stderr_to(alsa_log if alsa_log is not None else stderr_log_path()):
        try:
            return MiniaudioPlayer(sounds, bell, miniaudio=miniaudio)
        except (OSError, EOFError) as error:  # a missing or broken WAV
            return bell_or_silent(f"cue sounds unreadable: {describe_error(error)}", bell)
        except Exception as error:
            return bell_or_silent(f"no audio device: {describe_miniaudio(error)}", bell)
