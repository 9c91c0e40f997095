"""`intervaltimer sounds`, with the player replaced (the real one: test_alsa_capture.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from intervaltimer.audio import player as player_module
from intervaltimer.audio.backends import SilentPlayer
from intervaltimer.audio.cues import CUE_MEANINGS, CUE_NAMES, cue_duration_s
from intervaltimer.audio.player import Player
from intervaltimer.audio.speech import NOT_INSTALLED, Speech
from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.cli import main
from intervaltimer.cli.sounds import GAP_S
from intervaltimer.track.phrases import SAMPLE


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[float]:
    """Record sleeps instead of sleeping; keep the stderr log and the speech cache in tmp."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def _use(monkeypatch: pytest.MonkeyPatch, made: Player, asked: list[bool]) -> None:
    def fake_make_player(enabled: bool = True, **_: object) -> Player:
        asked.append(enabled)
        return made

    monkeypatch.setattr(player_module, "make_player", fake_make_player)


def test_plays_each_cue_after_printing_its_name(
    monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    recorder, asked = RecordingPlayer(), list[bool]()
    _use(monkeypatch, recorder, asked)
    sample = Speech(Path(os.environ["XDG_CACHE_HOME"]) / "intervaltimer" / "speech")
    clip = sample.render_now(SAMPLE)  # cached here, so the command runs no espeak-ng (whose
    sleeps.clear()  # wait polls time.sleep, recorded here)
    result = CliRunner().invoke(main, ["sounds"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "sound: on"
    assert lines[1:-1] == [f"  {cue:<12} {CUE_MEANINGS[cue]}" for cue in CUE_NAMES]
    assert lines[-1] == f'  voice        "{SAMPLE}"'
    assert recorder.cues == list(CUE_NAMES) and recorder.closed and asked == [True]
    assert [text for text, _ in recorder.said] == [SAMPLE]  # after the beeps
    # each cue gets time to finish, then a gap; then the phrase its own length
    assert clip is not None
    assert sleeps == [s for cue in CUE_NAMES for s in (cue_duration_s(cue), GAP_S)] + [
        clip.length_s]


def test_without_espeak_the_voice_line_says_why(
    monkeypatch: pytest.MonkeyPatch, sleeps: list[float], tmp_path: Path
) -> None:
    recorder = RecordingPlayer()
    _use(monkeypatch, recorder, [])
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["sounds"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == f"  voice        off: {NOT_INSTALLED}"
    assert recorder.cues == list(CUE_NAMES) and recorder.said == []


def test_no_sound_lists_the_cues_without_playing_or_waiting(
    monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    asked: list[bool] = []
    _use(monkeypatch, SilentPlayer("--no-sound"), asked)
    result = CliRunner().invoke(main, ["sounds", "--no-sound"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "sound: off (--no-sound)"
    assert len(result.output.splitlines()) == 1 + len(CUE_NAMES) + 1  # and the voice line
    assert asked == [False] and sleeps == []


def test_exits_1_when_sound_fell_back(
    monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    bell = RecordingPlayer(status="sound: terminal bell (no audio device: no sound card found)")
    _use(monkeypatch, bell, [])
    result = CliRunner().invoke(main, ["sounds"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith("sound: terminal bell (no audio device")
    assert bell.cues == list(CUE_NAMES)


def test_has_help() -> None:
    result = CliRunner().invoke(main, ["sounds", "--help"])
    assert result.exit_code == 0
    assert "Play each cue with its name" in result.output and "--no-sound" in result.output
