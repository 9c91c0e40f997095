"""A run with the phone page's server attached, for the network tests."""

from __future__ import annotations

from intervaltimer.log.store import Store
from intervaltimer.remote.server import RemoteServer
from intervaltimer.track.runner import Runner
from tests.helpers.fakes import FakeClock
from tests.helpers.netkit import TOKEN
from tests.helpers.runkit import make_runner, step_to


def started(clock: FakeClock, store: Store | None) -> tuple[Runner, RemoteServer]:
    """A runner of 2 x 100 m started and in rep 1 for 18 s, with a server attached."""
    runner = make_runner("2x100m@mile/5s", clock, store)
    runner.start()
    step_to(runner, clock, 1021.0)
    server = RemoteServer("2 x 100 m", token=TOKEN)
    server.attach(runner)
    return runner, server
