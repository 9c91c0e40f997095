"""The pure layers never pull in the terminal, rich or sound; the coach not SQLite either."""

from __future__ import annotations

import subprocess
import sys

import pytest

FORBIDDEN = ("textual", "rich", "simpleaudio", "intervaltimer.audio", "intervaltimer.ui")


@pytest.mark.parametrize(
    "package", ["intervaltimer.workout", "intervaltimer.engine", "intervaltimer.coach",
                "intervaltimer.log", "intervaltimer.export"]
)
def test_pure_layer_imports_nothing_of_the_terminal(package: str) -> None:
    assert _imported(package, FORBIDDEN) == ""


def test_the_coach_imports_no_database_and_not_the_log() -> None:
    assert _imported("intervaltimer.coach", ("sqlite3", "intervaltimer.log")) == ""


def _imported(package: str, forbidden: tuple[str, ...]) -> str:
    """The modules of `forbidden` (names or dotted prefixes) that importing every module of
    `package` pulls in, comma-separated."""
    code = (
        "import pkgutil, importlib, sys\n"
        f"import {package} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [m for m in sys.modules\n"
        f"       if m.split('.')[0] in {forbidden!r} or m.startswith({forbidden!r})]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_pure_layers_never_sleep_or_read_the_clock() -> None:
    from pathlib import Path

    import intervaltimer.engine as engine

    for path in Path(engine.__path__[0]).rglob("*.py"):
        text = path.read_text()
        assert "time.sleep" not in text, path
        assert "time.monotonic" not in text, path


@pytest.mark.parametrize("package", ["intervaltimer.track", "intervaltimer.remote"])
def test_runner_and_remote_never_import_textual(package: str) -> None:
    code = (
        "import pkgutil, importlib, sys\n"
        f"import {package} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
