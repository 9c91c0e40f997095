"""Where the log database lives: `--db PATH`, else `$INTERVALTIMER_DB`, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "INTERVALTIMER_DB"
FILE_NAME = "log.sqlite3"


def default_db_path() -> Path:
    """The platform's per-user data directory for intervaltimer, with `log.sqlite3` in it."""
    return Path(platformdirs.user_data_dir("intervaltimer")) / FILE_NAME


def db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The log database to use: the `--db` value, else `$INTERVALTIMER_DB`, else the default.

    Empty values count as not given; `~` is expanded. The file need not exist.
    """
    if cli_value is not None and str(cli_value).strip():
        return Path(cli_value).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
