"""Where the log database lives: `--db PATH`, else `$INTERVALTIMER_DB`, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from intervaltimer.locations import DB_ENV, DB_FILE, default_db_path

ENV_VAR = DB_ENV
FILE_NAME = DB_FILE
__all__ = ["ENV_VAR", "FILE_NAME", "db_path", "default_db_path"]


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
