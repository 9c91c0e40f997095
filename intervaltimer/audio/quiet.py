"""Keep what C libraries print on file descriptor 2 (ALSA's "ALSA lib pcm.c:..." lines)
off the terminal while the UI is drawn.

ALSA writes its errors straight to fd 2, below Python's `sys.stderr`, so the
only way to keep them off the screen is to point fd 2 elsewhere for as long
as the UI runs. Textual itself draws on `sys.__stderr__` (fd 2), so around a
Textual app use `intervaltimer.cli.tui.ui_stderr_to`, which first gives the
screen a descriptor of its own; plain `stderr_to` is for commands that draw
nothing (`intervaltimer sounds`) and for the player's device probe.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A log kept past this size is emptied when it is next opened.
LOG_LIMIT_BYTES = 256 * 1024


def _open_target(target: str | os.PathLike[str] | None) -> tuple[int, str]:
    """Open `target` for appending (creating its folder); /dev/null if that fails."""
    if target is not None:
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:
            pass
        else:
            try:
                if os.fstat(fd).st_size > LOG_LIMIT_BYTES:
                    os.ftruncate(fd, 0)
            except OSError:
                pass
            return fd, str(path)
    return os.open(os.devnull, os.O_WRONLY), os.devnull


def _flush_stderr() -> None:
    """Push out what Python has buffered for fd 2, so it lands where it was meant to."""
    try:
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass


@contextmanager
def stderr_to(target: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """Point file descriptor 2 at `target` (appended to; None: /dev/null) until the block ends.

    Everything written to fd 2 inside the block, by C libraries or by Python,
    goes to `target`; fd 2 is restored when the block ends, even on an
    exception. If `target` cannot be opened, /dev/null is used. Blocks nest.
    Yields the path that fd 2 now writes to.
    """
    fd, used = _open_target(target)
    _flush_stderr()
    try:
        saved: int | None = os.dup(2)
    except OSError:  # fd 2 was closed: leave it closed afterwards
        saved = None
    try:
        os.dup2(fd, 2)
    except OSError:
        if saved is not None:
            os.close(saved)
        raise
    finally:
        os.close(fd)
    try:
        yield used
    finally:
        _flush_stderr()
        if saved is None:
            os.close(2)
        else:
            os.dup2(saved, 2)
            os.close(saved)
