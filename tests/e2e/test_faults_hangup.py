"""The terminal vanishes under a run: its tmux server killed, its pane or session closed.

`intervaltimer run` processes whose tmux server was gone used to stay behind,
ignoring SIGTERM (the kernel's SIGCONT, sent with the hang-up's SIGHUP, made
Textual start a second input thread that the app then waited for for ever),
or to spin on a dead terminal when no SIGHUP reached them. A run must end at
once, exit 129, and keep its session, closed as abandoned with its reps.

The exit status of a program whose terminal (and tmux server) is gone is
read two ways: a shell that ignores SIGHUP runs it and writes `$?` to a file;
or a subreaper (a process that adopts its orphaned descendants) starts the
tmux server and reaps the program itself, which then is the session leader
the kernel sends SIGHUP and SIGCONT to.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.faultkit import (
    TIMEOUT_S,
    fill,
    first_rep_in_log,
    lap_rep,
    logged_reps,
    run_command,
    sessions,
    wait_until,
)
from tests.helpers.tmux import Terminal, app_env, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

EXIT_WAIT_S = 10.0  # a vanished terminal's run ends in well under a second


def alive(pid: int) -> bool:
    """True while `pid` runs (not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_left_behind(pid: int | None) -> None:
    """SIGKILL the program under test if a failed test left it running (it is ours)."""
    if pid is not None and alive(pid):
        os.kill(pid, signal.SIGKILL)


def assert_kept(db: Path, session_id: int) -> None:
    """The session is closed as abandoned and holds rep 1, rated 7."""
    assert sessions(db) == [(session_id, "3 x 100 m", "abandoned")]
    (rep,) = logged_reps(db, session_id)
    assert rep.rpe == 7 and 1.0 <= rep.split_s <= 3.0


def test_a_killed_tmux_server_ends_the_run_with_129_keeping_its_rep(tmp_path: Path) -> None:
    """Under a shell that ignores SIGHUP (as `nohup` or a wrapper script would), no signal
    reaches the program: it must see for itself that its terminal is gone."""
    db = tmp_path / "log.sqlite3"
    status = tmp_path / "status"
    line = f"trap '' HUP; {run_command(db).removeprefix('exec ')}; echo $? > {status}"
    program: int | None = None
    try:
        with terminal(line, app_env(tmp_path), tmp_path) as term:
            session_id = first_rep_in_log(term, db, effort=7)
            program = int(subprocess.run(["pgrep", "-P", str(term.pane_pid())],
                                         capture_output=True, text=True).stdout.split()[0])
            term.kill_server()
            wait_until(status.exists, EXIT_WAIT_S, "the run to exit after its terminal went")
        assert status.read_text().strip() == "129"
        assert not alive(program)
    finally:
        kill_left_behind(program)
    assert_kept(db, session_id)


REAPER = """
import ctypes, os, subprocess, sys
PR_SET_CHILD_SUBREAPER = 36
assert ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
subprocess.run(sys.argv[1:], check=True)  # tmux new-session: its server is adopted here
print("started", flush=True)
while True:
    try:
        pid, status = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    print(pid, os.waitstatus_to_exitcode(status), flush=True)
"""


class AdoptedTerminal(Terminal):
    """A `Terminal` whose tmux server (and so the program, once the server is gone) is
    adopted by a subreaper that prints `PID STATUS` for every process it reaps."""

    reaper: subprocess.Popen[str] | None = None

    def start(self, command: str) -> None:
        argv = ["tmux", "-u", "-L", self.socket, "-f", str(self.conf), "new-session", "-d",
                "-s", "it", "-x", str(self.width), "-y", str(self.height), command]
        self.reaper = subprocess.Popen([sys.executable, "-c", REAPER, *argv], env=self.env,
                                       cwd=self.workdir, stdout=subprocess.PIPE, text=True)
        # Its lines are read on a thread, so a wait for one is bounded by a timeout.
        self.reaped: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read_reaper, daemon=True).start()
        assert self.reaped.get(timeout=30).strip() == "started"
        self.started = True
        self.socket_path = Path(self._pane("#{socket_path}"))
        self.pid = self.pane_pid()

    def _read_reaper(self) -> None:
        assert self.reaper is not None and self.reaper.stdout is not None
        for line in self.reaper.stdout:
            self.reaped.put(line)

    def reaped_status(self, pid: int, timeout_s: float) -> int:
        """The exit status of `pid`, once the subreaper has reaped it (at most `timeout_s`)."""
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.reaped.get(timeout=left)
            except queue.Empty:
                break
            reaped, _, status = line.partition(" ")
            if int(reaped) == pid:
                return int(status)
        raise AssertionError(f"pid {pid} was not reaped within {timeout_s} s "
                             f"(still running: {alive(pid)})")

    def kill_server(self) -> None:
        super().kill_server()
        if self.reaper is not None and self.reaper.poll() is None:
            self.reaper.kill()
            self.reaper.wait(10)


@contextmanager
def adopted_run(tmp_path: Path, db: Path) -> Iterator[tuple[AdoptedTerminal, int, int]]:
    """`run` on the log `db` in an `AdoptedTerminal`, rep 1 run, rated 7 and in the log:
    (the terminal, the program's pid, the session's id). The program is killed if a test
    leaves it behind, the tmux server and the reaper always."""
    term = AdoptedTerminal(app_env(tmp_path), tmp_path)
    program: int | None = None
    try:
        term.start(run_command(db))
        program = term.pid
        assert program is not None
        yield term, program, first_rep_in_log(term, db, effort=7)
    finally:
        kill_left_behind(program)
        term.kill_server()


@pytest.mark.parametrize("closing", [("kill-server",), ("kill-pane", "-t", "it")])
def test_the_hang_up_the_kernel_sends_ends_the_run_with_129(
        tmp_path: Path, closing: tuple[str, ...]) -> None:
    """The program is the terminal's session leader: the kernel sends it SIGHUP and SIGCONT
    when the terminal goes (the SIGCONT used to start a second input thread)."""
    db = tmp_path / "log.sqlite3"
    with adopted_run(tmp_path, db) as (term, program, session_id):
        term.tmux(*closing)
        assert term.reaped_status(program, EXIT_WAIT_S) == 129
    assert_kept(db, session_id)


def test_a_vanished_terminal_over_a_full_disk_leaves_the_reps_in_a_rescue_file(
        tmp_path: Path, small_disk: Path) -> None:
    """Rep 2 cannot be written (the disk is full) when the terminal goes: it is in the rescue
    file, and the exit is still 129 though there is no terminal left to name the file on."""
    db = small_disk / "log.sqlite3"
    with adopted_run(tmp_path, db) as (term, program, session_id):
        fill(small_disk)
        lap_rep(term, 2)
        term.wait_for("log not saved", TIMEOUT_S)
        term.tmux("kill-server")
        assert term.reaped_status(program, EXIT_WAIT_S) == 129
    assert sessions(db) == [(session_id, "3 x 100 m", "running")]  # all it could take
    assert len(logged_reps(db, session_id)) == 1
    (rescue,) = (tmp_path / "home/.local/state/intervaltimer").glob("log.rescue-*.json")
    (session,) = json.loads(rescue.read_text(encoding="utf-8"))["sessions"]
    assert session["status"] == "abandoned"
    assert [rep["rpe"] for rep in session["reps"]] == [7, None]
