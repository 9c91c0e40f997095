"""`intervaltimer run`: what is checked before the UI starts, and how a signal ends a run.

The first tests call the command in-process with the UI replaced, so they
check that nothing wrong ever reaches the screen. The last ones run the real
command in a pseudo-terminal, lap once, and end it with SIGTERM or SIGHUP.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.log.records import SessionStatus
from intervaltimer.log.store import Store
from tests.helpers.clikit import TYPO, command


@pytest.fixture
def no_ui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    """Replace the UI: record what it would have been started with."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("intervaltimer.cli.tui.has_terminal", lambda: True)

    def fake_run_app(workout: Any, profile: Any, store: Any, lead_in: float | None,
                     *, sound: bool, remote: bool = False, remote_bind: str | None = None,
                     today: bool = False) -> int:
        calls.append({"workout": workout, "profile": profile, "store": store,
                      "lead_in": lead_in, "sound": sound, "remote": remote,
                      "remote_bind": remote_bind, "today": today})
        return 0

    monkeypatch.setattr("intervaltimer.cli.run._run_app", fake_run_app)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("INTERVALTIMER_DB", str(tmp_path / "log.sqlite3"))
    return calls


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, ["run", *args])


def test_run_is_a_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "run" in result.output
    helped = invoke("--help")
    for option in ("--race", "--no-sound", "--db", "--lead-in"):
        assert option in helped.output


def test_the_ui_gets_the_workout_the_profile_and_the_options(
        no_ui: list[dict[str, Any]], tmp_path: Path) -> None:
    result = invoke("2x100m@mile/5s", "--race", "mile=5:40", "--no-sound", "--lead-in", "0:05",
                    "--db", str(tmp_path / "mine.sqlite3"))
    assert result.exit_code == 0, result.output
    (call,) = no_ui
    assert call["workout"].name == "2 x 100 m @ mile"
    assert call["profile"] is not None and call["sound"] is False
    assert call["lead_in"] == 5.0
    assert (tmp_path / "mine.sqlite3").exists()  # opened and checked before the UI
    assert call["today"] is True  # a quick text's rest is chosen: enter keeps it


def test_run_reps_sets_the_main_set_and_keeps_the_name(no_ui: list[dict[str, Any]]) -> None:
    from intervaltimer.workout.mainset import main_reps, main_rest_s

    assert invoke("8x400-mile", "--rest", "30s", "--reps", "10").exit_code == 0
    assert invoke("8x400-mile").exit_code == 0
    chosen, plain = no_ui
    assert chosen["workout"].name == plain["workout"].name == "8 x 400 m at mile pace"
    assert (main_reps(chosen["workout"]), main_rest_s(chosen["workout"])) == (10, 30.0)
    assert main_reps(plain["workout"]) == 8
    assert (chosen["today"], plain["today"]) == (True, False)  # enter takes the advice


def test_a_bad_workout_file_is_reported_before_the_ui(
        no_ui: list[dict[str, Any]], tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO, encoding="utf-8")
    result = invoke(str(path))
    assert result.exit_code == 1
    assert f"{path}:6:15:" in result.output and "Traceback" not in result.output
    assert no_ui == []


def test_something_that_is_no_workout_is_reported(no_ui: list[dict[str, Any]]) -> None:
    result = invoke("nothing-like-a-workout")
    assert result.exit_code == 1 and "no workout called" in result.output
    assert ":1:1:" not in result.output
    assert no_ui == []


def test_a_log_that_cannot_be_written_is_reported_before_the_ui(
        no_ui: list[dict[str, Any]], tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = invoke("2x100m@mile/5s", "--db", str(folder))
    assert result.exit_code == 1
    assert str(folder) in result.output and "Traceback" not in result.output
    assert no_ui == []


@pytest.mark.parametrize("value", ["soon", "-3", "20min"])
def test_a_bad_lead_in_is_a_usage_error(no_ui: list[dict[str, Any]], value: str) -> None:
    result = invoke("2x100m@mile/5s", "--lead-in", value)
    assert result.exit_code == 2 and "--lead-in" in result.output
    assert no_ui == []


def test_a_bad_race_is_a_usage_error(no_ui: list[dict[str, Any]]) -> None:
    result = invoke("2x100m@mile/5s", "--race", "mile=fast")
    assert result.exit_code == 2
    assert no_ui == []


# ---- the real command in a pseudo-terminal ------------------------------------------------


class Terminal:
    """The command running in a pseudo-terminal of 80x24, its output collected."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.master = master
        self.output = bytearray()
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def send(self, text: str) -> None:
        os.write(self.master, text.encode())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._reader.join(5)
        os.close(self.master)


def wait_for(check: Any, timeout_s: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and pseudo-terminals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_ends_the_run_keeping_its_session(tmp_path: Path, signame: str) -> None:
    db = tmp_path / "log.sqlite3"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state"),
           "INTERVALTIMER_CONFIG": str(tmp_path / "config"), "TERM": "xterm-256color"}
    terminal = Terminal([command(), "run", "2x100m@mile/5s", "--race", "mile=5:40",
                         "--no-sound", "--lead-in", "0", "--db", str(db)], env)
    try:
        wait_for(lambda: b"Start" in terminal.output)  # the preview's footer
        terminal.send("\r")
        store = wait_for(lambda: Store.open(db, readonly=True) if db.exists() else None)

        def running() -> Any:
            found = store.sessions()
            return found and found[0]

        session = wait_for(running)
        time.sleep(1.5)  # past the double-tap guard
        terminal.send(" ")
        wait_for(lambda: store.reps(session.id))
        terminal.send("7")
        wait_for(lambda: store.reps(session.id)[0].rpe == 7)
        terminal.proc.send_signal(getattr(signal, signame))
        code = terminal.proc.wait(20)
    finally:
        terminal.close()
    assert code == 128 + getattr(signal, signame)
    record = store.session(session.id)
    assert record is not None and record.status is SessionStatus.ABANDONED
    reps = store.reps(session.id)
    assert len(reps) == 1 and reps[0].rpe == 7 and 1.0 <= reps[0].split_s < 10.0
    assert store.file.integrity_check() == []
    store.close()
    assert b"Traceback" not in terminal.output


# ---- the phone page: --remote, --remote-bind -----------------------------------------

def run_remote(*args: str) -> Any:
    return CliRunner().invoke(main, ["run", "4x100m/30s", *args])


def test_remote_opens_the_phone_page_and_a_bind_address_implies_it(
        no_ui: list[dict[str, Any]]) -> None:
    assert run_remote().exit_code == 0
    assert run_remote("--remote").exit_code == 0
    assert run_remote("--remote-bind", "127.0.0.1:9000").exit_code == 0
    assert [(call["remote"], call["remote_bind"]) for call in no_ui] == [
        (False, None), (True, None), (True, "127.0.0.1:9000")]


@pytest.mark.parametrize(("bind", "says"), [
    ("198.51.100.7", "198.51.100.7 is not an address of this machine"),
    ("laptop", "'laptop' is not an IP address"),
    ("127.0.0.1:99999", "the port is a number from 1 to 65535"),
])
def test_a_bind_address_that_cannot_be_had_stops_before_the_ui(
        no_ui: list[dict[str, Any]], bind: str, says: str) -> None:
    result = run_remote("--remote-bind", bind)
    assert result.exit_code == 2
    assert "Invalid value for '--remote-bind'" in result.output and says in result.output
    assert "Traceback" not in result.output
    assert no_ui == []


def test_the_help_tells_of_the_phone_page() -> None:
    helped = CliRunner().invoke(main, ["run", "--help"])
    assert "--remote" in helped.output and "--remote-bind ADDR[:PORT]" in helped.output
