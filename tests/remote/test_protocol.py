"""The phone page's protocol through aiohttp's test client: taps, the token, the stream.

A real runner on a fake clock, with the log in a temporary SQLite file, is
attached to the server; the test client talks HTTP to it on loopback. What a
tap did is read back from the runner and from the log itself.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from intervaltimer.log.records import RepRecord
from intervaltimer.log.store import Store
from intervaltimer.remote.addresses import Bind
from intervaltimer.remote.server import RemoteServer, runner_options
from intervaltimer.track.runner import Runner
from tests.helpers.aio import async_test
from tests.helpers.fakes import FakeClock
from tests.helpers.netkit import TOKEN
from tests.helpers.phone import started
from tests.helpers.runkit import logged_session, step_to

WRONG = "fedcba9876543210fedcba9876543210"
BASE = f"/t/{TOKEN}/"
# 2 x 100 m at mile pace (21.1 s) with 5 s rests; a 3 s lead-in: rep 1 starts at 1003.0.


@asynccontextmanager
async def phone(server: RemoteServer) -> AsyncIterator[TestClient[Any, Any]]:
    """aiohttp's test client against `server`'s application, on loopback, served as the
    server serves it (its access log among the rest)."""
    test_server = TestServer(server.web_app())
    await test_server.start_server(**runner_options())
    async with TestClient(test_server) as client:
        yield client


def stored_reps(runner: Runner, store: Store) -> list[RepRecord]:
    """The reps of the runner's session in the log, once its writer thread has caught up."""
    assert runner.log.flush(), "the log's writer did not catch up"
    return store.reps(logged_session(runner))


async def tap(client: TestClient[Any, Any], action: str, tap_id: str,
              **extra: object) -> dict[str, Any]:
    """Post one tap; its JSON answer (the request must succeed)."""
    response = await client.post(BASE + "tap", json={"id": tap_id, "action": action, **extra})
    assert response.status == 200, await response.text()
    answer: dict[str, Any] = await response.json()
    return answer


@async_test
async def test_a_lap_tap_ends_the_rep_and_the_log_has_it(fake_clock: FakeClock,
                                                          tmp_db: Store) -> None:
    runner, server = started(fake_clock, tmp_db)
    async with phone(server) as client:
        answer = await tap(client, "lap", "a1")
    assert answer["applied"] is True and answer["duplicate"] is False
    assert [split.split_s for split in runner.session.splits] == [pytest.approx(18.0)]
    [rep] = stored_reps(runner, tmp_db)
    assert rep.split_s == pytest.approx(18.0) and rep.index == 1
    # The answer carries the new state: the rest, with the split just taken and its difference.
    state = answer["state"]
    assert state["word"] == "REST" and state["ask_effort"] is True
    assert state["last"]["split"] == "18.0" and state["last"]["delta"] == "-3.1"
    assert state["last"]["verdict"] == "faster"


@async_test
async def test_an_effort_tap_rates_the_rep_just_run(fake_clock: FakeClock, tmp_db: Store) -> None:
    runner, server = started(fake_clock, tmp_db)
    async with phone(server) as client:
        await tap(client, "lap", "lap-1")
        step = runner.session.last_split.step_index  # type: ignore[union-attr]
        answer = await tap(client, "effort", "rpe-1", rpe=7, step=step)
    assert answer["applied"] is True
    last = answer["state"]["last"]
    assert last["rpe"] == 7 and last["effort"] == "7 very hard"
    assert [rep.rpe for rep in stored_reps(runner, tmp_db)] == [7]


@async_test
async def test_an_effort_for_a_rep_no_longer_last_is_refused(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        await tap(client, "lap", "lap-1")
        first = runner.session.last_split.step_index  # type: ignore[union-attr]
        step_to(runner, fake_clock, 1046.0)
        await tap(client, "lap", "lap-2")
        answer = await tap(client, "effort", "late", rpe=6, step=first)
    assert answer["applied"] is False and "no longer" in answer["message"]
    assert [split.rpe for split in runner.session.splits] == [None, None]


@async_test
async def test_a_tap_sent_twice_is_applied_once(fake_clock: FakeClock, tmp_db: Store) -> None:
    runner, server = started(fake_clock, tmp_db)
    async with phone(server) as client:
        first = await tap(client, "lap", "same-id")
        fake_clock.advance(20.0)  # in rep 2 by now: a second lap would end it
        step_to(runner, fake_clock, fake_clock())
        again = await tap(client, "lap", "same-id")
    assert first["applied"] is True and first["duplicate"] is False
    assert again["applied"] is True and again["duplicate"] is True
    assert len(runner.session.splits) == 1
    assert len(stored_reps(runner, tmp_db)) == 1


@async_test
async def test_the_double_tap_guard_holds_for_the_phone_as_for_the_space_key(
        fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        runner.lap()  # the space key on the laptop ends the rep ...
        fake_clock.advance(1.2)  # ... and a phone taps 1.2 s later
        second = await tap(client, "lap", "two")
        fake_clock.advance(1.3)  # another phone, 2.5 s after the lap
        third = await tap(client, "lap", "three")
        fake_clock.advance(1.0)  # 3.5 s after: no double tap, but a timed rest
        fourth = await tap(client, "lap", "four")
    for answer in (second, third):
        assert answer["applied"] is False and answer["message"].startswith("double tap")
        assert answer["state"]["toast"] == answer["message"]
    assert fourth["applied"] is False and fourth["message"] == "rest 0:02 left · s skips it"
    assert len(runner.session.splits) == 1
    assert runner.session.state.value == "running" and fourth["state"]["word"] == "REST"


@async_test
async def test_a_lap_that_comes_long_after_its_press_is_refused(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        answer = await tap(client, "lap", "late", age_ms=9000)
    assert answer["applied"] is False and "late" in answer["message"]
    assert runner.session.splits == ()


@async_test
async def test_pause_skip_and_undo(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        await tap(client, "lap", "lap")
        undone = await tap(client, "undo", "undo")
        assert undone["applied"] is True and runner.session.splits == ()
        paused = await tap(client, "pause", "pause")
        assert paused["state"]["state"] == "paused" and paused["state"]["word"] == "PAUSED"
        resumed = await tap(client, "pause", "resume")
        assert resumed["state"]["state"] == "running"
        skipped = await tap(client, "skip", "skip")
    assert skipped["applied"] is True
    assert skipped["state"]["step"].startswith("Rest")
    # a skipped rep is a rep not run: in the splits with no time, as the log keeps it
    assert [(s.split_s, s.skipped) for s in runner.session.splits] == [(None, True)]


@async_test
async def test_without_the_token_403_nothing_happens_and_nothing_is_logged(
        fake_clock: FakeClock, tmp_db: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    runner, server = started(fake_clock, tmp_db)
    async with phone(server) as client:
        for method, path in [("POST", f"/t/{WRONG}/tap"), ("GET", f"/t/{WRONG}/"),
                             ("GET", f"/t/{WRONG}/events"), ("GET", f"/t/{WRONG}/state"),
                             ("POST", "/tap"), ("GET", "/"), ("GET", f"/x/{TOKEN}/"),
                             ("GET", f"/t/{TOKEN[:-1]}/")]:
            response = await client.request(method, path, json={"id": "x", "action": "lap"})
            assert response.status == 403, (method, path)
            assert TOKEN not in await response.text()
        good = await client.get(BASE + "state")
        assert good.status == 200
    assert runner.session.splits == ()
    assert stored_reps(runner, tmp_db) == []
    assert caplog.records, "aiohttp logged nothing at all: the check below would prove nothing"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert TOKEN not in logged and WRONG not in logged


@async_test
async def test_the_token_is_read_in_capitals_as_the_qr_code_holds_it(
        fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        response = await client.post(f"/T/{TOKEN.upper()}/tap", json={"id": "up", "action": "lap"})
        assert response.status == 200
    assert len(runner.session.splits) == 1


@async_test
async def test_a_tap_that_is_not_one_is_refused_with_400(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        for body in ["not json", json.dumps([1]), json.dumps({"id": "a", "action": "jump"}),
                     json.dumps({"id": "a b", "action": "lap"}),
                     json.dumps({"id": "a", "action": "effort", "rpe": 11}),
                     json.dumps({"id": "a", "action": "effort"})]:
            response = await client.post(BASE + "tap", data=body,
                                         headers={"Content-Type": "application/json"})
            assert response.status == 400, body
            assert "error" in await response.json()
    assert runner.session.splits == ()


@async_test
async def test_the_stream_sends_the_state_at_once_and_each_change(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with phone(server) as client:
        response = await client.get(BASE + "events")
        assert response.headers["Content-Type"] == "text/event-stream"

        async def next_state() -> dict[str, Any]:
            while True:
                line = (await asyncio.wait_for(response.content.readline(), 5.0)).decode()
                if line.startswith("data: {") and '"v"' in line:
                    state: dict[str, Any] = json.loads(line[len("data: "):])
                    return state

        first = await next_state()
        assert first["word"] == "RUN" and first["step"].startswith("Rep 1/2")
        assert first["clock"] == "0:18"
        assert server.clients == 1
        await tap(client, "lap", "lap")
        after = await next_state()
        assert after["word"] == "REST" and after["last"]["split"] == "18.0"
        assert after["v"] > first["v"]
        fake_clock.advance(1.0)
        runner.tick()  # the run screen's timer: the clock moves on, the page hears it
        ticked = await next_state()
        assert ticked["clock"] != after["clock"]
        response.close()


@async_test
async def test_before_the_run_the_page_offers_the_start(fake_clock: FakeClock) -> None:
    calls: list[str] = []
    server = RemoteServer("2 x 100 m", summary="2 reps", token=TOKEN,
                          on_start=lambda: calls.append("start"))
    async with phone(server) as client:
        state = await (await client.get(BASE + "state")).json()
        assert state["started"] is False and state["title"] == "2 x 100 m"
        refused = await tap(client, "lap", "early")
        started_now = await tap(client, "start", "go")
    assert refused["applied"] is False
    assert started_now["applied"] is True and calls == ["start"]


@async_test
async def test_the_page_is_one_file_with_nothing_from_elsewhere(fake_clock: FakeClock) -> None:
    _, server = started(fake_clock, None)
    async with phone(server) as client:
        redirect = await client.get(f"/t/{TOKEN}", allow_redirects=False)
        assert redirect.status == 302 and redirect.headers["Location"] == BASE
        response = await client.get(BASE)
        html = await response.text()
    assert response.status == 200 and response.content_type == "text/html"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert 'id="lap"' in html and 'new EventSource("events")' in html
    # No script, style, font or image from another address: it works with no internet.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


@async_test
async def test_a_finished_run_on_the_screen_still_takes_the_last_reps_effort(
        fake_clock: FakeClock, tmp_db: Store) -> None:
    runner, server = started(fake_clock, tmp_db)
    on_screen = [True]
    server.attach(runner, on_screen=lambda: on_screen[0])
    async with phone(server) as client:
        await tap(client, "lap", "lap-1")
        step_to(runner, fake_clock, 1046.0)
        await tap(client, "lap", "lap-2")
        step_to(runner, fake_clock, 1060.0)  # the last rest runs out: the workout is done
        assert runner.status == "completed" and not server.run_over()
        lap = await tap(client, "lap", "lap-3")
        rated = await tap(client, "effort", "rpe-2", rpe=9)
    assert lap["applied"] is False and lap["message"] == "the run is over"
    assert rated["applied"] is True and rated["state"]["finished"] is True
    assert [rep.rpe for rep in stored_reps(runner, tmp_db)] == [None, 9]
    on_screen[0] = False  # the summary: the run has left the screen
    assert server.run_over()


@async_test
async def test_the_server_stops_when_the_run_is_closed(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    url = await server.start(Bind("127.0.0.1", 0, chosen_port=True))
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/t/{TOKEN}/")
    assert server.running
    runner.stop()  # q and yes on the laptop
    for _ in range(100):
        if not server.running:
            break
        await asyncio.sleep(0.05)
    assert not server.running
    assert server.state()["closed"] is True and server.state()["status"] == "abandoned"
