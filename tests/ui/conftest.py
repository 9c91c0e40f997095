"""Fixtures of the UI tests: private folders for the run flow; the seeded log of
tests/helpers/reviewkit.py, opened, for the review screens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.log.store import Store
from tests.helpers.deskkit import desk
from tests.helpers.reviewkit import Seeded, seed


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seeded:
    """The seeded log, over private folders without a library (nor the machine's own theme)."""
    desk(tmp_path, monkeypatch, library=False)
    return seed(tmp_path / "review.sqlite3")


@pytest.fixture
def store(seeded: Seeded) -> Iterator[Store]:
    """The seeded log opened, closed after the test."""
    with Store.open(seeded.path) as opened:
        yield opened


@pytest.fixture
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No saved theme or profile of the machine's user reaches the app (or a snapshot)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
