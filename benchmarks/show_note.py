"""`intervaltimer show` of a session whose note is long: time against the note's length.

Times `show 1` as a whole process for notes of 0, 1 MB and 10 MB (a session with
eight reps), and `cat` of a file of the same size as the peer. The goal is linear:
the 10 MB note costs at most 10x the 1 MB note over the empty one, or under 0.5 s over
it, where the ratio of two small numbers is noise (before the fix,
rich wrapped the note and a 10 MB note took 49 s). Prints PASS or FAIL and exits 0
either way (a speed goal is not a test).

    .venv/bin/python benchmarks/show_note.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (0, 1_000_000, 10_000_000)


def _log(folder: Path, note_chars: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from intervaltimer.log.store import Store

    path = folder / f"log-{note_chars}.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("8 x 400 m", "name: x\n", {}, 17, started_at=1.7e9)
        for i in range(1, 9):
            store.record_rep(session, i, step_index=2 * i, label=f"Rep {i}/8", split_s=85.0 + i,
                             ended_at=1.7e9 + 200 * i, distance_m=400.0, target_s=86.0, rpe=6)
        store.finish_session(session, "completed", ended_at=1.7e9 + 2000)
        if note_chars:
            store.set_note(session, ("windy on the back straight " * (note_chars // 27 + 1))
                           [:note_chars])
    return path


def _time(command: list[str], runs: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    command = str(Path(sys.executable).parent / "intervaltimer")
    env = {**os.environ, "COLUMNS": "100"}
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for size in SIZES:
            log = _log(Path(folder), size)
            peer = Path(folder) / f"note-{size}.txt"
            peer.write_text("x" * size)
            rows.append((size, _time([command, "show", "1", "--db", str(log)], runs, env),
                         _time(["cat", str(peer)], runs, env)))
    print(f"{'note':>12}  {'show':>9}  {'cat (peer)':>10}")
    for size, show_s, cat_s in rows:
        print(f"{size:>12,}  {show_s * 1000:>7.0f} ms  {cat_s * 1000:>7.0f} ms")
    base = rows[0][1]
    one, ten = rows[1][1] - base, rows[2][1] - base
    ratio = ten / one if one > 0 else float("inf")
    verdict = "PASS" if ten <= max(10 * one, 0.5) else "FAIL"
    # Tens of milliseconds above the empty note are process noise, not growth: under 0.5 s
    # the 10 MB note passes whatever the ratio of two such small numbers.
    print(f"10 MB over 1 MB, above the empty note: {ratio:.1f}x "
          f"(linear: <= 10x, or under 0.5 s above the empty note) {verdict}")


if __name__ == "__main__":
    main()
