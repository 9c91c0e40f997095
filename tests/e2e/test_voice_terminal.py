"""The installed app in a real terminal speaks: after a lap, the split and "last one" reach
ALSA as espeak-ng's own samples, and `v` changes the voice.

The test's HOME holds an `.asoundrc` whose default device appends every stream's raw
samples to a file (a `file` PCM over `null`), so what the app played is checked sample for
sample against espeak-ng run by hand.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from intervaltimer.audio.cues import cue_path
from intervaltimer.engine.events import Split
from intervaltimer.track.phrases import LAST_ONE, split_phrase
from tests.helpers.speech import espeak_itself
from tests.helpers.tmux import Terminal, app_env, big_clock, command_path, shell_line, terminal
from tests.helpers.wavs import read_wav

pytestmark = pytest.mark.e2e

TIMEOUT_S = 30.0
TARGET_S = 21.1  # 100 m at 5:40 mile pace, as the screen shows it
LAST_LINE = re.compile(r"Last\s+Rep 1/2 · 100 m @ mile\s+(\d+\.\d)\s")


def capture_to(env: dict[str, str], tmp_path: Path) -> Path:
    """Give the app's HOME an ALSA default device that appends what is played to a file."""
    capture = tmp_path / "capture.raw"
    (Path(env["HOME"]) / ".asoundrc").write_text(
        'pcm.!default {\n  type file\n  slave.pcm "null"\n'
        f"  file \"|cat >> '{capture}'\"\n  format \"raw\"\n}}\n")
    return capture


def quit_run(term: Terminal) -> list[str]:
    """Quit the run (q, y), leave its closing screen (q): the screens on the way out."""
    term.send("q")
    screens = [term.wait_for("Quit this run?", TIMEOUT_S)]
    term.send("y")
    screens.append(term.wait_for("abandoned", TIMEOUT_S))
    term.send("q")
    assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
    return screens


def test_a_lap_is_said_in_espeaks_own_samples_and_v_cycles_the_voice(tmp_path: Path) -> None:
    env = app_env(tmp_path)
    capture = capture_to(env, tmp_path)
    command = shell_line(command_path("intervaltimer"), "run", "2x100m@mile/10s",
                         "--race", "mile=5:40", "--lead-in", "1", "--db", tmp_path / "log.sqlite3")
    with terminal(command, env, tmp_path) as term:
        term.wait_for(lambda s: "Start" in s and "sound: on" in s, TIMEOUT_S)
        term.send("Enter")
        term.wait_for(lambda s: "RUN" in s and big_clock(s) == "0:02", TIMEOUT_S)
        term.send("Space")
        rest = term.wait_for(LAST_LINE, TIMEOUT_S)
        found = LAST_LINE.search(rest)
        assert found is not None, rest
        shown_s = float(found.group(1))
        said = split_phrase(Split(2, 1, "Rep 1/2", 100.0, TARGET_S, shown_s, 0.0, shown_s))
        # the rest cue, the split, "last one": about 4 s of the 10 s rest
        term.wait_for(lambda s: capture.exists() and capture.read_bytes().find(
            espeak_itself(tmp_path, LAST_ONE)) >= 0, TIMEOUT_S)
        term.send("v")
        term.wait_for("voice: full", TIMEOUT_S)
        quit_run(term)
    captured = capture.read_bytes()
    at_split = captured.find(espeak_itself(tmp_path, said))
    assert at_split >= 0, f"{said!r} is not in what was played"
    assert captured.find(espeak_itself(tmp_path, LAST_ONE)) > at_split
    cached = Path(env["HOME"]) / ".cache" / "intervaltimer" / "speech"
    assert len(list(cached.glob("*.wav"))) >= 2


def test_without_espeak_the_run_goes_on_with_beeps_and_says_so_once(tmp_path: Path) -> None:
    bare = tmp_path / "bin"  # PATH: the venv and this folder, so no espeak-ng is found
    bare.mkdir()
    for tool in ("tmux", "sh", "cat"):  # what tmux and ALSA's file PCM run
        found = shutil.which(tool)
        assert found is not None, tool
        (bare / tool).symlink_to(found)
    assert shutil.which("espeak-ng") is not None  # it is installed: the PATH hides it
    env = app_env(tmp_path)
    env["PATH"] = f"{Path(command_path('intervaltimer')).parent}:{bare}"
    capture = capture_to(env, tmp_path)
    command = shell_line(command_path("intervaltimer"), "run", "2x100m@mile/10s",
                         "--race", "mile=5:40", "--lead-in", "1")
    notice = "espeak-ng is not installed"
    with terminal(command, env, tmp_path) as term:
        term.wait_for(lambda s: "Start" in s and "sound: on" in s, TIMEOUT_S)
        term.send("Enter")
        told = term.wait_for(notice, TIMEOUT_S)
        assert told.count(notice) == 1, told
        term.wait_for(lambda s: "RUN" in s and big_clock(s) == "0:02", TIMEOUT_S)
        term.send("Space")
        rest = term.wait_for(LAST_LINE, TIMEOUT_S)
        assert "REST" in rest
        screens = [term.wait_for(lambda s: notice not in s, TIMEOUT_S)]  # the notice goes
        screens += quit_run(term)
    assert all(notice not in screen for screen in screens)  # said once, not again
    played = capture.read_bytes()
    lap_cue = read_wav(cue_path("lap")).frames
    assert played.find(lap_cue) >= 0  # the beeps went on
