"""Reading and measuring cue WAVs for the audio tests (no numpy: `wave` and `array`)."""

from __future__ import annotations

import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

FULL_SCALE = 32768


@dataclass(frozen=True)
class Sound:
    """A WAV's format and its samples."""

    channels: int
    sample_width: int
    rate_hz: int
    frames: bytes

    @property
    def samples(self) -> array[int]:
        """The frames as signed 16-bit samples."""
        data = array("h", self.frames)
        if sys.byteorder == "big":
            data.byteswap()
        return data

    @property
    def duration_s(self) -> float:
        """How long the sound plays."""
        return len(self.frames) / (self.channels * self.sample_width) / self.rate_hz


def read_wav(path: Path) -> Sound:
    """Read a WAV file whole."""
    with wave.open(str(path), "rb") as w:
        return Sound(w.getnchannels(), w.getsampwidth(), w.getframerate(),
                     w.readframes(w.getnframes()))


def dbfs(level: float) -> float:
    """A sample level (0..32768) in dB relative to full scale."""
    return 20 * math.log10(level / FULL_SCALE)


def bursts(samples: array[int], rate_hz: int, *, quiet: int = 328,
           min_gap_s: float = 0.010) -> list[array[int]]:
    """The stretches of sound, split at gaps of at least `min_gap_s` below `quiet` (1 % FS)."""
    min_gap = round(min_gap_s * rate_hz)
    loud = [i for i, s in enumerate(samples) if abs(s) >= quiet]
    if not loud:
        return []
    out: list[array[int]] = []
    start = prev = loud[0]
    for i in loud[1:]:
        if i - prev > min_gap:
            out.append(samples[start:prev + 1])
            start = i
        prev = i
    out.append(samples[start:prev + 1])
    return out


def pitch_hz(samples: array[int], rate_hz: int) -> float:
    """The fundamental, from the rate of upward zero crossings."""
    ups = sum(1 for a, b in zip(samples, samples[1:], strict=False) if a < 0 <= b)
    return ups * rate_hz / len(samples)


def rms(samples: array[int]) -> float:
    """Root mean square level."""
    return math.sqrt(sum(s * s for s in samples) / len(samples))
