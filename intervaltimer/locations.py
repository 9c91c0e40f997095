"""Every folder and file intervaltimer reads or writes on its own, in one place.

- config (profile.yaml, settings.json): `$INTERVALTIMER_CONFIG`, else
  `platformdirs.user_config_dir("intervaltimer")`
- the runner's own workouts: `<config>/workouts`; more folders only when named in
  `$INTERVALTIMER_WORKOUTS` (never `./workouts` of whatever folder the app runs in: it
  may be someone else's)
- data (the log database): `platformdirs.user_data_dir("intervaltimer")`;
  `--db` and `$INTERVALTIMER_DB` choose another file (`log.paths.db_path`)
- state (stderr.log): `platformdirs.user_state_dir("intervaltimer")`
- cache (anything that can be made again): `platformdirs.user_cache_dir("intervaltimer")`

Nothing here creates a folder; the writer does, when it first writes. The
module imports nothing of intervaltimer, so every layer may use it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "intervaltimer"
CONFIG_ENV = "INTERVALTIMER_CONFIG"
DB_ENV = "INTERVALTIMER_DB"
PROFILE_FILE = "profile.yaml"
SETTINGS_FILE = "settings.json"
DB_FILE = "log.sqlite3"
STDERR_LOG_FILE = "stderr.log"
WORKOUTS_FOLDER = "workouts"
EXTRA_WORKOUTS_ENV = "INTERVALTIMER_WORKOUTS"


def config_dir() -> Path:
    """The runner's config folder: `$INTERVALTIMER_CONFIG`, else the platform's."""
    override = os.environ.get(CONFIG_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """The platform's per-user data folder for intervaltimer (the log lives here)."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def state_dir() -> Path:
    """The platform's per-user state folder (logs of the app's own running)."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def cache_dir() -> Path:
    """The platform's per-user cache folder: files that can be made again at any time."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def user_workouts_dir() -> Path:
    """The runner's own workouts: `<config>/workouts`."""
    return config_dir() / WORKOUTS_FOLDER


def extra_workout_dirs() -> list[Path]:
    """Folders of workouts the runner named in `$INTERVALTIMER_WORKOUTS` (separated like
    PATH, `:` on POSIX), in that order; none when it is unset."""
    raw = os.environ.get(EXTRA_WORKOUTS_ENV, "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]


def profile_path() -> Path:
    """The runner's race times: `<config>/profile.yaml`."""
    return config_dir() / PROFILE_FILE


def settings_path() -> Path:
    """The UI's settings (the theme): `<config>/settings.json`."""
    return config_dir() / SETTINGS_FILE


def default_db_path() -> Path:
    """The log database when neither `--db` nor `$INTERVALTIMER_DB` is given."""
    return data_dir() / DB_FILE


def stderr_log_path() -> Path:
    """Where file descriptor 2 goes while the UI is drawn: `<state>/stderr.log`."""
    return state_dir() / STDERR_LOG_FILE
