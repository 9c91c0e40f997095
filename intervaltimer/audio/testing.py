"""Fakes for tests: a player that records which cues were played and when and plays
nothing, and a speech renderer that needs no espeak-ng."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from intervaltimer.audio.backends import STATUS_MUTED, STATUS_ON, MuteSwitch

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.audio.speech import SpokenClip


class RecordingPlayer(MuteSwitch):
    """Records `(cue, time)` for each cue played while not muted, and `(text, time)` for each
    phrase said; `time` comes from `clock`."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, status: str = STATUS_ON
    ) -> None:
        self.clock = clock
        self.played: list[tuple[str, float]] = []
        self.said: list[tuple[str, float]] = []
        self.hushed: list[float] = []
        self.closed = False
        self._status = status

    @property
    def cues(self) -> list[str]:
        """The cues played so far, in order."""
        return [cue for cue, _ in self.played]

    @property
    def status(self) -> str:
        """The status given at construction ("sound: on"), or "sound: muted"."""
        return STATUS_MUTED if self._muted else self._status

    def play(self, cue: str) -> None:
        """Record `(cue, clock())` unless muted or closed."""
        if not self._muted and not self.closed:
            self.played.append((str(cue), self.clock()))

    def say(self, clip: SpokenClip) -> bool:
        """Record `(clip.text, clock())` unless muted or closed; True when recorded."""
        if self._muted or self.closed:
            return False
        self.said.append((clip.text, self.clock()))
        return True

    def hush(self) -> None:
        """Record `clock()`: the phrase playing (if any) stops here."""
        self.hushed.append(self.clock())

    def close(self) -> None:
        """Record that the player was closed; later cues are ignored."""
        self.closed = True


if TYPE_CHECKING:
    _conforms: Player = RecordingPlayer()


class FakeSpeech:
    """Renders phrases without espeak-ng: each is silence `seconds_per_char` a character long.

    With `instant` (the default) a phrase is ready as soon as it is asked for;
    otherwise only after `finish()`, which calls `on_ready` like the real worker.
    `problem` set: nothing is ever ready (as without espeak-ng). `lengths` gives
    chosen phrases a length of their own.
    """

    RATE = 22050

    def __init__(self, seconds_per_char: float = 0.05, *, instant: bool = True,
                 problem: str | None = None, lengths: Mapping[str, float] | None = None) -> None:
        self.seconds_per_char = seconds_per_char
        self.lengths = dict(lengths or {})
        self.instant = instant
        self.problem = problem
        self.prepared: list[str] = []
        self.on_ready: Callable[[str], None] | None = None
        self._done: set[str] = set()

    def length_s(self, text: str) -> float:
        """How long `text` plays here (`lengths[text]` if given)."""
        return self.lengths.get(text, len(text) * self.seconds_per_char)

    def clip(self, text: str) -> SpokenClip | None:
        """A clip of silence of the phrase's length, once it is ready."""
        from intervaltimer.audio.speech import SpokenClip

        if self.problem is not None or not (self.instant or text in self._done):
            return None
        frames = bytes(2 * round(self.length_s(text) * self.RATE))
        return SpokenClip(text, Path(os.devnull), frames, 1, 2, self.RATE)

    def failed(self, text: str) -> bool:
        """Only when there is a `problem`."""
        return self.problem is not None

    def prepare(self, texts: Iterable[str], *, urgent: bool = False) -> None:
        """Note what was asked for, in order."""
        self.prepared.extend(t for t in texts if t not in self.prepared)

    def finish(self) -> None:
        """Make every phrase asked for ready, and say so through `on_ready`."""
        for text in self.prepared:
            if text not in self._done:
                self._done.add(text)
                if self.on_ready is not None:
                    self.on_ready(text)
