"""What the log holds: sessions, the reps run in them, and the summary row of the history list.

Instants are wall-clock Unix epoch seconds (`float`); the app converts from its
monotonic clock when it writes. JSON shows them as ISO-8601 local time with
offset (`iso_time`).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from intervaltimer.coach.thresholds import SHORT_REP_SHARE as SHORT_REP_SHARE


class SessionStatus(StrEnum):
    """Where a session stands; equal to its plain string ("running", ...)."""

    RUNNING = "running"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


MAIN_SET_DONE = "main set done"  # `ending` of a run ended after its main set (completed)
QUIT = "quit"  # `ending` of a run quit before that (abandoned; offered for resume a while)
CLOSED = "closed"  # `ending` of a quit run closed at the resume offer
ENDING_STATUS = {MAIN_SET_DONE: SessionStatus.COMPLETED.value,
                 QUIT: SessionStatus.ABANDONED.value, CLOSED: SessionStatus.ABANDONED.value}
"""Each `ending` with the only status a session so ended can have."""


@dataclass(frozen=True)
class SessionRecord:
    """One run of a workout, as stored when it started and updated as it went.

    `source` is the workout's text at the time and `source_hash` its SHA-256, so
    sessions of an edited workout can be told apart. `paces` maps each named pace
    used to seconds per metre. `plan_steps` is the number of steps of the plan;
    `steps_done` the plan index (1-based) of the last step finished, 0 before the
    first, so a crashed session resumes at `steps_done + 1`. `note` and
    `session_rpe` (CR-10, 0..10) are given after the session. `updated_at` is the
    instant of the last write: the end of a session abandoned by a crash.
    `main_rest_s` is the rest planned between the main set's reps (the rung of the
    rest ladder the session ran) and `reps_planned` the main set's reps planned; both
    None for a session logged before they were kept (see `coach.sessions.rung_of`).
    """

    id: int
    workout: str
    started_at: float
    ended_at: float | None
    status: SessionStatus
    note: str | None = None
    session_rpe: int | None = None
    source: str = ""
    source_hash: str = ""
    paces: dict[str, float] = field(default_factory=dict)
    plan_steps: int = 0
    workout_path: str | None = None
    steps_done: int = 0
    updated_at: float | None = None
    damaged: str | None = None
    """Why the stored row was not sane (read back marked, with safe stand-ins), or None."""
    main_rest_s: float | None = None
    reps_planned: int | None = None
    conditions: tuple[str, ...] = ()
    """Bad conditions the runner flagged (``coach.inputs.CONDITIONS``); () when normal."""
    ending: str | None = None
    """How it ended beyond `status`: MAIN_SET_DONE, QUIT, CLOSED, or None."""
    not_run: tuple[str, ...] = ()
    """The steps left out of a session ended as MAIN_SET_DONE (`Strides 1/4 · 100 m`)."""

    @property
    def duration_s(self) -> float | None:
        """Seconds from start to end; None while running."""
        return None if self.ended_at is None else self.ended_at - self.started_at

    @property
    def status_words(self) -> str:
        """`completed`, `main set done`, `abandoned`, `running`: the status as said."""
        return MAIN_SET_DONE if self.ending == MAIN_SET_DONE else str(self.status)


@dataclass(frozen=True)
class RepRecord:
    """One rep as it ended: its split against its target, and the effort given for it.

    `index` is the rep's number in the session (1..n, unique per session);
    `step_index` the plan step it ran. `rest_s` is the rest actually taken after
    it (known later), `rpe` the effort on the CR-10 scale (0..10), None until given.
    A rep the runner skipped is still a rep: `skipped` is True and `split_s` None.
    `main` says whether the plan put the rep in the main set (None: logged before
    plans said so; `review.main_set` then guesses from targets and distances).
    """

    session_id: int
    index: int
    step_index: int
    label: str
    split_s: float | None
    started_at: float
    ended_at: float
    distance_m: float | None = None
    target_s: float | None = None
    rest_s: float | None = None
    rpe: int | None = None
    damaged: str | None = None
    """Why the stored row was not sane (read back marked, left out of metrics), or None."""
    skipped: bool = False
    main: bool | None = None

    @property
    def deviation_s(self) -> float | None:
        """Split minus target (positive = slower); None without a target or a split."""
        if self.target_s is None or self.split_s is None:
            return None
        return self.split_s - self.target_s


@dataclass(frozen=True)
class SessionSummary:
    """A history row, computed in SQL: the session and its reps' count and means.

    Means are over the session's reps; `mean_rpe` over the rated reps only and
    `mean_deviation_s` over the reps with a target (None when there are none).
    """

    id: int
    workout: str
    started_at: float
    ended_at: float | None
    status: SessionStatus
    reps: int
    mean_split_s: float | None
    mean_rpe: float | None
    mean_deviation_s: float | None
    session_rpe: int | None
    note: str | None = None
    damaged: str | None = None
    reps_planned: int | None = None
    reps_done: int | None = None
    """Main-set reps run (not skipped); None when `reps_planned` is unknown."""
    main_rest_s: float | None = None
    conditions: tuple[str, ...] = ()
    """Bad conditions the runner flagged; () when normal."""
    ending: str | None = None
    """As `SessionRecord.ending`: MAIN_SET_DONE for a run ended after its main set."""

    @property
    def status_words(self) -> str:
        """`completed`, `main set done`, `abandoned`, `running`: the status as said."""
        return MAIN_SET_DONE if self.ending == MAIN_SET_DONE else str(self.status)

    @property
    def duration_s(self) -> float | None:
        """Seconds from start to end; None while running."""
        return None if self.ended_at is None else self.ended_at - self.started_at


def check_rpe(value: int | None, what: str = "effort") -> int | None:
    """`value` if an effort on the CR-10 scale (whole number 0..10) or None; else ValueError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{what} must be a whole number from 0 to 10, not {value!r}")
    return value


def check_seconds(value: float | None, what: str) -> float | None:
    """`value` as float if a finite time >= 0 (or None); else ValueError naming `what`."""
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{what} must be a finite number of seconds >= 0, not {value!r}")
    return number


def source_hash(source: str) -> str:
    """SHA-256 of a workout's source text, as hex."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def iso_time(epoch_s: float, timespec: str = "seconds") -> str:
    """An instant as ISO-8601 local time with its UTC offset: `2025-05-01T18:30:12+02:00`."""
    return datetime.fromtimestamp(epoch_s).astimezone().isoformat(timespec=timespec)


def parse_iso_time(text: str) -> float:
    """The epoch seconds of an ISO-8601 time; without an offset it is read as local time."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()
