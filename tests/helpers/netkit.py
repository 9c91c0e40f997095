"""Shared by the phone page's network tests: the real server on loopback, raw requests."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from intervaltimer.remote.addresses import Bind
from intervaltimer.remote.server import RemoteServer

TOKEN = "0123456789abcdef0123456789abcdef"
PATH = f"/t/{TOKEN}/"


@asynccontextmanager
async def serving(server: RemoteServer) -> AsyncIterator[int]:
    """`server` listening on loopback (any free port); its port."""
    url = await server.start(Bind("127.0.0.1", 0, chosen_port=True))
    try:
        yield int(url.split(":")[2].split("/")[0])
    finally:
        await server.stop()


async def send(port: int, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """One raw HTTP/1.1 request (`head` without its blank line); the status and body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(head.replace("\n", "\r\n").encode() + b"\r\n\r\n" + body)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), 5.0)
    finally:
        writer.close()
    status_line, _, rest = answer.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


def tap_head(port: int, body: bytes, *, host: str | None = None,
             content_type: str = "application/json", origin: str | None = None) -> str:
    lines = [f"POST {PATH}tap HTTP/1.1", f"Host: {host or f'127.0.0.1:{port}'}",
             f"Content-Type: {content_type}", f"Content-Length: {len(body)}",
             "Connection: close"]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    return "\n".join(lines)


def lap_body(tap_id: str, age_ms: int = 0) -> bytes:
    return json.dumps({"id": tap_id, "action": "lap", "age_ms": age_ms}).encode()


