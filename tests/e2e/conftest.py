"""The real-terminal tests need tmux: without it they fail, never skip (`make system`).
The fault tests' small disk and the phone tests' browser are fixtures here."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.pagekit import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.tmux import tmux_available


@pytest.fixture(autouse=True)
def _tmux_is_there() -> None:
    if not tmux_available():
        pytest.fail("tmux is not installed: run `make system` (the Makefile installs it)")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 300 KiB tmpfs mounted on a folder of the test's own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(disk)], check=True)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright (headless, no network of its own)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "chromium is missing: `make system` installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
