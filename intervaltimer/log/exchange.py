"""The log written out (CSV for a spreadsheet, JSON for a program) and a JSON export read back.

JSON export (``export --format json``), sessions oldest first, one object per rep::

    {"format": "intervaltimer-export", "version": 4,
     "exported_at": "2025-05-08T20:00:00.000+02:00",
     "sessions": [
       {"id": 12, "workout": "8 x 400 m at mile pace",
        "started_at": "2025-05-01T18:30:12.000+02:00", "ended_at": "..." | null,
        "status": "completed", "note": "windy" | null, "session_rpe": 7 | null,
        "source": "name: ...", "source_hash": "<sha-256 hex>", "paces": {"mile": 0.2113},
        "plan_steps": 17, "workout_path": "workouts/8x400.yaml" | null, "steps_done": 17,
        "main_rest_s": 60.0 | null, "reps_planned": 8 | null, "conditions": ["heat"],
        "ending": "main set done" | "quit" | "closed" | null,
        "not_run": ["Strides 1/4 · 100 m", ...],
        "reps": [{"index": 1, "step_index": 3, "label": "Rep 1/8 · 400 m @ mile",
                  "distance_m": 400.0, "target_s": 87.24, "split_s": 87.0 | null,
                  "started_at": "...", "ended_at": "...", "rest_s": 61.2 | null,
                  "rpe": 6 | null, "skipped": false, "main": true | null}, ...]},
       ...]}

Version 2 added ``main_rest_s`` (the rest planned between the main set's reps: the session's
rung of the rest ladder), ``reps_planned`` (the main set's reps), and on each rep ``skipped``
(a skipped rep has ``split_s`` null) and ``main`` (in the main set; null when not known).
A version-1 export, which has none of them, still imports: its sessions take their rung from
the rest taken after their main-set reps (``coach.sessions.rung_of``). Version 3 added
``conditions``: the bad conditions the runner flagged (heat, cold, wind, rain, illness,
other); absent (versions 1 and 2) or ``[]`` means normal. Version 4 added ``ending``, how
a session ended beyond its status: ``"main set done"`` (completed once the main set was done,
with ``not_run`` the labels of the steps left out), ``"quit"`` (abandoned before that, offered
for resume a while), ``"closed"`` (quit, then closed at the resume offer), or null for a plain
end; absent (versions 1 to 3) means null and ``not_run`` ``[]``. An imported ``"quit"`` is
stored as ``"closed"``, as an imported running session is stored as abandoned: a session
from elsewhere is never offered for resume.

Instants are ISO 8601 local time with offset, to the millisecond; ``paces`` are seconds per
metre; ``id`` is the session's number in the exporting log (import gives new numbers).

CSV export: one row per rep of every session, oldest first, with a header row (``CSV_COLUMNS``).
Dates are ``YYYY-MM-DD HH:MM:SS`` local time, the form LibreOffice and Excel both read as a
date-time (neither reads an ISO ``T`` with an offset as one); numbers are plain decimals with a
point and no units; an empty cell is a missing value. Text that a spreadsheet would take for a
formula (a note starting ``=``, ``+``, ``-`` or ``@``) gets a leading apostrophe.

Import (``intervaltimer.log.importing``) takes the JSON export back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from intervaltimer.log.records import RepRecord, SessionRecord, iso_time
from intervaltimer.log.shapes import session_document
from intervaltimer.safetext import safe_json

if TYPE_CHECKING:
    from intervaltimer.log.store import Store

EXPORT_FORMAT = "intervaltimer-export"
EXPORT_VERSION = 4

CSV_COLUMNS = (
    "session", "workout", "started_at", "status", "session_rpe", "duration_s", "note",
    "rep", "label", "distance_m", "target_s", "split_s", "deviation_s", "rpe", "rest_s",
    "skipped",
)
"""The CSV header: a session's number, workout, start, status, session effort, duration and
note, then the rep's number, label, distance, target, split, split − target, effort, rest,
and ``1`` for a skipped rep (its split empty)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso_ms(epoch_s: float | None) -> str | None:
    return None if epoch_s is None else iso_time(epoch_s, timespec="milliseconds")


def _all_sessions(store: Store) -> Iterator[tuple[SessionRecord, list[RepRecord]]]:
    """Every session oldest first with its reps (two queries, whatever the log's size)."""
    sessions = store.sessions()
    reps = store.reps_by_session(None)
    for session in reversed(sessions):
        yield session, reps.get(session.id, [])


# -- JSON -------------------------------------------------------------------------------------


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
                _number(rep.rpe), _number(rep.rest_s), "1" if rep.skipped else ""]


def export_csv(store: Store) -> str:
    """The whole log as CSV text: the header, then one row per rep (lines end CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(store))
    return out.getvalue()
