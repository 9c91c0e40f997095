"""The ways a cue can sound: simpleaudio through ALSA, the terminal bell, or nothing.

Each backend's `play` returns at once and never raises: a sound fault must
never stop a workout.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervaltimer.audio.cues import CUE_NAMES, cue_path

if TYPE_CHECKING:
    from intervaltimer.audio.speech import SpokenClip

STATUS_ON = "sound: on"
STATUS_MUTED = "sound: muted"

# ALSA's errno at open time, in words a runner can act on.
_ALSA_CODES = {
    -2: "no sound card found",  # ENOENT: no card 0 / unknown PCM
    -6: "no sound card found",  # ENXIO
    -19: "no sound card found",  # ENODEV
    -22: "no sound card found",  # EINVAL: the config names a card that is not there
    -13: "permission denied",  # EACCES
    -1: "permission denied",  # EPERM
    -16: "device busy",  # EBUSY
}
_SIMPLEAUDIO_ERROR = re.compile(r"CODE: (-?\d+) -- MSG: (.*)$")


def describe_error(error: BaseException) -> str:
    """A short reason for an audio fault, e.g. "no sound card found" or "device busy"."""
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        return f"{Path(str(error.filename)).name}: {error.strerror.lower()}"
    text = str(error).strip()
    found = _SIMPLEAUDIO_ERROR.search(text)
    if found:
        code, message = int(found.group(1)), found.group(2).strip()
        return _ALSA_CODES.get(code, message or f"error {code}")
    return text or type(error).__name__


def terminal_bell() -> bool:
    """Ring the terminal's bell by writing BEL to stdout; False if stdout is no terminal."""
    out = sys.__stdout__
    try:
        if out is None or not out.isatty():
            return False
        out.write("\a")
        out.flush()
    except (OSError, ValueError):
        return False
    return True


def has_terminal() -> bool:
    """True if stdout is a terminal, so `terminal_bell` can be heard."""
    out = sys.__stdout__
    try:
        return out is not None and out.isatty()
    except (OSError, ValueError):
        return False


class MuteSwitch:
    """The mute key of a player that can be muted: `muted` and `toggle_mute`."""

    _muted = False

    @property
    def muted(self) -> bool:
        """True while cues are silenced with the mute key."""
        return self._muted

    def toggle_mute(self) -> bool:
        """Mute or unmute; returns the new `muted`."""
        self._muted = not self._muted
        return self._muted


class BellPlayer(MuteSwitch):
    """Every cue rings the terminal bell: the fallback when there is no audio device.

    `bell` is called for each cue (e.g. Textual's `App.bell`, which is safe to
    call from any thread); without it, BEL is written to stdout.
    """

    def __init__(self, reason: str, bell: Callable[[], None] | None = None) -> None:
        self.reason = reason
        self._bell = bell
        self.rung = 0

    @property
    def status(self) -> str:
        """"sound: terminal bell (<reason>)", or "sound: muted"."""
        return STATUS_MUTED if self._muted else f"sound: terminal bell ({self.reason})"

    def play(self, cue: str) -> None:
        """Ring the bell for a known cue, unless muted."""
        if self._muted or cue not in CUE_NAMES:
            return
        try:
            if self._bell is not None:
                self._bell()
            else:
                terminal_bell()
            self.rung += 1
        except Exception:  # a bell must never stop a workout
            pass

    def say(self, clip: SpokenClip) -> bool:
        """A bell cannot speak: False."""
        return False

    def hush(self) -> None:
        """Nothing is said."""

    def close(self) -> None:
        """Nothing to release."""


class SilentPlayer:
    """Plays nothing: `--no-sound`, or neither an audio device nor a terminal to ring."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    @property
    def status(self) -> str:
        """"sound: off (<reason>)"."""
        return f"sound: off ({self.reason})"

    @property
    def muted(self) -> bool:
        """Always True: there is nothing to hear."""
        return True

    def toggle_mute(self) -> bool:
        """Nothing to unmute; stays muted."""
        return True

    def play(self, cue: str) -> None:
        """Do nothing."""

    def say(self, clip: SpokenClip) -> bool:
        """Say nothing: False."""
        return False

    def hush(self) -> None:
        """Nothing is said."""

    def close(self) -> None:
        """Nothing to release."""


def bell_or_silent(reason: str, bell: Callable[[], None] | None) -> BellPlayer | SilentPlayer:
    """The next best thing to real sound: the bell if it can be heard, else silence."""
    if bell is not None or has_terminal():
        return BellPlayer(reason, bell)
    return SilentPlayer(f"{reason}; no terminal for the bell")


class DevicePlayer(MuteSwitch):
    """What the players of a real device share: the mute key, and the bell for good after
    the first fault, with the status saying why.

    A subclass sets `_bell` and implements `_start(cue)` (start it and return at once;
    False for a cue it does not know; raise on a fault), `_describe(error)`, `hush` and
    `wait_done` (for `intervaltimer sounds` and the tests).
    """

    _bell: Callable[[], None] | None = None
    _closed = False
    _fallback: BellPlayer | SilentPlayer | None = None

    @property
    def status(self) -> str:
        """"sound: on", "sound: muted", or the fallback's status after a fault."""
        if self._muted:
            return STATUS_MUTED
        if self._fallback is not None:
            return self._fallback.status
        return STATUS_ON

    def _start(self, cue: str) -> bool:
        raise NotImplementedError

    def _describe(self, error: BaseException) -> str:
        return describe_error(error)

    def hush(self) -> None:
        """Stop the phrases playing now; the cues play on."""

    def wait_done(self, timeout_s: float = 5.0) -> None:
        """Block until every sound started here has played out (at most `timeout_s`)."""
        raise NotImplementedError

    def play(self, cue: str) -> None:
        """Start `cue` and return at once; unknown cues, muted or closed: nothing."""
        if self._muted or self._closed:
            return
        if self._fallback is not None:
            self._fallback.play(cue)
            return
        try:
            self._start(cue)
        except Exception as error:  # a sound fault must never stop a workout
            self._fallback = bell_or_silent(f"audio failed: {self._describe(error)}", self._bell)
            self._fallback.play(cue)

    def toggle_mute(self) -> bool:
        """Mute or unmute; muting also stops a phrase being said. Returns the new `muted`."""
        muted = super().toggle_mute()
        if muted:
            self.hush()
        return muted


class SimpleaudioPlayer(DevicePlayer):
    """Plays the cue WAVs through simpleaudio (ALSA's default device).

    Each WAV is read once, here. `play` opens the device and hands the samples
    to simpleaudio's own playback thread, so it returns in well under a
    millisecond on ALSA and never waits for the sound to end. If playing ever
    fails (device unplugged or busy), this player falls back to the bell for
    good and its status says why.

    `simpleaudio` is the module to use (tests hand in a fake).
    """

    def __init__(
        self,
        sounds: Path | None = None,
        bell: Callable[[], None] | None = None,
        *,
        simpleaudio: Any = None,
    ) -> None:
        if simpleaudio is None:
            import simpleaudio as real

            simpleaudio = real
        self._sa = simpleaudio
        self._bell = bell
        self._waves: Mapping[str, Any] = {
            cue: simpleaudio.WaveObject.from_wave_file(str(cue_path(cue, sounds)))
            for cue in CUE_NAMES
        }
        self._playing: list[Any] = []
        self._speaking: list[Any] = []

    def _start(self, cue: str) -> bool:
        """Hand the cue's samples to simpleaudio's playback thread."""
        wave_obj = self._waves.get(cue)
        if wave_obj is None:
            return False
        handle = wave_obj.play()
        self._playing = [h for h in self._playing if _is_playing(h)] + [handle]
        return True

    def say(self, clip: SpokenClip) -> bool:
        """Start a spoken phrase at its WAV's own rate (sample for sample) and return at once.

        It plays beside any cue (ALSA mixes them); the voice keeps phrases off
        the beeps' instants. False when muted, closed, after a fault, or if the
        device refuses it (a phrase is never worth a fallback: the beeps go on).
        """
        if self._muted or self._closed or self._fallback is not None:
            return False
        try:
            handle = self._sa.play_buffer(clip.frames, clip.channels, clip.sample_width,
                                          clip.rate)
        except Exception:  # a sound fault must never stop a workout
            return False
        self._speaking = [h for h in self._speaking if _is_playing(h)] + [handle]
        return True

    def hush(self) -> None:
        """Stop the phrases playing now; the cues play on."""
        speaking, self._speaking = self._speaking, []
        _stop(speaking)

    def wait_done(self, timeout_s: float = 5.0) -> None:
        """Block until every cue started here has finished (at most `timeout_s`)."""
        deadline = time.monotonic() + timeout_s
        while (any(_is_playing(h) for h in (*self._playing, *self._speaking))
               and time.monotonic() < deadline):
            time.sleep(0.005)

    def close(self) -> None:
        """Stop what is playing; later cues are ignored."""
        self._closed = True
        _stop([*self._playing, *self._speaking])
        self._playing = []
        self._speaking = []


def _stop(handles: list[Any]) -> None:
    """Stop each of simpleaudio's play handles, whatever fails."""
    for handle in handles:
        try:
            handle.stop()
        except Exception:
            pass


def _is_playing(handle: Any) -> bool:
    """simpleaudio's `is_playing`, False if it fails."""
    try:
        return bool(handle.is_playing())
    except Exception:
        return False
