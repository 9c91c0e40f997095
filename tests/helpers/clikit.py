"""Shared by the command-line tests: two workout files and the installed command."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

FOUR_LAPS = """\
name: Four laps
description: Four laps at 1:25 with a minute's rest.
steps:
  - warmup: 10min
  - repeat: 4
    steps:
      - run: 400m
        pace: 85s/400m
      - rest: 60s
        activity: walk
"""

# `mil` (a typo for mile) sits on line 6, column 15.
TYPO = """\
name: Typo
steps:
  - repeat: 4
    steps:
      - run: 400m
        pace: mil
"""


def command() -> str:
    """The console script installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "intervaltimer"
    if beside.exists():
        return str(beside)
    found = shutil.which("intervaltimer")
    assert found is not None, "the intervaltimer command is not installed"
    return found
