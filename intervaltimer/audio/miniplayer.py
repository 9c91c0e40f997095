"""Plays the cue WAVs through miniaudio: the player that needs no compiler to install.

`miniaudio` ships wheels for Linux, macOS and Windows, so a plain `pip install`
plays cues anywhere; simpleaudio (an extra, built from source) stays the player
where it is installed. Sounds go out sample for sample at their own rate: one
output per format (the cues' 44.1 kHz, espeak-ng's 22.05 kHz), started when a
sound begins and stopped once `TAIL_S` of silence has followed the last one
(so the sound has left the device's buffer), so an idle run costs no audio
thread. Sounds that overlap on one output are mixed.
"""

from __future__ import annotations

import threading
import time
import wave
from array import array
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intervaltimer.audio.backends import DevicePlayer
from intervaltimer.audio.cues import CUE_NAMES, cue_path

if TYPE_CHECKING:
    from intervaltimer.audio.speech import SpokenClip

TAIL_S = 0.2  # silence after the last sound, longer than the device's buffer
PERIOD_MS = 30
Format = tuple[int, int, int]  # channels, sample width (bytes), rate (Hz)

# miniaudio's result codes, in words a runner can act on.
_RESULTS = {
    -204: "no sound card found",  # MA_NO_DEVICE
    -203: "no audio system found",  # MA_NO_BACKEND
    -401: "no sound card found",  # MA_FAILED_TO_OPEN_BACKEND_DEVICE
    -6: "permission denied",  # MA_ACCESS_DENIED
    -19: "device busy",  # MA_BUSY
}


def describe_miniaudio(error: BaseException) -> str:
    """A short reason for a miniaudio fault: "no sound card found", "device busy"..."""
    args: tuple[Any, ...] = tuple(getattr(error, "args", ()))
    if len(args) >= 2 and isinstance(args[1], int):
        return _RESULTS.get(args[1], f"{args[0]} ({args[1]})")
    return str(error).strip() or type(error).__name__


def read_wav(path: Path) -> tuple[Format, bytes]:
    """A WAV file's format and frames, as they are (16-bit PCM expected)."""
    with wave.open(str(path), "rb") as sound:
        found = (sound.getnchannels(), sound.getsampwidth(), sound.getframerate())
        return found, sound.readframes(sound.getnframes())


class _Voice:
    """One sound being played: its bytes and how far the output has taken them."""

    def __init__(self, frames: bytes) -> None:
        self.frames = memoryview(frames)
        self.at = 0
        self.stopped = False

    @property
    def done(self) -> bool:
        return self.stopped or self.at >= len(self.frames)


def _mix(chunks: list[bytes], size: int) -> bytes:
    """16-bit samples summed and clipped (only when sounds overlap)."""
    total = array("h", bytes(size))
    for chunk in chunks:
        part = array("h", chunk)
        for i, sample in enumerate(part):
            total[i] = max(-32768, min(32767, total[i] + sample))
    return total.tobytes()


class _Output:
    """One playback device for one format, running only while it has sounds to play."""

    def __init__(self, miniaudio: Any, fmt: Format, backends: list[Any]) -> None:
        channels, width, rate = fmt
        formats = {1: miniaudio.SampleFormat.UNSIGNED8, 2: miniaudio.SampleFormat.SIGNED16,
                   4: miniaudio.SampleFormat.SIGNED32}
        self._frame_bytes = channels * width
        self._tail_frames = int(rate * TAIL_S)
        self._device = miniaudio.PlaybackDevice(
            output_format=formats[width], nchannels=channels, sample_rate=rate,
            buffersize_msec=PERIOD_MS, backends=backends, app_name="intervaltimer")
        self._voices: list[_Voice] = []
        self._lock = threading.Lock()  # the voices, shared with the audio thread
        self._control = threading.Lock()  # starting and stopping the device
        self._running = False
        self._silence = 0  # frames of silence fed since the last sound
        self._drained = threading.Event()

    @property
    def busy(self) -> bool:
        """True while a sound plays or the device has not yet drained and stopped."""
        return self._running

    def play(self, frames: bytes) -> _Voice:
        """Start `frames` (whole frames of this output's format); returns at once."""
        voice = _Voice(frames)
        with self._control:
            with self._lock:
                self._voices.append(voice)
                self._silence = 0
                self._drained.clear()
            if not self._running:
                feed = self._feed()
                next(feed)
                self._device.start(feed)
                self._running = True
                threading.Thread(target=self._stop_when_idle, daemon=True,
                                 name="intervaltimer-audio-idle").start()
        return voice

    def _feed(self) -> Generator[bytes, int, None]:
        """The device's callback: `framecount` in, that many frames of sound (or silence) out."""
        framecount = yield b""
        while True:
            size = framecount * self._frame_bytes
            with self._lock:
                chunks = []
                for voice in self._voices:
                    chunk = bytes(voice.frames[voice.at:voice.at + size])
                    voice.at += len(chunk)
                    if chunk:
                        chunks.append(chunk)
                self._voices = [voice for voice in self._voices if not voice.done]
                if chunks:
                    self._silence = 0
                else:
                    self._silence += framecount
                drained = self._silence >= self._tail_frames
            if drained:
                # Played out: wait to be stopped, at the pace of a real device (a device
                # with no clock, such as ALSA's null, would otherwise take silence unpaced).
                self._drained.set()
                time.sleep(PERIOD_MS / 1000)
            if not chunks:
                out = bytes(size)
            elif len(chunks) == 1:
                out = chunks[0] + bytes(size - len(chunks[0]))
            else:
                out = _mix(chunks, size)
            framecount = yield out

    def _stop_when_idle(self) -> None:
        """Stop the device once TAIL_S of silence has followed the last sound."""
        while True:
            self._drained.wait()
            with self._control:
                with self._lock:
                    idle = not self._voices and self._drained.is_set()
                if idle:
                    self._halt()
                    return

    def _halt(self) -> None:
        try:
            self._device.stop()
        except Exception:  # a sound fault must never stop a workout
            pass
        self._running = False

    def hush(self, voices: list[_Voice]) -> None:
        """Stop these sounds (the others play on)."""
        with self._lock:
            for voice in voices:
                voice.stopped = True
            self._voices = [voice for voice in self._voices if not voice.done]

    def close(self) -> None:
        with self._control:
            with self._lock:
                self._voices = []
            self._drained.set()
            self._halt()
            try:
                self._device.close()
            except Exception:
                pass


def playback_backends(miniaudio: Any) -> list[Any]:
    """The real audio systems miniaudio has here, in its own order (never the null one)."""
    skip = {miniaudio.Backend.NULL, miniaudio.Backend.CUSTOM}
    found = [b for b in miniaudio.get_enabled_backends() if b not in skip]
    return sorted(found, key=lambda backend: backend.value)


class MiniaudioPlayer(DevicePlayer):
    """Plays the cue WAVs (and spoken phrases) through miniaudio; the same contract as
    `SimpleaudioPlayer`: `play` returns at once and never raises, a fault falls back to
    the bell for good and the status says why.

    The cues' output is opened here (the caller's probe); `miniaudio` is the module to
    use (tests may hand in another).
    """

    def __init__(self, sounds: Path | None = None, bell: Callable[[], None] | None = None,
                 *, miniaudio: Any = None) -> None:
        if miniaudio is None:
            import miniaudio as real

            miniaudio = real
        self._ma = miniaudio
        self._bell = bell
        self._backends = playback_backends(miniaudio)
        self._cues: Mapping[str, tuple[Format, bytes]] = {
            cue: read_wav(cue_path(cue, sounds)) for cue in CUE_NAMES}
        self._outputs: dict[Format, _Output] = {}
        for fmt, _ in self._cues.values():
            self._output(fmt)
        self._speaking: list[tuple[_Output, _Voice]] = []

    def _output(self, fmt: Format) -> _Output:
        if fmt not in self._outputs:
            self._outputs[fmt] = _Output(self._ma, fmt, self._backends)
        return self._outputs[fmt]

    def _start(self, cue: str) -> bool:
        """Hand the cue's samples to the output of its format."""
        found = self._cues.get(cue)
        if found is None:
            return False
        self._output(found[0]).play(found[1])
        return True

    def _describe(self, error: BaseException) -> str:
        return describe_miniaudio(error)

    def say(self, clip: SpokenClip) -> bool:
        """Start a spoken phrase at its own rate and return at once; False if not played."""
        if self._muted or self._closed or self._fallback is not None:
            return False
        try:
            output = self._output((clip.channels, clip.sample_width, clip.rate))
            voice = output.play(clip.frames)
        except Exception:  # a phrase is never worth a fallback: the beeps go on
            return False
        self._speaking = [(o, v) for o, v in self._speaking if not v.done] + [(output, voice)]
        return True

    def hush(self) -> None:
        """Stop the phrases playing now; the cues play on."""
        speaking, self._speaking = self._speaking, []
        for output, voice in speaking:
            output.hush([voice])

    def wait_done(self, timeout_s: float = 5.0) -> None:
        """Block until every sound started here has played out (at most `timeout_s`)."""
        deadline = time.monotonic() + timeout_s
        while any(o.busy for o in self._outputs.values()) and time.monotonic() < deadline:
            time.sleep(0.005)

    def close(self) -> None:
        """Stop what is playing and release the devices; later cues are ignored."""
        self._closed = True
        for output in self._outputs.values():
            output.close()
