"""Memory over a real session: the installed app in tmux running `40x20s/10s` for minutes.

Starts `intervaltimer run 40x20s/10s --no-sound --lead-in 0` in its own tmux
server at 80x24 (after enter on its preview), reads the process's resident
memory (VmRSS from /proc) once a minute, and prints it with the change since
minute 2, when the screen and the caches have settled. The peer, in the same
run, is `termdown` counting down as long, measured the same way.

Goal: from minute 2 to the end the app holds its memory within 2 MB.
Prints PASS or FAIL and exits 0 either way (a goal, not a test).

    .venv/bin/python benchmarks/memory_tmux.py [--minutes 10]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.tmux import app_env, command_path, shell_line, terminal  # noqa: E402

GOAL_MB = 2.0
SETTLED_MINUTE = 2


def rss_mb(pid: int) -> float | None:
    """Resident memory of `pid` in MB; None when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=10)
    minutes = parser.parse_args().minutes
    with tempfile.TemporaryDirectory(prefix="memory-bench-") as tmp:
        root = Path(tmp)
        env = app_env(root)
        ours = shell_line(command_path("intervaltimer"), "run", "40x20s/10s", "--no-sound",
                          "--lead-in", "0", "--db", root / "log.sqlite3")
        theirs = shell_line(command_path("termdown"), str(minutes * 60 + 30))
        with terminal(ours, env, root) as app, terminal(theirs, env, root) as other:
            app.wait_for(re.compile(r"40 x 20 s"), 60)
            app.send("Enter")
            app_pid, other_pid = app.pane_pid(), other.pane_pid()
            started = time.monotonic()
            rows: list[tuple[int, float | None, float | None]] = []
            for minute in range(minutes + 1):
                time.sleep(max(0.0, started + minute * 60 - time.monotonic()))
                rows.append((minute, rss_mb(app_pid), rss_mb(other_pid)))
    base = {name: rows[SETTLED_MINUTE][index] for index, name in ((1, "ours"), (2, "termdown"))}
    print(f"`40x20s/10s` in tmux at 80x24, resident memory (MB), change since minute "
          f"{SETTLED_MINUTE}:")
    print(f"{'minute':>6} {'intervaltimer':>14} {'change':>8} {'termdown':>10} {'change':>8}")
    for minute, mine, peer in rows:
        def cell(value: float | None, start: float | None) -> str:
            if value is None:
                return f"{'gone':>10} {'':>8}"
            change = f"{value - start:+8.2f}" if start is not None else f"{'':>8}"
            return f"{value:10.1f} {change}"
        print(f"{minute:6d}    {cell(mine, base['ours'])} {cell(peer, base['termdown'])}")
    settled = [mine for minute, mine, _ in rows if minute >= SETTLED_MINUTE and mine is not None]
    spread = max(settled) - min(settled) if settled else float("inf")
    print(f"goal: within {GOAL_MB:g} MB from minute {SETTLED_MINUTE} on: "
          f"{'PASS' if spread <= GOAL_MB else 'FAIL'} (spread {spread:.2f} MB)")


if __name__ == "__main__":
    main()
