"""`make system`: waits for the dpkg lock where apt exists, names what it needs where not.

`make` runs with a PATH of stand-ins: an `apt-get` that records how it was called, a
`dpkg-query` that knows no package, an `id` that says root.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _bin(tmp_path: Path, *, apt: bool) -> tuple[dict[str, str], Path]:
    folder = tmp_path / "bin"
    folder.mkdir()
    calls = tmp_path / "apt-calls"
    for tool in ("grep", "env", "cat"):
        found = shutil.which(tool)
        assert found is not None
        (folder / tool).symlink_to(found)
    scripts = {"dpkg-query": "exit 1", "id": "echo 0"}
    if apt:
        scripts["apt-get"] = f'echo "$@" >> "{calls}"'
    for name, body in scripts.items():
        (folder / name).write_text(f"#!/bin/sh\n{body}\n")
        (folder / name).chmod(0o755)
    return {"PATH": str(folder), "HOME": str(tmp_path)}, calls


def _make(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`make -s` in the checkout with `env`; it must succeed."""
    assert MAKE is not None
    out = subprocess.run([MAKE, "-s", "-C", str(REPO), *args], env=env, capture_output=True,
                         text=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    return out


def test_apt_waits_for_the_dpkg_lock(tmp_path: Path) -> None:
    env, calls = _bin(tmp_path, apt=True)
    _make(env, "system")
    update, install = calls.read_text().splitlines()
    lock = "-o DPkg::Lock::Timeout=600"
    assert update.startswith(lock) and update.endswith("update -q")
    assert install.startswith(lock)
    assert install.endswith("install -y -q libasound2-dev gcc libc6-dev tmux chromium "
                            "zbar-tools espeak-ng")
    extras = _make(env, "--eval", "show-extras: ; @echo $(EXTRAS);", "show-extras")
    assert extras.stdout.strip() == "dev,simpleaudio"  # with apt, the compiler is at hand


def test_without_apt_it_names_what_it_needs_and_goes_on(tmp_path: Path) -> None:
    env, calls = _bin(tmp_path, apt=False)
    out = _make(env, "system")
    assert out.stdout.startswith("no apt here: install these yourself")
    assert "macOS: brew install espeak-ng" in out.stdout
    assert "the simpleaudio extra is left out" in out.stdout
    assert not calls.exists()
    extras = _make(env, "--eval", "show-extras: ; @echo $(EXTRAS);", "show-extras")
    assert extras.stdout.strip() == "dev"
