"""The voice on the run screen: the split said after a lap, `v` to cycle, and a run with
no espeak-ng that goes on with beeps and says so once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from intervaltimer.audio.speech import NOT_INSTALLED, Speech
from intervaltimer.audio.testing import FakeSpeech, RecordingPlayer
from intervaltimer.track.voice import BEEP_GAP_S
from intervaltimer.ui.app import Start, make_app
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.profile import Profile, VoiceMode
from intervaltimer.workout.races import parse_race
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import advance, press, start, wall_clock_for

pytestmark = pytest.mark.usefixtures("private_config")


def voice_app(clock: FakeClock, player: RecordingPlayer, speech: FakeSpeech | Speech,
              voice: VoiceMode = VoiceMode.SHORT):  # type: ignore[no-untyped-def]
    profile = Profile((parse_race("mile=5:40"),), voice)
    return make_app(clock=clock, wall_clock=wall_clock_for(clock), player=player,
                    profile=profile, speech=speech,
                    start=Start(screen="run", workout=resolve_workout("2x100m@mile/30s")))


def wait_for(condition, timeout_s: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    """The voice speaks from its own thread: give it a moment (real time)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pilot_test
async def test_the_split_is_said_after_the_lap_and_v_cycles_the_voice(
        fake_clock: FakeClock, recording_player: RecordingPlayer) -> None:
    app = voice_app(fake_clock, recording_player, FakeSpeech())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert screen.voice is not None and screen.voice.mode is VoiceMode.SHORT
        await advance(pilot, fake_clock, 3.0 + 20.0)
        await press(pilot, "space")  # 20.0 s against 21.1
        lap_at = fake_clock()
        await advance(pilot, fake_clock, 1.0)
        assert wait_for(lambda: len(recording_player.said) == 1)
        await advance(pilot, fake_clock, 2.0)  # the split is 1.15 s long here
        assert wait_for(lambda: len(recording_player.said) == 2)
        split, last = recording_player.said
        assert split[0] == "twenty, one second fast"
        assert lap_at + 0.57 + BEEP_GAP_S <= split[1] <= lap_at + 1.0
        assert last[0] == "last one"
        await press(pilot, "v")
        assert screen.voice.mode is VoiceMode.FULL
        assert app._notifications and list(app._notifications)[-1].message == "voice: full"
        await press(pilot, "v")
        assert screen.voice.mode is VoiceMode.OFF
        assert not [n for n in app._notifications if "espeak" in n.message]


@pilot_test
async def test_without_espeak_the_run_goes_on_with_beeps_and_says_so_once(
        fake_clock: FakeClock, recording_player: RecordingPlayer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng to be found
    speech = Speech(tmp_path / "cache")
    app = voice_app(fake_clock, recording_player, speech)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await advance(pilot, fake_clock, 23.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 30.0 + 21.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 31.0)  # the last rest, then the finish
        told = [n.message for n in app._notifications if "espeak-ng" in n.message]
        assert told == [NOT_INSTALLED]
        assert recording_player.said == []
        assert [cue for cue, _ in recording_player.played].count("go") == 2
        assert recording_player.cues[-1] == "finish"
    assert not (tmp_path / "cache").exists()
