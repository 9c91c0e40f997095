"""A real terminal for end-to-end tests and benchmarks: one private tmux server per use.

`terminal(command, env, workdir)` starts `command` (a shell command line) in
a detached tmux session of 80x24 on its own socket (`tmux -L it-<uuid>`),
yields a `Terminal` to type into and read from, and always kills that server
at the end, whatever happened. Nothing here waits a fixed time: `wait_for`
polls `capture-pane` until the screen shows what the caller expects.

`app_env(root)` is an environment whose HOME, config folder and log database
all live under `root`, so a test never touches the user's own files.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

WIDTH = 80
HEIGHT = 24
POLL_S = 0.05  # how often wait_for reads the screen
TMUX_CONF = """\
set -g status off
set -g remain-on-exit on
set -g escape-time 0
set -g history-limit 0
set -g default-shell /bin/sh
set -g default-terminal tmux-256color
"""


def command_path(name: str) -> str:
    """The installed command `name`: on PATH, else beside this Python (the venv's bin)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (not on PATH, not in {beside.parent})")
    return found


def tmux_available() -> bool:
    """True when the tmux program is installed."""
    return shutil.which("tmux") is not None


def app_env(root: Path, **extra: str) -> dict[str, str]:
    """An environment for the app with HOME, XDG dirs, config and log all under `root`."""
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ALSA_", "XDG_", "TMUX", "INTERVALTIMER_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        INTERVALTIMER_CONFIG=str(root / "config"),
        INTERVALTIMER_DB=str(root / "log.sqlite3"),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.update(extra)
    return env


class TimedOut(AssertionError):
    """The screen never showed what a test waited for; carries the last screen seen."""


class Terminal:
    """One detached tmux session of `width` x `height` on a private server socket."""

    def __init__(self, env: dict[str, str], workdir: Path,
                 width: int = WIDTH, height: int = HEIGHT) -> None:
        self.socket = f"it-{uuid.uuid4().hex[:12]}"
        self.env = env
        self.workdir = workdir
        self.width = width
        self.height = height
        self.conf = workdir / f"{self.socket}.conf"
        self.conf.write_text(TMUX_CONF)
        self.started = False
        self.socket_path: Path | None = None
        self.pid: int | None = None

    def tmux(self, *args: str, check: bool = True) -> str:
        """Run one tmux command against this server; its stdout."""
        out = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", str(self.conf), *args],
            env=self.env, cwd=self.workdir, capture_output=True, text=True, timeout=30,
            check=False)
        if check and out.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def start(self, command: str) -> None:
        """Start the server with one session running the shell command line `command`."""
        self.tmux("new-session", "-d", "-s", "it", "-x", str(self.width), "-y",
                  str(self.height), command)
        self.started = True
        self.socket_path = Path(self._pane("#{socket_path}"))
        self.pid = self.pane_pid()

    def send(self, *keys: str) -> None:
        """Press keys by tmux's names: `Enter`, `Space`, `q`, `7`, `C-c`..."""
        self.tmux("send-keys", "-t", "it", *keys)

    def screen(self) -> str:
        """What the pane shows now, one text line per row."""
        return self.tmux("capture-pane", "-p", "-t", "it")

    def wait_for(self, expected: str | re.Pattern[str] | Callable[[str], bool],
                 timeout_s: float = 20.0) -> str:
        """Poll the screen until it shows `expected` (text, regex or test); that screen.

        Only a settled frame counts: a capture can catch the app halfway through
        writing a frame (new step line, old digits), so a match is captured
        again at once and returned only when both captures are the same.

        Raises `TimedOut` with the last screen when `timeout_s` passes first, or
        when the program in the pane has exited.
        """
        found: Callable[[str], bool]
        if isinstance(expected, str):
            text = expected
            found = lambda screen: text in screen  # noqa: E731
        elif isinstance(expected, re.Pattern):
            pattern = expected
            found = lambda screen: pattern.search(screen) is not None  # noqa: E731
        else:
            found = expected
        deadline = time.monotonic() + timeout_s
        screen = ""
        while True:
            screen = self.screen()
            if found(screen) and self.screen() == screen:
                return screen
            if time.monotonic() > deadline:
                raise TimedOut(f"waited {timeout_s} s for {expected!r}; the screen:\n{screen}")
            if self.dead():
                raise TimedOut(f"the program exited ({self.exit_status()}) while waiting "
                               f"for {expected!r}; the screen:\n{screen}")
            time.sleep(POLL_S)

    def wait_until_exited(self, timeout_s: float = 20.0) -> int | None:
        """Poll until the pane's program has exited; its exit status."""
        deadline = time.monotonic() + timeout_s
        while not self.dead():
            if time.monotonic() > deadline:
                raise TimedOut(f"still running after {timeout_s} s; the screen:\n{self.screen()}")
            time.sleep(POLL_S)
        return self.exit_status()

    def _pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", "it", fmt).strip()

    def pane_pid(self) -> int:
        """The pid of the pane's program (the shell, or what it `exec`ed)."""
        return int(self._pane("#{pane_pid}"))

    def dead(self) -> bool:
        """True once the pane's program has exited."""
        return self._pane("#{pane_dead}") == "1"

    def exit_status(self, settle_s: float = 3.0) -> int | None:
        """The exit status of the pane's program once it has exited (minus the signal's
        number when a signal killed it); None while it runs.

        tmux marks the pane dead when its terminal closes, and learns the status
        when it reaps the program, which may come late (or, seen with tmux 3.3,
        not at all while nothing else happens). Until then the status is read
        from the program's zombie in /proc.
        """
        deadline = time.monotonic() + settle_s
        while True:
            dead, _, status = self._pane("#{pane_dead} #{pane_dead_status}").partition(" ")
            if dead != "1":
                return None
            if status.strip():
                return int(status)
            code = zombie_exit_code(self.pid) if self.pid is not None else None
            if code is not None or time.monotonic() > deadline:
                return code
            time.sleep(POLL_S)

    def kill_server(self) -> None:
        """Stop this private server and everything running in it (idempotent)."""
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False
        if self.socket_path is not None:  # tmux leaves its socket file behind
            self.socket_path.unlink(missing_ok=True)
        self.conf.unlink(missing_ok=True)


def zombie_exit_code(pid: int) -> int | None:
    """The exit status of `pid` if it has exited but is not yet reaped (minus the signal's
    number if a signal killed it); None if it runs or is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # from field 3, the state
    if fields[0] != "Z" or len(fields) < 50:
        return None
    return os.waitstatus_to_exitcode(int(fields[49]))  # field 52: exit_code


@contextmanager
def terminal(command: str, env: dict[str, str], workdir: Path,
             width: int = WIDTH, height: int = HEIGHT) -> Iterator[Terminal]:
    """A terminal running `command`; its tmux server is killed on the way out."""
    term = Terminal(env, workdir, width, height)
    try:
        term.start(command)
        yield term
    finally:
        term.kill_server()


def shell_line(*args: str | Path) -> str:
    """A shell command line that `exec`s `args` (so the pane's pid is the program's)."""
    return "exec " + " ".join(shlex.quote(str(a)) for a in args)



def _digit_glyphs() -> dict[tuple[str, str, str], str]:
    """Textual's 3x3 digit glyphs (bold and plain), each to the character it draws."""
    from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD

    glyphs: dict[tuple[str, str, str], str] = {}
    for font in (DIGITS3X3, DIGITS3X3_BOLD):
        for n, char in enumerate(DIGITS):
            if char in CLOCK_CHARS:
                rows = font[3 * n: 3 * n + 3]
                key = (rows[0].ljust(3), rows[1].ljust(3), rows[2].ljust(3))
                glyphs[key] = char
    return glyphs


CLOCK_CHARS = "0123456789:"


def _small_digits(rows: list[str]) -> list[str]:
    """Numbers drawn in Textual's 3x3 `Digits` font among `rows`, top to bottom."""
    glyphs = _digit_glyphs()
    width = max((len(row) for row in rows), default=0)
    rows = [row.ljust(width + 3) for row in rows]
    found: list[str] = []
    y = 0
    while y + 2 < len(rows):
        best = ""
        for x in range(width):
            text = ""
            at = x
            while (key := (rows[y][at:at + 3], rows[y + 1][at:at + 3],
                           rows[y + 2][at:at + 3])) in glyphs:
                text += glyphs[key]
                at += 3
            if len(text) > len(best) and any(c.isdigit() for c in text):
                best = text
        if best:
            found.append(best)
            y += 3
        else:
            y += 1
    return found


def _block_digits(rows: list[str]) -> list[str]:
    """Numbers drawn in the run screen's block digits (`█`) among `rows`, top to bottom.

    The glyphs are the app's own (`block_glyph`); this only finds which of them
    the screen shows, at the scale the height of the block says.
    """
    from intervaltimer.ui.widgets.big_clock import BLOCK, block_glyph, glyph_height

    found: list[str] = []
    y = 0
    while y < len(rows):
        if BLOCK not in rows[y]:
            y += 1
            continue
        end = y
        while end < len(rows) and BLOCK in rows[end]:
            end += 1
        height = end - y
        block = [row.ljust(200) for row in rows[y:end]]
        y = end
        scale = next((s for s in range(2, 40) if glyph_height(s) == height), None)
        if scale is None:
            continue
        glyphs = {c: block_glyph(c, scale) for c in CLOCK_CHARS}
        at = min(row.index(BLOCK) for row in block if BLOCK in row)
        text = ""
        while True:
            for char, cells in glyphs.items():
                width = len(cells[0])
                drawn = [[row[at + col] == BLOCK for col in range(width)] for row in block]
                if drawn == cells:
                    text += char
                    at += width
                    break
            else:
                break
        if any(c.isdigit() for c in text):
            found.append(text)
    return found


def big_digits(screen: str) -> list[str]:
    """Every number drawn in big digits on `screen` (`["1:05"]`), top to bottom.

    Reads both Textual's 3x3 `Digits` and the run screen's larger block digits.
    """
    rows = screen.splitlines()
    return _block_digits(rows) or _small_digits(rows)


def big_clock(screen: str) -> str | None:
    """The run screen's clock: the topmost number in big digits (the big numbers under it,
    the split and the targets, come after); None when none is drawn."""
    numbers = big_digits(screen)
    return numbers[0] if numbers else None
