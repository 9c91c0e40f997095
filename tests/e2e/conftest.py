"""The real-terminal tests need tmux: without it they fail, never skip (`make system`)."""

from __future__ import annotations

import pytest

from tests.e2e.tmux import tmux_available


@pytest.fixture(autouse=True)
def _tmux_is_there() -> None:
    if not tmux_available():
        pytest.fail("tmux is not installed: run `make system` (the Makefile installs it)")
