"""The committed cue WAVs: one per cue, distinct, short, loud, click-free, reproducible."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from intervaltimer.audio.cues import CUE_NAMES, cue_duration_s, cue_path
from intervaltimer.engine.events import Cue
from intervaltimer.resources import sounds_dir
from tests.helpers.wavs import FULL_SCALE, bursts, dbfs, pitch_hz, read_wav, rms

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_sounds.py"
ENGINE_CUES = {cue.value for cue in Cue}


def test_there_is_one_wav_per_engine_cue_and_nothing_else() -> None:
    assert ENGINE_CUES == {"go", "last", "rest", "lap", "tick", "ten_seconds", "halfway", "pacer",
                           "finish"}
    assert set(CUE_NAMES) == ENGINE_CUES
    assert {p.stem for p in sounds_dir().glob("*.wav")} == ENGINE_CUES
    assert all(cue_path(cue).is_file() for cue in CUE_NAMES)


@pytest.mark.parametrize("cue", CUE_NAMES)
def test_format_is_16_bit_mono_44100(cue: str) -> None:
    sound = read_wav(cue_path(cue))
    assert (sound.channels, sound.sample_width, sound.rate_hz) == (1, 2, 44100)


@pytest.mark.parametrize(
    ("cue", "shortest_s", "longest_s"),
    [
        ("tick", 0.100, 0.140),
        ("pacer", 0.130, 0.170),
        ("go", 0.300, 0.900),
        ("last", 0.600, 0.900),
        ("rest", 0.300, 0.900),
        ("lap", 0.130, 0.200),
        ("ten_seconds", 0.300, 0.900),
        ("halfway", 0.300, 0.900),
        ("finish", 0.300, 0.900),
    ],
)
def test_durations(cue: str, shortest_s: float, longest_s: float) -> None:
    assert shortest_s <= cue_duration_s(cue) <= longest_s


def test_duration_of_a_missing_cue_is_zero(tmp_path: Path) -> None:
    assert cue_duration_s("go", tmp_path) == 0.0


@pytest.mark.parametrize("cue", CUE_NAMES)
def test_peak_is_near_full_scale_without_clipping(cue: str) -> None:
    samples = read_wav(cue_path(cue)).samples
    peak = max(abs(s) for s in samples)
    assert -1.5 <= dbfs(peak) <= -0.5
    assert max(samples) < FULL_SCALE - 1 and min(samples) > -FULL_SCALE


@pytest.mark.parametrize("cue", CUE_NAMES)
def test_louder_than_a_sine_of_the_same_peak(cue: str) -> None:
    """Square-ish tones: a crest factor under a sine's 3.01 dB, so more power at the same peak."""
    sound = read_wav(cue_path(cue))
    sounding = [s for b in bursts(sound.samples, sound.rate_hz) for s in b]
    peak = max(abs(s) for s in sounding)
    assert dbfs(peak) - dbfs(rms(sounding)) < 2.5
    assert dbfs(rms(sounding)) > -4.0


@pytest.mark.parametrize("cue", CUE_NAMES)
def test_starts_and_ends_at_silence_so_there_is_no_click(cue: str) -> None:
    sound = read_wav(cue_path(cue))
    samples = sound.samples
    assert abs(samples[0]) < 0.01 * FULL_SCALE
    assert abs(samples[-1]) < 0.01 * FULL_SCALE
    # faded in and out: the first and last millisecond stay well below the peak
    ms = sound.rate_hz // 1000
    peak = max(abs(s) for s in samples)
    assert max(abs(s) for s in samples[:ms]) < 0.25 * peak
    assert max(abs(s) for s in samples[-ms:]) < 0.25 * peak


def _shape(cue: str) -> tuple[list[float], list[float]]:
    """Each burst's pitch (Hz) and length (s)."""
    sound = read_wav(cue_path(cue))
    parts = bursts(sound.samples, sound.rate_hz)
    return ([pitch_hz(b, sound.rate_hz) for b in parts], [len(b) / sound.rate_hz for b in parts])


def test_go_is_a_rising_two_tone() -> None:
    pitches, _ = _shape("go")
    assert len(pitches) == 2 and pitches[1] > 1.2 * pitches[0]


def test_last_is_go_twice_the_second_reaching_higher() -> None:
    pitches, lengths = _shape("last")
    go, _ = _shape("go")
    assert len(pitches) == 4
    assert pitches[0] == pytest.approx(go[0], rel=0.02) and pitches[1] > 1.2 * pitches[0]
    assert pitches[2] == pytest.approx(pitches[0], rel=0.02) and pitches[3] > pitches[1]
    assert lengths[3] > 1.5 * lengths[0]


def test_rest_is_a_falling_two_tone() -> None:
    pitches, _ = _shape("rest")
    assert len(pitches) == 2 and pitches[1] < pitches[0] / 1.2


def test_lap_is_the_rest_cue_in_miniature() -> None:
    """A watch's quick chirp at the lap: rest's two falling pitches, under a third as long."""
    pitches, _ = _shape("lap")
    rest_pitches, _ = _shape("rest")
    assert len(pitches) == 2 and pitches[1] < pitches[0] / 1.2
    assert pitches == pytest.approx(rest_pitches, rel=0.02)
    assert cue_duration_s("lap") < cue_duration_s("rest") / 3


def test_tick_is_one_short_high_beep() -> None:
    pitches, lengths = _shape("tick")
    halfway, _ = _shape("halfway")
    assert len(pitches) == 1 and lengths[0] <= 0.140
    assert pitches[0] > 1500 and pitches[0] > halfway[0]


def test_ten_seconds_is_a_double_beep() -> None:
    pitches, _ = _shape("ten_seconds")
    assert len(pitches) == 2 and pitches[0] == pytest.approx(pitches[1], rel=0.02)


def test_halfway_is_a_triple_beep() -> None:
    pitches, _ = _shape("halfway")
    assert len(pitches) == 3 and max(pitches) < 1.02 * min(pitches)


def test_pacer_is_a_short_rising_chirp() -> None:
    sound = read_wav(cue_path("pacer"))
    (only,) = bursts(sound.samples, sound.rate_hz)
    half = len(only) // 2
    assert pitch_hz(only[half:], sound.rate_hz) > 1.3 * pitch_hz(only[:half], sound.rate_hz)


def test_finish_is_three_rising_tones_the_last_one_long() -> None:
    pitches, lengths = _shape("finish")
    assert len(pitches) == 3 and pitches[0] < pitches[1] < pitches[2]
    assert lengths[2] > 2 * lengths[0]


def test_every_cue_sounds_different() -> None:
    shapes = {}
    for cue in CUE_NAMES:
        pitches, lengths = _shape(cue)
        shapes[cue] = (len(pitches), tuple(round(p, -2) for p in pitches),
                       round(sum(lengths), 2))
    assert len(set(shapes.values())) == len(CUE_NAMES), shapes
    frames = {read_wav(cue_path(cue)).frames for cue in CUE_NAMES}
    assert len(frames) == len(CUE_NAMES)


def test_the_script_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path), "-q"], check=True)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(f"{cue}.wav" for cue in CUE_NAMES)
    for name in made:
        assert (tmp_path / name).read_bytes() == (sounds_dir() / name).read_bytes(), name
