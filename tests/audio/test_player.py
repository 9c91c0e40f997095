"""The player chain: simpleaudio -> terminal bell -> silence, its status line, mute, no raising.

simpleaudio is replaced by a fake module here; tests/audio/test_alsa_capture.py
plays through the real one.
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.audio import backends
from intervaltimer.audio.backends import (
    BellPlayer,
    SilentPlayer,
    SimpleaudioPlayer,
    describe_error,
    terminal_bell,
)
from intervaltimer.audio.cues import CUE_NAMES
from intervaltimer.audio.player import Player, make_player
from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.engine.events import Cue

NO_CARD = "Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory"
BUSY = "Error opening PCM device. -- CODE: -16 -- MSG: Device or resource busy"


class FakeError(Exception):
    """Stands in for simpleaudio's SimpleaudioError."""


class FakeHandle:
    """A PlayObject that plays for `polls` calls of is_playing."""

    def __init__(self, polls: int = 0) -> None:
        self.polls = polls
        self.stopped = False

    def is_playing(self) -> bool:
        self.polls -= 1
        return self.polls >= 0 and not self.stopped

    def stop(self) -> None:
        self.stopped = True


class FakeSimpleaudio(types.ModuleType):
    """A simpleaudio module whose device works, or fails at open or at play."""

    def __init__(self, probe_error: str | None = None) -> None:
        super().__init__("simpleaudio")
        self.probe_error = probe_error
        self.play_errors: list[Exception] = []
        self.loaded: list[str] = []
        self.played: list[str] = []
        self.handles: list[FakeHandle] = []
        fake = self

        class WaveObject:
            def __init__(self, path: str) -> None:
                self.cue = Path(path).stem

            @classmethod
            def from_wave_file(cls, path: str) -> WaveObject:
                if not Path(path).is_file():
                    raise FileNotFoundError(2, "No such file or directory", path)
                fake.loaded.append(Path(path).stem)
                return cls(path)

            def play(self) -> FakeHandle:
                if fake.play_errors:
                    raise fake.play_errors.pop(0)
                fake.played.append(self.cue)
                handle = FakeHandle(polls=3)
                fake.handles.append(handle)
                return handle

        self.WaveObject = WaveObject

    def play_buffer(self, data: bytes, channels: int, width: int, rate: int) -> FakeHandle:
        os.write(2, b"ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\n")
        if self.probe_error is not None:
            raise FakeError(self.probe_error)
        assert (channels, width, rate) == (1, 2, 44100)
        return FakeHandle()


class Bell:
    """A bell callback that counts its rings."""

    def __init__(self) -> None:
        self.rings = 0

    def __call__(self) -> None:
        self.rings += 1


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "stderr.log"


def _install(monkeypatch: pytest.MonkeyPatch, module: Any) -> None:
    monkeypatch.setitem(sys.modules, "simpleaudio", module)


def test_no_sound_is_silent_and_says_so() -> None:
    bell = Bell()
    player = make_player(enabled=False, bell=bell)
    player.play("go")
    assert isinstance(player, SilentPlayer)
    assert player.status == "sound: off (--no-sound)"
    assert player.muted and player.toggle_mute() and player.status == "sound: off (--no-sound)"
    assert bell.rings == 0


def test_without_any_audio_library_the_bell_rings(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)  # `import simpleaudio` raises ImportError
    monkeypatch.setitem(sys.modules, "miniaudio", None)  # and so does `import miniaudio`
    bell = Bell()
    player = make_player(bell=bell)
    assert player.status == ("sound: terminal bell (no audio library: install miniaudio "
                             "(pip install miniaudio))")
    player.play("go")
    player.play("tick")
    player.play("no such cue")
    assert bell.rings == 2


def test_without_an_audio_library_or_a_terminal_it_is_silent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)
    monkeypatch.setitem(sys.modules, "miniaudio", None)
    monkeypatch.setattr(backends, "has_terminal", lambda: False)
    player = make_player()
    assert isinstance(player, SilentPlayer)
    assert player.status == ("sound: off (no audio library: install miniaudio (pip install "
                             "miniaudio); no terminal for the bell)")


def test_without_simpleaudio_miniaudio_is_the_player(monkeypatch: pytest.MonkeyPatch,
                                                     log: Path) -> None:
    _install(monkeypatch, None)
    made: list[object] = []

    class Player:
        status = "sound: on"

        def __init__(self, sounds: object, bell: object, *, miniaudio: object) -> None:
            made.append(miniaudio)

    import miniaudio

    from intervaltimer.audio import miniplayer

    monkeypatch.setattr(miniplayer, "MiniaudioPlayer", Player)
    player = make_player(alsa_log=log)
    assert isinstance(player, Player) and made == [miniaudio]


def test_with_a_working_device_sound_is_on_and_each_wav_is_loaded_once(
    monkeypatch: pytest.MonkeyPatch, log: Path
) -> None:
    fake = FakeSimpleaudio()
    _install(monkeypatch, fake)
    player = make_player(alsa_log=log)
    assert isinstance(player, SimpleaudioPlayer)
    assert player.status == "sound: on"
    for cue in ("tick", "go", "go", "finish"):
        player.play(cue)
    assert fake.played == ["tick", "go", "go", "finish"]
    assert sorted(fake.loaded) == sorted(CUE_NAMES)


def test_no_device_falls_back_to_the_bell_with_the_reason_and_alsa_kept_quiet(
    monkeypatch: pytest.MonkeyPatch, log: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _install(monkeypatch, FakeSimpleaudio(probe_error=NO_CARD))
    bell = Bell()
    player = make_player(bell=bell, alsa_log=log)
    player.play("go")
    assert player.status == "sound: terminal bell (no audio device: no sound card found)"
    assert bell.rings == 1
    assert capfd.readouterr().err == ""
    assert "Unknown PCM default" in log.read_text()


def test_no_device_and_no_terminal_is_silent_with_both_reasons(
    monkeypatch: pytest.MonkeyPatch, log: Path
) -> None:
    _install(monkeypatch, FakeSimpleaudio(probe_error=NO_CARD))
    monkeypatch.setattr(backends, "has_terminal", lambda: False)
    player = make_player(alsa_log=log)
    assert player.status == (
        "sound: off (no audio device: no sound card found; no terminal for the bell)"
    )


def test_missing_wavs_fall_back_to_the_bell(
    monkeypatch: pytest.MonkeyPatch, log: Path, tmp_path: Path
) -> None:
    _install(monkeypatch, FakeSimpleaudio())
    player = make_player(bell=Bell(), sounds=tmp_path, alsa_log=log)
    assert player.status == (
        "sound: terminal bell (cue sounds unreadable: tick.wav: no such file or directory)"
    )


def test_a_fault_while_playing_falls_back_to_the_bell_once_and_for_good(
    monkeypatch: pytest.MonkeyPatch, log: Path
) -> None:
    fake = FakeSimpleaudio()
    _install(monkeypatch, fake)
    bell = Bell()
    player = make_player(bell=bell, alsa_log=log)
    player.play("tick")
    fake.play_errors.append(FakeError(BUSY))
    player.play("go")  # must not raise
    assert player.status == "sound: terminal bell (audio failed: device busy)"
    assert bell.rings == 1  # the failed cue is still signalled
    player.play("rest")
    assert fake.played == ["tick"] and bell.rings == 2


@pytest.mark.parametrize("error", [RuntimeError("weird"), OSError(5, "Input/output error")])
def test_play_never_raises_whatever_goes_wrong(error: Exception) -> None:
    fake = FakeSimpleaudio()
    fake.play_errors.append(error)

    def broken_bell() -> None:
        raise OSError("terminal gone")

    player = SimpleaudioPlayer(bell=broken_bell, simpleaudio=fake)
    player.play("go")
    player.play("go")
    assert player.status.startswith("sound: terminal bell (audio failed: ")
    assert fake.played == []


def test_mute_silences_and_unmute_brings_it_back() -> None:
    fake = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=fake)
    assert player.toggle_mute() is True and player.muted
    assert player.status == "sound: muted"
    player.play("go")
    assert fake.played == []
    assert player.toggle_mute() is False and not player.muted
    player.play("go")
    assert fake.played == ["go"] and player.status == "sound: on"


def test_mute_silences_the_bell_too() -> None:
    bell = Bell()
    player = BellPlayer("no audio device: no sound card found", bell)
    player.toggle_mute()
    player.play("go")
    assert bell.rings == 0 and player.status == "sound: muted"
    player.toggle_mute()
    player.play("go")
    assert bell.rings == 1


def test_cues_may_be_given_as_the_engines_str_enum() -> None:
    fake = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=fake)
    player.play(Cue.GO)
    player.play(Cue.TEN_SECONDS)
    recorder = RecordingPlayer(clock=lambda: 1.5)
    recorder.play(Cue.GO)
    assert fake.played == ["go", "ten_seconds"]
    assert recorder.played == [("go", 1.5)] and type(recorder.played[0][0]) is str


def test_wait_done_waits_for_the_sound_and_close_stops_it() -> None:
    fake = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=fake)
    player.play("go")
    player.wait_done(timeout_s=1.0)
    assert not fake.handles[0].is_playing()
    player.play("finish")
    player.close()
    assert fake.handles[1].stopped
    player.play("go")
    assert fake.played == ["go", "finish"]


def test_the_terminal_bell_writes_bel_only_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty, self.text = tty, ""

        def isatty(self) -> bool:
            return self.tty

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

    for tty in (True, False):
        out = Tty(tty)
        monkeypatch.setattr(sys, "__stdout__", out)
        assert terminal_bell() is tty
        assert out.text == ("\a" if tty else "")


def test_describe_error_reads_alsa_codes() -> None:
    assert describe_error(Exception(NO_CARD)) == "no sound card found"
    assert describe_error(Exception(BUSY)) == "device busy"
    unknown = "Error setting parameters. -- CODE: -5 -- MSG: Input/output error"
    assert describe_error(Exception(unknown)) == "Input/output error"
    assert describe_error(ValueError()) == "ValueError"


def test_recording_player_records_cue_and_time_unless_muted() -> None:
    now = [10.0]
    player = RecordingPlayer(clock=lambda: now[0])
    player.play("tick")
    now[0] = 11.0
    player.toggle_mute()
    player.play("tick")
    assert player.status == "sound: muted"
    player.toggle_mute()
    now[0] = 12.0
    player.play("go")
    player.close()
    player.play("rest")
    assert player.played == [("tick", 10.0), ("go", 12.0)]
    assert player.cues == ["tick", "go"] and player.closed


def test_every_player_meets_the_protocol() -> None:
    players: list[Player] = [
        SimpleaudioPlayer(simpleaudio=FakeSimpleaudio()),
        BellPlayer("reason"),
        SilentPlayer("reason"),
        RecordingPlayer(),
    ]
    for player in players:
        assert player.status.startswith("sound: ")
        for _ in range(2):
            muted = player.toggle_mute()
            assert muted is player.muted
        for cue in (*CUE_NAMES, "bogus"):
            player.play(cue)
        player.close()
        player.play("go")
