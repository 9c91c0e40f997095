"""Durability: a kill at any instant loses no rep, and two apps on one log never corrupt it."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from intervaltimer.log.resume import running_sessions
from intervaltimer.log.store import Store

WRITER = """
import sys, time
from intervaltimer.log.store import Store
store = Store.open(sys.argv[1])
session_id = store.start_session('crash test', 'name: crash test', {}, 2000)
print('session', session_id, flush=True)
for index in range(1, 1000):
    store.record_rep(session_id, index, step_index=2 * index, label=f'Rep {index}',
                     split_s=60.0 + index % 7)
    store.rate_rep(session_id, index, index % 11)
    print('rep', index, flush=True)
    time.sleep(0.001 * (index % 3))
"""


def test_every_rep_written_before_a_kill_is_there(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    rng = random.Random(20250501)
    kills_after: list[int] = []
    for _attempt in range(10):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        session_id = int(child.stdout.readline().split()[1])
        lines = [child.stdout.readline() for _ in range(rng.randint(1, 40))]
        time.sleep(rng.random() * 0.004)  # land the kill anywhere, mid-write included
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines += child.stdout.read().splitlines()
        assert child.stderr is not None
        assert child.returncode == -signal.SIGKILL, child.stderr.read()  # it died by our kill
        last = int(lines[-1].split()[1])  # printed once rep `last` was rated and committed
        confirmed = list(range(1, last + 1))
        kills_after.append(last)
        with Store.open(path) as store:
            assert store.file.integrity_check() == []
            reps = {rep.index: rep for rep in store.reps(session_id)}
            assert set(confirmed) <= set(reps), (confirmed[-1], sorted(reps)[-3:])
            assert sorted(reps) == list(range(1, len(reps) + 1))
            assert all(reps[i].rpe == i % 11 for i in confirmed)
            assert session_id in [s.id for s in running_sessions(store, "crash test")]
    assert len(set(kills_after)) > 5  # the kills landed at many different points


APP = """
import sys
from intervaltimer.log.store import Store
store = Store.open(sys.argv[1])
name = sys.argv[2]
for session in range(3):
    session_id = store.start_session(name, 'src', {'mile': 0.21}, 100)
    for index in range(1, 51):
        store.record_rep(session_id, index, step_index=index, label=name, split_s=80.0 + index)
        store.rate_rep(session_id, index, index % 11)
        if index % 10 == 0:
            store.summaries(limit=20)
            store.set_rest(session_id, index, 60.0)
    store.set_note(session_id, name)
    store.finish_session(session_id, 'completed')
print('done', flush=True)
"""


def test_two_apps_writing_one_log_at_once_never_corrupt_it(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    Store.open(path).close()
    apps = [subprocess.Popen([sys.executable, "-c", APP, str(path), name],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("left", "right")]
    outputs = [app.communicate(timeout=120) for app in apps]
    assert [app.returncode for app in apps] == [0, 0], outputs
    assert [out.strip() for out, _err in outputs] == ["done", "done"]
    with Store.open(path) as store:
        assert store.file.integrity_check() == []
        sessions = store.sessions()
        assert sorted(s.workout for s in sessions) == ["left"] * 3 + ["right"] * 3
        assert all(s.status == "completed" and s.note == s.workout for s in sessions)
        reps = store.reps_by_session([s.id for s in sessions])
        assert all([r.index for r in reps[s.id]] == list(range(1, 51)) for s in sessions)
        assert sum(r.rest_s is not None for rs in reps.values() for r in rs) == 30
