"""Shared by the file-and-text fault tests: the installed command in a private home, and a log."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

from intervaltimer.log.store import Store
from tests.helpers.clikit import command

T0 = datetime(2025, 5, 1, 18, 0).timestamp()


def private_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a runner with their own empty config, log and home."""
    env = {**os.environ, "HOME": str(home), "INTERVALTIMER_CONFIG": str(home / "config"),
           "INTERVALTIMER_DB": str(home / "log.sqlite3"), "COLUMNS": "120"}
    env.update(extra)
    return env


def cli(args: list[str], env: dict[str, str], cwd: Path, *, stdin: str | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed command, run as a process with no terminal."""
    return subprocess.run([command(), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          input=stdin if stdin is not None else "", timeout=timeout, check=False)


def one_session_log(path: Path, workout: str = "8 x 400 m at mile pace",
                    note: str | None = "windy", label: str = "Rep {i}/3") -> Path:
    """A log at `path` holding one completed session of three reps."""
    with Store.open(path) as store:
        session = store.start_session(workout, "name: x\n", {"mile": 340.0}, 7, started_at=T0)
        for i, split in enumerate((85.9, 86.4, 87.2), start=1):
            store.record_rep(session, i, step_index=2 * i, label=label.format(i=i),
                             split_s=split, ended_at=T0 + 200 * i, distance_m=400.0,
                             target_s=84.5, rpe=5 + i)
        store.finish_session(session, "completed", ended_at=T0 + 900)
        if note is not None:
            store.set_note(session, note)
    return path


def damage(path: Path, *, break_checks: bool = True) -> Path:
    """Write wrong rows into the log at `path` as another program could: a target of 1e308,
    a split that is text, a label that is not UTF-8, a rep and a session in year 1; with
    `break_checks` also an effort of 99 and a status 'bogus', which the schema's CHECKs
    refuse (a log opened for writing is then reported damaged). Returns `path`."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE rep SET target_s = 1e308 WHERE idx = 1")
    conn.execute("UPDATE rep SET split_s = 'fast', label = CAST(X'4C61FF' AS TEXT) "
                 "WHERE idx = 2")
    conn.execute("UPDATE rep SET started_at = -62135596800 WHERE idx = 3")
    conn.execute(
        "INSERT INTO session (workout, started_at, updated_at, status, plan_steps) "
        "VALUES ('8 x 400 m at mile pace', -62135596800, 1e308, 'abandoned', 'x')")
    if break_checks:
        conn.execute("UPDATE rep SET rpe = 99 WHERE idx = 3")
        conn.execute("UPDATE session SET status = 'bogus' WHERE id = 2")
    conn.commit()
    conn.close()
    return path


def cli_on_terminal(args: list[str], env: dict[str, str], cwd: Path,
                    timeout: float = 60) -> tuple[int, bytes]:
    """The installed command with stdout and stderr on a pseudo-terminal (TERM=dumb, so the
    command itself sends no colour codes): its exit code and every byte the terminal got."""
    import pty
    import select
    import time

    master, slave = pty.openpty()
    process = subprocess.Popen([command(), *args], env={**env, "TERM": "dumb"}, cwd=cwd,
                               stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    return code, b"".join(chunks)
