"""Crash recovery: a session left running is found, resumed or abandoned, its reps kept;
a session another live app is running is not offered."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervaltimer.log import owner
from intervaltimer.log.resume import abandon, last_step_done, resume_session, running_sessions
from intervaltimer.log.store import Store

SOURCE = "name: 8 x 400 m at mile pace\nsteps:\n  - 8x400m@mile/60s\n"
T0 = 1_746_100_000.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def _session(store: Store) -> int:
    return store.start_session("8 x 400 m at mile pace", SOURCE, {}, plan_steps=17,
                               started_at=T0)


def _rep(store: Store, session_id: int, index: int, split_s: float,
         end: float | None = None) -> None:
    store.record_rep(session_id, index, step_index=1 + 2 * index, label=f"Rep {index}/8",
                     split_s=split_s, ended_at=T0 + 100.0 * index if end is None else end,
                     rpe=6)


def test_a_session_left_running_is_found_and_can_be_resumed(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as first:
        session_id = _session(first)
        _rep(first, session_id, 1, 85.0)
        first.mark_step_done(session_id, 4)
    # The app went away without finishing; the next start of the same workout finds it.
    with Store.open(path) as later:
        (found,) = running_sessions(later, "8 x 400 m at mile pace")
        assert found.id == session_id and found.steps_done == 4
        assert running_sessions(later, "another workout") == []
        resumed = resume_session(later, session_id)
        assert resumed.status == "running"
        assert last_step_done(later, session_id) + 1 == 5  # go on at step 5
        _rep(later, session_id, 2, 86.0)
        later.finish_session(session_id, "completed")
        assert [r.index for r in later.reps(session_id)] == [1, 2]
        assert running_sessions(later) == []


def test_abandoning_a_crashed_session_keeps_its_reps_and_its_last_instant(store: Store) -> None:
    session_id = _session(store)
    _rep(store, session_id, 1, 85.0, end=T0 + 300)
    _rep(store, session_id, 2, 86.0, end=T0 + 450)
    with store.file.write() as conn:
        conn.execute("UPDATE session SET updated_at = ? WHERE id = ?", (T0 + 500, session_id))
    abandon(store, session_id)
    record = store.session(session_id)
    assert record is not None
    assert record.status == "abandoned" and record.ended_at == T0 + 500
    assert [r.index for r in store.reps(session_id)] == [1, 2]
    assert running_sessions(store) == []


def _child_holding_a_session(path: Path) -> subprocess.Popen[str]:
    code = (
        "import sys\n"
        "from intervaltimer.log.store import Store\n"
        f"s = Store.open({str(path)!r})\n"
        "print(s.start_session('8 x 400', 'src', {}, 3), flush=True)\n"
        "sys.stdin.read()\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def test_a_session_another_live_app_is_running_is_not_offered_for_resume(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    child = _child_holding_a_session(path)
    try:
        assert child.stdout is not None
        session_id = int(child.stdout.readline())
        with Store.open(path) as store:
            assert running_sessions(store) == []
            assert [s.id for s in running_sessions(store, include_live=True)] == [session_id]
            child.kill()
            child.wait()
            assert [s.id for s in running_sessions(store)] == [session_id]
    finally:
        child.kill()
        child.wait()


def test_owner_tokens_tell_live_processes_from_gone_ones() -> None:
    me = owner.current_owner()
    host, pid, token = me.split("|")
    assert (host, int(pid)) == (socket.gethostname(), os.getpid())
    assert not owner.owned_by_other_live_process(me)  # our own stale session is offered
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        start = owner._start_token(sleeper.pid)
        assert owner.owned_by_other_live_process(f"{host}|{sleeper.pid}|{start}")
        if start:  # Linux: a reused process id (another start time) is not the owner
            assert not owner.owned_by_other_live_process(f"{host}|{sleeper.pid}|1")
        assert not owner.owned_by_other_live_process(f"elsewhere|{sleeper.pid}|{start}")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not owner.owned_by_other_live_process(f"{host}|{sleeper.pid}|{start}")
    assert not owner.owned_by_other_live_process("")
    assert not owner.owned_by_other_live_process("garbage|x|")


