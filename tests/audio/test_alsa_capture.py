"""The real audio path, end to end, on a machine with or without a sound card.

Each test gives a subprocess its own HOME with an `.asoundrc`, so ALSA (read
afresh by the new process) sends the default device where the test wants:
into a file (`type file` over the `null` PCM), or to a card that is not there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from intervaltimer.audio.cues import CUE_NAMES, cue_path
from intervaltimer.track.phrases import LAST_ONE, SAMPLE
from tests.helpers.speech import espeak_itself
from tests.helpers.wavs import read_wav

PLAY_EVERY_CUE = """
from intervaltimer.audio.cues import CUE_NAMES
from intervaltimer.audio.player import make_player
player = make_player()
print(player.status)
for cue in CUE_NAMES:
    player.play(cue)
    player.wait_done()
player.close()
"""

PLAY_WITHOUT_A_CARD = """
import sys
from intervaltimer.audio.player import make_player
from intervaltimer.audio.quiet import stderr_to
from intervaltimer.locations import stderr_log_path
rings = []
if sys.argv[1] == "inside-ui":  # as the UI runs: the whole lifetime redirected
    with stderr_to(stderr_log_path()):
        player = make_player(bell=lambda: rings.append(1))
        player.play("go")
        player.play("tick")
else:  # the factory alone must keep its probe quiet
    player = make_player(bell=lambda: rings.append(1))
    player.play("go")
    player.play("tick")
print(player.status)
print(len(rings))
"""

# The same play call without our redirection: shows ALSA really does print here.
BARE_SIMPLEAUDIO = """
import simpleaudio
try:
    simpleaudio.play_buffer(bytes(882), 1, 2, 44100)
except Exception as error:
    print(error)
"""


def _home(tmp_path: Path, asoundrc: str) -> dict[str, str]:
    """An environment whose HOME holds `asoundrc` and nothing else of the user's."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(asoundrc)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALSA_", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_STATE_HOME=str(home / ".local" / "state"),
               XDG_CACHE_HOME=str(home / ".cache"))
    return env


def _capturing_home(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """ALSA's default device appends every stream's raw samples to `capture.raw`.

    `file` truncates its file at each open and simpleaudio opens the device
    for every sound, so the samples are piped to `cat >>` instead.
    """
    capture = tmp_path / "capture.raw"
    asoundrc = (
        "pcm.!default {\n"
        "  type file\n"
        '  slave.pcm "null"\n'
        f"  file \"|cat >> '{capture}'\"\n"
        '  format "raw"\n'
        "}\n"
    )
    return _home(tmp_path, asoundrc), capture


def _run(
    args: list[str], env: dict[str, str], timeout_s: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run `args` with `env`, capturing its stdout and its real fd 2."""
    return subprocess.run(args, env=env, capture_output=True, timeout=timeout_s, check=False)


def _assert_cues_in_order(captured: bytes, cues: tuple[str, ...]) -> None:
    """Each cue's frames appear whole, in order (silence or the probe may sit between)."""
    position = 0
    for cue in cues:
        frames = read_wav(cue_path(cue)).frames
        found = captured.find(frames, position)
        assert found >= 0, f"{cue}: its samples are not in the capture after byte {position}"
        position = found + len(frames)
    assert len(captured) - sum(len(read_wav(cue_path(c)).frames) for c in cues) < 44100 * 2


def test_every_cue_reaches_alsa_sample_for_sample(tmp_path: Path) -> None:
    env, capture = _capturing_home(tmp_path)
    out = _run([sys.executable, "-c", PLAY_EVERY_CUE], env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode() == "sound: on\n"
    assert out.stderr == b""
    _assert_cues_in_order(capture.read_bytes(), CUE_NAMES)


@pytest.mark.slow
def test_the_sounds_command_plays_every_cue_with_its_name(tmp_path: Path) -> None:
    env, capture = _capturing_home(tmp_path)
    out = _run([sys.executable, "-m", "intervaltimer", "sounds"], env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "sound: on"
    assert [line.split()[0] for line in lines[1:-1]] == list(CUE_NAMES)
    assert lines[-1] == f'  voice        "{SAMPLE}"'
    assert out.stderr == b""
    captured = capture.read_bytes()
    cues_end = len(captured) - len(espeak_frames(tmp_path, SAMPLE))
    _assert_cues_in_order(captured[:cues_end], CUE_NAMES)
    assert captured.find(espeak_frames(tmp_path, SAMPLE)) == cues_end  # said after the beeps


# Card 99 is not there; ALSA says so on fd 2 ("Cannot get card index for 99").
NO_CARD = 'pcm.!default "hw:99"\nctl.!default "hw:99"\n'


def test_without_a_card_alsa_does_complain_on_fd_2(tmp_path: Path) -> None:
    """The control case: the lines the next tests must keep off the terminal exist."""
    out = _run([sys.executable, "-c", BARE_SIMPLEAUDIO], _home(tmp_path, NO_CARD))
    assert b"ALSA lib" in out.stderr
    assert b"Error opening PCM device" in out.stdout


@pytest.mark.parametrize("how", ["inside-ui", "factory-alone"])
def test_without_a_card_the_bell_takes_over_and_alsa_prints_nothing(
    tmp_path: Path, how: str
) -> None:
    env = _home(tmp_path, NO_CARD)
    out = _run([sys.executable, "-c", PLAY_WITHOUT_A_CARD, how], env)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""
    assert out.stdout.decode() == (
        "sound: terminal bell (no audio device: no sound card found)\n2\n"
    )
    log = Path(env["XDG_STATE_HOME"]) / "intervaltimer" / "stderr.log"
    assert "ALSA lib" in log.read_text()


def test_the_sounds_command_without_a_card_says_why_and_exits_1(tmp_path: Path) -> None:
    out = _run([sys.executable, "-m", "intervaltimer", "sounds"], _home(tmp_path, NO_CARD))
    assert out.returncode == 1
    assert out.stderr == b""
    lines = out.stdout.decode().splitlines()
    # stdout is a pipe here, so there is no terminal to ring either
    assert lines[0] == (
        "sound: off (no audio device: no sound card found; no terminal for the bell)"
    )
    assert [line.split()[0] for line in lines[1:-1]] == list(CUE_NAMES)
    assert lines[-1] == f'  voice        "{SAMPLE}"'


def espeak_frames(tmp_path: Path, text: str) -> bytes:
    """espeak-ng's own samples for `text`, rendered here by hand (22050 Hz mono 16-bit)."""
    return espeak_itself(tmp_path, text)


# A run on the real clock: rep 1 lapped at about 2.5 s, then the voice says the split
# and "last one" in the 10 s rest; the script prints what it said, then quits the run.
RUN_WITH_THE_VOICE = """
import time
from intervaltimer.audio.player import make_player
from intervaltimer.audio.speech import Speech
from intervaltimer.engine.session import Session
from intervaltimer.track.phrases import split_phrase
from intervaltimer.track.runlog import RunLog
from intervaltimer.track.runner import Runner
from intervaltimer.track.voice import Voice
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.profile import Profile, VoiceMode
from intervaltimer.workout.races import parse_race

clock = time.monotonic
workout = resolve_workout("2x100m@mile/10s")
plan = expand(workout, Profile((parse_race("mile=5:40"),)))
player = make_player()
speech = Speech()
runner = Runner(Session(plan, clock, lead_in_s=1.0),
                RunLog.begin(None, plan, workout, clock=clock, wall_clock=time.time), player, clock)
voice = Voice(runner, speech, VoiceMode.SHORT)
voice.start()

def run_until(until):
    while clock() < until:
        runner.tick()
        wake = runner.next_wake() or until
        time.sleep(max(0.001, min(0.02, wake - clock(), until - clock())))

started = clock()
runner.start()
run_until(started + 1.0 + 2.5)
runner.lap()
run_until(clock() + 5.0)
said = list(voice.said)
runner.stop()
voice.close()
player.wait_done()
player.close()
print(player.status)
print(split_phrase(runner.session.splits[0]))
for text, _ in said:
    print(text)
"""


def test_a_run_says_the_split_and_last_one_in_espeaks_own_samples(tmp_path: Path) -> None:
    env, capture = _capturing_home(tmp_path)
    out = _run([sys.executable, "-c", RUN_WITH_THE_VOICE], env)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""
    status, split, *said = out.stdout.decode().splitlines()
    assert status == "sound: on"
    assert split.endswith("seconds fast")  # 2.5 s against a 21.1 s target
    assert said == [split, LAST_ONE]
    captured = capture.read_bytes()
    at_split = captured.find(espeak_frames(tmp_path, split))
    at_last = captured.find(espeak_frames(tmp_path, LAST_ONE))
    assert at_split >= 0, "the split's samples are not in the capture"
    assert at_last > at_split, "'last one' is not in the capture after the split"
    lap = read_wav(cue_path("lap")).frames
    assert 0 <= captured.find(lap) < at_split  # the lap's beep first, whole
    cached = list((Path(env["XDG_CACHE_HOME"]) / "intervaltimer" / "speech").glob("*.wav"))
    assert len(cached) >= 2  # the phrases are kept for the next run
