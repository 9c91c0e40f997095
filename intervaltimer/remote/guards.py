"""What a request must be before the server acts on it: at the page's own address, a tap
from the page's own origin as JSON, and JSON no deeper than a tap is.

- `Host` must be the address the connection came in on (the one in the QR
  code). A page on another site whose name was pointed at this laptop (DNS
  rebinding) sends its own name, and is refused.
- A tap is `application/json`, and when the browser says where it comes from
  (`Origin`, `Sec-Fetch-Site`), it comes from this page. A form or a
  `text/plain` post from another site is refused before it is read; such a
  site cannot send `application/json` across origins without a preflight
  this server never grants.
- JSON is read only after its nesting is counted (`MAX_JSON_DEPTH`): Python's
  parser recurses, and a body of two thousand `[` would otherwise be a 500.
"""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

MAX_JSON_DEPTH = 4  # a tap is one flat object
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class JsonTooDeep(ValueError):
    """A JSON body nested deeper than a tap ever is."""


def served_address(request: web.BaseRequest) -> str | None:
    """`host:port` of the socket the request came in on (`[v6]:port`); None when unknown."""
    transport = request.transport
    sockname = transport.get_extra_info("sockname") if transport is not None else None
    if not isinstance(sockname, tuple) or len(sockname) < 2:
        return None
    host, port = str(sockname[0]), int(sockname[1])
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def host_problem(request: web.BaseRequest) -> str | None:
    """Why the request's `Host` is not the address it was served on, or None."""
    served = served_address(request)
    given = request.headers.get("Host", "")
    if served is None or given.lower() == served.lower():
        return None
    return "421: this page answers only at the address in its QR code\n"


def tap_problem(request: web.BaseRequest) -> tuple[int, str] | None:
    """(status, message) when a tap does not come as JSON from the page itself; None."""
    if request.content_type != "application/json":
        return 415, "a tap is sent as application/json"
    origin = request.headers.get("Origin")
    served = served_address(request)
    if origin is not None and served is not None and origin.lower() != f"http://{served}".lower():
        return 403, "a tap comes from the page itself"
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return 403, "a tap comes from the page itself"
    return None


def parse_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value in `body` (UTF-8); `JsonTooDeep` past `max_depth` levels, `ValueError`
    (or `UnicodeDecodeError`) when it is not JSON."""
    depth = 0
    for token in _TOKENS.finditer(body):
        mark = token.group()
        if mark in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                raise JsonTooDeep(f"nested more than {max_depth} levels deep")
        elif mark in (b"]", b"}"):
            depth -= 1
    return json.loads(body.decode("utf-8"))
