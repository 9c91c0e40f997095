"""The laptop and the phone agree, whatever the runner does: a property test.

Hypothesis drives random sequences of keys and taps (laps, undos, skips,
efforts, pauses, rests made longer or shorter, time passing) through one
runner, some as the laptop's keys and some as the phone's taps, and after every
one compares what the run screen renders (the runner's readout, and the keys
it greys out by it) with what the phone page is sent. Every field the two share
must agree, at every step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intervaltimer.engine.events import State
from intervaltimer.remote.state import page_state
from intervaltimer.remote.taps import Tap, apply_tap
from intervaltimer.safetext import display_safe
from intervaltimer.track.readout import Readout
from intervaltimer.track.runner import Runner
from intervaltimer.track.start import RunClocks, start_run
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.plan import expand
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import profile, step_to

WORKOUT = """\
name: 3 x 400 then strides
lead_in: 3s
steps:
  - repeat: 3
    last: {note: "LAST ONE: drive the arms", cue: last}
    steps:
      - run: 400m
        pace: mile
        pacer: 100m
      - rest: 30s
  - repeat: 2
    steps:
      - run: 60m
        label: "stride \\u202e"
      - rest: lap
  - cooldown: 2min
"""
EXAMPLES = 250

Move = tuple[str, Any]
MOVES: st.SearchStrategy[Move] = st.one_of(
    st.tuples(st.sampled_from(["key", "tap"]),
              st.sampled_from(["lap", "undo", "skip", "pause"])).map(
        lambda pair: (f"{pair[0]}:{pair[1]}", None)),
    st.tuples(st.just("effort"), st.integers(min_value=0, max_value=10)),
    st.tuples(st.just("rest"), st.sampled_from([15, -15])),
    st.tuples(st.just("wait"), st.floats(min_value=0.1, max_value=40.0)),
)


def _runner(clock: FakeClock) -> Runner:
    workout = parse_workout(WORKOUT)
    plan = expand(workout, profile("mile=5:40"))
    runner = start_run(plan, workout, store=None, clocks=RunClocks(clock, clock),
                       player=None)
    runner.start()
    return runner


def _play(runner: Runner, clock: FakeClock, move: Move, number: int) -> None:
    name, value = move
    if name == "wait":
        step_to(runner, clock, clock() + value)
    elif name == "effort":
        if number % 2:
            runner.rate(value)
        else:
            last = runner.session.last_split
            apply_tap(runner, Tap(f"e{number}", "effort", rpe=value,
                                  step=None if last is None else last.step_index))
    elif name == "rest":
        runner.extend(float(value))
    else:
        face, action = name.split(":")
        if face == "tap":
            apply_tap(runner, Tap(f"t{number}", action))
        elif action == "lap":
            runner.lap()
        elif action == "undo":
            runner.undo()
        elif action == "skip":
            runner.skip()  # the screen asks first when it drops a rep; the answer is yes
        else:
            runner.pause_or_resume()


def _screen_keys(readout: Readout) -> dict[str, bool]:
    """The run screen's keys that are live now, as its `check_action` decides them."""
    can = readout.can
    return {"undo": can.undo, "skip": can.skip and not readout.finished,
            "pause": can.pause and not readout.finished}


def safe(readout: Readout) -> Readout:
    """The readout's words as the screen draws them: its widgets make every line
    display-safe (a bidi override becomes a visible `\\u202e`), as the phone's state does."""
    return replace(readout, phase_word=display_safe(readout.phase_word),
                   step=tuple(display_safe(line) for line in readout.step),
                   next=tuple(display_safe(line) for line in readout.next),
                   note=display_safe(readout.note), target=display_safe(readout.target),
                   pacer=display_safe(readout.pacer), toast=display_safe(readout.toast))


def assert_faces_agree(runner: Runner) -> None:
    """Every field the run screen and the phone page share is the same."""
    readout = safe(runner.readout())
    phone = page_state(runner, "3 x 400 then strides")
    session = runner.session
    assert phone["word"] == readout.phase_word
    assert phone["clock"] == readout.clock
    assert phone["phase"] == readout.phase.value
    assert phone["target"] == readout.target
    if readout.target:  # the phone gives the target its own line: the screen's line holds it
        assert readout.step[0] == f"{phone['step']} · {readout.target}"
    else:
        assert phone["step"] == readout.step[0]
    assert phone["pacer"] == readout.pacer
    if readout.pacer and not readout.toast:
        assert readout.pacer in readout.clock_note[0]  # the screen shows it under the clock
    assert phone["note"] == readout.note
    assert phone["next"] == readout.next[0]
    assert phone["last_rep"] == readout.last_rep
    assert phone["paused"] == readout.paused == (session.state is State.PAUSED)
    if readout.paused:
        assert phone["word"] == "PAUSED"
    asked = readout.effort_split is not None and readout.asking
    assert phone["ask_effort"] == asked
    assert phone["effort_step"] == (readout.effort_split.step_index
                                    if asked and readout.effort_split is not None else None)
    keys = _screen_keys(readout)
    assert phone["can_undo"] == keys["undo"] == (session.can_undo and runner.status is None)
    assert phone["can_skip"] == keys["skip"]
    assert phone["can_pause"] == keys["pause"]
    assert phone["can_lap"] == (readout.can.lap in ("lap", "go", "rest"))
    assert phone["can_lap"] == (not readout.finished and runner.status is None)
    assert phone["toast"] == readout.toast
    last = phone["last"]
    assert (last is None) == (readout.last_split is None)
    if last is not None and readout.last_split is not None:
        assert last["step"] == readout.last_split.step_index
    for text in (phone["step"], phone["next"]):
        assert "\u202e" not in text  # a bidi override is shown as an escape, not obeyed
    if "Stride" in phone["next"]:
        assert "\\u202e" in phone["next"]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MOVES, min_size=1, max_size=40))
@example([("key:skip", None)] * 5)  # on to the strides, whose label holds a bidi override
def test_the_screen_and_the_phone_agree_at_every_step(moves: list[Move]) -> None:
    clock = FakeClock()
    runner = _runner(clock)
    assert_faces_agree(runner)
    for number, move in enumerate(moves):
        _play(runner, clock, move, number)
        assert_faces_agree(runner)
    runner.stop()
    assert_faces_agree(runner)
    assert page_state(runner, "x")["can_lap"] is False  # the run is over: no LAP
