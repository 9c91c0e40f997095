"""What one store holds of a running session, and the writes that bring it up to date.

`LogState` is what the log should hold (the session's reps by their index in
the log, the step reached, how it ended); `LogSync` compares it with what it
has written to one store and writes only the difference, each change in its
own transaction. The run log's writer thread (runlog.py) uses one for the
log, and the rescue (rescue.py) one more for a rescue file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from intervaltimer.engine.events import Split

if TYPE_CHECKING:
    from intervaltimer.log.store import Store


@dataclass(frozen=True)
class LogState:
    """What the log should hold for the session: its reps by index in the log, the last
    plan step done, and how it ended (`(status, wall-clock end)`, None while running)."""

    reps: tuple[tuple[int, Split], ...]
    steps_done: int
    closed: Closed | None = None


@dataclass(frozen=True)
class Closed:
    """How the session ended: its status, at the wall-clock `ended_at`, with its `ending`
    (main set done, quit) and the steps left out (see `Store.finish_session`)."""

    status: str
    ended_at: float
    ending: str | None = None
    not_run: tuple[str, ...] = ()


StartSession = Callable[["Store"], int]
"""Writes the session's row into a store (the log, a re-created log, a rescue) and
returns its id there."""


class LogSync:
    """What one store holds of the session, and the writes that bring it to a `LogState`.

    Used by the writer thread for the log, and once more for a rescue file.
    """

    def __init__(self, store: Store, session_id: int | None, wall_offset_s: float, *,
                 written: Mapping[int, Split] | None = None,
                 steps_done: int | None = None, start: StartSession | None = None) -> None:
        self.store = store
        self.session_id = session_id
        self.start = start
        self.wall_offset_s = wall_offset_s
        self.written: dict[int, Split] = dict(written or {})
        self.steps_done = steps_done
        self.closed: Closed | None = None

    def apply(self, state: LogState) -> None:
        """Write whatever differs from `state`; raises the store's error when a write fails.

        A session whose row could not be written yet (the log was locked when the run
        started) gets it first.
        """
        if self.session_id is None:
            if self.start is None:
                raise ValueError("a log sync with no session and no way to start one")
            self.session_id = self.start(self.store)
            self.steps_done = 0
        store, session_id = self.store, self.session_id
        wanted = dict(state.reps)
        for index, split in wanted.items():
            self._write_rep(index, split)
        for index in sorted(set(self.written) - set(wanted), reverse=True):
            store.withdraw_rep(session_id, index)
            # withdrawing moves the log's progress back to the step before that rep
            self.steps_done = self.written.pop(index).step_index - 1
        if state.steps_done != self.steps_done:
            store.mark_step_done(session_id, state.steps_done)
            self.steps_done = state.steps_done
        closed = state.closed
        if closed is not None and closed != self.closed:
            store.finish_session(session_id, closed.status, ended_at=closed.ended_at,
                                 ending=closed.ending, not_run=closed.not_run)
            self.closed = closed

    def _write_rep(self, index: int, split: Split) -> None:
        """Write one rep, or only what changed of it (its effort, its rest)."""
        store, session_id = self.store, self.session_id
        assert session_id is not None
        old = self.written.get(index)
        if old == split:
            return
        if old is not None and replace(old, rpe=split.rpe, rest_s=split.rest_s) == split:
            if old.rpe != split.rpe:
                store.rate_rep(session_id, index, split.rpe)
                self.written[index] = replace(old, rpe=split.rpe)
            if old.rest_s != split.rest_s:
                store.set_rest(session_id, index, split.rest_s)
            self.written[index] = split
            return
        offset = self.wall_offset_s
        store.record_rep(session_id, index, step_index=split.step_index, label=split.label,
                         split_s=split.split_s, ended_at=split.ended_at + offset,
                         started_at=split.started_at + offset, distance_m=split.distance_m,
                         target_s=split.target_s, rest_s=split.rest_s, rpe=split.rpe,
                         skipped=split.skipped, main=split.main_set)
        self.written[index] = split
