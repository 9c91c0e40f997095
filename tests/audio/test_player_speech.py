"""The player says phrases: at the clip's own rate, beside the cues, stopped by hush or mute,
and never raising (simpleaudio replaced by a fake; the real path: test_alsa_capture.py)."""

from __future__ import annotations

import os
from pathlib import Path

from intervaltimer.audio.backends import BellPlayer, SilentPlayer, SimpleaudioPlayer
from intervaltimer.audio.speech import SpokenClip


class Handle:
    def __init__(self) -> None:
        self.stopped = False

    def is_playing(self) -> bool:
        return not self.stopped

    def stop(self) -> None:
        self.stopped = True


class FakeSimpleaudio:
    """Plays every cue and buffer into lists; `fail` makes the next play_buffer raise."""

    def __init__(self) -> None:
        self.buffers: list[tuple[bytes, int, int, int]] = []
        self.handles: list[Handle] = []
        self.fail = False
        fake = self

        class WaveObject:
            @classmethod
            def from_wave_file(cls, path: str) -> WaveObject:
                return cls()

            def play(self) -> Handle:
                handle = Handle()
                fake.handles.append(handle)
                return handle

        self.WaveObject = WaveObject

    def play_buffer(self, data: bytes, channels: int, width: int, rate: int) -> Handle:
        if self.fail:
            self.fail = False
            raise RuntimeError("Error opening PCM device. -- CODE: -16 -- MSG: busy")
        self.buffers.append((data, channels, width, rate))
        handle = Handle()
        self.handles.append(handle)
        return handle


CLIP = SpokenClip("last one", Path(os.devnull), b"\x01\x00" * 100, 1, 2, 22050)


def test_a_phrase_plays_at_its_own_rate_beside_the_cues() -> None:
    sa = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=sa)
    player.play("go")
    assert player.say(CLIP)
    assert sa.buffers == [(CLIP.frames, 1, 2, 22050)]  # as espeak-ng wrote it: no resampling
    cue, phrase = sa.handles
    player.hush()
    assert phrase.stopped and not cue.stopped  # the cue plays on


def test_muting_stops_the_phrase_and_says_nothing_more() -> None:
    sa = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=sa)
    assert player.say(CLIP)
    assert player.toggle_mute()
    assert sa.handles[0].stopped
    assert not player.say(CLIP)
    assert len(sa.buffers) == 1


def test_a_phrase_the_device_refuses_is_not_a_fault_of_the_cues() -> None:
    sa = FakeSimpleaudio()
    player = SimpleaudioPlayer(simpleaudio=sa)
    sa.fail = True
    assert not player.say(CLIP)
    assert player.status == "sound: on"  # no fallback to the bell for a phrase
    player.play("go")
    assert len(sa.handles) == 1
    player.close()
    assert not player.say(CLIP)


def test_the_bell_and_silence_say_nothing() -> None:
    assert not BellPlayer("no audio device", bell=lambda: None).say(CLIP)
    assert not SilentPlayer("--no-sound").say(CLIP)
