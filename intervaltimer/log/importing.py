"""A JSON export read back (``intervaltimer import``): every value checked before anything is added.

``read_export`` parses and checks the whole file (the shape is in ``intervaltimer.log.exchange``);
any problem refuses the file, one line a refused session, as ``sessions[2].reps[0].split_s:
is 1e+308; a split is 0 to 86400 s (24 hours)``. The bounds are those of
``intervaltimer.log.sane``: splits 0–24 h, distances 0–1000 km, efforts 0–10, instants
1970–2100, whole numbers in SQLite's range, valid Unicode of bounded length, nesting at most
MAX_DEPTH deep. ``import_sessions`` then adds the sessions not already in the log: a session
is already there when the log has one of the same workout, started at the same millisecond,
with the same reps (numbers, splits to the millisecond, efforts), so importing the same file
twice adds nothing the second time, and two sessions started 2 ms apart are both kept. A
session of the same workout and start that differs is refused, one line naming the rep,
unless it completes an unfinished session of the log (see ``importmatch``): an import never
replaces or deletes what was logged.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from intervaltimer.coach.inputs import conditions_problem, ordered_conditions
from intervaltimer.log.exchange import EXPORT_FORMAT, EXPORT_VERSION
from intervaltimer.log.importmatch import ImportConflict
from intervaltimer.log.records import (
    CLOSED,
    ENDING_STATUS,
    MAIN_SET_DONE,
    QUIT,
    RepRecord,
    SessionRecord,
    SessionStatus,
    check_rpe,
    parse_iso_time,
    source_hash,
)
from intervaltimer.log.renames import renamed
from intervaltimer.log.sane import (
    MAX_PACE_S_PER_M,
    MAX_REPS,
    SQLITE_MAX_INT,
    HugeNumber,
    distance_problem,
    instant_problem,
    seconds_problem,
    text_problem,
    whole_problem,
)
from intervaltimer.safetext import display_safe, safe_json

if TYPE_CHECKING:
    from intervaltimer.log.store import Store


class ExportFormatError(ValueError):
    """A file that is not a readable intervaltimer JSON export; the message says where."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did: sessions added (or completed) and their reps added, sessions
    already in the log, and a line for each session refused (it differs from the log's)."""

    added: int
    reps: int
    skipped: int
    refused: tuple[str, ...] = ()


MAX_DEPTH = 32
"""Deepest nesting of lists and objects read (an export nests 5 deep)."""
MAX_PROBLEMS = 20


def _fail(where: str, message: str) -> ExportFormatError:
    return ExportFormatError(f"{where}: {message}" if where else message)


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_KIND_WORDS: dict[type | tuple[type, ...], str] = {
    bool: "true or false", int: "a whole number", (int, float): "a number", str: "text",
    list: "a list",
    dict: "an object",
}


def _shown(value: Any) -> str:
    if isinstance(value, HugeNumber):
        return f"a {len(value.lstrip('-'))}-digit number"
    try:
        return safe_json(value)[:40]
    except (TypeError, ValueError):
        return type(value).__name__


def _get(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...],
         required: bool = True) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise _fail(where or "the file", f"{key!r} is missing")
        return None
    value = obj[key]
    if isinstance(value, HugeNumber) and kind in (int, (int, float)):
        raise _fail(_at(where, key), f"is {_shown(value)}; too large for the log")
    if isinstance(value, bool) and kind is not bool or not isinstance(value, kind) \
            or isinstance(value, HugeNumber):
        raise _fail(_at(where, key), f"must be {_KIND_WORDS.get(kind, 'something else')}, "
                    f"not {_shown(value)}")
    return value


def _text(obj: dict[str, Any], key: str, where: str, kind: str,
          required: bool = False) -> str | None:
    value: str | None = _get(obj, key, where, str, required)
    if value is not None and (problem := text_problem(value, kind)) is not None:
        raise _fail(_at(where, key), problem)
    return value


def _whole(obj: dict[str, Any], key: str, where: str, low: int, high: int,
           required: bool = False) -> int | None:
    value: int | None = _get(obj, key, where, int, required)
    if value is not None and (problem := whole_problem(value, low, high)) is not None:
        raise _fail(_at(where, key), problem)
    return value


def _instant(obj: dict[str, Any], key: str, where: str, required: bool = True) -> float | None:
    text = _text(obj, key, where, "workout", required)
    if text is None:
        return None
    try:
        value = parse_iso_time(text)
    except (ValueError, OverflowError, OSError):
        raise _fail(_at(where, key), f"{text!r} is not an ISO 8601 time") from None
    if instant_problem(value) is not None:
        raise _fail(_at(where, key), f"{text!r} is out of range; an instant is between 1970 "
                    "and 2100")
    return value


def _seconds(obj: dict[str, Any], key: str, where: str, required: bool = False,
             what: str = "a time") -> float | None:
    value = _get(obj, key, where, (int, float), required)
    if value is None:
        return None
    problem = distance_problem(value) if key == "distance_m" else seconds_problem(value, what)
    if problem is not None:
        raise _fail(_at(where, key), problem)
    return float(value)


def _effort(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = _get(obj, key, where, int, required=False)
    try:
        return check_rpe(value, key)
    except ValueError:
        raise _fail(_at(where, key), f"is {_shown(value)}; an effort is a whole number from "
                    "0 to 10") from None


def _rep(obj: Any, where: str, session_start: float) -> RepRecord:
    if not isinstance(obj, dict):
        raise _fail(where, "must be an object")
    index = _whole(obj, "index", where, 1, MAX_REPS, required=True)
    assert index is not None
    skipped = bool(_get(obj, "skipped", where, bool, False))  # version 2: a rep not run
    split = None if skipped else _seconds(obj, "split_s", where, required=True, what="a split")
    ran = split or 0.0
    ended = _instant(obj, "ended_at", where, required=False)
    started = _instant(obj, "started_at", where, required=False)
    if ended is None:
        ended = (started + ran) if started is not None else session_start + ran
    return RepRecord(
        session_id=0, index=index,
        step_index=_whole(obj, "step_index", where, 0, SQLITE_MAX_INT) or index,
        label=_text(obj, "label", where, "label") or "", split_s=split,
        started_at=ended - ran if started is None else started, ended_at=ended,
        distance_m=_seconds(obj, "distance_m", where),
        target_s=_seconds(obj, "target_s", where, what="a target"),
        rest_s=_seconds(obj, "rest_s", where, what="a rest"), rpe=_effort(obj, "rpe", where),
        skipped=skipped, main=_get(obj, "main", where, bool, False))


def _paces(obj: dict[str, Any], where: str) -> dict[str, float]:
    paces = _get(obj, "paces", where, dict, False) or {}
    if len(paces) > 50:
        raise _fail(f"{where}.paces", f"has {len(paces)} paces; at most 50")
    for name, value in paces.items():
        problem = text_problem(name, "pace")
        if problem is None and (isinstance(value, bool) or not isinstance(value, int | float)
                                or isinstance(value, HugeNumber) or not math.isfinite(value)
                                or not 0 < value <= MAX_PACE_S_PER_M):
            problem = f"is {_shown(value)}; a pace is seconds per metre, above 0"
        if problem is not None:
            raise _fail(f"{where}.paces.{display_safe(name)[:40]}", problem)
    return {str(k): float(v) for k, v in paces.items()}


def _session(obj: Any, where: str) -> tuple[SessionRecord, list[RepRecord]]:
    if not isinstance(obj, dict):
        raise _fail(where, "must be an object")
    workout = (_text(obj, "workout", where, "workout", required=True) or "").strip()
    if not workout:
        raise _fail(f"{where}.workout", "is empty")
    started = _instant(obj, "started_at", where)
    assert started is not None
    status = _text(obj, "status", where, "status") or "completed"
    if status not in {s.value for s in SessionStatus}:
        raise _fail(f"{where}.status", f"{display_safe(repr(status))[:40]} is not completed, "
                    "abandoned or running")
    reps_in = _get(obj, "reps", where, list, False) or []
    if len(reps_in) > MAX_REPS:
        raise _fail(f"{where}.reps", f"has {len(reps_in):,} reps; at most {MAX_REPS:,}")
    reps = [_rep(rep, f"{where}.reps[{i}]", started) for i, rep in enumerate(reps_in)]
    if len({rep.index for rep in reps}) != len(reps):
        raise _fail(f"{where}.reps", "two reps have the same index")
    source = _text(obj, "source", where, "source") or ""
    main_rest = _seconds(obj, "main_rest_s", where, what="a rest")
    planned = _whole(obj, "reps_planned", where, 0, MAX_REPS)
    older = renamed(workout)  # an older quick name: today's, as the log's migration does
    if older is not None:
        workout = older.workout
        main_rest = older.main_rest_s if main_rest is None else main_rest
        planned = older.reps_planned if planned is None else planned
    session = SessionRecord(
        id=0, workout=workout, started_at=started,
        ended_at=_instant(obj, "ended_at", where, False),
        status=SessionStatus(status), note=_text(obj, "note", where, "note"),
        session_rpe=_effort(obj, "session_rpe", where), source=source,
        source_hash=_text(obj, "source_hash", where, "source_hash") or source_hash(source),
        paces=_paces(obj, where),
        plan_steps=_whole(obj, "plan_steps", where, 0, SQLITE_MAX_INT) or 0,
        workout_path=_text(obj, "workout_path", where, "workout_path"),
        steps_done=_whole(obj, "steps_done", where, 0, SQLITE_MAX_INT) or 0,
        main_rest_s=main_rest, reps_planned=planned,
        conditions=_conditions(obj, where), ending=_ending(obj, where, status),
        not_run=_not_run(obj, where))
    if session.not_run and session.ending != MAIN_SET_DONE:
        raise _fail(f"{where}.not_run", "lists steps left out, but the session did not end as "
                    f"{MAIN_SET_DONE!r}")
    return session, reps




def _ending(obj: dict[str, Any], where: str, status: str) -> str | None:
    """The session's ``ending`` (version 4; absent or null: a plain end)."""
    value = obj.get("ending")
    if value is None:
        return None
    if not isinstance(value, str) or isinstance(value, HugeNumber) \
            or value not in ENDING_STATUS:
        raise _fail(f"{where}.ending", f"is {_shown(value)}; an ending is \"main set done\", "
                    "\"quit\", \"closed\" or null")
    if ENDING_STATUS[value] != status:
        raise _fail(f"{where}.ending", f"{value!r} goes with status {ENDING_STATUS[value]}, "
                    f"not {display_safe(status)[:40]}")
    # A session quit elsewhere is not offered for resume here, as a running one is not.
    return CLOSED if value == QUIT else str(value)


def _not_run(obj: dict[str, Any], where: str) -> tuple[str, ...]:
    """The labels of the steps a "main set done" session left out (version 4; absent: ())."""
    labels = _get(obj, "not_run", where, list, required=False) or []
    if len(labels) > MAX_REPS:
        raise _fail(f"{where}.not_run", f"has {len(labels):,} steps; at most {MAX_REPS:,}")
    for i, label in enumerate(labels):
        problem = ("is a number, not text" if isinstance(label, HugeNumber)
                   else text_problem(label, "label"))
        if problem is not None:
            raise _fail(f"{where}.not_run[{i}]", problem)
    return tuple(labels)


def _conditions(obj: dict[str, Any], where: str) -> tuple[str, ...]:
    """The session's ``conditions`` (version 3; absent or null: normal)."""
    value = obj.get("conditions")
    if value is None:
        return ()
    problem = conditions_problem(value)
    if problem is not None:
        shown = display_safe(problem)[:120]
        raise _fail(f"{where}.conditions", shown)
    return ordered_conditions(value)


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before parsing (the parser would recurse)."""
    depth = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                col = token.start() - (text.rfind("\n", 0, token.start()) + 1) + 1
                raise ExportFormatError(f"line {line}, column {col}: nested more than "
                                        f"{MAX_DEPTH} levels deep; an export nests 5")
        elif mark in "]}":
            depth -= 1


def _parse_int(digits: str) -> int | HugeNumber:
    return int(digits) if len(digits) <= 20 else HugeNumber(digits)


def _parse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def read_export(text: str) -> list[tuple[SessionRecord, list[RepRecord]]]:
    """The sessions of a JSON export, checked; ``ExportFormatError`` says what and where.

    Errors read ``line 3, column 5: ...`` for bad JSON and ``sessions[2].reps[0].split_s:
    ...`` for a value that is wrong, one line a refused session (at most MAX_PROBLEMS);
    any problem refuses the whole file.
    """
    _check_depth(text)
    try:
        document = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise ExportFormatError(
            f"line {error.lineno}, column {error.colno}: not JSON ({error.msg})") from None
    except (ValueError, RecursionError) as error:
        raise ExportFormatError(f"not a readable export: {error}") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ExportFormatError("not an intervaltimer export (no \"format\": "
                                f"\"{EXPORT_FORMAT}\"); make one with `intervaltimer export "
                                "--format json`")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > EXPORT_VERSION:
        raise ExportFormatError(f"export version {_shown(version)} is newer than this "
                                f"intervaltimer reads ({EXPORT_VERSION}); upgrade intervaltimer")
    sessions = _get(document, "sessions", "", list)
    read: list[tuple[SessionRecord, list[RepRecord]]] = []
    problems: list[str] = []
    for i, obj in enumerate(sessions):
        try:
            read.append(_session(obj, f"sessions[{i}]"))
        except ExportFormatError as error:
            problems.append(str(error))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        raise ExportFormatError("\n".join(shown + ([f"... and {more} more"] if more else []))
                                + "\nnothing was imported")
    return read


def import_sessions(store: Store,
                    sessions: Sequence[tuple[SessionRecord, Sequence[RepRecord]]]) -> ImportResult:
    """Add the sessions not already in the log, each in its own transaction; complete an
    unfinished one from its rescue; refuse one that differs from the log's (see
    `importmatch`): nothing the log holds is replaced or deleted."""
    added = reps = skipped = 0
    refused: list[str] = []
    for i, (session, session_reps) in enumerate(sessions):
        try:
            if store.import_session(session, session_reps) is None:
                skipped += 1
                continue
        except ImportConflict as conflict:
            when = datetime.fromtimestamp(session.started_at).strftime("%Y-%m-%d %H:%M")
            refused.append(f"sessions[{i}] ({display_safe(session.workout)[:60]}, {when}): "
                           f"{conflict}")
            continue
        added += 1
        reps += len(session_reps)
    return ImportResult(added=added, reps=reps, skipped=skipped, refused=tuple(refused))
