"""When the log cannot take a session before the program ends: a rescue file, and saying so.

`settle(logs, wait_s)` is the last word of a program that ran workouts: each
run's log writer gets `wait_s` to catch up; a session the log still does not
hold in full is written whole to a JSON rescue file, in the export format
(`intervaltimer import FILE` brings it back, completing the unfinished
session in the log), beside the log if it can be written there, else in the
state folder. Each such session gets one message that names the file and the
command that brings it back.

A rescue file holds the runner's session and goes only where only the runner
writes: a folder of theirs (owned by them, not writable by everyone, so never
a shared temporary folder), created new (`O_EXCL`, never through a link
planted under its name: the next free name is taken instead), mode 0600.

The rescue's JSON is made by writing the session through the store's own
methods into a log in memory and exporting that, so it carries every field
the log keeps.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

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
    """Where a rescue file may go, best first: beside the log, then the state folder."""
    from intervaltimer.locations import state_dir

    folders = [log_path.parent]
    with contextlib.suppress(OSError, RuntimeError, KeyError):
        folders.append(state_dir())
    return list(dict.fromkeys(folders))


def rescue_name(log_path: Path, started_at: float | None) -> str:
    """`log.rescue-20250501-183012.json` for the log `log.sqlite3` and a session started then."""
    stamp = datetime.fromtimestamp(started_at or time.time()).strftime("%Y%m%d-%H%M%S")
    return f"{log_path.stem}.rescue-{stamp}.json"


NAME_TRIES = 20  # names taken (a file or a link of that name already there): try the next


def _own_folder(folder: Path) -> int:
    """An open descriptor of `folder`, made if missing (mode 0700); `OSError` unless it is
    the runner's own and not writable by everyone."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if info.st_uid != os.geteuid():
            raise PermissionError(f"{folder} belongs to another user; a rescue file goes only "
                                  "in your own folders")
        if info.st_mode & stat.S_IWOTH:
            raise PermissionError(f"{folder} is writable by everyone; a rescue file goes only "
                                  "in your own folders")
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_private(folder: Path, name: str, text: str) -> Path:
    """Write `text` to a new file `name` (or `name` numbered, when taken) in `folder`, the
    runner's own: created with O_EXCL and O_NOFOLLOW, mode 0600, all or nothing; its path."""
    data = text.encode("utf-8")
    folder_fd = _own_folder(folder)
    try:
        stem, suffix = os.path.splitext(name)
        for number in range(1, NAME_TRIES + 1):
            chosen = name if number == 1 else f"{stem}-{number}{suffix}"
            try:
                fd = os.open(chosen, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                             | os.O_CLOEXEC, 0o600, dir_fd=folder_fd)
            except FileExistsError:
                continue
            try:
                os.fchmod(fd, 0o600)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(chosen, dir_fd=folder_fd)
                raise
            os.close(fd)
            with contextlib.suppress(OSError):
                os.fsync(folder_fd)
            return folder / chosen
        raise FileExistsError(f"{folder} already holds {NAME_TRIES} files named {name}")
    finally:
        os.close(folder_fd)


def write_rescue(log: RunLog, exported_at: float) -> Path:
    """Write the rescue file of `log`'s session; its path. Raises `OSError` when no folder
    could take it (saying why for each)."""
    assert log.store is not None
    text = rescue_json(log, exported_at)
    name = rescue_name(log.store.path, log.started_at)
    failures: list[str] = []
    for folder in rescue_folders(log.store.path):
        try:
            return write_private(folder, name, text)
        except OSError as error:
            failures.append(str(error) if isinstance(error, PermissionError | FileExistsError)
                            and error.filename is None
                            else f"{folder}: {error.strerror or error}")
    raise OSError("; ".join(failures) or "no folder to write to")


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
