"""Shared set-up for the desk screens' tests: a private config, log, working and shipped folder.

`desk(tmp_path, monkeypatch)` points INTERVALTIMER_CONFIG, INTERVALTIMER_DB and
HOME at temporary folders, makes the working folder temporary, and swaps the
shipped workouts for a small fixed set, so tests never touch the real home and
do not change when the shipped workouts do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from intervaltimer.ui.app import IntervalTimerApp, Start, make_app
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.races import parse_race
from tests.helpers.aio import async_test

pilot_test = async_test  # an async pilot test, run with asyncio


EIGHT_400 = """\
name: 8 x 400 m at mile pace
description: Anaerobic tolerance, hold mile pace on short rest.
tags: [anaerobic, track]
steps:
  - warmup: 15min
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
        activity: stand
  - cooldown: 10min
"""

THRESHOLD = """\
name: Threshold miles
description: Three miles at threshold with a short jog between.
tags: [threshold, road]
steps:
  - warmup: 15min
  - repeat: 3
    steps:
      - run: 1mi
        pace: threshold
      - rest: 90s
        activity: jog
  - cooldown: 10min
"""

STRIDES = """\
name: Strides and core
tags: [strides, core]
steps:
  - repeat: 6
    steps:
      - run: 100m
        label: stride
      - rest: lap
  - exercise: pushups
    reps: 20
"""

PYRAMID = """\
name: Pyramid
description: Up and down.
tags: [track, pyramid]
steps:
  - run: 200m
    pace: 1500m
  - rest: 60s
  - run: 400m
    pace: mile
  - rest: 90s
  - run: 200m
    pace: 1500m
"""

BROKEN = """\
name: Broken one
steps:
  - run: 400m
    pace: mil
  - rest: 60s
"""


@dataclass(frozen=True)
class Desk:
    """The temporary folders of one test."""

    home: Path
    config: Path
    user: Path
    local: Path
    shipped: Path
    db: Path

    def write(self, folder: Path, name: str, text: str) -> Path:
        """Write a workout file and return its path."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path


def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, library: bool = True) -> Desk:
    """Private folders for a test; with `library`, a few shipped, user and local workouts."""
    home = tmp_path / "home"
    folders = Desk(home=home, config=home / "config", user=home / "config" / "workouts",
                   local=home / "work" / "workouts", shipped=home / "shipped",
                   db=home / "log.sqlite3")
    for folder in (folders.user, folders.local, folders.shipped):
        folder.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(folders.config))
    monkeypatch.setenv("INTERVALTIMER_DB", str(folders.db))
    monkeypatch.chdir(folders.local.parent)
    monkeypatch.setenv("INTERVALTIMER_WORKOUTS", str(folders.local))
    monkeypatch.setattr("intervaltimer.workout.shelves.workouts_dir", lambda: folders.shipped)
    monkeypatch.setattr("intervaltimer.ui.screens.editor.workouts_dir", lambda: folders.shipped)
    if library:
        folders.write(folders.shipped, "8x400-mile.yaml", EIGHT_400)
        folders.write(folders.shipped, "threshold-miles.yaml", THRESHOLD)
        folders.write(folders.user, "strides.yaml", STRIDES)
        folders.write(folders.user, "broken.yaml", BROKEN)
        folders.write(folders.local, "pyramid.yaml", PYRAMID)
    return folders


def mile(time: str = "5:40") -> Profile:
    """A profile with one mile result."""
    return Profile((parse_race(f"mile={time}"),))


def app_for(screen: str = "home", path: Path | None = None, profile: Profile | None = None,
            **services: Any) -> IntervalTimerApp:
    """The real app, started on a desk screen."""
    return make_app(profile=profile, start=Start(screen=screen, path=path), **services)


async def settle(pilot: Pilot[Any], app: App[Any]) -> None:
    """Wait for workers (the library read) and the messages they post."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def no_blink(app: App[Any]) -> None:
    """Stop every cursor blinking, so screenshots are stable."""
    for widget in app.screen.query("Input, TextArea"):
        setattr(widget, "cursor_blink", False)  # noqa: B010
