"""A crowd on the network while the phone taps: the installed app, its phone page on
loopback, under `ulimit -n 1024`.

Before: 1,100 idle TCP connections (no token, each sending `GET /t/` and stopping) took
every file descriptor the app had: the phone could not reach the page. Now the door
holds at most 64 connections, closes those with no whole request in a few seconds, and
a phone's tap goes through the crowd into the log. The app runs in tmux with its soft
descriptor limit lowered by the shell (`ulimit -Sn 1024`); this test raises its own to
hold the crowd's sockets.
"""

from __future__ import annotations

import json
import os
import re
import resource
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.faultkit import TIMEOUT_S, logged_reps, sessions
from tests.helpers.tmux import app_env, command_path, shell_line, terminal

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CROWD = 1100
APP_LIMIT = 1024
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/t/[0-9a-f]{32}/")


@pytest.fixture
def many_sockets() -> Iterator[None]:
    """This process may hold the crowd's sockets (its soft limit raised, then put back)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CROWD + 512
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the hard descriptor limit ({hard}) is under {wanted}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def tap(url: str, port: int, action: str, tap_id: str) -> dict[str, object]:
    """The phone's tap, as its page sends it (JSON, from the page's origin)."""
    request = urllib.request.Request(
        url + "tap", method="POST", data=json.dumps({"id": tap_id, "action": action,
                                                     "age_ms": 5}).encode(),
        headers={"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, object] = json.loads(response.read())
    return answer


def idle_crowd(port: int) -> list[socket.socket]:
    """Up to CROWD connections that each send `GET /t/` and stop; stops trying after a few
    connections the server no longer takes."""
    crowd: list[socket.socket] = []
    refused = 0
    while len(crowd) < CROWD and refused < 20:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=1.0)
            sock.sendall(b"GET /t/")
        except OSError:
            refused += 1
            continue
        crowd.append(sock)
    return crowd


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed this connection."""
    sock.settimeout(0.05)
    try:
        return sock.recv(4096) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_a_thousand_idle_connections_do_not_lock_the_phone_out(
        tmp_path: Path, many_sockets: None) -> None:
    db = tmp_path / "log.sqlite3"
    command = f"ulimit -Sn {APP_LIMIT}; " + shell_line(
        command_path("intervaltimer"), "run", "2x100m/lap", "--lead-in", "0", "--no-sound",
        "--db", db, "--remote-bind", "127.0.0.1:0")
    with terminal(command, app_env(tmp_path), tmp_path) as term:
        found = URL.search(term.wait_for(URL, TIMEOUT_S))
        assert found is not None and term.pid is not None
        url, port = found.group(0), int(found.group(1))
        term.send("Escape")  # the QR code closed: the preview, then the run, in view
        term.wait_for("no phone yet", TIMEOUT_S)
        term.send("Enter")
        term.wait_for(re.compile(r"^\s*RUN\s*$", re.M), TIMEOUT_S)
        began = time.monotonic()
        before = len(os.listdir(f"/proc/{term.pid}/fd"))
        crowd = idle_crowd(port)
        try:
            time.sleep(0.3)
            held = len(os.listdir(f"/proc/{term.pid}/fd")) - before
            time.sleep(max(0.0, 1.5 - (time.monotonic() - began)))  # past the double-tap guard
            answer = tap(url, port, "lap", "lap1")
            assert answer["applied"] is True, answer
            deadline = time.monotonic() + TIMEOUT_S
            while not (sessions(db) and logged_reps(db, sessions(db)[0][0])):
                assert time.monotonic() < deadline, "the tap's rep never reached the log"
                time.sleep(0.1)
            time.sleep(5.0)  # the door's few seconds for a whole request, and some
            still_open = sum(1 for sock in crowd if not closed_by_server(sock))
        finally:
            for sock in crowd:
                sock.close()
    assert len(crowd) == CROWD
    print(f"descriptors: {before} before the crowd, {held} more with it at the door")
    assert held <= 64 + 8, f"the app held {held} more descriptors with the crowd at the door"
    assert still_open == 0
