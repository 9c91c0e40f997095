"""A seeded log for the review's tests: three workouts' sessions at fixed local times.

- "8 x 400 m at mile pace" (target 1:27.24 a rep): on Wed 9 Apr 2025 eight reps of 88.0 s at
  effort 7 (the previous session); on Fri 11 Apr an abandoned try of three reps; on Mon 14 Apr
  the review's worked example, 87, 86, 87, 88, 88, 89, 90, 91 s at efforts 6,6,7,7,8,8,9,9,
  45 minutes long, without a session effort or a note yet (the session just finished).
- "10 x 400 m at 5k pace" (target 80 s): six Mondays from 3 Mar 2025, every one averaging
  80.0 s, the mean effort 7.0, 6.8, 6.5, 6.3, 6.1, 5.9 and the fade 4.6 % down to 2.0 % in
  equal steps (the review's example sentence).
- "6 x 800 m" (targets changed): 2:52 (deviation +2) on Wed 5 Mar against 2:50, then 2:47
  (+2) on Wed 19 Mar against 2:45.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from intervaltimer.log.store import Store

MILE_400 = "8 x 400 m at mile pace"
FIVE_K_400 = "10 x 400 m at 5k pace"
EIGHT_HUNDREDS = "6 x 800 m"

WORKED_SPLITS = (87.0, 86.0, 87.0, 88.0, 88.0, 89.0, 90.0, 91.0)
WORKED_RPES = (6, 6, 7, 7, 8, 8, 9, 9)
MILE_TARGET = 87.24
FIVE_K_RPES = ((7,) * 10, (6,) * 2 + (7,) * 8, (6,) * 5 + (7,) * 5, (6,) * 7 + (7,) * 3,
               (6,) * 9 + (7,), (5,) + (6,) * 9)
FIVE_K_FADES = (4.6, 4.08, 3.56, 3.04, 2.52, 2.0)


def at(year: int, month: int, day: int, hour: int = 18) -> float:
    """Epoch seconds of a local time."""
    return datetime(year, month, day, hour, 0).timestamp()


@dataclass(frozen=True)
class Seeded:
    """The ids of the seeded sessions."""

    path: Path
    latest: int
    abandoned: int
    previous: int
    five_k: tuple[int, ...]
    eight_hundreds: tuple[int, ...]


def add_session(store: Store, workout: str, start: float, splits: tuple[float, ...],
                rpes: tuple[int | None, ...], target_s: float | None, *,
                distance_m: float = 400.0, minutes: float = 45.0, status: str = "completed",
                session_rpe: int | None = None, note: str | None = None) -> int:
    """One session written as a run writes it: start, each rep as it ends, then finished."""
    session_id = store.start_session(workout, f"name: {workout}\n", {}, plan_steps=2 * len(splits),
                                     started_at=start)
    clock = start + 600.0  # after a 10 min warm-up
    for index, (split, rpe) in enumerate(zip(splits, rpes, strict=True), start=1):
        clock += split
        store.record_rep(session_id, index, step_index=2 * index, label=f"Rep {index}",
                         split_s=split, ended_at=clock, distance_m=distance_m,
                         target_s=target_s, rpe=rpe)
        clock += 60.0
    store.finish_session(session_id, status, ended_at=start + minutes * 60)
    if session_rpe is not None:
        store.set_session_rpe(session_id, session_rpe)
    if note is not None:
        store.set_note(session_id, note)
    return session_id


def five_k_splits(session: int) -> tuple[float, ...]:
    """Ten splits averaging 80 s: first a, last a · (1 + fade), the eight between equal."""
    first = 78.0 + 0.2 * session
    last = first * (1 + FIVE_K_FADES[session] / 100)
    middle = (800.0 - first - last) / 8
    return (first, *([middle] * 8), last)


def seed(path: Path) -> Seeded:
    """Write the log described in the module docstring at ``path``."""
    with Store.open(path) as store:
        five_k = tuple(
            add_session(store, FIVE_K_400, at(2025, 3, 3) + timedelta(weeks=i).total_seconds(),
                        five_k_splits(i), FIVE_K_RPES[i], 80.0, minutes=40.0,
                        session_rpe=(7, 7, 6, 6, 6, 5)[i])
            for i in range(6))
        eight_hundreds = (
            add_session(store, EIGHT_HUNDREDS, at(2025, 3, 5), (172.0,) * 6, (8,) * 6, 170.0,
                        distance_m=800.0, minutes=50.0),
            add_session(store, EIGHT_HUNDREDS, at(2025, 3, 19), (167.0,) * 6, (8,) * 6, 165.0,
                        distance_m=800.0, minutes=50.0),
        )
        previous = add_session(store, MILE_400, at(2025, 4, 9), (88.0,) * 8, (7,) * 8,
                               MILE_TARGET, session_rpe=6, note="windy on the back straight")
        abandoned = add_session(store, MILE_400, at(2025, 4, 11), (85.0, 86.0, 95.0),
                                (6, 7, 10), MILE_TARGET, minutes=20.0, status="abandoned")
        latest = add_session(store, MILE_400, at(2025, 4, 14), WORKED_SPLITS, WORKED_RPES,
                             MILE_TARGET)
    return Seeded(path=path, latest=latest, abandoned=abandoned, previous=previous,
                  five_k=five_k, eight_hundreds=eight_hundreds)
