"""Where the shipped workouts and cue sounds live, in a wheel or a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    """The shipped folder `name`: inside the installed package, else at the checkout's root."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def workouts_dir() -> Path:
    """The folder of workouts shipped with intervaltimer."""
    return _find("workouts")


def sounds_dir() -> Path:
    """The folder of cue WAVs shipped with intervaltimer."""
    return _find("sounds")
