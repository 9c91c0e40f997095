"""A player for tests: it records which cues were played and when, and plays nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from intervaltimer.audio.backends import STATUS_MUTED, STATUS_ON, MuteSwitch

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player


class RecordingPlayer(MuteSwitch):
    """Records `(cue, time)` for each cue played while not muted; `time` comes from `clock`."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, status: str = STATUS_ON
    ) -> None:
        self.clock = clock
        self.played: list[tuple[str, float]] = []
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

    def close(self) -> None:
        """Record that the player was closed; later cues are ignored."""
        self.closed = True


if TYPE_CHECKING:
    _conforms: Player = RecordingPlayer()
