"""Fixtures of the review screens' tests: the seeded log of tests/reviewkit.py, opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.log.store import Store
from tests.reviewkit import Seeded, seed
from tests.ui.deskkit import desk


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
