"""The preview's work on the log, each piece on a thread, answered by a message.

A log on a slow or locked disk must never freeze the preview: the advice,
the look for a session a crash left unfinished, reading where that session
goes on, and closing it run in thread workers (`start_read`). Each posts
its result to the screen as a message; a worker that fails instead is
reported through `READ_FAILURES`, the one table of what can fail here and
what the runner is told, in the line that says it. A damaged log costs the
advice or the resume offer, never the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import Worker, WorkerState

from intervaltimer.log.errors import StoreError
from intervaltimer.log.resume import abandon
from intervaltimer.track.runlog import Resume
from intervaltimer.track.start import resume_point, unfinished

if TYPE_CHECKING:
    from intervaltimer.coach.advice import Advice
    from intervaltimer.log.records import SessionRecord
    from intervaltimer.log.store import Store
    from intervaltimer.ui.screens.base import AppScreen
    from intervaltimer.workout.model import Workout

READS = "preview-log"  # the workers' group
ADVICE = "advice"
UNFINISHED = "unfinished"
RESUME = "resume"
ABANDON = "abandon"


@dataclass(frozen=True)
class ReadFailure:
    """What the runner is told when a read fails: in which line, before the error's words."""

    line: str  # a widget id on the preview
    says: str


READ_FAILURES: dict[str, ReadFailure] = {
    ADVICE: ReadFailure("preview-advice", "no advice"),
    UNFINISHED: ReadFailure("preview-problem", "cannot look for unfinished sessions"),
    RESUME: ReadFailure("preview-problem", "cannot read the unfinished session"),
    ABANDON: ReadFailure("preview-problem", "cannot close the unfinished session"),
}
"""Every log read (or write) of the preview that may fail, by worker name: the run can go
on without any of them, so each failure is one line on the preview, not an error."""


def failure(event: Worker.StateChanged) -> tuple[str, str] | None:
    """(line id, text) for a preview worker that failed; None for anything else."""
    worker = event.worker
    known = READ_FAILURES.get(worker.name)
    if event.state is not WorkerState.ERROR or worker.group != READS or known is None:
        return None
    return known.line, f"{known.says}: {worker.error}"


class AdviceRead(Message):
    """The log's advice for the workout on the preview."""

    def __init__(self, advice: Advice) -> None:
        super().__init__()
        self.advice = advice


@dataclass(frozen=True)
class Unfinished:
    """A session a crash (or an early quit) left unfinished, and how many of its reps the
    log holds (0 when they cannot be counted: the offer is made all the same)."""

    record: SessionRecord
    stored: int


class UnfinishedFound(Message):
    """The look for an unfinished session of the workout is done (`found` None: none)."""

    def __init__(self, found: Unfinished | None) -> None:
        super().__init__()
        self.found = found


class ResumeRead(Message):
    """Where the unfinished session goes on: the run may start."""

    def __init__(self, resume: Resume) -> None:
        super().__init__()
        self.resume = resume


class SessionClosed(Message):
    """The unfinished session is closed as abandoned (its reps kept)."""


def start_read(screen: AppScreen[None], name: str, read: Callable[..., Message],
               *args: Any) -> None:
    """Run `read(*args)` on a thread as the worker `name` (a key of READ_FAILURES); the
    message it returns is posted to `screen`."""
    def work() -> None:
        screen.post_message(read(*args))  # post_message is safe from any thread

    screen.run_worker(work, name=name, group=READS, thread=True, exit_on_error=False)


def read_advice(store: Store, name: str, today: Workout) -> AdviceRead:
    """The advice for `name` on the ladder of `today`."""
    from intervaltimer.log.coach import advice_for

    return AdviceRead(advice_for(store, name, today))


def find_unfinished(store: Store, name: str, now_wall: float) -> UnfinishedFound:
    """The newest unfinished session of `name` to offer for resuming, with its reps."""
    record = unfinished(store, name, now_wall)
    if record is None:
        return UnfinishedFound(None)
    try:
        stored = resume_point(store, record).reps_stored
    except StoreError:  # the offer still stands; reading on is tried again on the answer
        stored = 0
    return UnfinishedFound(Unfinished(record, stored))


def read_resume(store: Store, record: SessionRecord) -> ResumeRead:
    """Where `record` goes on."""
    return ResumeRead(resume_point(store, record))


def close_unfinished(store: Store, record: SessionRecord) -> SessionClosed:
    """Close `record` as abandoned."""
    abandon(store, record.id)
    return SessionClosed()
