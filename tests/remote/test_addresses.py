"""Where the phone page listens: `--remote-bind` read and checked, the default route's address
picked, the others listed, the page's URL and what its QR code holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.remote.addresses import (
    AddressError,
    Bind,
    LanAddress,
    check_local,
    choose_address,
    default_route_interface,
    page_url,
    parse_bind,
    pick_address,
    qr_text,
)

ROUTES = """\
Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
wlan0\t00000000\t012BA8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
wlan0\t002BA8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
usb0\t00000000\t012AA8C0\t0002\t0\t0\t1\t00000000\t0\t0\t0
"""
WLAN = LanAddress("192.168.43.10", "wlan0")
ETH = LanAddress("192.168.1.20", "eth0")


@pytest.mark.parametrize(("text", "bind"), [
    ("192.168.43.10", Bind("192.168.43.10")),
    (" 192.168.43.10:9000 ", Bind("192.168.43.10", 9000, chosen_port=True)),
    ("127.0.0.1:0", Bind("127.0.0.1", 0, chosen_port=True)),
    ("::1", Bind("::1")),
    ("[::1]:9000", Bind("::1", 9000, chosen_port=True)),
])
def test_a_bind_address_is_read(text: str, bind: Bind) -> None:
    assert parse_bind(text) == bind


@pytest.mark.parametrize(("text", "says"), [
    ("laptop.local", "is not an IP address"),
    ("192.168.43.10:http", "the port is a number"),
    ("192.168.43.10:70000", "the port is a number"),
    ("[::1]x", "is not ADDR or ADDR:PORT"),
    ("300.1.2.3", "is not an IP address"),
])
def test_a_bad_bind_address_says_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(AddressError, match=says):
        parse_bind(text)


def test_the_default_route_with_the_lowest_metric_wins(tmp_path: Path) -> None:
    table = tmp_path / "route"
    table.write_text(ROUTES)
    # usb0 has the lowest metric but is not up (flags 0002); wlan0 beats eth0 on metric.
    assert default_route_interface(table) == "wlan0"
    table.write_text(ROUTES.splitlines()[0] + "\n")
    assert default_route_interface(table) is None
    assert default_route_interface(tmp_path / "missing") is None


def test_the_address_on_the_default_route_is_picked_and_the_others_listed() -> None:
    choice = pick_address([ETH, WLAN], "wlan0")
    assert choice.bind == Bind("192.168.43.10") and choice.others == (ETH,)
    assert choice.note == ""


def test_without_a_default_route_the_first_address_is_taken_and_it_is_said() -> None:
    choice = pick_address([ETH, WLAN], None)
    assert choice.bind.host == ETH.address and choice.others == (WLAN,)
    assert "no default route" in choice.note
    alone = pick_address([WLAN], None)
    assert alone.bind.host == WLAN.address and "only network address" in alone.note


def test_without_any_network_the_page_is_on_loopback_and_it_says_how_to_fix_it() -> None:
    choice = pick_address([], None)
    assert choice.bind == Bind("127.0.0.1") and "hotspot" in choice.note


def test_an_address_of_another_machine_is_refused_with_this_ones_listed() -> None:
    check_local("127.0.0.1", [])
    with pytest.raises(AddressError, match=r"198\.51\.100\.7 is not an address of this machine "
                                           r"\(its addresses: 192\.168\.43\.10 \(wlan0\)\)"):
        check_local("198.51.100.7", [WLAN])


def test_a_chosen_bind_address_is_checked_and_kept() -> None:
    choice = choose_address("127.0.0.1:0")
    assert choice.bind == Bind("127.0.0.1", 0, chosen_port=True)
    assert all(other.address != "127.0.0.1" for other in choice.others)
    with pytest.raises(AddressError):
        choose_address("198.51.100.7")


def test_the_url_and_what_the_qr_code_holds() -> None:
    token = "0123456789ABCDEF0123456789abcdef"
    url = page_url("192.168.43.10", 8765, token)
    assert url == "http://192.168.43.10:8765/t/0123456789abcdef0123456789abcdef/"
    assert page_url("::1", 8765, token).startswith("http://[::1]:8765/t/")
    assert qr_text(url) == "HTTP://192.168.43.10:8765/T/0123456789ABCDEF0123456789ABCDEF/"


def test_binding_every_address_names_a_reachable_one_never_0_0_0_0(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from intervaltimer.remote import addresses

    monkeypatch.setattr(addresses, "lan_addresses", lambda: [WLAN, ETH])
    monkeypatch.setattr(addresses, "default_route_interface", lambda table=None: "wlan0")
    choice = choose_address("0.0.0.0:0")
    assert choice.bind.host == "0.0.0.0"  # it listens on all of them
    assert choice.bind.shown_host == "192.168.43.10"  # the default route's, for the phone
    assert [str(other) for other in choice.others] == ["192.168.1.20 (eth0)"]


def test_a_server_on_every_address_gives_a_reachable_url() -> None:
    import asyncio
    import urllib.request

    from intervaltimer.remote.server import RemoteServer

    async def serve() -> tuple[str, int]:
        server = RemoteServer("2 x 100 m")
        url = await server.start(Bind("0.0.0.0", 0, chosen_port=True, reach="127.0.0.1"))
        try:
            status = await asyncio.to_thread(lambda: urllib.request.urlopen(url + "state",
                                                                             timeout=5).status)
        finally:
            await server.stop()
        return url, status

    url, status = asyncio.run(serve())
    assert url.startswith("http://127.0.0.1:") and "0.0.0.0" not in url
    assert status == 200
