"""Fixtures shared by every test: a fake clock, a player that records cues, a temporary log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.store import Store
from tests.helpers.fakes import FakeClock


@pytest.fixture
def fake_clock() -> FakeClock:
    """A monotonic clock at 1000.0 s that moves only when the test says so."""
    return FakeClock()


@pytest.fixture
def recording_player(fake_clock: FakeClock) -> RecordingPlayer:
    """A player that records `(cue, fake clock time)` for each cue played."""
    return RecordingPlayer(clock=fake_clock)


@pytest.fixture
def tmp_db(tmp_path: Path) -> Iterator[Store]:
    """A fresh log in the test's own folder, closed afterwards."""
    store = Store.open(tmp_path / "log.sqlite3")
    try:
        yield store
    finally:
        store.close()
