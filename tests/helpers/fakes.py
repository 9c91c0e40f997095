"""Fakes shared by the tests: a clock that only moves when the test says so."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock moved by hand: call it for the time, `advance` or `set` to move it."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        """Move on by `seconds` (never backwards); returns the new time."""
        assert seconds >= 0, seconds
        self.now += seconds
        return self.now

    def set(self, now: float) -> float:
        """Jump to `now` (never backwards); returns it."""
        assert now >= self.now, (now, self.now)
        self.now = now
        return self.now
