"""The installed `intervaltimer run` in tmux: stray laps in a timed rest do not cut it.

Two 100 m reps at mile pace with a 30 s rest. Rep 1 is lapped at the line;
then, as from a second phone and a clicker, two more laps come 1.2 s and
2.5 s after it. The rest must stay on the clock (the screen says the double
tap was ignored), run its 30 s, and the log must hold a rest of at least
29.5 s for rep 1 (`intervaltimer show last --json`).
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers.tmux import app_env, big_clock, command_path, shell_line, terminal

pytestmark = pytest.mark.e2e

TIMEOUT_S = 30.0
REST = re.compile(r"^\s*REST\s*\n\s*Rest 30 s", re.M)


def test_laps_soon_after_the_lap_leave_the_timed_rest_running(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    app = command_path("intervaltimer")
    env = app_env(tmp_path)
    command = shell_line(app, "run", "2x100m@mile/30s", "--race", "mile=5:40", "--no-sound",
                         "--db", db)
    with terminal(command, env, tmp_path) as term:
        term.wait_for("3 s lead-in", TIMEOUT_S)
        term.send("Enter")
        term.wait_for(lambda screen: re.search(r"^\s*RUN\s*\n\s*Rep 1/2", screen, re.M)
                      is not None and big_clock(screen) in ("0:02", "0:03"), TIMEOUT_S)
        term.send("Space")
        lapped = time.monotonic()
        term.wait_for(REST, TIMEOUT_S)
        for after_s in (1.2, 2.5):
            time.sleep(max(0.0, lapped + after_s - time.monotonic()))
            term.send("Space")
        ignored = term.wait_for("double tap ignored", TIMEOUT_S)
        assert REST.search(ignored), ignored
        time.sleep(max(0.0, lapped + 4.0 - time.monotonic()))
        still = term.screen()
        assert REST.search(still), still  # the rest runs on ...
        assert big_clock(still) in ("0:27", "0:26", "0:25"), still
        term.send("Space")  # ... and a lap later in it does not end it either
        told = term.wait_for("s skips it", TIMEOUT_S)
        assert REST.search(told), told
        term.wait_for(lambda screen: re.search(r"LAST REP\s*\n\s*Rep 2/2", screen) is not None,
                      TIMEOUT_S + 30.0)
        rest_seen_s = time.monotonic() - lapped
        assert rest_seen_s >= 29.5
        term.send("q")
        term.wait_for("Quit this run?", TIMEOUT_S)
        term.send("y")
        term.wait_for("abandoned", TIMEOUT_S)
        term.send("q")
        assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
    shown = subprocess.run([app, "show", "last", "--json", "--db", str(db)], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    reps = json.loads(shown.stdout)["reps"]
    assert len(reps) == 1
    print(f"logged rest after rep 1: {reps[0]['rest_s']} s")
    assert reps[0]["rest_s"] >= 29.5
