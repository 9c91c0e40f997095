"""Every path intervaltimer builds comes from intervaltimer.locations, and follows its overrides."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from intervaltimer import locations
from intervaltimer.log.paths import db_path


def test_config_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path))
    assert locations.config_dir() == tmp_path
    assert locations.profile_path() == tmp_path / "profile.yaml"
    assert locations.settings_path() == tmp_path / "settings.json"
    assert locations.user_workouts_dir() == tmp_path / "workouts"


def test_a_blank_override_counts_as_not_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVALTIMER_CONFIG", "  ")
    assert locations.config_dir() == Path(platformdirs.user_config_dir("intervaltimer"))


def test_the_platform_folders_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("INTERVALTIMER_CONFIG", raising=False)
    monkeypatch.delenv("INTERVALTIMER_DB", raising=False)
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    if sys.platform.startswith("linux"):
        assert locations.config_dir() == tmp_path / "config" / "intervaltimer"
        assert locations.data_dir() == tmp_path / "data" / "intervaltimer"
        assert locations.state_dir() == tmp_path / "state" / "intervaltimer"
        assert locations.cache_dir() == tmp_path / "cache" / "intervaltimer"
    assert db_path() == locations.data_dir() / "log.sqlite3"
    assert locations.stderr_log_path() == locations.state_dir() / "stderr.log"


def test_no_other_module_asks_platformdirs() -> None:
    """One place for paths: only locations.py names platformdirs."""
    package = Path(locations.__file__).parent
    askers = sorted(str(path.relative_to(package)) for path in package.rglob("*.py")
                    if "platformdirs" in path.read_text(encoding="utf-8"))
    assert askers == ["locations.py"]


def test_locations_imports_nothing_of_intervaltimer() -> None:
    """Every layer may use it, so it must stand alone."""
    code = ("import sys, intervaltimer.locations; "
            "print(sorted(m for m in sys.modules if m.startswith('intervaltimer.')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "['intervaltimer.locations']"
