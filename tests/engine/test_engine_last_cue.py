"""A repeat's last rep starts with its own cue (`last: {cue: last}`), everything else as before."""

from __future__ import annotations

from intervaltimer.engine import Cue, EventKind
from tests.helpers.engine_helpers import of_kind, plan, rest, run, run_until, started
from tests.helpers.fakes import FakeClock


def test_the_last_rep_starts_with_the_last_cue(fake_clock: FakeClock) -> None:
    session = started(plan(run(duration_s=10.0), rest(5.0), run(duration_s=10.0, cue="last")),
                      fake_clock)
    events = run_until(session, fake_clock, 40.0)
    starts = [(e.step_index, e.cue) for e in of_kind(events, EventKind.STEP_STARTED)]
    assert starts == [(1, Cue.GO), (2, Cue.REST), (3, Cue.LAST)]
    # the 3-2-1 before it and the end of the workout are unchanged
    assert {e.cue for e in of_kind(events, EventKind.COUNTDOWN)} == {Cue.TICK}
    assert events[-1].cue is Cue.FINISH
