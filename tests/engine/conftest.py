"""Fixtures of the engine tests: a fake clock (to move to tests/conftest.py with the others)."""

from __future__ import annotations

import pytest

from tests.engine.engine_helpers import FakeClock


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock at 0.0 s that only moves when the test says so."""
    return FakeClock()
