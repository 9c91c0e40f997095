"""The log written out (CSV for a spreadsheet, JSON for a program) and a JSON export read back.

JSON export (``export --format json``), sessions oldest first, one object per rep::

    {"format": "intervaltimer-export", "version": 1,
     "exported_at": "2025-05-08T20:00:00.000+02:00",
     "sessions": [
       {"id": 12, "workout": "8 x 400 m at mile pace",
        "started_at": "2025-05-01T18:30:12.000+02:00", "ended_at": "..." | null,
        "status": "completed", "note": "windy" | null, "session_rpe": 7 | null,
        "source": "name: ...", "source_hash": "<sha-256 hex>", "paces": {"mile": 0.2113},
        "plan_steps": 17, "workout_path": "workouts/8x400.yaml" | null, "steps_done": 17,
        "reps": [{"index": 1, "step_index": 3, "label": "Rep 1/8 · 400 m @ mile",
                  "distance_m": 400.0, "target_s": 87.24, "split_s": 87.0,
                  "started_at": "...", "ended_at": "...", "rest_s": 61.2 | null,
                  "rpe": 6 | null}, ...]},
       ...]}

Instants are ISO 8601 local time with offset, to the millisecond; ``paces`` are seconds per
metre; ``id`` is the session's number in the exporting log (import gives new numbers).

CSV export: one row per rep of every session, oldest first, with a header row (``CSV_COLUMNS``).
Dates are ``YYYY-MM-DD HH:MM:SS`` local time, the form LibreOffice and Excel both read as a
date-time (neither reads an ISO ``T`` with an offset as one); numbers are plain decimals with a
point and no units; an empty cell is a missing value. Text that a spreadsheet would take for a
formula (a note starting ``=``, ``+``, ``-`` or ``@``) gets a leading apostrophe.

Import (``read_export`` + ``import_sessions``) takes the JSON export back. A session already in
the log (the same workout started within half a second, ``Store.import_session``) is skipped,
so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from intervaltimer.log.records import (
    RepRecord,
    SessionRecord,
    SessionStatus,
    check_rpe,
    check_seconds,
    iso_time,
    parse_iso_time,
    source_hash,
)
from intervaltimer.safetext import safe_json

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

EXPORT_FORMAT = "intervaltimer-export"
EXPORT_VERSION = 1

CSV_COLUMNS = (
    "session", "workout", "started_at", "status", "session_rpe", "duration_s", "note",
    "rep", "label", "distance_m", "target_s", "split_s", "deviation_s", "rpe", "rest_s",
)
"""The CSV header: a session's number, workout, start, status, session effort, duration and
note, then the rep's number, label, distance, target, split, split − target, effort, rest."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFormatError(ValueError):
    """A file that is not a readable intervaltimer JSON export; the message says where."""


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def _iso_ms(epoch_s: float | None) -> str | None:
    return None if epoch_s is None else iso_time(epoch_s, timespec="milliseconds")


def _all_sessions(store: Store) -> Iterator[tuple[SessionRecord, list[RepRecord]]]:
    """Every session oldest first with its reps (two queries, whatever the log's size)."""
    sessions = store.sessions()
    reps = store.reps_by_session(None)
    for session in reversed(sessions):
        yield session, reps.get(session.id, [])


# -- JSON -------------------------------------------------------------------------------------


def session_document(session: SessionRecord, reps: Sequence[RepRecord]) -> dict[str, Any]:
    """One session of the JSON export, its reps inside."""
    return {
        "id": session.id, "workout": session.workout,
        "started_at": _iso_ms(session.started_at), "ended_at": _iso_ms(session.ended_at),
        "status": str(session.status), "note": session.note, "session_rpe": session.session_rpe,
        "source": session.source, "source_hash": session.source_hash,
        "paces": dict(sorted(session.paces.items())), "plan_steps": session.plan_steps,
        "workout_path": session.workout_path, "steps_done": session.steps_done,
        "reps": [
            {"index": rep.index, "step_index": rep.step_index, "label": rep.label,
             "distance_m": rep.distance_m, "target_s": _round(rep.target_s),
             "split_s": _round(rep.split_s), "started_at": _iso_ms(rep.started_at),
             "ended_at": _iso_ms(rep.ended_at), "rest_s": _round(rep.rest_s), "rpe": rep.rpe}
            for rep in reps
        ],
    }


def export_json(store: Store, exported_at: float) -> str:
    """The whole log as the JSON export (see the module docstring), UTF-8 text."""
    document = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported_at": _iso_ms(exported_at),
        "sessions": [session_document(s, r) for s, r in _all_sessions(store)],
    }
    return safe_json(document, indent=2) + "\n"


# -- CSV --------------------------------------------------------------------------------------


def spreadsheet_text(text: str | None) -> str:
    """A text cell a spreadsheet shows as typed: a would-be formula gets a leading apostrophe."""
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: float | int | None, digits: int = 3) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _local(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s).strftime("%Y-%m-%d %H:%M:%S")


def csv_rows(store: Store) -> Iterator[list[str]]:
    """The CSV export's rows after the header: one per rep of every session, oldest first."""
    for session, reps in _all_sessions(store):
        head = [str(session.id), spreadsheet_text(session.workout), _local(session.started_at),
                str(session.status), _number(session.session_rpe),
                _number(session.duration_s, 1), spreadsheet_text(session.note)]
        for rep in reps:
            yield head + [
                str(rep.index), spreadsheet_text(rep.label), _number(rep.distance_m),
                _number(rep.target_s), _number(rep.split_s), _number(rep.deviation_s),
                _number(rep.rpe), _number(rep.rest_s)]


def export_csv(store: Store) -> str:
    """The whole log as CSV text: the header, then one row per rep (lines end CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(store))
    return out.getvalue()


# -- import -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What an import did: sessions (and their reps) added, sessions already in the log."""

    added: int
    reps: int
    skipped: int


def _fail(where: str, message: str) -> ExportFormatError:
    return ExportFormatError(f"{where}: {message}" if where else message)


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_KIND_WORDS: dict[type | tuple[type, ...], str] = {
    int: "a whole number", (int, float): "a number", str: "text", list: "a list",
    dict: "an object",
}


def _get(obj: dict[str, Any], key: str, where: str, kind: type | tuple[type, ...],
         required: bool = True) -> Any:
    if key not in obj or obj[key] is None:
        if required:
            raise _fail(where or "the file", f"{key!r} is missing")
        return None
    value = obj[key]
    if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
        raise _fail(_at(where, key), f"must be {_KIND_WORDS.get(kind, 'something else')}, "
                    f"not {json.dumps(value, ensure_ascii=False)[:40]}")
    return value


def _instant(obj: dict[str, Any], key: str, where: str, required: bool = True) -> float | None:
    text = _get(obj, key, where, str, required)
    if text is None:
        return None
    try:
        return parse_iso_time(text)
    except ValueError:
        raise _fail(f"{where}.{key}", f"{text!r} is not an ISO 8601 time") from None


def _seconds(obj: dict[str, Any], key: str, where: str, required: bool = False) -> float | None:
    value = _get(obj, key, where, (int, float), required)
    try:
        return check_seconds(value, key)
    except ValueError as error:
        raise _fail(f"{where}.{key}", str(error)) from None


def _effort(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = _get(obj, key, where, int, required=False)
    try:
        return check_rpe(value, key)
    except ValueError as error:
        raise _fail(f"{where}.{key}", str(error)) from None


def _rep(obj: Any, where: str, session_start: float) -> RepRecord:
    if not isinstance(obj, dict):
        raise _fail(where, "must be an object")
    index = _get(obj, "index", where, int)
    if index < 1:
        raise _fail(f"{where}.index", f"must be 1 or more, not {index}")
    split = _seconds(obj, "split_s", where, required=True)
    assert split is not None
    ended = _instant(obj, "ended_at", where, required=False)
    started = _instant(obj, "started_at", where, required=False)
    if ended is None:
        ended = (started + split) if started is not None else session_start + split
    return RepRecord(
        session_id=0, index=index, step_index=_get(obj, "step_index", where, int, False) or index,
        label=_get(obj, "label", where, str, False) or "", split_s=split,
        started_at=ended - split if started is None else started, ended_at=ended,
        distance_m=_seconds(obj, "distance_m", where), target_s=_seconds(obj, "target_s", where),
        rest_s=_seconds(obj, "rest_s", where), rpe=_effort(obj, "rpe", where))


def _session(obj: Any, where: str) -> tuple[SessionRecord, list[RepRecord]]:
    if not isinstance(obj, dict):
        raise _fail(where, "must be an object")
    workout = _get(obj, "workout", where, str).strip()
    if not workout:
        raise _fail(f"{where}.workout", "is empty")
    started = _instant(obj, "started_at", where)
    assert started is not None
    status = _get(obj, "status", where, str, False) or "completed"
    if status not in {s.value for s in SessionStatus}:
        raise _fail(f"{where}.status", f"{status!r} is not completed, abandoned or running")
    paces = _get(obj, "paces", where, dict, False) or {}
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
               for v in paces.values()):
        raise _fail(f"{where}.paces", "must map pace names to seconds per metre")
    reps_in = _get(obj, "reps", where, list, False) or []
    reps = [_rep(rep, f"{where}.reps[{i}]", started) for i, rep in enumerate(reps_in)]
    if len({rep.index for rep in reps}) != len(reps):
        raise _fail(f"{where}.reps", "two reps have the same index")
    source = _get(obj, "source", where, str, False) or ""
    session = SessionRecord(
        id=0, workout=workout, started_at=started, ended_at=_instant(obj, "ended_at", where, False),
        status=SessionStatus(status), note=_get(obj, "note", where, str, False),
        session_rpe=_effort(obj, "session_rpe", where), source=source,
        source_hash=_get(obj, "source_hash", where, str, False) or source_hash(source),
        paces={str(k): float(v) for k, v in paces.items()},
        plan_steps=_get(obj, "plan_steps", where, int, False) or 0,
        workout_path=_get(obj, "workout_path", where, str, False),
        steps_done=_get(obj, "steps_done", where, int, False) or 0)
    return session, reps


def read_export(text: str) -> list[tuple[SessionRecord, list[RepRecord]]]:
    """The sessions of a JSON export, checked; ``ExportFormatError`` says what and where.

    Errors read ``line 3, column 5: ...`` for bad JSON and ``sessions[2].reps[0].split_s:
    ...`` for a value that is wrong.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportFormatError(
            f"line {error.lineno}, column {error.colno}: not JSON ({error.msg})") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ExportFormatError("not an intervaltimer export (no \"format\": "
                                f"\"{EXPORT_FORMAT}\"); make one with `intervaltimer export "
                                "--format json`")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > EXPORT_VERSION:
        raise ExportFormatError(f"export version {version!r} is newer than this intervaltimer "
                                f"reads ({EXPORT_VERSION}); upgrade intervaltimer")
    sessions = _get(document, "sessions", "", list)
    return [_session(obj, f"sessions[{i}]") for i, obj in enumerate(sessions)]


def import_sessions(store: Store,
                    sessions: Sequence[tuple[SessionRecord, Sequence[RepRecord]]]) -> ImportResult:
    """Add the sessions not already in the log; each one is its own transaction."""
    added = reps = skipped = 0
    for session, session_reps in sessions:
        if store.import_session(session, session_reps) is None:
            skipped += 1
        else:
            added += 1
            reps += len(session_reps)
    return ImportResult(added=added, reps=reps, skipped=skipped)
