"""Setting a run off: find a session to resume, open the log, build the runner. No Textual.

`start_run(...)` is the one way a run is assembled, for the preview's Enter,
the phone's START and the tests alike: the log's session (a new one, or a
crashed or quit one taken over), the engine's session on the clock, the cue
player, and what the runner's profile asks of it. `unfinished(...)` finds the
session of the same workout to offer for resume: one a crash left running,
or one quit before its main set was done within RESUME_WITHIN_S.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intervaltimer.engine.session import Session
from intervaltimer.log.resume import resumable_sessions
from intervaltimer.track.runlog import Resume, RunLog
from intervaltimer.track.runner import Runner

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.log.records import SessionRecord
    from intervaltimer.log.store import Store
    from intervaltimer.track.runs import Runs
    from intervaltimer.workout.model import Workout
    from intervaltimer.workout.plan import Plan

RESUME_WITHIN_S = 12 * 3600.0  # a run quit this recently is offered for resume


@dataclass(frozen=True)
class RunClocks:
    """The clocks a run reads: monotonic for the engine, wall-clock for the log."""

    clock: Callable[[], float]
    wall_clock: Callable[[], float]


def unfinished(store: Store | None, workout: str, now_wall: float) -> SessionRecord | None:
    """The newest session of `workout` to offer for resume (crashed, or quit within
    RESUME_WITHIN_S of `now_wall`), None when there is none. Raises the store's error."""
    if store is None:
        return None
    found = resumable_sessions(store, workout, now_wall - RESUME_WITHIN_S)
    return found[0] if found else None


def resume_point(store: Store, record: SessionRecord) -> Resume:
    """Where `record` goes on: the step after the last one it finished, with its reps."""
    stored = max((rep.index for rep in store.reps(record.id)), default=0)
    return Resume(record.id, record.steps_done + 1, stored)


def start_run(plan: Plan, workout: Workout, *, store: Store | None, clocks: RunClocks,
              player: Player | None, lead_in_s: float | None = None,
              resume: Resume | None = None, ask_unpaced: bool = False,
              runs: Runs | None = None) -> Runner:
    """The runner of `plan`, its session open in the log (`store`, None for no log).

    Not started: `runner.start()` sets it off at `runner.at_step` (a resumed run at
    the step it left). A new session's row is written by the log's writer thread, so
    a log locked by another program does not hold the start up (see `RunLog.begin`).
    Raises the store's error only when a session to resume cannot be taken over.
    `runs`: the app's runs, which keep the new run's log to settle at the end.
    """
    log = RunLog.begin(store, plan, workout, clock=clocks.clock,
                       wall_clock=clocks.wall_clock, resume=resume)
    runner = Runner(Session(plan, clocks.clock, lead_in_s), log, player, clocks.clock)
    runner.ask_unpaced = ask_unpaced
    runner.at_step = resume.at_step if resume is not None else 1
    if runs is not None:
        runs.add(runner)
    return runner
