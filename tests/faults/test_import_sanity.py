"""`import` and the log hold only sane values, and reading code survives a bad row.

Before: integers past 2^63, 400-digit numbers, lone surrogates and 100k-deep nesting gave
tracebacks; `target_s: 1e308` was accepted and then `history`, `show` and `trend` crashed;
a rep dated year 1 made every later `export --format json` fail; two sessions started
2 ms apart imported as one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from intervaltimer.log.store import Store
from tests.helpers.iokit import cli, damage, one_session_log, private_env


def _export(*sessions: dict[str, Any]) -> str:
    return json.dumps({"format": "intervaltimer-export", "version": 1,
                       "sessions": list(sessions)})


def _session(start: str = "2025-05-01T18:00:00.000+00:00", **changes: Any) -> dict[str, Any]:
    session: dict[str, Any] = {
        "workout": "8 x 400", "started_at": start, "status": "completed",
        "reps": [{"index": 1, "split_s": 80.0, "target_s": 84.5, "rpe": 6}]}
    session.update(changes)
    return session


def _rep(**changes: Any) -> dict[str, Any]:
    return _session(reps=[{"index": 1, "split_s": 80.0, **changes}])


GOOD = _session("2025-04-01T18:00:00.000+00:00")

REFUSED = [
    (_export(GOOD, _rep(index=2**63 + 1)),
     "sessions[1].reps[0].index: is a 19-digit number"),  # 2**63+1 has 19 digits
    (_export(GOOD, _rep()).replace('"split_s": 80.0', '"split_s": ' + "9" * 400),
     "sessions[1].reps[0].split_s: is a 400-digit number; too large for the log"),
    (_export(GOOD, _rep(label="x")).replace('"label": "x"', '"label": "\\ud800"'),
     "sessions[1].reps[0].label: is not valid Unicode (a lone surrogate \\ud800"),
    (_export(GOOD, _rep(target_s=1e308)),
     "sessions[1].reps[0].target_s: is 1e+308; a target is 0 to 86400 s"),
    (_export(GOOD, _rep(split_s=90000)), "sessions[1].reps[0].split_s: is 90000; a split is"),
    (_export(GOOD, _rep(distance_m=2e6)), "sessions[1].reps[0].distance_m: is 2000000.0; a"),
    (_export(GOOD, _rep(rpe=11)), "sessions[1].reps[0].rpe: is 11; an effort"),
    (_export(GOOD, _rep(started_at="0001-01-01T00:00:00+00:00")),
     "sessions[1].reps[0].started_at: '0001-01-01T00:00:00+00:00' is out of range"),
    (_export(GOOD, _session("2150-01-01T00:00:00+00:00")), "sessions[1].started_at:"),
    (_export(GOOD, _session(note="n" * 10_001)), "sessions[1].note: is 10,001 characters"),
    (_export(GOOD, _rep()).replace('"split_s": 80.0', '"split_s": NaN'), "NaN is not a number"),
    (_export(GOOD, _rep()).replace('"split_s": 80.0', '"split_s": Infinity'), "Infinity"),
    ('{"format": "intervaltimer-export", "version": 1, "sessions": ' + "[" * 100_000
     + "]" * 100_000 + "}", "line 1, column 93: nested more than 32 levels deep"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED,
                         ids=[m.split(":")[0] + m.split(":")[-1][:12] for _t, m in REFUSED])
def test_import_refuses_with_the_json_path_and_imports_nothing(
        tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    out = cli(["import", "in.json"], private_env(tmp_path), tmp_path)
    assert out.returncode == 1, out.stdout
    assert "Traceback" not in out.stderr
    assert f"in.json: {message}" in out.stderr or message in out.stderr, out.stderr
    if (tmp_path / "log.sqlite3").exists():
        with Store.open(tmp_path / "log.sqlite3", readonly=True) as store:
            assert store.sessions() == [], "nothing may be imported from a refused file"


def test_sessions_two_ms_apart_are_two_and_a_reimport_adds_nothing(tmp_path: Path) -> None:
    text = _export(_session("2025-05-01T18:00:00.000+00:00"),
                   _session("2025-05-01T18:00:00.002+00:00"))
    (tmp_path / "in.json").write_text(text)
    env = private_env(tmp_path)
    first = cli(["import", "in.json"], env, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "imported 2 sessions" in first.stdout
    again = cli(["import", "in.json"], env, tmp_path)
    assert again.returncode == 0 and "imported 0 sessions" in again.stdout
    assert "2 already there" in again.stdout


def test_same_start_other_reps_is_refused_naming_the_rep(tmp_path: Path) -> None:
    env = private_env(tmp_path)
    (tmp_path / "a.json").write_text(_export(_session()))
    (tmp_path / "b.json").write_text(_export(_rep(split_s=95.5)))
    assert "imported 1 session" in cli(["import", "a.json"], env, tmp_path).stdout
    other = cli(["import", "b.json"], env, tmp_path)
    assert other.returncode == 1 and "imported 0 sessions" in other.stdout
    assert "b.json: sessions[0] (8 x 400, 2025-0" in other.stderr
    assert "rep 1 differs: the log has 80.000 s, effort 6, the file 95.500 s, no effort; " \
        "the log keeps its own" in " ".join(other.stderr.split())
    with Store.open(tmp_path / "log.sqlite3", readonly=True) as store:
        (session,) = store.sessions()
        assert [(r.split_s, r.rpe) for r in store.reps(session.id)] == [(80.0, 6)]


@pytest.fixture
def damaged_log(tmp_path: Path) -> Path:
    """A log with one good session and rows another program wrote wrong."""
    return damage(one_session_log(tmp_path / "log.sqlite3"))


@pytest.mark.parametrize("args", [
    ["history"], ["history", "--json"], ["show", "1"], ["show", "1", "--json"], ["show", "2"],
    ["show", "last"], ["trend", "8 x 400"], ["trend", "8 x 400", "--json"], ["export"],
    ["export", "--format", "json"],
])
def test_reading_survives_a_bad_row(damaged_log: Path, args: list[str]) -> None:
    out = cli([*args, "--db", str(damaged_log)], private_env(damaged_log.parent),
              damaged_log.parent)
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == 0, out.stderr


def test_a_bad_row_is_shown_marked(damaged_log: Path) -> None:
    env = private_env(damaged_log.parent, COLUMNS="200")
    shown = cli(["show", "1", "--db", str(damaged_log)], env, damaged_log.parent).stdout
    assert "⚠" in shown and "damaged: target_s is 1e+308" in shown
    assert "split_s is 'fast'" in shown and "La\ufffd" in shown
    history = cli(["history", "--db", str(damaged_log)], env, damaged_log.parent).stdout
    assert "⚠ 8 x 400 m at mile pace" in history and "1970-01-01" in history
    exported = cli(["export", "--format", "json", "--db", str(damaged_log)], env,
                   damaged_log.parent)
    document = json.loads(exported.stdout)
    assert len(document["sessions"]) == 2
