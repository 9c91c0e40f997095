"""Fixtures of the engine tests: the shared fake clock, but starting at 0.0 s."""

from __future__ import annotations

import pytest

from tests.helpers.fakes import FakeClock


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock at 0.0 s (the engine tests' instants count from there) that moves when told."""
    return FakeClock(0.0)
