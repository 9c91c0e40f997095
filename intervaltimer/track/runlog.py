"""Keep the log in step with a running session: every rep stored the moment it ends.

`RunLog.sync(view)` hands the log's writer thread (logwriter.py) what the log
should hold now: the session's splits by their index in the log, the step
reached and, once `close` was called, how the session ended. It returns at
once; the clock never waits on the disk. The writer compares that with what
it has written and writes only the difference, each change in its own
transaction: a new rep (`record_rep`), an effort given or changed
(`rate_rep`), the rest actually taken (`set_rest`), a lap undone
(`withdraw_rep`), the step reached (`mark_step_done`), the end
(`finish_session`). Because it reconciles rather than replays, a write that
failed is simply tried again, and the log catches up with everything held in
memory. Splits are the engine's, timed by its clock, never by when a write landed.

Before each write the store checks that its file is still the one it opened
(device and inode): a log deleted or replaced during the run is opened again
(re-created if it is gone) and the whole session written into it, and
`notice` says so.

A store failure never reaches the screen as an exception: `problem` holds one
line to show while the log is behind, and the session carries on in memory.
When the run's app ends, `finish` gives the writer a last moment; what it
still could not write goes to a rescue file (rescue.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intervaltimer.engine.events import Split
from intervaltimer.fileio import special_file_kind
from intervaltimer.log.errors import LockedError, ReplacedError, StoreError
from intervaltimer.log.resume import resume_session
from intervaltimer.track.logsync import Closed, LogState, LogSync, StartSession
from intervaltimer.track.logwriter import LogWriter

if TYPE_CHECKING:
    from intervaltimer.engine.view import SessionView
    from intervaltimer.log.records import RepRecord
    from intervaltimer.log.store import Store
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.plan import Plan

FLUSH_S = 5.0  # how long `flush` waits by default
FIRST_WRITE_S = 0.3  # how long the start waits for the session's row before running anyway


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
            rep.ended_at - wall_offset_s, rest_s=rep.rest_s, rpe=rep.rpe, skipped=rep.skipped,
            main_set=rep.main)
    return splits


def short_reason(error: Exception) -> str:
    """Why a write failed, in a few words for the run screen (the file is in the preview)."""
    if isinstance(error, LockedError):
        return "the log is locked by another program"
    text = str(error)
    if isinstance(error, StoreError):
        text = text.removeprefix(f"{error.path}: ")
    return text.split("; ")[0]


class RunLog:
    """The log of one run. With no store (`store=None`) it writes nothing and never fails.

    `wall_offset_s` turns the session's monotonic instants into the wall-clock
    epoch seconds the log keeps (`wall = mono + wall_offset_s`). A resumed
    session starts with the reps already in the log: `stored`, by their index
    in the log (the engine is handed them as its first splits, see
    `Session.start`); the reps run after the resume are numbered from
    `rep_base + 1` (at least the highest index stored). `start` writes the
    session's row into a store; it is called again if the log has to be
    re-created during the run, and for a rescue file.
    """

    def __init__(self, store: Store | None, session_id: int | None, *, wall_offset_s: float,
                 rep_base: int = 0, clock: Callable[[], float] | None = None,
                 stored: Mapping[int, Split] | None = None, steps_done: int | None = None,
                 start: StartSession | None = None, started_at: float | None = None) -> None:
        # A store with no session yet but a way to start one writes the session's row from
        # the writer thread (the log was locked at the start): it is logged all the same.
        pending = session_id is None and start is not None
        self.store = store if session_id is not None or pending else None
        self.wall_offset_s = wall_offset_s
        self.closed_as: str | None = None
        self.notice: str | None = None
        self.start_session = start
        self.started_at = started_at
        self._clock = clock
        self._stored = dict(sorted((stored or {}).items()))
        self.rep_base = max(rep_base, *self._stored) if self._stored else rep_base
        self._state: LogState | None = None
        self._closed: Closed | None = None
        self._sync: LogSync | None = None
        self._writer: LogWriter[LogState] | None = None
        if self.store is not None:
            self._sync = LogSync(self.store, session_id, wall_offset_s,
                                 written=self._stored, steps_done=steps_done, start=start)
            self._writer = LogWriter(self._write)

    @property
    def session_id(self) -> int | None:
        """The session's id in the log; None when not logging, or while its row waits to be
        written (see `begin`)."""
        return self._sync.session_id if self._sync is not None else None

    @classmethod
    def begin(cls, store: Store | None, plan: Plan, workout: Workout, *,
              clock: Callable[[], float], wall_clock: Callable[[], float],
              resume: Resume | None = None) -> RunLog:
        """Write the session row (or take over a crashed one) and return its log.

        The new session's row is written by the writer thread, as every rep is: the
        run starts at once even when another program holds the log's lock, and the
        writer catches up once it frees (`problem` says so meanwhile); the start
        waits up to FIRST_WRITE_S for the row, so a free log has its id at once.
        Raises the store's `StoreError` when a crashed session cannot be taken over
        (another intervaltimer has just resumed it), so the caller can say so before
        the runner sets off.
        """
        offset = wall_clock() - clock()
        if store is None:
            return cls(None, None, wall_offset_s=offset, clock=clock)

        def start(target: Store, started_at: float) -> int:
            return target.start_session(
                workout.name, workout.source, paces_used(plan), len(plan.steps),
                workout_path=workout.path, started_at=started_at,
                main_rest_s=plan.main_rest_s, reps_planned=plan.main_reps or None)

        if resume is not None:
            record = resume_session(store, resume.session_id)
            stored = stored_splits(store.reps(record.id), plan, resume.at_step, offset)
            return cls(store, record.id, wall_offset_s=offset, rep_base=resume.reps_stored,
                       clock=clock, stored=stored, steps_done=record.steps_done,
                       start=lambda target: start(target, record.started_at),
                       started_at=record.started_at)
        started_at = wall_clock()
        log = cls(store, None, wall_offset_s=offset, clock=clock, steps_done=0,
                  start=lambda target: start(target, started_at), started_at=started_at)
        assert log._writer is not None
        log._writer.submit(LogState((), 0))
        log._state = LogState((), 0)
        log._writer.wait(FIRST_WRITE_S)
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
        return dict(self._sync.written) if self._sync is not None else {}

    @property
    def state(self) -> LogState | None:
        """What the log was last asked to hold (None before the first sync)."""
        return self._state

    def wall(self, mono: float) -> float:
        """The wall-clock epoch seconds of a session instant."""
        return mono + self.wall_offset_s

    # ---- the screen's side: hands over, never waits ----------------------------------------

    def sync(self, view: SessionView) -> bool:
        """Hand the writer whatever changed; True when the log already holds all of it."""
        self._submit(view)
        return not self.behind

    def close(self, view: SessionView, status: str, ended_at: float, *,
              ending: str | None = None, not_run: Sequence[str] = ()) -> bool:
        """Hand over what is left and the session's end: `status` ("completed" or
        "abandoned") at the session instant `ended_at`, and its `ending` (main set done,
        quit) with the steps left out. True when all of it is written."""
        if self.closed_as is None:
            self.closed_as = status
            self._closed = Closed(status, self.wall(ended_at), ending, tuple(not_run))
        self._submit(view)
        return not self.behind

    def _submit(self, view: SessionView) -> None:
        if self._writer is None:
            return
        reps = tuple((self.index_of(n), split) for n, split in enumerate(view.splits, start=1))
        state = LogState(reps, view.progress.steps_done, self._closed)
        if state != self._state:
            self._state = state
            self._writer.submit(state)

    @property
    def behind(self) -> bool:
        """True while something the session holds is not yet in the log."""
        return self._writer is not None and self._writer.behind

    @property
    def unsaved(self) -> tuple[int, int]:
        """What the log lacks of the session's reps: (reps not in it at all, reps in it whose
        effort or rest changed since)."""
        if self._state is None or self._sync is None:
            return (0, 0)
        written = dict(self._sync.written)
        new = sum(1 for index, _ in self._state.reps if index not in written)
        changed = sum(1 for index, split in self._state.reps
                      if index in written and written[index] != split)
        return (new, changed)

    @property
    def unsaved_words(self) -> str:
        """`4 reps and 1 change`, `1 change`; `the session's end` when only that is missing."""
        new, changed = self.unsaved
        parts = [f"{new} rep{'s' if new != 1 else ''}"] if new else []
        if changed:
            parts.append(f"{changed} change{'s' if changed != 1 else ''} to a stored rep"
                         if not new else f"{changed} change{'s' if changed != 1 else ''}")
        return " and ".join(parts) or "the session's end"

    @property
    def error(self) -> Exception | None:
        """Why the last write failed, while the log is behind; None when it is not failing."""
        return self._writer.error if self._writer is not None else None

    @property
    def problem(self) -> str | None:
        """One line about a log that cannot be written now, or None."""
        error = self.error
        if error is None or not self.behind:
            return None
        if self.session_id is None:
            return (f"log not written yet: {short_reason(error)}; the run goes on, kept in "
                    "memory, and is written as soon as the log frees")
        return (f"log not saved: {short_reason(error)} ({self.unsaved_words} kept in memory; "
                "retrying)")

    def flush(self, timeout_s: float = FLUSH_S) -> bool:
        """Wait up to `timeout_s` for the writer to write everything handed over; True if it did.

        For the end of a run and for tests; the running clock never calls this.
        """
        return self._writer is None or self._writer.wait(timeout_s)

    def finish(self, timeout_s: float) -> bool:
        """The writer's last chance: wait up to `timeout_s`, then stop it. True when the log
        holds the whole session."""
        return self._writer is None or self._writer.close(timeout_s)

    # ---- the writer thread's side ----------------------------------------------------------

    def _write(self, state: LogState) -> None:
        sync = self._sync
        assert sync is not None
        try:
            sync.apply(state)
        except ReplacedError as error:
            self._reopen(sync, error)
            sync.apply(state)
            count = len(state.reps)
            self.notice = (f"{error.what}: the log was opened again at {sync.store.path} and "
                           f"the session ({count} rep{'s' if count != 1 else ''}) written to it")

    def _reopen(self, sync: LogSync, error: ReplacedError) -> None:
        """Open the log file found at the path now (re-created if gone) and find or start the
        session there; everything is then written again."""
        store = sync.store
        kind = special_file_kind(store.path)
        if kind is not None:  # never opened: a FIFO would block, a device is not ours
            raise StoreError(store.path, f"{error.what.replace('another file', kind)}, which is "
                                         "left alone; the reps are kept in memory, and in a "
                                         "rescue file on leaving")
        store.file.reopen()
        record = store.session(sync.session_id) if sync.session_id is not None else None
        same = (record is not None and self.started_at is not None
                and abs(record.started_at - self.started_at) < 0.001)
        if not same:
            if self.start_session is None:
                raise error
            sync.session_id = self.start_session(store)
        sync.written = {}
        sync.steps_done = None
        sync.closed = None
