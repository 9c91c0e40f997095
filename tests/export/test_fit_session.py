"""A logged session as a FIT activity: a lap per rep and rest, splits to the millisecond."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.export.fitsession import EFFORT_FIELD
from intervaltimer.log.store import Store
from tests.helpers.fitkit import of, sdk_checks

T0 = datetime(2025, 5, 1, 18, 0, 0, 250000).timestamp()
# (split, rest after, effort); the third rep is skipped
REPS = [(84.137, 61.048, 6), (85.002, 59.871, 7), (None, None, None), (83.999, None, 9)]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("8 x 400 m at mile pace", "src", {}, 17, started_at=T0)
        clock = T0 + 900.0
        for index, (split, rest, rpe) in enumerate(REPS, start=1):
            if split is None:
                store.record_rep(session, index, step_index=2 * index + 1, label="Rep",
                                 split_s=None, skipped=True, ended_at=clock)
                continue
            store.record_rep(session, index, step_index=2 * index + 1, label=f"Rep {index}/8",
                             split_s=split, started_at=clock, ended_at=clock + split,
                             distance_m=400.0, target_s=84.5, rest_s=rest, rpe=rpe)
            clock += split + (rest or 0.0)
        store.finish_session(session, "completed", ended_at=clock + 600)
        store.set_session_rpe(session, 8)
    return path


def export(log: Path, tmp_path: Path) -> tuple[bytes, str]:
    out = tmp_path / "s.fit"
    result = CliRunner().invoke(main, ["export-session", "last", "--db", str(log), "-o",
                                       str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes(), result.output


def test_a_lap_per_rep_and_rest_with_the_logged_splits(log: Path, tmp_path: Path) -> None:
    data, said = export(log, tmp_path)
    assert sdk_checks(data)
    assert "1 skipped rep without a split: no lap" in said
    [file_id] = of(data, "file_id")
    assert file_id["type"] == "activity"
    laps = of(data, "lap")
    run = [r for r in REPS if r[0] is not None]
    assert [lap["intensity"] for lap in laps] == ["active", "rest", "active", "rest", "active"]
    reps = [lap for lap in laps if lap["intensity"] == "active"]
    for lap, (split, _rest, rpe) in zip(reps, run, strict=True):
        assert lap["total_elapsed_time"] == pytest.approx(split, abs=0.001)
        assert lap["total_distance"] == 400.0
        assert lap[EFFORT_FIELD] == rpe
    rests = [lap for lap in laps if lap["intensity"] == "rest"]
    assert [lap["total_elapsed_time"] for lap in rests] == [61.048, 59.871]
    assert all(EFFORT_FIELD not in lap for lap in rests)
    assert reps[0]["start_time"] == datetime.fromtimestamp(int(T0 + 900), UTC)


def test_records_each_second_with_the_distance_spread_evenly(log: Path, tmp_path: Path) -> None:
    data, _ = export(log, tmp_path)
    records = of(data, "record")
    times = [r["timestamp"].timestamp() for r in records]
    assert all(b - a == 1 for a, b in zip(times, times[1:], strict=False))
    distances = [r["distance"] for r in records]
    assert distances == sorted(distances)
    assert distances[-1] == pytest.approx(1200.0)
    assert all("position_lat" not in r for r in records)
    start = T0 + 900
    ten_in = next(r for r in records if r["timestamp"].timestamp() == int(start) + 10)
    assert ten_in["distance"] == pytest.approx(400 * (int(start) + 10 - start) / 84.137, abs=0.01)
    during_rest = [r["distance"] for r in records
                   if start + 84.137 + 1 < r["timestamp"].timestamp() < start + 145]
    assert during_rest and set(during_rest) == {400.0}


def test_the_session_carries_its_effort_and_the_timer_events(log: Path, tmp_path: Path) -> None:
    data, _ = export(log, tmp_path)
    [session] = of(data, "session")
    assert session["workout_rpe"] == 80
    assert session["num_laps"] == 5
    assert session["total_distance"] == 1200.0
    assert session["total_timer_time"] == pytest.approx(84.137 + 61.048 + 85.002 + 59.871
                                                        + 83.999, abs=0.001)
    assert [w["wkt_name"] for w in of(data, "workout")] == ["8 x 400 m at mile pace"]
    [activity] = of(data, "activity")
    assert activity["num_sessions"] == 1
    events = [(e["event"], e["event_type"]) for e in of(data, "event")]
    assert events == [("timer", "start"), ("timer", "stop_all")]
    [description] = of(data, "field_description")
    assert description["field_name"] == EFFORT_FIELD and description["native_mesg_num"] == "lap"


def test_a_session_without_reps_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        store.start_session("Empty", "src", {}, 3, started_at=T0)
    result = CliRunner().invoke(main, ["export-session", "1", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output == ("Error: session 1: the session has no rep with a split: nothing "
                             "to write\n")
    assert not list(tmp_path.glob("*.fit"))


def test_the_timer_stops_over_a_gap_between_laps(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("Two", "src", {}, 5, started_at=T0)
        store.record_rep(session, 1, step_index=1, label="Rep 1/2", split_s=60.5,
                         started_at=T0, ended_at=T0 + 60.5, distance_m=300.0)
        # a 2 min set break that is no rep's rest, then the second rep
        store.record_rep(session, 2, step_index=3, label="Rep 2/2", split_s=61.25,
                         started_at=T0 + 180.5, ended_at=T0 + 241.75, distance_m=300.0)
    data, _ = export(path, tmp_path)
    events = [(e["event_type"], e["timestamp"].timestamp()) for e in of(data, "event")]
    assert events == [("start", int(T0)), ("stop", int(T0 + 60.5)),
                      ("start", int(T0 + 180.5)), ("stop_all", int(T0 + 241.75))]
    seconds = {r["timestamp"].timestamp() for r in of(data, "record")}
    assert not any(T0 + 62 < second < T0 + 179 for second in seconds)
    [summary] = of(data, "session")
    assert summary["total_timer_time"] == pytest.approx(121.75, abs=0.001)
    assert summary["total_elapsed_time"] == pytest.approx(241.75, abs=0.001)
