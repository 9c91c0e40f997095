"""The installed `intervaltimer run` in a real terminal (tmux): a runner's whole session.

Two 100 m reps at mile pace with 5 s rests: start from the preview, lap each
rep when the big clock shows a chosen second, rate each rep (the last one in
the final rest), let the rest's 3-2-1 carry into rep 2 on its own, see the
workout finish, leave through the summary, then read the log back with
`intervaltimer show last --json`. The screen is read with `capture-pane` at
every stage; nothing waits a fixed time.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers.tmux import (
    Terminal,
    app_env,
    big_clock,
    command_path,
    shell_line,
    terminal,
)

pytestmark = pytest.mark.e2e

WORKOUT = "2x100m@mile/5s"
# 100 m at the pace of a 5:40 mile: 340 s * 100 / 1609.344 = 21.13 s
TARGET = "21.1"
REP_1 = "Rep 1/2 · 100 m @ mile"
REP_2 = "Rep 2/2 · 100 m @ mile"
TIMEOUT_S = 30.0  # generous: a loaded 2-core machine


def phase_is(word: str, header: str) -> re.Pattern[str]:
    """The run screen's phase word (`RUN`, `REST`...) with the step line under it."""
    return re.compile(rf"^\s*{re.escape(word)}\s*\n\s*{re.escape(header)}\s*$", re.M)


def wait_clock(term: Terminal, pattern: re.Pattern[str], *readings: str) -> str:
    """Wait until the screen matches `pattern` with its big clock drawn (reading one of
    `readings`, if given); that screen."""
    def shown(screen: str) -> bool:
        clock = big_clock(screen)
        return (pattern.search(screen) is not None and clock is not None
                and (not readings or clock in readings))
    return term.wait_for(shown, TIMEOUT_S)


def last_split(screen: str, rep: str) -> tuple[float, float]:
    """The split and its difference from target on the `Last` line for `rep`."""
    found = re.search(rf"Last\s+{re.escape(rep)}\s+(\d+\.\d)\s+([+-]\d+\.\d) (faster|slower)",
                      screen)
    assert found, f"no last split for {rep} on the screen:\n{screen}"
    return float(found.group(1)), float(found.group(2))


def test_a_runner_runs_two_reps_laps_and_rates_them_in_a_real_terminal(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    app = command_path("intervaltimer")
    env = app_env(tmp_path)
    command = shell_line(app, "run", WORKOUT, "--race", "mile=5:40", "--no-sound", "--db", db)
    with terminal(command, env, tmp_path) as term:
        # The preview: the plan with its targets; enter starts.
        preview = term.wait_for(  # the plan, and the lines above it drawn
            lambda screen: re.search(r"^\s*4\s+Rest 5 s", screen, re.M) is not None
            and "3 s lead-in" in screen, TIMEOUT_S)
        assert "2 x 100 m @ mile" in preview
        assert re.search(rf"{re.escape(REP_1)}\s+{TARGET}\s+1:24\.5", preview), preview
        assert re.search(rf"{re.escape(REP_2)}\s+{TARGET}\s+1:24\.5", preview), preview
        assert "2 reps · 4 steps · 3 s lead-in" in preview
        assert "sound: off (--no-sound)" in preview
        term.send("Enter")

        # The lead-in, then rep 1 counting up from 0:00 with its target.
        lead_in = wait_clock(term, phase_is("GET READY", f"{REP_1} · target {TARGET}"))
        assert big_clock(lead_in) in ("0:03", "0:02", "0:01"), lead_in
        assert "space to go now" in lead_in
        running = phase_is("RUN", f"{REP_1} · target {TARGET}")
        rep_1 = wait_clock(term, running)
        assert big_clock(rep_1) in ("0:00", "0:01"), rep_1
        assert "space at the line" in rep_1
        assert "Last: no rep yet" in rep_1
        assert "Next: Rest 5 s" in rep_1

        # Lap when the clock shows 0:04: the split is 4.0 s and a bit.
        wait_clock(term, running, "0:04")
        term.send("Space")
        lapped_1 = time.monotonic()
        rest_1 = term.wait_for(phase_is("REST", "Rest 5 s"), TIMEOUT_S)
        split_1, delta_1 = last_split(rest_1, REP_1)
        assert 4.0 <= split_1 <= 5.5, rest_1
        assert delta_1 == pytest.approx(split_1 - 21.13, abs=0.11)
        assert "faster" in rest_1
        assert "How hard was Rep 1/2?  ?" in rest_1
        scale = re.sub(r"\s*\n█\s*", " ", rest_1)  # the prompt's lines, joined
        assert ("1 very, very easy · 2 easy · 3 moderate · 4 somewhat hard · 5 hard · "
                "7 very hard · 10 maximal") in scale
        assert f"Next: LAST REP · {REP_2} · target {TARGET}" in rest_1

        # An effort digit during the rest: 7, "very hard".
        term.send("7")
        rated_1 = term.wait_for("How hard was Rep 1/2?  7 very hard", TIMEOUT_S)
        assert re.search(rf"Last\s+{re.escape(REP_1)}.*· effort 7 very hard", rated_1), rated_1

        # The rest runs out on its own; its last seconds tick 3-2-1 into rep 2 (no lead-in).
        rest_clocks: set[str] = set()
        lead_ins: list[str] = []

        def rep_2_running(screen: str) -> bool:
            if "REST" in screen:
                rest_clocks.add(big_clock(screen) or "")
            if "GET READY" in screen:
                lead_ins.append(screen)
            return (phase_is("LAST REP", f"{REP_2} · target {TARGET}").search(screen) is not None
                    and big_clock(screen) is not None)

        rep_2 = term.wait_for(rep_2_running, TIMEOUT_S)
        rest_taken_s = time.monotonic() - lapped_1
        assert {"0:03", "0:02", "0:01"} <= rest_clocks, rest_clocks
        assert lead_ins == []
        assert 4.5 <= rest_taken_s <= 8.0
        assert big_clock(rep_2) in ("0:00", "0:01"), rep_2
        assert last_split(rep_2, REP_1) == (split_1, delta_1)  # the last split stays in view

        # Rep 2: lap at 0:05, then its effort in the final rest: 0 means 10, "maximal".
        running = phase_is("LAST REP", f"{REP_2} · target {TARGET}")
        wait_clock(term, running, "0:05")
        term.send("Space")
        rest_2 = term.wait_for(phase_is("REST", "Rest 5 s"), TIMEOUT_S)
        split_2, _ = last_split(rest_2, REP_2)
        assert 5.0 <= split_2 <= 6.5, rest_2
        assert "How hard was Rep 2/2?  ?" in rest_2
        assert "Next: finish" in rest_2
        term.send("0")
        term.wait_for("How hard was Rep 2/2?  10 maximal", TIMEOUT_S)

        # The workout ends on its own after the last rest.
        done = term.wait_for(re.compile(r"^\s*DONE\s*\n\s*2 reps in", re.M), TIMEOUT_S)
        assert "workout done · enter for the summary" in done
        assert re.search(rf"Last\s+{re.escape(REP_2)}.*· effort 10 maximal", done), done

        # q: the summary of the session with both reps; q again leaves the app.
        term.send("q")
        summary = term.wait_for("completed", TIMEOUT_S)
        assert "2 reps" in summary
        rows = re.findall(r"^\s*([12])\s+21\.1\s+(\d+\.\d)\s+[+-]\d+\.\d\s+(\d+)\b", summary,
                          re.M)
        assert rows == [("1", f"{split_1:.1f}", "7"), ("2", f"{split_2:.1f}", "10")], summary
        term.send("q")
        assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()

    shown = subprocess.run([app, "show", "last", "--json", "--db", str(db)], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    session = json.loads(shown.stdout)
    assert session["workout"] == "2 x 100 m @ mile"
    assert session["status"] == "completed"
    reps = session["reps"]
    assert [rep["index"] for rep in reps] == [1, 2]
    assert [rep["label"] for rep in reps] == [REP_1, REP_2]
    assert [rep["distance_m"] for rep in reps] == [100, 100]
    assert [rep["target_s"] for rep in reps] == [pytest.approx(21.13, abs=0.01)] * 2
    assert reps[0]["split_s"] == pytest.approx(split_1, abs=0.051)
    assert reps[1]["split_s"] == pytest.approx(split_2, abs=0.051)
    assert [rep["rpe"] for rep in reps] == [7, 10]
