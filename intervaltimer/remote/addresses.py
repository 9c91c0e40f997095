"""Which address of the laptop the phone can reach: the one on the default route.

At the track the usual set-up is the phone's own hotspot with the laptop
joined to it, so the laptop's default route goes through the phone and the
address on that interface is the one the phone sees. When the laptop has
several network addresses, the others are listed too, so the runner can
choose one with `--remote-bind`. Nothing here sends a packet: the default
route is read from the kernel's routing table (`/proc/net/route`), and only
where there is no such file is it asked of the socket layer, with a UDP
`connect()` that picks a route and sends nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_PORT = 8765
ROUTE_TABLE = Path("/proc/net/route")
RTF_UP = 0x1
ROUTE_PROBE = "192.0.2.1"  # TEST-NET-1 (RFC 5737): only a destination to look a route up for


@dataclass(frozen=True)
class LanAddress:
    """One IPv4 address of this machine and the interface that has it (`wlan0`)."""

    address: str
    interface: str

    def __str__(self) -> str:
        return f"{self.address} ({self.interface})"


@dataclass(frozen=True)
class Bind:
    """Where the remote listens: `host` and `port`; `chosen` when the runner named the port.
    `reach`: the address a phone uses, when `host` is not one (`0.0.0.0` listens on every
    address, but no phone can go to it)."""

    host: str
    port: int = DEFAULT_PORT
    chosen_port: bool = False
    reach: str = ""

    @property
    def shown_host(self) -> str:
        """The host the page's address (and its QR code) names."""
        return self.reach or self.host


@dataclass(frozen=True)
class AddressChoice:
    """The address picked for the phone, the other candidates, and a word on the pick when
    the runner should know it (no default route, no network)."""

    bind: Bind
    others: tuple[LanAddress, ...]
    note: str


class AddressError(ValueError):
    """A `--remote-bind` value that is not an address of this machine (or no address at all)."""


def lan_addresses() -> list[LanAddress]:
    """This machine's IPv4 addresses on interfaces that are up, loopback and link-local left out."""
    import psutil

    stats = psutil.net_if_stats()
    found: list[LanAddress] = []
    for interface, entries in psutil.net_if_addrs().items():
        if interface in stats and not stats[interface].isup:
            continue
        for entry in entries:
            if entry.family != socket.AF_INET:
                continue
            address = ipaddress.IPv4Address(entry.address)
            if address.is_loopback or address.is_link_local:
                continue
            found.append(LanAddress(str(address), interface))
    return found


def default_route_interface(table: Path = ROUTE_TABLE) -> str | None:
    """The interface of the IPv4 default route with the lowest metric, from the routing table."""
    try:
        lines = table.read_text().splitlines()[1:]
    except OSError:
        return None
    best: tuple[int, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 8:
            continue
        interface, destination, flags, metric, mask = (
            fields[0], fields[1], fields[3], fields[6], fields[7])
        try:
            up = int(flags, 16) & RTF_UP
            default = int(destination, 16) == 0 and int(mask, 16) == 0
            rank = int(metric)
        except ValueError:
            continue
        if up and default and (best is None or rank < best[0]):
            best = (rank, interface)
    return best[1] if best is not None else None


def default_route_address() -> str | None:
    """The source address the system would use on its default route (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect((ROUTE_PROBE, 9))  # UDP: a route lookup, nothing goes out
        address: str = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("0.") else address


def pick_address(candidates: list[LanAddress], route_interface: str | None,
                 route_address: str | None = None) -> AddressChoice:
    """The address on the default route's interface (else the only, else the first, else
    loopback), with the other candidates listed."""
    chosen: LanAddress | None = None
    note = ""
    for candidate in candidates:
        if candidate.interface == route_interface or candidate.address == route_address:
            chosen = candidate
            break
    if chosen is None and candidates:
        chosen = candidates[0]
        note = ("no default route: the first of several addresses" if len(candidates) > 1
                else "no default route: the only network address")
    if chosen is None:
        return AddressChoice(Bind("127.0.0.1"), (), "no network: only this machine can reach "
                             "the page; join the phone's hotspot and press r again")
    others = tuple(c for c in candidates if c != chosen)
    return AddressChoice(Bind(chosen.address), others, note)


def choose_address(bind: str | None) -> AddressChoice:
    """Where the remote listens: `bind` (`ADDR` or `ADDR:PORT`) when given, else the address
    on the default route, with the machine's other addresses listed."""
    candidates = lan_addresses()
    if bind is not None:
        chosen = parse_bind(bind)
        check_local(chosen.host, candidates)
        if ipaddress.ip_address(chosen.host).is_unspecified:
            # Listen on every address; the page's address names the one a phone reaches.
            picked = _on_default_route(candidates)
            reach = picked.bind.host
            return AddressChoice(replace(chosen, reach=reach), picked.others, picked.note)
        others = tuple(c for c in candidates if c.address != chosen.host)
        return AddressChoice(chosen, others, "")
    return _on_default_route(candidates)


def _on_default_route(candidates: list[LanAddress]) -> AddressChoice:
    interface = default_route_interface()
    route_address = None if interface is not None or ROUTE_TABLE.exists() else (
        default_route_address())
    return pick_address(candidates, interface, route_address)


def parse_bind(text: str) -> Bind:
    """`192.168.43.10`, `192.168.43.10:9000`, `::1` or `[::1]:9000` as a `Bind` (port 0:
    any free port)."""
    value = text.strip()
    host, port = value, None
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise AddressError(f"{text!r} is not ADDR or ADDR:PORT")
            port = rest[1:]
    elif value.count(":") == 1:
        host, port = value.split(":")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise AddressError(f"{text!r} is not an IP address (try 192.168.43.10 or "
                           f"192.168.43.10:8765)") from None
    if port is None:
        return Bind(str(address))
    if not port.isdigit() or not 0 <= int(port) < 65536:
        raise AddressError(f"{text!r}: the port is a number from 1 to 65535 (0: any free one)")
    return Bind(str(address), int(port), chosen_port=True)


def check_local(host: str, candidates: list[LanAddress]) -> None:
    """Raise AddressError unless `host` is an address of this machine (or every address)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.bind((host, 0))
    except OSError:
        listed = ", ".join(str(c) for c in candidates) or "none but loopback"
        raise AddressError(f"{host} is not an address of this machine (its addresses: "
                           f"{listed})") from None
    finally:
        probe.close()


def page_url(host: str, port: int, token: str) -> str:
    """The page's address for the phone: `http://192.168.43.10:8765/t/<token>/`.

    The server reads its path in any case, so the QR code can hold it in
    capitals (see `qr_text`).
    """
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/t/{token.lower()}/"


def qr_text(url: str) -> str:
    """`url` in capitals, so its QR code packs as alphanumeric data: fewer modules, bigger
    ones on the screen, easier to scan. Scheme, host and (here) path read the same."""
    return url.upper()
