"""The phone page tried as an attacker on the network would, through the real server on
loopback (its door, its checks) with a real runner on a fake clock.

Before: 2,040 levels of `[` in a tap answered 500 with a RecursionError in the log; a
foreign `Host:` and a cross-origin `text/plain` POST were answered and applied; idle
connections without the token were kept for ever, any number of them; a lap that came
late was timed at its arrival, the split too long by the delay the page had measured.
"""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from intervaltimer.track.runner import Runner
from tests.helpers.aio import async_test
from tests.helpers.fakes import FakeClock
from tests.helpers.netkit import PATH, lap_body, send, serving, tap_head
from tests.helpers.phone import started


@async_test
async def test_a_deeply_nested_tap_is_a_400_and_nothing_in_the_log(
        fake_clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    runner, server = started(fake_clock, None)
    body = b"[" * 2040 + b"]" * 2040
    with caplog.at_level(logging.ERROR):
        async with serving(server) as port:
            status, answer = await send(port, tap_head(port, body), body)
            nested_object = b'{"id": "a", "action": "lap", "x": ' + b'{"a": ' * 100 + b"1" \
                + b"}" * 100 + b"}"
            second, _ = await send(port, tap_head(port, nested_object), nested_object)
    assert status == 400 and "error" in json.loads(answer)
    assert second == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert runner.session.splits == ()


@async_test
async def test_a_foreign_host_is_refused_and_nothing_happens(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    async with serving(server) as port:
        page, _ = await send(port, f"GET {PATH} HTTP/1.1\nHost: evil.example:{port}\n"
                                   "Connection: close")
        body = lap_body("rebound")
        tapped, _ = await send(port, tap_head(port, body, host=f"evil.example:{port}"), body)
        mine, html = await send(port, f"GET {PATH} HTTP/1.1\nHost: 127.0.0.1:{port}\n"
                                      "Connection: close")
    assert (page, tapped) == (421, 421)
    assert mine == 200 and b"<html" in html.lower()
    assert runner.session.splits == ()


@async_test
async def test_a_tap_from_another_origin_or_not_json_is_refused(fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    body = lap_body("csrf")
    async with serving(server) as port:
        plain, _ = await send(port, tap_head(port, body, content_type="text/plain",
                                             origin="http://evil.example"), body)
        form, _ = await send(port, tap_head(
            port, body, content_type="application/x-www-form-urlencoded"), body)
        foreign, _ = await send(port, tap_head(port, body, origin="http://evil.example"), body)
        assert runner.session.splits == ()
        own, answer = await send(port, tap_head(port, body, origin=f"http://127.0.0.1:{port}"),
                                 body)
    assert (plain, form, foreign) == (415, 415, 403)
    assert own == 200 and json.loads(answer)["applied"] is True
    assert len(runner.session.splits) == 1


def split_of_a_lap(clock: FakeClock, age_ms: int) -> tuple[Runner, dict[str, object]]:
    """Rep 1 started at 1003.0; the tap arrives at 1021.0, pressed `age_ms` before."""
    runner, server = started(clock, None)

    async def go() -> dict[str, object]:
        async with serving(server) as port:
            body = lap_body("late", age_ms)
            status, answer = await send(port, tap_head(port, body), body)
            assert status == 200
            loaded: dict[str, object] = json.loads(answer)
            return loaded

    return runner, asyncio.run(go())


def test_a_late_lap_is_timed_at_its_press(fake_clock: FakeClock) -> None:
    runner, answer = split_of_a_lap(fake_clock, 2999)
    assert answer["applied"] is True
    (split,) = runner.session.splits
    assert split.split_s == pytest.approx(18.0 - 2.999)
    assert split.ended_at == pytest.approx(1021.0 - 2.999)


def test_a_lap_pressed_before_the_rep_began_is_not_taken(fake_clock: FakeClock) -> None:
    runner, answer = split_of_a_lap(fake_clock, 2999)  # pressed at 1018.0: fine
    assert answer["applied"] is True
    fake_clock.advance(5.5)  # now 1026.5; the 5 s rest ran from the press: rep 2 began 1023.0
    assert runner.lap(ago_s=3.0) is False  # pressed at 1023.5: a double tap, not a lap
    assert runner.lap(ago_s=4.0) is False  # pressed at 1022.5: in the rest, before rep 2
    assert len(runner.session.splits) == 1
