"""A tap on the phone page, checked, applied to the runner once, and its answer.

Every tap carries an id made by the page. A phone on a weak hotspot may send
the same tap twice (it retries when an answer does not come); the `TapBook`
remembers the answers to the last taps by id, so a tap sent twice is applied
once and the second sending gets the first answer. A lap goes through
`Runner.lap()` like the space key, so the engine's guards hold for the phone
too: a second lap within 3 s of a lap from any source (a key, a clicker,
another phone) is a double tap, and a lap in a timed rest does not end it; the
answer then carries the runner's toast (`rest 0:41 left · s skips it`).

A tap that reaches the laptop long after the runner pressed (the phone was
out of reach and sent it on coming back) is refused rather than taken as a
lap now: `age_ms`, measured on the phone from the press to the sending, says
how old it is. A lap that is late but not stale is timed at its press: arrival
minus `age_ms` (at most STALE_TAP_MS), so a slow network does not lengthen
the split.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intervaltimer.engine.events import State

if TYPE_CHECKING:
    from intervaltimer.track.runner import Runner

ACTIONS = ("start", "lap", "effort", "undo", "pause", "skip")
TIMED_ACTIONS = ("start", "lap", "undo", "pause", "skip")  # meaningful only at their instant
STALE_TAP_MS = 3000  # a timed tap this old when sent is refused
TAP_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
REMEMBERED_TAPS = 1000
MAX_RPE = 10


class TapError(ValueError):
    """A request that is not a tap (bad JSON shape, unknown action, effort out of range)."""


@dataclass(frozen=True)
class Tap:
    """One press on the page: `action`, its `id`, for effort the `rpe` and the rep's plan
    `step`, and how long before sending it was pressed (`age_ms`)."""

    id: str
    action: str
    rpe: int | None = None
    step: int | None = None
    age_ms: int = 0


@dataclass(frozen=True)
class TapAnswer:
    """What became of a tap: applied or not, why not, and whether it was a repeat."""

    id: str
    applied: bool
    message: str = ""
    duplicate: bool = False

    def as_json(self) -> dict[str, Any]:
        """The answer's JSON body."""
        return {"id": self.id, "applied": self.applied, "message": self.message,
                "duplicate": self.duplicate}


def _whole(body: dict[str, Any], key: str, low: int, high: int) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TapError(f"{key} is a whole number from {low} to {high}")
    return value


def parse_tap(body: object) -> Tap:
    """A Tap from the page's JSON body; TapError says what is wrong with it."""
    if not isinstance(body, dict):
        raise TapError("a tap is a JSON object")
    tap_id, action = body.get("id"), body.get("action")
    if not isinstance(tap_id, str) or not TAP_ID.fullmatch(tap_id):
        raise TapError("id is 1 to 64 letters, digits, - or _")
    if action not in ACTIONS:
        raise TapError(f"action is one of {', '.join(ACTIONS)}")
    rpe = _whole(body, "rpe", 0, MAX_RPE)
    if action == "effort" and rpe is None:
        raise TapError(f"an effort tap has rpe, 0 to {MAX_RPE}")
    step = _whole(body, "step", 1, 1_000_000)
    age_ms = _whole(body, "age_ms", 0, 86_400_000) or 0
    return Tap(tap_id, str(action), rpe, step, age_ms)


class TapBook:
    """The answers to the last `size` taps, by id: a repeated tap gets its first answer."""

    def __init__(self, size: int = REMEMBERED_TAPS) -> None:
        self.size = size
        self._answers: OrderedDict[str, TapAnswer] = OrderedDict()

    def answer(self, tap: Tap, apply: Callable[[Tap], TapAnswer]) -> TapAnswer:
        """`apply(tap)` the first time its id is seen; the remembered answer after that."""
        seen = self._answers.get(tap.id)
        if seen is not None:
            return TapAnswer(seen.id, seen.applied, seen.message, duplicate=True)
        answer = apply(tap)
        self._answers[tap.id] = answer
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)
        return answer


def apply_tap(runner: Runner, tap: Tap) -> TapAnswer:
    """Press the runner's key for `tap`, as the keyboard would; the answer for the page."""
    if tap.action in TIMED_ACTIONS and tap.age_ms > STALE_TAP_MS:
        return TapAnswer(tap.id, False, f"{tap.action} came {tap.age_ms / 1000:.0f} s late "
                                        f"(the phone lost the laptop): not taken")
    if runner.status is not None and tap.action != "effort":
        return TapAnswer(tap.id, False, "the run is over")  # only the last rep's effort now
    if tap.action == "lap":
        done = runner.lap(ago_s=min(tap.age_ms, STALE_TAP_MS) / 1000)
        return TapAnswer(tap.id, done, "" if done else runner.toast or "not taken")
    if tap.action == "effort":
        return _rate(runner, tap)
    if tap.action == "undo":
        done = runner.undo()
        return TapAnswer(tap.id, done, "" if done else "nothing to undo")
    if tap.action == "pause":
        if runner.session.state is State.FINISHED:
            return TapAnswer(tap.id, False, "the workout is done")
        paused = runner.pause_or_resume()
        return TapAnswer(tap.id, True, "paused" if paused else "going on")
    if tap.action == "skip":  # a long press: the phone's own "are you sure"
        done = runner.skip()
        return TapAnswer(tap.id, done, "skipped: undo brings it back" if done
                         else "nothing to skip")
    return TapAnswer(tap.id, False, "the run has started")  # start


def _rate(runner: Runner, tap: Tap) -> TapAnswer:
    """The effort of the rep the page showed (`tap.step`), if that rep can still be rated."""
    last = runner.session.last_split
    if last is None:
        return TapAnswer(tap.id, False, "no rep to rate yet")
    if tap.step is not None and tap.step != last.step_index:
        return TapAnswer(tap.id, False, "that rep can no longer be rated")
    assert tap.rpe is not None
    rated = runner.rate(tap.rpe)
    return TapAnswer(tap.id, rated is not None, "" if rated is not None else "no rep to rate")
