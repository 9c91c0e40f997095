"""The phone page's door (door.py) and its stream cap, through the real server on loopback."""

from __future__ import annotations

import asyncio
import json

from intervaltimer.remote.door import token_verdict
from intervaltimer.remote.server import MAX_STREAMS
from tests.helpers.aio import async_test
from tests.helpers.fakes import FakeClock
from tests.helpers.netkit import PATH, TOKEN, lap_body, send, serving, tap_head
from tests.helpers.phone import started


def test_the_token_is_decided_only_once_all_of_it_could_be_there() -> None:
    assert token_verdict(b"GET /t/", TOKEN) is None
    assert token_verdict(b"GET /t/" + TOKEN[:31].encode(), TOKEN) is None
    assert token_verdict(b"GET /t/0000", TOKEN) is None  # wrong already, but not said yet
    assert token_verdict(f"GET /t/{TOKEN}/ HTTP/1.1".encode(), TOKEN) is True
    assert token_verdict(f"GET /T/{TOKEN.upper()} HTTP/1.1".encode(), TOKEN) is True
    assert token_verdict(f"GET /t/{TOKEN}x HTTP/1.1".encode(), TOKEN) is False
    assert token_verdict(f"GET /t/{'0' * 32}/ HTTP/1.1".encode(), TOKEN) is False
    assert token_verdict(b"GET /favicon.ico HTTP/1.1\r\n", TOKEN) is False


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def idle_crowd(port: int, count: int) -> list[Connection]:
    """`count` connections that each send `GET /t/` and stop (kept: a writer let go of
    closes its socket)."""
    crowd = []
    for _ in range(count):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /t/")
        crowd.append((reader, writer))
    return crowd


async def closed(connection: Connection) -> bool:
    """Whether the server closes the connection (EOF or reset) within a moment."""
    try:
        await asyncio.wait_for(connection[0].read(), 2.0)
        return True
    except ConnectionError:
        return True
    except TimeoutError:
        return False


@async_test
async def test_a_crowd_of_idle_connections_is_capped_and_closed_and_a_tap_still_lands(
        fake_clock: FakeClock) -> None:
    runner, server = started(fake_clock, None)
    server.doorman.max_connections = 8
    server.doorman.head_s = 0.5
    async with serving(server) as port:
        crowd = await idle_crowd(port, 40)
        await asyncio.sleep(0.1)
        assert len(server.doorman.open) <= 8
        body = lap_body("through")
        status, answer = await send(port, tap_head(port, body), body)
        assert status == 200 and json.loads(answer)["applied"] is True
        await asyncio.sleep(0.6)
        shut = await asyncio.gather(*(closed(connection) for connection in crowd))
        assert all(shut)
        assert server.doorman.open == {}
    assert len(runner.session.splits) == 1


@async_test
async def test_a_wrong_token_is_refused_at_the_door(fake_clock: FakeClock) -> None:
    _, server = started(fake_clock, None)
    async with serving(server) as port:
        status, body = await send(port, f"GET /t/{'0' * 32}/ HTTP/1.1\nHost: 127.0.0.1:{port}")
        assert status == 403 and b"QR code" in body
        assert server.doorman.refused == 1


async def stream(port: int) -> Connection:
    """An event stream opened with the token, read past its first state."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {PATH}events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    await asyncio.wait_for(reader.readuntil(b"data: {"), 5.0)
    return reader, writer


@async_test
async def test_a_page_holds_only_so_many_streams_the_oldest_giving_way(
        fake_clock: FakeClock) -> None:
    _, server = started(fake_clock, None)
    async with serving(server) as port:
        streams = [await stream(port) for _ in range(MAX_STREAMS + 3)]
        await asyncio.sleep(0.1)
        assert server.clients == MAX_STREAMS
        assert [await closed(connection) for connection in streams[:3]] == [True] * 3
        assert not await closed(streams[-1])
