"""When the log cannot take a session before the program ends: a rescue file, and saying so.

`settle(logs, wait_s)` is the last word of a program that ran workouts: each
run's log writer gets `wait_s` to catch up; a session the log still does not
hold in full is written whole to a JSON rescue file, in the export format
(`intervaltimer import FILE` brings it back, completing the unfinished
session in the log), beside the log if it can be written there, else in the
state folder, the home folder or the temporary folder. Each such session gets
one message that names the file and the command that brings it back.

The rescue's JSON is made by writing the session through the store's own
methods into a log in memory and exporting that, so it carries every field
the log keeps.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from intervaltimer.fileio import atomic_write_text
from intervaltimer.log.exchange import export_json
from intervaltimer.log.store import Store
from intervaltimer.track.logsync import LogSync

if TYPE_CHECKING:
    from intervaltimer.track.runlog import RunLog

EXIT_WAIT_S = 3.0  # how long the end of the program waits for a log that is behind


def rescue_json(log: RunLog, exported_at: float) -> str:
    """The session as the log should hold it, as a one-session JSON export."""
    state, start = log.state, log.start_session
    if state is None or start is None:
        raise ValueError("nothing to rescue: the run was not logged")
    with Store.in_memory() as memory:
        LogSync(memory, start(memory), log.wall_offset_s).apply(state)
        return export_json(memory, exported_at)


def rescue_folders(log_path: Path) -> list[Path]:
    """Where a rescue file may go, best first: beside the log, then the state, home and
    temporary folders."""
    from intervaltimer.locations import state_dir

    folders = [log_path.parent]
    for more in (state_dir, Path.home, lambda: Path(tempfile.gettempdir())):
        try:
            folders.append(more())
        except (OSError, RuntimeError, KeyError):
            continue
    return list(dict.fromkeys(folders))


def rescue_name(log_path: Path, started_at: float | None) -> str:
    """`log.rescue-20250501-183012.json` for the log `log.sqlite3` and a session started then."""
    stamp = datetime.fromtimestamp(started_at or time.time()).strftime("%Y%m%d-%H%M%S")
    return f"{log_path.stem}.rescue-{stamp}.json"


def write_rescue(log: RunLog, exported_at: float) -> Path:
    """Write the rescue file of `log`'s session; its path. Raises `OSError` when no folder
    could take it (the last folder's error)."""
    assert log.store is not None
    text = rescue_json(log, exported_at)
    name = rescue_name(log.store.path, log.started_at)
    failure: OSError = OSError("no folder to write to")
    for folder in rescue_folders(log.store.path):
        path = folder / name
        try:
            atomic_write_text(path, text)
        except OSError as error:
            failure = error
            continue
        return path
    raise failure


def _reps(count: int) -> str:
    return f"{count} rep{'s' if count != 1 else ''}"


def settle(logs: Sequence[RunLog], wait_s: float = EXIT_WAIT_S,
           exported_at: float | None = None) -> list[str]:
    """Give each run's log its last `wait_s` and stop its writer; one message per session the
    log does not hold in full, naming its rescue file (none when all is written)."""
    messages: list[str] = []
    for log in logs:
        if log.finish(wait_s) or log.store is None:
            continue
        error = log.error
        why = f" ({error})" if error is not None else ""
        head = (f"the log {log.store.path} could not take {log.unsaved_words} of this "
                f"session{why}.")
        try:
            path = write_rescue(log, time.time() if exported_at is None else exported_at)
        except (OSError, ValueError) as failure:
            held = len(log.state.reps) if log.state is not None else 0
            messages.append(f"{head} No rescue file could be written either ({failure}); "
                            f"the session's {_reps(held)} are lost.")
            continue
        messages.append(f"{head} The whole session was saved to the rescue file {path}; "
                        f"bring it back with: intervaltimer import {path} "
                        f"--db {log.store.path}")
    return messages
