"""The voice on the fake clock: what is said, when, and what is dropped.

Every test drives a real Runner over a real Session with the voice listening,
as the run screen's timer and the voice's own thread would: at each instant the
runner ticks (beeps first), then the voice pumps. Phrases come from `FakeSpeech`
(silence of a chosen length), so the times said are exact.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervaltimer.audio.testing import FakeSpeech, RecordingPlayer
from intervaltimer.engine.session import Session
from intervaltimer.track.phrases import split_phrase
from intervaltimer.track.runlog import RunLog
from intervaltimer.track.runner import Runner
from intervaltimer.track.voice import BEEP_GAP_S, Voice
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.model import Workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.profile import VoiceMode
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import profile, wall_clock_for

LAP_END = 0.155 + BEEP_GAP_S  # the lap's chirp (it starts the rest) is 0.155 s long
SPLIT_1 = "twenty, one second fast"  # 20.0 against 21.1 (100 m at 5:40 mile pace)


def make_voice(workout: str | Workout, clock: FakeClock, speech: FakeSpeech,
               mode: VoiceMode = VoiceMode.SHORT) -> tuple[Runner, Voice, RecordingPlayer]:
    chosen = resolve_workout(workout) if isinstance(workout, str) else workout
    plan = expand(chosen, profile("mile=5:40"))
    log = RunLog.begin(None, plan, chosen, clock=clock, wall_clock=wall_clock_for(clock))
    player = RecordingPlayer(clock=clock)
    runner = Runner(Session(plan, clock), log, player, clock)
    voice = Voice(runner, speech, mode)
    speech.on_ready = voice.poke
    return runner, voice, player


def drive(runner: Runner, voice: Voice, clock: FakeClock, until: float) -> None:
    """Run to `until`, waking at every deadline of the runner and of the voice."""
    while True:
        wakes = [w for w in (runner.next_wake(), voice.pump()) if w is not None]
        wake = min(wakes, default=None)
        if wake is None or wake > until:
            clock.set(until)
            runner.tick()
            voice.pump()
            return
        clock.set(max(wake, clock()))
        runner.tick()


def assert_never_over_a_beep(voice: Voice, speech: FakeSpeech, player: RecordingPlayer,
                             keyed: set[float] | None = None) -> None:
    """No phrase sounds over a cue (those at `keyed` instants stop the phrase instead)."""
    for text, at in player.said:
        end = at + speech.length_s(text)
        cut = [hushed for hushed in player.hushed if at < hushed < end]
        end = min(cut, default=end)
        for cue, played in player.played:
            if keyed and played in keyed:
                assert not at < played < end, f"{text!r} at {at} not cut by {cue} at {played}"
                continue
            cue_end = played + voice.beep_s[cue]
            assert end <= played or at >= cue_end, f"{text!r} at {at} over {cue} at {played}"


def test_the_split_comes_right_after_the_laps_own_beep(fake_clock: FakeClock) -> None:
    speech = FakeSpeech()
    runner, voice, player = make_voice("3x100m@mile/60s", fake_clock, speech)
    runner.start()  # 3-2-1 from 1000, GO at 1003
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()  # 20.0 s
    drive(runner, voice, fake_clock, 1030.0)
    assert player.said == [(SPLIT_1, pytest.approx(1023.0 + LAP_END))]
    assert ("lap", 1023.0) in player.played


def test_last_one_is_said_before_the_last_rep_only(fake_clock: FakeClock) -> None:
    speech = FakeSpeech()
    runner, voice, player = make_voice("3x100m@mile/20s", fake_clock, speech)
    runner.start()
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()  # rep 1: 20.0; rest to 1043, rep 2 GO at 1043
    drive(runner, voice, fake_clock, 1065.5)
    runner.lap()  # rep 2: 22.5
    drive(runner, voice, fake_clock, 1080.0)
    second = "twenty-two five, one second slow"
    assert [text for text, _ in player.said] == [SPLIT_1, second, "last one"]
    split_at = dict(player.said)[second]
    assert dict(player.said)["last one"] == pytest.approx(split_at + speech.length_s(second))
    assert_never_over_a_beep(voice, speech, player)


@pytest.mark.parametrize(("length_s", "split_at", "last_one_at"), [
    (2.0, LAP_END, LAP_END + 2.0),  # both fit after the lap's chirp
    (49.0, LAP_END, LAP_END + 49.0),  # "last one" ends at 49.61, clear of the cue at 50
    (49.5, LAP_END, 50.32 + BEEP_GAP_S),  # it would touch that cue: it waits until it sounded
    (56.0, None, None),  # the split fits nowhere before the next rep's GO: both dropped
])
def test_a_phrase_waits_for_any_beep_due_within_its_length(
        fake_clock: FakeClock, length_s: float, split_at: float | None,
        last_one_at: float | None) -> None:
    """In a 60 s rest: the lap's chirp at 0, ten seconds at 50, 3-2-1 at 57-59, GO at 60."""
    speech = FakeSpeech(lengths={SPLIT_1: length_s, "last one": 0.4})
    runner, voice, player = make_voice("2x100m@mile/60s", fake_clock, speech)
    runner.start()
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()
    drive(runner, voice, fake_clock, 1023.0 + 60.0)  # rep 2 has begun
    expected = [] if split_at is None or last_one_at is None else [
        (SPLIT_1, pytest.approx(1023.0 + split_at)),
        ("last one", pytest.approx(1023.0 + last_one_at))]
    assert player.said == expected
    assert voice.pending() == []
    assert_never_over_a_beep(voice, speech, player)


def test_a_split_not_ready_before_the_next_rep_is_dropped(fake_clock: FakeClock) -> None:
    speech = FakeSpeech(instant=False)  # the renderer is slow this time
    runner, voice, player = make_voice("2x100m@mile/5s", fake_clock, speech)
    runner.start()
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()
    drive(runner, voice, fake_clock, 1027.0)
    assert voice.pending() == [SPLIT_1, "last one"]
    drive(runner, voice, fake_clock, 1029.0)  # rep 2 began at 1028
    speech.finish()
    drive(runner, voice, fake_clock, 1035.0)
    assert player.said == []
    assert voice.pending() == []


def test_an_undone_lap_takes_its_split_back_unsaid(fake_clock: FakeClock) -> None:
    speech = FakeSpeech(instant=False)
    runner, voice, player = make_voice("2x100m@mile/60s", fake_clock, speech)
    runner.start()
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()
    drive(runner, voice, fake_clock, 1023.3)
    assert runner.undo()
    speech.finish()
    speech.instant = True
    drive(runner, voice, fake_clock, 1026.0)
    assert player.said == []
    runner.lap()  # the real lap: 23.0
    drive(runner, voice, fake_clock, 1030.0)
    assert [text for text, _ in player.said] == ["twenty-three, two seconds slow", "last one"]


def test_full_mode_says_the_rep_at_go_the_halfway_and_the_rests_last_seconds(
        fake_clock: FakeClock) -> None:
    workout = parse_workout(
        "name: full\nlead_in: 3s\nsteps:\n"
        "  - repeat: 2\n    steps:\n"
        "      - run: 400m\n        pace: mile\n        pacer: 200m\n"
        "      - rest: 60s\n",
        "full.yaml")
    speech = FakeSpeech()
    runner, voice, player = make_voice(workout, fake_clock, speech, VoiceMode.FULL)
    runner.start()  # GO at 1003; target 84.5 s, pacer (and halfway) at 42.25 s
    drive(runner, voice, fake_clock, 1003.0 + 85.0)
    runner.lap()
    drive(runner, voice, fake_clock, 1088.0 + 61.0)
    said = dict(player.said)
    go = "rep one of two, target eighty-four five"
    assert said[go] == pytest.approx(1003.0 + 0.53 + BEEP_GAP_S)  # after the GO cue
    # the pacer cue at the halfway instant is heard first
    assert said["halfway, forty-two three"] == pytest.approx(1003.0 + 42.2534 + 0.15 + BEEP_GAP_S,
                                                             abs=1e-3)
    assert said["eighty-five, five tenths slow"] == pytest.approx(1088.0 + LAP_END)
    assert said["last one"] > said["eighty-five, five tenths slow"]
    assert said["thirty seconds"] == pytest.approx(1088.0 + 30.0)
    assert said["ten seconds"] == pytest.approx(1088.0 + 50.0 + 0.32 + BEEP_GAP_S)
    assert said["rep two of two, target eighty-four five"] > 1148.0
    assert_never_over_a_beep(voice, speech, player)


def test_short_mode_says_only_splits_and_last_one(fake_clock: FakeClock) -> None:
    speech = FakeSpeech()
    runner, voice, player = make_voice("2x400m@mile/60s", fake_clock, speech)
    runner.start()
    drive(runner, voice, fake_clock, 1003.0 + 86.4)
    runner.lap()
    drive(runner, voice, fake_clock, 1200.0)
    assert [text for text, _ in player.said] == ["eighty-six four, two seconds slow", "last one"]


def test_v_cycles_the_mode_and_off_says_nothing(fake_clock: FakeClock) -> None:
    speech = FakeSpeech()
    runner, voice, player = make_voice("2x100m@mile/60s", fake_clock, speech, VoiceMode.OFF)
    assert voice.status == "voice: off"
    runner.start()
    drive(runner, voice, fake_clock, 1023.0)
    runner.lap()
    drive(runner, voice, fake_clock, 1030.0)
    assert player.said == []
    assert voice.cycle() is VoiceMode.SHORT
    assert speech.prepared == ["last one"]  # turning it on renders what the mode will need
    assert voice.cycle() is VoiceMode.FULL
    assert {"thirty seconds", "ten seconds", "rep one of two, target twenty-one one",
            "rep two of two, target twenty-one one"} <= set(speech.prepared)
    assert voice.cycle() is VoiceMode.OFF


def test_without_espeak_the_beeps_go_on_and_it_is_said_once(fake_clock: FakeClock) -> None:
    def run(speech: FakeSpeech, mode: VoiceMode) -> tuple[Runner, Voice, RecordingPlayer]:
        clock = FakeClock()
        runner, voice, player = make_voice("2x100m@mile/5s", clock, speech, mode)
        runner.start()
        for lap_at in (1023.0, 1050.0):
            drive(runner, voice, clock, lap_at)
            runner.lap()
        drive(runner, voice, clock, 1060.0)
        return runner, voice, player

    runner, voice, player = run(FakeSpeech(problem="espeak-ng is not installed"),
                                VoiceMode.SHORT)
    _, _, beeps_only = run(FakeSpeech(), VoiceMode.OFF)
    assert player.said == []
    assert player.played == beeps_only.played  # every beep, at the same instants
    assert [cue for cue, _ in player.played][-3:] == ["go", "lap", "finish"]
    assert runner.finished
    assert voice.status == "voice: short (espeak-ng is not installed)"
    assert voice.take_notice() == "espeak-ng is not installed"
    assert voice.take_notice() is None


@settings(max_examples=40, deadline=None)
@given(laps=st.lists(st.floats(min_value=12.0, max_value=40.0), min_size=3, max_size=3),
       per_char=st.floats(min_value=0.01, max_value=0.5))
def test_never_over_a_beep_and_never_a_split_once_the_next_rep_began(
        laps: list[float], per_char: float) -> None:
    clock = FakeClock()
    speech = FakeSpeech(per_char)
    runner, voice, player = make_voice("3x100m@mile/8s", clock, speech, VoiceMode.FULL)
    runner.start()
    for lap_s in laps:
        drive(runner, voice, clock, clock() + lap_s)
        runner.lap()
    drive(runner, voice, clock, clock() + 30.0)
    keyed = {split.ended_at for split in runner.session.splits}  # a lap's beep is unforeseen
    assert_never_over_a_beep(voice, speech, player, keyed)
    gos = [at for cue, at in player.played if cue == "go"]
    split_texts = {split_phrase(split) for split in runner.session.splits}
    for text, at in player.said:
        if text not in split_texts:
            continue
        latest = max((s for s in runner.session.splits if s.ended_at <= at),
                     key=lambda s: s.ended_at)
        assert split_phrase(latest) == text  # still the last split when said
        assert not [go for go in gos if latest.ended_at < go <= at]  # no rep began since
