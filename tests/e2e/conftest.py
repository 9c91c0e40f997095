"""The real-terminal tests need tmux: without it they fail, never skip (`make system`).
The fault tests' small disk is a fixture here."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import tmux_available


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
