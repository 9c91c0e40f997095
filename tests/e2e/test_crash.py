"""SIGKILL the real app at random instants of a running session, again and again.

Each round starts the installed `intervaltimer run` in tmux, answers the
resume offer the previous kill must have left (resume and abandon in turn),
runs reps like a runner in a hurry (a lap a little after each GO, an effort
digit in each rest), and kills the process with SIGKILL at a random instant,
often a split second after a lap. Then, with the app dead:

- every rep whose lap the screen acknowledged (its `Last` line) is in the
  log, with the effort the screen showed for it; nothing that was not run is;
- SQLite's `PRAGMA integrity_check` says ok;
- the session is still `running`, so the next round must be offered the resume.

Two terminals run rounds side by side (each with its own log) to keep the
test short; the seed of each run is in every failure message.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.tmux import Terminal, app_env, command_path, shell_line, terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
]

WORKOUT = "20x100m@mile/2s"
NAME = "20 x 100 m @ mile"  # quick workouts are named by their work
PLAN_STEPS = 40
KILLS = 30
TERMINALS = 2
LAP_AFTER_S = 1.15  # the engine ignores a lap within 1 s of GO (a double tap)
TIMEOUT_S = 30.0
POLL_S = 0.03

RUNNING_REP = re.compile(r"^\s*RUN\s*\n\s*Rep (\d+)/20 ·", re.M)
IN_REST = re.compile(r"^\s*REST\s*\n\s*Rest 2 s", re.M)
RUN_SCREEN = re.compile(r"^\s*(GET READY|RUN|REST)\s*\n\s*(Rep \d+/20|Rest 2 s)", re.M)
LAST_REP = re.compile(r"Last\s+Rep (\d+)/20 ·")
EFFORT_SHOWN = re.compile(r"How hard was Rep (\d+)/20\?\s+(\d+)\b")


@dataclass
class Ledger:
    """What one session has shown on screen, kept across the rounds that resume it."""

    session_id: int | None = None
    laps_sent: int = 0  # laps typed into this session (an upper bound on its reps)
    acked: int = 0  # the highest rep whose split the screen showed
    efforts: dict[int, int] = field(default_factory=dict)  # rep -> effort the screen showed
    run_screen_seen: bool = False


@dataclass(frozen=True)
class Stored:
    """The log's view of the newest session of the workout."""

    session_id: int
    status: str
    steps_done: int
    reps: list[tuple[int, str, float, int | None]]  # (index, label, split_s, rpe)


def integrity(db: Path) -> list[tuple[str]]:
    """`PRAGMA integrity_check` on a fresh connection."""
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def newest_session(db: Path) -> Stored | None:
    """The newest session of the workout with its reps, or None."""
    if not db.exists():
        return None
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT id, status, steps_done FROM session WHERE workout = ? "
                           "ORDER BY id DESC LIMIT 1", (NAME,)).fetchone()
        if row is None:
            return None
        reps = conn.execute("SELECT idx, label, split_s, rpe FROM rep WHERE session_id = ? "
                            "ORDER BY idx", (row[0],)).fetchall()
    finally:
        conn.close()
    return Stored(row[0], row[1], row[2], [tuple(r) for r in reps])


def flat(screen: str) -> str:
    """The screen's words in one line, without the borders of a dialog."""
    return " ".join(re.sub(r"[█▀▄▌▐]", " ", screen).split())


class Rounds:
    """One terminal's run of kills, with its own log and its own random instants."""

    def __init__(self, root: Path, kills: int, seed: int) -> None:
        self.root = root
        self.kills = kills
        self.seed = seed
        self.rng = random.Random(seed)
        self.db = root / "log.sqlite3"
        self.env = app_env(root)
        self.command = shell_line(command_path("intervaltimer"), "run", WORKOUT,
                                  "--race", "mile=5:40", "--no-sound", "--lead-in", "1",
                                  "--db", self.db)
        self.ledger = Ledger()
        self.left_running: Stored | None = None
        self.resumes = 0
        self.abandons = 0
        self.reps_checked = 0  # reps found in the log after the kills, summed over them
        self.kills_after_lap = 0  # kills within 0.3 s of a lap
        self.kills_in_run = 0  # kills while the run screen was up

    def where(self, round_no: int) -> str:
        return f"seed {self.seed}, round {round_no}"

    def play(self) -> None:
        """All the rounds, then one more start that must offer the last session back."""
        for round_no in range(1, self.kills + 1):
            with terminal(self.command, self.env, self.root) as term:
                self.open(term, round_no)
                self.run_and_kill(term, round_no)
            self.check_log(round_no)
        with terminal(self.command, self.env, self.root) as term:
            self.open(term, self.kills + 1, last=True)

    # ---- one round ------------------------------------------------------------------

    def open(self, term: Terminal, round_no: int, last: bool = False) -> None:
        """Start the app; answer the resume offer if the log holds a session left running."""
        where = self.where(round_no)
        crashed = self.left_running
        if crashed is None:
            term.wait_for(re.compile(r"20 reps · 40 steps · 1 s lead-in(.|\n)*Start"), TIMEOUT_S)
            assert "Unfinished session" not in term.screen(), where
            if not last:
                term.send("Enter")
                self.ledger = Ledger()
            return
        offer = flat(term.wait_for("Unfinished session", TIMEOUT_S))
        count = len(crashed.reps)
        assert (f"was left unfinished after step {crashed.steps_done} of {PLAN_STEPS}, with "
                f"{count} rep{'s' if count != 1 else ''} in the log") in offer, (where, offer)
        resume = not last and (self.resumes + self.abandons) % 2 == 0
        if resume:
            step = crashed.steps_done + 1
            rep = (step + 1) // 2
            label = f"Rep {rep}/20 · 100 m @ mile" if step % 2 else "Rest 2 s"
            assert f"r resume at step {step}: {label}" in offer, (where, offer)
            term.send("r")
            self.resumes += 1
            return
        term.send("a")
        self.abandons += 1
        deadline = time.monotonic() + TIMEOUT_S
        while (stored := newest_session(self.db)) is None or stored.status != "abandoned":
            assert time.monotonic() < deadline, (where, "the session was not abandoned")
            time.sleep(POLL_S)
        assert stored.session_id == crashed.session_id, where
        assert stored.reps == crashed.reps, (where, "abandoning dropped or changed reps")
        self.left_running = None
        if last:
            term.send("q")
            assert term.wait_until_exited(TIMEOUT_S) == 0, (where, term.screen())
            return
        term.wait_for(lambda s: "Unfinished session" not in s, TIMEOUT_S)
        term.send("Enter")
        self.ledger = Ledger()

    def run_and_kill(self, term: Terminal, round_no: int) -> None:
        """Run reps as a runner would until a random instant, then SIGKILL the app.

        A third of the kills fall anywhere in the first seconds (start-up, lead-in,
        the first rep); the rest a split second after the first or second lap.
        """
        pid = term.pane_pid()
        ledger = self.ledger
        ledger.run_screen_seen = False
        started = time.monotonic()
        kill_at = started + (self.rng.uniform(0.1, 3.0) if self.rng.random() < 1 / 3 else 12.0)
        kill_after_lap = self.rng.choice((1, 1, 1, 2, 2))
        seen_running: dict[int, float] = {}
        lapped: set[int] = set()
        rated: set[int] = set()
        while (now := time.monotonic()) < kill_at:
            screen = term.screen()
            self.note(screen)
            running = RUNNING_REP.search(screen)
            if running:
                rep = int(running.group(1))
                first = seen_running.setdefault(rep, now)
                if rep not in lapped and now - first >= LAP_AFTER_S:
                    term.send("Space")
                    lapped.add(rep)
                    ledger.laps_sent += 1
                    if len(lapped) == kill_after_lap and kill_at - started > 10:
                        kill_at = time.monotonic() + self.rng.uniform(0, 0.3)
                        self.kills_after_lap += 1
            elif IN_REST.search(screen) and ledger.acked and ledger.acked not in rated:
                rated.add(ledger.acked)
                term.send(str(self.rng.randint(0, 9)))
            time.sleep(POLL_S)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + TIMEOUT_S
        while not term.dead():
            assert time.monotonic() < deadline, self.where(round_no)
            time.sleep(POLL_S)
        self.note(term.screen())  # the last frame the app drew before it died

    def note(self, screen: str) -> None:
        """Keep what the screen acknowledged: laps (the Last line) and efforts."""
        ledger = self.ledger
        if RUN_SCREEN.search(screen):
            ledger.run_screen_seen = True
        for found in LAST_REP.finditer(screen):
            ledger.acked = max(ledger.acked, int(found.group(1)))
        for found in EFFORT_SHOWN.finditer(screen):
            effort = int(found.group(2))
            ledger.efforts[int(found.group(1))] = effort

    # ---- after the kill -------------------------------------------------------------

    def check_log(self, round_no: int) -> None:
        """Everything the screen acknowledged is in a sound log, and the session is open."""
        where = self.where(round_no)
        ledger = self.ledger
        assert integrity(self.db) == [("ok",)], where
        stored = newest_session(self.db)
        if stored is None or stored.status != "running":
            # Killed before the session began: then the screen never showed the run.
            assert not ledger.run_screen_seen, (where, stored)
            self.left_running = None
            return
        if ledger.session_id is None:
            ledger.session_id = stored.session_id
        assert stored.session_id == ledger.session_id, (where, "a resume began a new session")
        self.kills_in_run += ledger.run_screen_seen
        indexes = [rep[0] for rep in stored.reps]
        assert indexes == list(range(1, len(indexes) + 1)), (where, indexes)
        assert ledger.acked <= len(stored.reps) <= ledger.laps_sent, (
            where, ledger, stored.reps)
        for index, label, split_s, rpe in stored.reps:
            assert label == f"Rep {index}/20 · 100 m @ mile", (where, label)
            assert 1.0 <= split_s <= 20.0, (where, index, split_s)
            if index in ledger.efforts:
                assert rpe == ledger.efforts[index], (where, index, rpe, ledger.efforts)
        assert stored.steps_done <= PLAN_STEPS - 1, where
        self.reps_checked += len(stored.reps)
        self.left_running = stored


def test_sigkill_at_random_instants_loses_no_acknowledged_rep(tmp_path: Path) -> None:
    seed = random.SystemRandom().randrange(2**32)
    runs = []
    for n in range(TERMINALS):
        root = tmp_path / f"t{n}"
        root.mkdir()
        kills = KILLS // TERMINALS + (1 if n < KILLS % TERMINALS else 0)
        runs.append(Rounds(root, kills, seed + n))
    with ThreadPoolExecutor(TERMINALS) as pool:
        for done in [pool.submit(run.play) for run in runs]:
            done.result()
    assert sum(run.kills for run in runs) >= 30
    print(f"seed {seed}: " + "; ".join(
        f"{run.kills} kills, {run.kills_in_run} in the run, {run.kills_after_lap} just after a "
        f"lap, {run.resumes} resumed, {run.abandons} abandoned, {run.reps_checked} reps checked"
        for run in runs))
    # Both answers to the offer were exercised, and kills came while reps were stored.
    assert all(run.resumes >= 2 and run.abandons >= 2 for run in runs), seed
    assert sum(run.reps_checked for run in runs) >= 10, seed
    assert sum(run.kills_after_lap for run in runs) >= 10, seed
