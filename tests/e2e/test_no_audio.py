"""No audio device: the installed app runs in a real terminal, rings the bell instead,
says so on screen, and writes nothing outside its UI.

The test's HOME holds an `.asoundrc` whose default device is card 99, which
is not there, so ALSA fails and prints its "ALSA lib ..." lines on fd 2. The
app runs with sound on (no `--no-sound`) and its fd 2 redirected to a file:
that file must stay empty, and no ALSA line may ever show on the screen. The
bells are counted by tmux's `alert-bell` hook.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.helpers.tmux import (
    app_env,
    big_clock,
    command_path,
    shell_line,
    terminal,
)

pytestmark = pytest.mark.e2e

# Card 99 is not there; ALSA says so on fd 2 ("Cannot get card index for 99").
NO_CARD = 'pcm.!default "hw:99"\nctl.!default "hw:99"\n'
FALLBACK = "sound: terminal bell (no audio device: no sound card found)"
TIMEOUT_S = 30.0


def test_without_a_sound_card_the_app_rings_the_bell_and_writes_nothing_outside_its_ui(
    tmp_path: Path,
) -> None:
    env = app_env(tmp_path)
    (Path(env["HOME"]) / ".asoundrc").write_text(NO_CARD)
    err = tmp_path / "err.txt"
    bells = tmp_path / "bells.txt"
    bells.touch()
    command = (shell_line(command_path("intervaltimer"), "run", "2x100m/3s", "--lead-in", "1",
                          "--db", tmp_path / "log.sqlite3")
               + f" 2>{shlex.quote(str(err))}")
    screens: list[str] = []
    with terminal(command, env, tmp_path) as term:
        term.tmux("set-hook", "-g", "alert-bell",
                  f"run-shell 'echo bell >> {shlex.quote(str(bells))}'")

        # The preview says which sound there will be and why.
        preview = term.wait_for(lambda s: "Start" in s and "sound:" in s, TIMEOUT_S)
        screens.append(preview)
        assert FALLBACK in " ".join(preview.split()), preview
        assert bells.read_text() == ""  # nothing rang before the run

        # The run: the lead-in's count and GO ring the bell; the screen says "terminal bell".
        term.send("Enter")
        running = term.wait_for(re.compile(r"^\s*RUN\s*\n\s*Rep 1/2", re.M), TIMEOUT_S)
        screens.append(running)
        assert "sound: terminal bell" in running
        term.wait_for(lambda s: bells.read_text().count("bell") >= 1, TIMEOUT_S)

        # A lap (past the engine's 1 s guard against a double tap), the rest, then quit.
        screens.append(term.wait_for(lambda s: big_clock(s) == "0:02", TIMEOUT_S))
        term.send("Space")
        screens.append(term.wait_for(re.compile(r"^\s*REST\s*\n\s*Rest 3 s", re.M), TIMEOUT_S))
        term.send("q")
        screens.append(term.wait_for("Quit this run?", TIMEOUT_S))
        term.send("y")
        screens.append(term.wait_for("abandoned", TIMEOUT_S))
        term.send("q")
        assert term.wait_until_exited(TIMEOUT_S) == 0, term.screen()
        screens.append(term.screen())

    assert err.read_bytes() == b""
    for screen in screens:
        assert "ALSA" not in screen, screen
    # ALSA did complain: into the app's own log, not the terminal.
    alsa_log = Path(env["XDG_STATE_HOME"]) / "intervaltimer" / "stderr.log"
    assert "ALSA lib" in alsa_log.read_text()
