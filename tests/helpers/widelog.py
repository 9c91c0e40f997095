"""A log whose numbers are as wide as they come, for the desk's "no number cut" walks.

Five sessions of one workout: slow and fast ones (a mean split of 3:54.2, a ±
of -1:10.3, a load of 5850, fades of -48.7 %), one abandoned and one ended
after its main set, so every column and status is at its widest.
"""

from __future__ import annotations

from pathlib import Path

from intervaltimer.log.store import Store

T0 = 1_746_100_000.0
DAY = 86400.0
WORKOUT = "8 x 400 m at mile pace"
# (first split, rest, how it ended)
SESSIONS = [(84.0, 60.0, "completed"), (161.3, 45.0, "completed"), (70.0, 30.0, "abandoned"),
            (240.0, 90.0, "main set done"), (20.0, 15.0, "completed")]


def wide_log(path: Path) -> list[int]:
    """Write the sessions into the log at `path`; their ids, oldest first."""
    ids = []
    with Store.open(path) as store:
        for n, (first, rest, ended) in enumerate(SESSIONS):
            start = T0 + 3 * n * DAY
            session = store.start_session(WORKOUT, "src", {}, 16, started_at=start,
                                          main_rest_s=rest, reps_planned=8)
            splits = [first + (9.7 * i if n == 1 else -1.3 * i) for i in range(1, 9)]
            for i, split in enumerate(splits, start=1):
                store.record_rep(session, i, step_index=2 * i - 1, label=f"Rep {i}/8",
                                 split_s=split, ended_at=start + 200 * i, distance_m=400.0,
                                 target_s=84.5, rest_s=rest, rpe=min(10, 5 + i % 6), main=True)
            store.finish_session(session, "abandoned" if ended == "abandoned" else "completed",
                                 ended_at=start + 3000 + 9000 * n,
                                 ending="main set done" if ended == "main set done" else None)
            store.set_session_rpe(session, 9)
            ids.append(session)
    return ids


def mean_splits(path: Path) -> list[float]:
    """Each session's mean split, oldest first."""
    with Store.open(path) as store:
        return [sum(r.split_s or 0.0 for r in store.reps(session.id)) / 8
                for session in sorted(store.sessions(), key=lambda s: s.started_at)]
