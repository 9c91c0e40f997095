"""The session state machine, driven by an injected clock. Pure Python.

`Session(plan, clock)` runs a `Plan`; `poll()` hands out `Event`s (with the
`Cue` to play), `splits` the reps run. See session.py for the rules.
"""

from intervaltimer.engine.events import Cue, Event, EventKind, Phase, Progress, Split, State
from intervaltimer.engine.session import LAP_DEBOUNCE_S, Session

__all__ = [
    "LAP_DEBOUNCE_S",
    "Cue",
    "Event",
    "EventKind",
    "Phase",
    "Progress",
    "Session",
    "Split",
    "State",
]
