"""Export for a spreadsheet (CSV) and for programs (JSON), and the JSON read back by import."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from intervaltimer.log.exchange import CSV_COLUMNS, export_csv, export_json, spreadsheet_text
from intervaltimer.log.importing import ExportFormatError, import_sessions, read_export
from intervaltimer.log.resume import resumable_sessions
from intervaltimer.log.review import workout_points
from intervaltimer.log.store import Store
from tests.helpers.reviewkit import MILE_400, Seeded, at, seed

TOTAL_REPS = 6 * 10 + 2 * 6 + 8 + 3 + 8
TOTAL_SESSIONS = 11


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return seed(tmp_path / "log.sqlite3")


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_a_header_and_one_row_per_rep_oldest_first(seeded: Seeded) -> None:
    with Store.open(seeded.path) as store:
        text = export_csv(store)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert "\r\n" in text  # RFC 4180 line ends, as spreadsheets expect
    rows = _rows(text)
    assert len(rows) == TOTAL_REPS
    assert rows[0]["started_at"] == "2025-03-03 18:00:00"  # a date-time spreadsheets read
    assert rows[0]["split_s"] == "78" and rows[0]["target_s"] == "80"
    assert rows[0]["deviation_s"] == "-2" and rows[0]["rpe"] == "7"
    last = rows[-1]  # the worked example's rep 8: 91 s against 87.24
    assert (last["workout"], last["rep"], last["split_s"], last["target_s"],
            last["deviation_s"], last["rpe"]) == (MILE_400, "8", "91", "87.24", "3.76", "9")
    assert last["duration_s"] == "2700" and last["session_rpe"] == "" and last["note"] == ""
    noted = [row for row in rows if row["note"]]
    assert {row["note"] for row in noted} == {"windy on the back straight"}
    assert {row["status"] for row in rows} == {"completed", "abandoned"}


def test_text_a_spreadsheet_would_take_for_a_formula_is_kept_as_text() -> None:
    assert spreadsheet_text("+2 s on rep 3") == "'+2 s on rep 3"
    assert spreadsheet_text("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheet_text("-") == "'-"
    assert spreadsheet_text("windy") == "windy"
    assert spreadsheet_text(None) == ""


def test_json_export_round_trips_into_an_empty_log_once(seeded: Seeded, tmp_path: Path) -> None:
    with Store.open(seeded.path) as store:
        text = export_json(store, exported_at=at(2025, 5, 1))
        originals = [(s, store.reps(s.id)) for s in reversed(store.sessions())]
    document = json.loads(text)
    assert document["format"] == "intervaltimer-export" and document["version"] == 4
    assert len(document["sessions"]) == TOTAL_SESSIONS
    assert document["sessions"][0]["started_at"].startswith("2025-03-03T18:00:00.000")
    sessions = read_export(text)
    with Store.open(tmp_path / "other.sqlite3") as other:
        result = import_sessions(other, sessions)
        assert (result.added, result.reps, result.skipped) == (TOTAL_SESSIONS, TOTAL_REPS, 0)
        again = import_sessions(other, read_export(text))
        assert (again.added, again.reps, again.skipped) == (0, 0, TOTAL_SESSIONS)
        copies = [(s, other.reps(s.id)) for s in reversed(other.sessions())]
    assert len(copies) == len(originals)
    for (original, original_reps), (copy, copy_reps) in zip(originals, copies, strict=True):
        assert (copy.workout, copy.status, copy.note, copy.session_rpe, copy.source,
                copy.source_hash) == (original.workout, original.status, original.note,
                                      original.session_rpe, original.source,
                                      original.source_hash)
        assert copy.started_at == pytest.approx(original.started_at, abs=0.001)
        assert copy.ended_at == pytest.approx(original.ended_at, abs=0.001)
        assert [(r.index, r.split_s, r.target_s, r.rpe, r.label) for r in copy_reps] == [
            (r.index, round(r.split_s, 3), r.target_s, r.rpe, r.label) for r in original_reps]


def test_importing_into_the_log_it_came_from_adds_nothing(seeded: Seeded) -> None:
    with Store.open(seeded.path) as store:
        result = import_sessions(store, read_export(export_json(store, at(2025, 5, 1))))
        assert (result.added, result.skipped) == (0, TOTAL_SESSIONS)
        assert len(store.sessions()) == TOTAL_SESSIONS


def _document(**session: object) -> str:
    base: dict[str, object] = {"workout": "8 x 400", "started_at": "2025-05-01T18:00:00+02:00",
                               "status": "completed", "reps": []}
    base.update(session)
    return json.dumps({"format": "intervaltimer-export", "version": 1, "sessions": [base]})


@pytest.mark.parametrize(("text", "message"), [
    ("{\n  \"format\": ", "line 2, column 13: not JSON"),
    ("[]", "not an intervaltimer export"),
    ('{"format": "intervaltimer-export", "version": 9, "sessions": []}', "newer"),
    (_document(workout=None), "sessions[0]: 'workout' is missing"),
    (_document(started_at="yesterday"), "sessions[0].started_at: 'yesterday' is not an ISO"),
    (_document(status="lost"), "sessions[0].status: 'lost' is not"),
    (_document(reps=[{"index": 1, "split_s": "fast"}]),
     "sessions[0].reps[0].split_s: must be a number, not \"fast\""),
    (_document(reps=[{"index": 1, "split_s": -3}]),
     "sessions[0].reps[0].split_s: is -3; a split is 0 to"),
    (_document(reps=[{"index": 1, "split_s": 80, "rpe": 11}]),
     "sessions[0].reps[0].rpe: is 11; an effort is a whole number from 0 to 10"),
    (_document(reps=[{"index": 1, "split_s": 80}, {"index": 1, "split_s": 81}]),
     "sessions[0].reps: two reps have the same index"),
    (_document(ending="finished"),
     'sessions[0].ending: is "finished"; an ending is "main set done", "quit", "closed" or null'),
    (_document(ending=["quit"]), "sessions[0].ending: is [\"quit\"]; an ending is"),
    (_document(ending="quit"),
     "sessions[0].ending: 'quit' goes with status abandoned, not completed"),
    (_document(status="abandoned", ending="main set done"),
     "sessions[0].ending: 'main set done' goes with status completed, not abandoned"),
    (_document(ending="main set done", not_run="Strides"),
     "sessions[0].not_run: must be a list, not \"Strides\""),
    (_document(ending="main set done", not_run=["Strides 1/4", 7]),
     "sessions[0].not_run[1]: is 7, not text"),
    (_document(not_run=["Strides 1/4"]),
     "sessions[0].not_run: lists steps left out, but the session did not end as "
     "'main set done'"),
])
def test_a_bad_export_says_what_and_where(text: str, message: str) -> None:
    with pytest.raises(ExportFormatError) as raised:
        read_export(text)
    assert message in str(raised.value)


def test_a_minimal_export_fills_in_what_it_lacks() -> None:
    [(session, reps)] = read_export(_document(reps=[{"index": 1, "split_s": 80.5}]))
    assert session.workout == "8 x 400" and session.source_hash  # hash of the empty source
    assert reps[0].step_index == 1 and reps[0].label == ""
    assert reps[0].ended_at - reps[0].started_at == pytest.approx(80.5)


def test_a_version_1_export_imports_and_takes_its_rung_from_the_rest_taken(
        tmp_path: Path) -> None:
    """A version-1 export has no main-set rest or reps planned: the rung is the rest taken."""
    reps = [{"index": i, "split_s": 84.0 + i / 10, "target_s": 84.5, "distance_m": 400,
             "rest_s": rest, "label": f"Rep {i}/4 · 400 m @ mile"}
            for i, rest in enumerate([61.0, 59.6, 60.4, 300.0], start=1)]
    [(session, session_reps)] = read_export(_document(reps=reps))
    assert session.main_rest_s is None and session.reps_planned is None
    assert [(r.skipped, r.main) for r in session_reps] == [(False, None)] * 4
    with Store.open(tmp_path / "log.sqlite3") as store:
        assert import_sessions(store, [(session, session_reps)]).added == 1
        [point] = workout_points(store, "8 x 400")
    assert point.rest_s == 60.0  # the median of 61.0, 59.6, 60.4 (the last rep's rest is out)


def test_version_2_carries_the_rung_the_reps_planned_and_a_skipped_rep(tmp_path: Path) -> None:
    with Store.open(tmp_path / "from.sqlite3") as store:
        session = store.start_session("8 x 400", "src", {}, 9, started_at=at(2025, 5, 1),
                                      main_rest_s=45.0, reps_planned=4)
        store.record_rep(session, 1, step_index=2, label="Rep 1/4", split_s=84.0,
                         ended_at=at(2025, 5, 1) + 100, main=True)
        store.record_rep(session, 2, step_index=4, label="Rep 2/4", split_s=None,
                         skipped=True, ended_at=at(2025, 5, 1) + 200, main=True)
        store.finish_session(session, "abandoned", ended_at=at(2025, 5, 1) + 600)
        text = export_json(store, at(2025, 5, 2))
    document = json.loads(text)
    exported = document["sessions"][0]
    assert (exported["main_rest_s"], exported["reps_planned"]) == (45.0, 4)
    assert [(r["split_s"], r["skipped"], r["main"]) for r in exported["reps"]] == [
        (84.0, False, True), (None, True, True)]
    [(copy, copy_reps)] = read_export(text)
    assert (copy.main_rest_s, copy.reps_planned) == (45.0, 4)
    assert [(r.split_s, r.skipped, r.main) for r in copy_reps] == [
        (84.0, False, True), (None, True, True)]


def test_an_older_quick_name_imports_under_todays_name_with_its_rung(tmp_path: Path) -> None:
    """Exported before the rest ladder, "/ 60 s" and "/ 45 s" were two workouts; imported,
    they are one, each with the rung its old name planned, and a second import adds nothing."""
    sessions = [{"workout": f"4 x 400 m @ mile / {rest} s", "status": "completed",
                 "started_at": f"2025-05-0{day}T18:00:00+02:00",
                 "reps": [{"index": 1, "split_s": 84.0, "rest_s": rest + 2.0}]}
                for day, rest in ((1, 60), (8, 45))]
    text = json.dumps({"format": "intervaltimer-export", "version": 1, "sessions": sessions})
    read = read_export(text)
    assert [(s.workout, s.main_rest_s, s.reps_planned) for s, _ in read] == [
        ("4 x 400 m @ mile", 60.0, 4), ("4 x 400 m @ mile", 45.0, 4)]
    with Store.open(tmp_path / "log.sqlite3") as store:
        assert import_sessions(store, read).added == 2
        assert import_sessions(store, read_export(text)).added == 0
        points = workout_points(store, "4 x 400 m @ mile")
    assert [point.rest_s for point in points] == [60.0, 45.0]  # the rungs, not the rests taken


def test_a_start_with_a_fraction_of_a_millisecond_is_found_again(tmp_path: Path) -> None:
    """The export writes instants cut to the millisecond; a start of .0007 s past it is still
    the same session when the file comes back (a rescue file completes it in place)."""
    with Store.open(tmp_path / "log.sqlite3") as store:
        start = at(2025, 5, 1) + 0.0007
        session = store.start_session("8 x 400", "src", {}, 9, started_at=start)
        store.record_rep(session, 1, step_index=2, label="Rep 1/4", split_s=84.0,
                         ended_at=start + 100)
        store.finish_session(session, "completed", ended_at=start + 600)
        text = export_json(store, at(2025, 5, 2))
        assert '"started_at": "2025-05-01T18:00:00.000' in text
        result = import_sessions(store, read_export(text))
        assert (result.added, result.skipped) == (0, 1)


def _ended_sessions(store: Store) -> dict[str, int]:
    """Three sessions: ended after the main set (strides left out), quit, and a plain end."""
    ids = {}
    for day, name in enumerate(("main set done", "quit", "plain"), start=1):
        start = at(2025, 5, day)
        ids[name] = store.start_session("8 x 400", "src", {}, 9, started_at=start)
        store.record_rep(ids[name], 1, step_index=2, label="Rep 1/4", split_s=84.0,
                         ended_at=start + 100, main=True)
    store.finish_session(ids["main set done"], "completed", at(2025, 5, 1) + 600,
                         ending="main set done", not_run=["Strides 1/2", "Strides 2/2"])
    store.finish_session(ids["quit"], "abandoned", at(2025, 5, 2) + 600, ending="quit")
    store.finish_session(ids["plain"], "completed", at(2025, 5, 3) + 600)
    return ids


def test_version_4_carries_how_a_session_ended_and_the_steps_left_out(tmp_path: Path) -> None:
    """The ending and the steps not run survive export and import; a session quit elsewhere
    comes in closed, so it is never offered for resume in the log it was imported into."""
    with Store.open(tmp_path / "from.sqlite3") as store:
        _ended_sessions(store)
        text = export_json(store, at(2025, 5, 9))
    exported = json.loads(text)["sessions"]
    assert [(s["ending"], s["not_run"]) for s in exported] == [
        ("main set done", ["Strides 1/2", "Strides 2/2"]), ("quit", []), (None, [])]
    with Store.open(tmp_path / "to.sqlite3") as other:
        assert import_sessions(other, read_export(text)).added == 3
        copies = list(reversed(other.sessions()))
        assert [(s.status, s.ending, s.not_run) for s in copies] == [
            ("completed", "main set done", ("Strides 1/2", "Strides 2/2")),
            ("abandoned", "closed", ()), ("completed", None, ())]
        assert [s.status_words for s in copies] == ["main set done", "abandoned", "completed"]
        assert resumable_sessions(other, "8 x 400", quit_since=0.0) == []
        # and back out again: the same endings, the quit one now closed
        again = json.loads(export_json(other, at(2025, 5, 10)))["sessions"]
        assert [(s["ending"], s["not_run"]) for s in again] == [
            ("main set done", ["Strides 1/2", "Strides 2/2"]), ("closed", []), (None, [])]


def test_a_version_3_export_still_imports_with_no_ending(tmp_path: Path) -> None:
    session = {"workout": "8 x 400", "started_at": "2025-05-01T18:00:00+02:00",
               "status": "completed", "conditions": ["heat"],
               "reps": [{"index": 1, "split_s": 84.0, "skipped": False, "main": True}]}
    text = json.dumps({"format": "intervaltimer-export", "version": 3, "sessions": [session]})
    [(copy, _)] = read_export(text)
    assert (copy.ending, copy.not_run, copy.conditions) == (None, (), ("heat",))
    with Store.open(tmp_path / "log.sqlite3") as store:
        assert import_sessions(store, read_export(text)).added == 1
        [stored] = store.sessions()
    assert (stored.ending, stored.not_run, stored.status_words) == (None, (), "completed")


def test_a_rescue_file_completes_the_logs_session_with_its_ending(tmp_path: Path) -> None:
    """The log holds the session as left running; the rescue file has it ended after the main
    set: importing it closes the log's session with that ending and the steps not run."""
    start = at(2025, 5, 1)
    with Store.open(tmp_path / "rescue.sqlite3") as rescue:
        session = rescue.start_session("8 x 400", "src", {}, 9, started_at=start)
        for index in (1, 2):
            rescue.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/2",
                              split_s=84.0, ended_at=start + 100 * index, main=True)
        rescue.finish_session(session, "completed", start + 600, ending="main set done",
                              not_run=["Strides 1/2"])
        text = export_json(rescue, at(2025, 5, 2))
    with Store.open(tmp_path / "log.sqlite3") as store:
        logged = store.start_session("8 x 400", "src", {}, 9, started_at=start)
        store.record_rep(logged, 1, step_index=2, label="Rep 1/2", split_s=84.0,
                         ended_at=start + 100, main=True)
        with store.file.write() as conn:  # left running by a process that is gone
            conn.execute("UPDATE session SET owner = 'elsewhere|1|0' WHERE id = ?", (logged,))
        result = import_sessions(store, read_export(text))
        assert (result.added, result.reps) == (1, 2)
        record = store.session(logged)
    assert record is not None
    assert (record.status, record.ending, record.not_run) == (
        "completed", "main set done", ("Strides 1/2",))
