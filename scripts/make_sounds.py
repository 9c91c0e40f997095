"""Make the cue sounds in `sounds/` from code: `python scripts/make_sounds.py [--out DIR]`.

Every cue is built from square-ish tones (odd harmonics 1/k, kept below
16 kHz) with short raised-cosine fades, so it carries outdoors without
clicks, and is scaled so its loudest sample sits at -1 dBFS. The output is
16-bit mono 44.1 kHz WAV and is the same, byte for byte, on every run:
no randomness, no timestamps.

Only the standard library: `wave`, `math`, `array`.
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

RATE_HZ = 44100
PEAK_DBFS = -1.0
FULL_SCALE = 32768
PEAK = round(FULL_SCALE * 10 ** (PEAK_DBFS / 20))  # 29204
HIGHEST_HARMONIC_HZ = 16000.0
ODD_HARMONICS = (1, 3, 5, 7)
FADE_IN_S = 0.004
FADE_OUT_S = 0.010

# Notes (equal temperament, A4 = 440 Hz): high enough to cut through wind and
# traffic, low enough for a laptop speaker.
A5, C6, D6, E6, FS6, G6, A6 = 880.0, 1046.5, 1174.66, 1318.51, 1479.98, 1567.98, 1760.0


@dataclass(frozen=True)
class Note:
    """A square-ish tone `dur_s` long, sweeping from `hz` to `to_hz` (default: steady)."""

    hz: float
    dur_s: float
    to_hz: float | None = None
    fade_out_s: float = FADE_OUT_S


@dataclass(frozen=True)
class Gap:
    """Digital silence between notes."""

    dur_s: float


Part = Note | Gap

# What each cue sounds like. Names are the engine's `Cue` values.
CUES: dict[str, tuple[Part, ...]] = {
    # rising two-tone: off you go
    "go": (Note(C6, 0.160), Gap(0.030), Note(G6, 0.340, fade_out_s=0.040)),
    # the last rep: go twice, quicker, the second reaching higher - one more, give it all
    "last": (Note(C6, 0.110), Gap(0.025), Note(G6, 0.150), Gap(0.060), Note(C6, 0.110),
             Gap(0.025), Note(A6, 0.300, fade_out_s=0.040)),
    # falling two-tone: ease off
    "rest": (Note(E6, 0.200), Gap(0.030), Note(A5, 0.340, fade_out_s=0.040)),
    # a lap taken (it starts the rest): the rest cue in miniature, a watch's quick chirp,
    # so the split can be spoken straight after it
    "lap": (Note(E6, 0.060), Gap(0.015), Note(A5, 0.080, fade_out_s=0.020)),
    # the 3-2-1 countdown: one short high beep
    "tick": (Note(A6, 0.120),),
    # ten seconds left: double beep
    "ten_seconds": (Note(FS6, 0.120), Gap(0.080), Note(FS6, 0.120)),
    # halfway: triple mid beep
    "halfway": (Note(D6, 0.090), Gap(0.070), Note(D6, 0.090), Gap(0.070), Note(D6, 0.090)),
    # pacer checkpoint: a short upward chirp
    "pacer": (Note(1500.0, 0.150, to_hz=3000.0),),
    # workout finished: three rising tones, the last one long
    "finish": (
        Note(C6, 0.140),
        Gap(0.030),
        Note(E6, 0.140),
        Gap(0.030),
        Note(G6, 0.460, fade_out_s=0.080),
    ),
}


def _envelope(i: int, n: int, fade_in: int, fade_out: int) -> float:
    """Raised-cosine fade in over `fade_in` samples and out over `fade_out` samples."""
    gain = 1.0
    if i < fade_in:
        gain *= 0.5 - 0.5 * math.cos(math.pi * i / fade_in)
    from_end = n - 1 - i
    if from_end < fade_out:
        gain *= 0.5 - 0.5 * math.cos(math.pi * from_end / fade_out)
    return gain


def render_note(note: Note) -> list[float]:
    """The note's samples, unscaled (the square wave's partial sum peaks near 1.2)."""
    n = round(note.dur_s * RATE_HZ)
    end_hz = note.hz if note.to_hz is None else note.to_hz
    top_hz = max(note.hz, end_hz)
    harmonics = [k for k in ODD_HARMONICS if k * top_hz <= HIGHEST_HARMONIC_HZ]
    sweep = (end_hz - note.hz) / note.dur_s  # Hz per second
    fade_in = round(FADE_IN_S * RATE_HZ)
    fade_out = round(note.fade_out_s * RATE_HZ)
    out: list[float] = []
    for i in range(n):
        t = i / RATE_HZ
        phase = 2.0 * math.pi * (note.hz * t + 0.5 * sweep * t * t)
        value = sum(math.sin(k * phase) / k for k in harmonics)
        out.append(value * _envelope(i, n, fade_in, fade_out))
    return out


def render_cue(parts: tuple[Part, ...]) -> array[int]:
    """The cue as 16-bit samples, scaled so the loudest one is at PEAK_DBFS."""
    raw: list[float] = []
    for part in parts:
        if isinstance(part, Gap):
            raw.extend([0.0] * round(part.dur_s * RATE_HZ))
        else:
            raw.extend(render_note(part))
    scale = PEAK / max(abs(v) for v in raw)
    return array("h", (round(v * scale) for v in raw))


def write_wav(path: Path, samples: array[int]) -> None:
    """Write `samples` as a 16-bit mono 44.1 kHz WAV (little-endian, as WAV wants)."""
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE_HZ)
        out.writeframes(data.tobytes())


def main(argv: list[str] | None = None) -> int:
    """Write every cue to `--out` (default: the checkout's `sounds/`)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "sounds"
    parser.add_argument("--out", type=Path, default=default_out, help="folder for the WAVs")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, parts in CUES.items():
        samples = render_cue(parts)
        path = args.out / f"{name}.wav"
        write_wav(path, samples)
        if not args.quiet:
            print(f"{path}: {len(samples) / RATE_HZ * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
