"""The rest ladder in a real terminal (tmux): a quick workout run on 10 s rest, then on 5 s.

`4x100m@mile/10s` and `4x100m@mile/5s` are one workout, "4 x 100 m @ mile": the rest is a
setting of the session. Each session is run through the installed `intervaltimer run`
(the reps lapped, each rest skipped with `s` to keep the test short; the plan's rest is
what the session stores as its rung), then `trend --json` must hold both sessions with
their rest, and `next --json` an action. The second preview already shows today's rest
and the advice from the first session.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers.tmux import Terminal, app_env, big_clock, command_path, shell_line, terminal

pytestmark = pytest.mark.e2e

NAME = "4 x 100 m @ mile"
TIMEOUT_S = 30.0  # generous: a loaded 2-core machine
ACTIONS = {"shorten", "hold", "lengthen", "reps", "pace"}


def run_session(term: Terminal, rest_word: str) -> str:
    """Start from the preview, lap four reps (each after its clock shows 0:03: a lap within
    3 s of the one before is a double tap), skip each rest, and leave through the summary;
    the preview's screen."""
    preview = term.wait_for(re.compile(r"Today: .*\n(.*\n)*.*4 reps · 8 steps|4 reps · 8 steps"
                                       r"(.*\n)*.*Today: "), TIMEOUT_S)
    term.send("Enter")
    for rep in range(1, 5):
        # rep 4 of 4 is the LAST REP; its target, in big digits too, is under the clock
        running = re.compile(rf"^\s*(RUN|LAST REP)\s*\n\s*Rep {rep}/4 · 100 m @ mile", re.M)
        term.wait_for(lambda screen, p=running: p.search(screen) is not None
                      and big_clock(screen) in ("0:03", "0:04"), TIMEOUT_S)
        term.send("Space")
        term.wait_for(re.compile(rf"^\s*REST\s*\n\s*Rest {rest_word}", re.M), TIMEOUT_S)
        term.send("s")
    term.wait_for(re.compile(r"^\s*DONE\s*$", re.M), TIMEOUT_S)
    term.send("q")
    summary = term.wait_for("Next time:", TIMEOUT_S)
    assert "completed" in summary
    term.send("q")
    assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
    return preview


def test_two_rests_of_one_quick_workout_are_one_history_with_advice(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    app = command_path("intervaltimer")
    env = app_env(tmp_path)
    for quick, rest_word in (("4x100m@mile/10s", "10 s"), ("4x100m@mile/5s", "5 s")):
        command = shell_line(app, "run", quick, "--race", "mile=5:40", "--no-sound",
                             "--lead-in", "0", "--db", db)
        with terminal(command, env, tmp_path) as term:
            preview = run_session(term, rest_word)
        assert NAME in preview
        if rest_word == "5 s":  # the second session: today's rest beside the advice
            assert "Today: 5 s rest · advice: 10 s rest, same rung" in preview, preview

    def cli(*args: str) -> dict[str, object]:
        done = subprocess.run([app, *args, "--json", "--db", str(db)], env=env,
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        document = json.loads(done.stdout)
        assert isinstance(document, dict)
        return document

    trend = cli("trend", NAME)
    assert trend["workout"] == NAME
    sessions = trend["sessions"]
    assert isinstance(sessions, list)
    assert [(s["rest_s"], s["reps_done"], s["reps_planned"], s["status"]) for s in sessions] == [
        (10.0, 4, 4, "completed"), (5.0, 4, 4, "completed")]
    advice = cli("next", NAME)
    assert advice["action"] in ACTIONS and advice == trend["advice"]
    assert isinstance(advice["reasons"], list) and advice["reasons"]
