"""Keep the log in step with a running session: every rep stored the moment it ends.

`RunLog.sync(view)` compares the session's splits with what it has written and
writes only the difference, each change in its own transaction: a new rep
(`record_rep`), an effort given or changed (`rate_rep`), the rest actually
taken (`set_rest`), a lap undone (`withdraw_rep`), and the step reached
(`mark_step_done`). Because it reconciles rather than replays events, a write
that failed is simply tried again at the next change (or after
`RETRY_AFTER_S`), and the log catches up with everything held in memory.

A store failure never reaches the screen as an exception: `problem` holds one
line to show, and the session carries on in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from intervaltimer.engine.events import Split

if TYPE_CHECKING:
    from intervaltimer.engine.view import SessionView
    from intervaltimer.log.records import RepRecord
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.plan import Plan

RETRY_AFTER_S = 10.0  # a failed write with nothing new to write is tried again this often


@dataclass(frozen=True)
class Resume:
    """Go on with a session a crash left running: its id, the plan step to start at,
    and how many reps it already has in the log (the next rep is `reps_stored + 1`)."""

    session_id: int
    at_step: int
    reps_stored: int


def paces_used(plan: Plan) -> dict[str, float]:
    """The paces the plan's targets came from, by name as written: seconds per metre."""
    paces: dict[str, float] = {}
    for step in plan.steps:
        if step.pace_text is not None and step.pace_s_per_m is not None:
            paces.setdefault(step.pace_text, step.pace_s_per_m)
    return paces


def stored_splits(reps: Sequence[RepRecord], plan: Plan, at_step: int,
                  wall_offset_s: float) -> dict[int, Split]:
    """The reps of a crashed session as the engine's splits, by their index in the log.

    Only reps of steps before `at_step` (where the session resumes) are taken;
    their wall-clock instants become clock instants (`mono = wall - wall_offset_s`).
    """
    splits: dict[int, Split] = {}
    for rep in sorted(reps, key=lambda r: r.index):
        if not 1 <= rep.step_index < at_step:
            continue
        step = plan.steps[rep.step_index - 1] if rep.step_index <= len(plan.steps) else None
        splits[rep.index] = Split(
            rep.step_index, None if step is None else step.rep, rep.label, rep.distance_m,
            rep.target_s, rep.split_s, rep.started_at - wall_offset_s,
            rep.ended_at - wall_offset_s, rest_s=rep.rest_s, rpe=rep.rpe)
    return splits


class RunLog:
    """The log of one run. With no store (`store=None`) it writes nothing and never fails.

    `wall_offset_s` turns the session's monotonic instants into the wall-clock
    epoch seconds the log keeps (`wall = mono + wall_offset_s`). A resumed
    session starts with the reps already in the log: `stored`, by their index
    in the log (the engine is handed them as its first splits, see
    `Session.start`); the reps run after the resume are numbered from
    `rep_base + 1` (at least the highest index stored).
    """

    def __init__(self, store: Store | None, session_id: int | None, *, wall_offset_s: float,
                 rep_base: int = 0, clock: Callable[[], float] | None = None,
                 stored: Mapping[int, Split] | None = None) -> None:
        self.store = store if session_id is not None else None
        self.session_id = session_id if store is not None else None
        self.wall_offset_s = wall_offset_s
        self.problem: str | None = None
        self.closed_as: str | None = None
        self._clock = clock
        self._stored = dict(sorted((stored or {}).items()))
        self.rep_base = max(rep_base, *self._stored) if self._stored else rep_base
        self._written: dict[int, Split] = dict(self._stored)
        self._steps_done: int | None = None
        self._failed_state: tuple[object, ...] | None = None
        self._retry_at = 0.0

    @classmethod
    def begin(cls, store: Store | None, plan: Plan, workout: Workout, *,
              clock: Callable[[], float], wall_clock: Callable[[], float],
              resume: Resume | None = None) -> RunLog:
        """Write the session row (or take over a crashed one) and return its log.

        Raises the store's `StoreError` when the session cannot be started, so
        the caller can say so before the runner sets off.
        """
        offset = wall_clock() - clock()
        if store is None:
            return cls(None, None, wall_offset_s=offset, clock=clock)
        if resume is not None:
            record = store.resume_session(resume.session_id)
            stored = stored_splits(store.reps(record.id), plan, resume.at_step, offset)
            log = cls(store, record.id, wall_offset_s=offset, rep_base=resume.reps_stored,
                      clock=clock, stored=stored)
            log._steps_done = record.steps_done
            return log
        session_id = store.start_session(
            workout.name, workout.source, paces_used(plan), len(plan.steps),
            workout_path=workout.path, started_at=wall_clock())
        log = cls(store, session_id, wall_offset_s=offset, clock=clock)
        log._steps_done = 0
        return log

    @property
    def logging(self) -> bool:
        """True when the run is being written to a log."""
        return self.store is not None

    @property
    def stored(self) -> tuple[Split, ...]:
        """The reps a resumed session already had in the log, in order (none for a new one)."""
        return tuple(self._stored.values())

    def index_of(self, position: int) -> int:
        """The log's index of the session's split number `position` (1-based)."""
        stored = list(self._stored)
        if position <= len(stored):
            return stored[position - 1]
        return self.rep_base + position - len(stored)

    @property
    def saved_reps(self) -> Mapping[int, Split]:
        """The reps as last written, by their index in the log."""
        return dict(self._written)

    def wall(self, mono: float) -> float:
        """The wall-clock epoch seconds of a session instant."""
        return mono + self.wall_offset_s

    def sync(self, view: SessionView) -> bool:
        """Write whatever changed since the last sync; True when the log is up to date."""
        store, session_id = self.store, self.session_id
        if store is None or session_id is None:
            return True
        wanted = {self.index_of(n): split for n, split in enumerate(view.splits, start=1)}
        steps_done = view.progress.steps_done
        state = (tuple(wanted.items()), steps_done)
        if self._failed_state == state and self._now() < self._retry_at:
            return False
        try:
            for index, split in wanted.items():
                self._write_rep(store, session_id, index, split)
            for index in sorted(set(self._written) - set(wanted), reverse=True):
                store.withdraw_rep(session_id, index)
                # withdrawing moves the log's progress back to the step before that rep
                self._steps_done = self._written.pop(index).step_index - 1
            if steps_done != self._steps_done:
                store.mark_step_done(session_id, steps_done)
                self._steps_done = steps_done
        except Exception as error:  # a StoreError, or anything the store let through
            self._failed(error, state)
            return False
        self.problem = None
        self._failed_state = None
        return True

    def _write_rep(self, store: Store, session_id: int, index: int, split: Split) -> None:
        """Write one rep, or only what changed of it (its effort, its rest)."""
        old = self._written.get(index)
        if old == split:
            return
        if old is not None and replace(old, rpe=split.rpe, rest_s=split.rest_s) == split:
            if old.rpe != split.rpe:
                store.rate_rep(session_id, index, split.rpe)
                self._written[index] = replace(old, rpe=split.rpe)
            if old.rest_s != split.rest_s:
                store.set_rest(session_id, index, split.rest_s)
            self._written[index] = split
            return
        store.record_rep(session_id, index, step_index=split.step_index, label=split.label,
                         split_s=split.split_s, ended_at=self.wall(split.ended_at),
                         started_at=self.wall(split.started_at), distance_m=split.distance_m,
                         target_s=split.target_s, rest_s=split.rest_s, rpe=split.rpe)
        self._written[index] = split

    def close(self, view: SessionView, status: str, ended_at: float) -> bool:
        """Write what is left and mark the session `status` ("completed" or "abandoned").

        `ended_at` is the session instant it ended. True when all of it was written.
        """
        synced = self.sync(view)
        store, session_id = self.store, self.session_id
        if store is None or session_id is None or self.closed_as is not None:
            return synced
        try:
            store.finish_session(session_id, status, ended_at=self.wall(ended_at))
        except Exception as error:
            self._failed(error, None)
            return False
        self.closed_as = status
        return synced

    def _failed(self, error: Exception, state: tuple[object, ...] | None) -> None:
        """Remember a failed write: one line for the screen, and when to try again."""
        self.problem = f"log not saved: {error} (the session is kept in memory; retrying)"
        self._failed_state = state
        self._retry_at = self._now() + RETRY_AFTER_S

    def _now(self) -> float:
        return self._clock() if self._clock is not None else 0.0
