"""Which process is running a session, so a crashed session can be told from a live one.

A session row keeps its owner: host, process id and (on Linux) the process's
start time, which tells a reused process id from the original. A session whose
owner is gone was left running by a crash; one whose owner is another live
process on this host is being run right now by another intervaltimer.
"""

from __future__ import annotations

import os
import socket
import sys


def _start_token(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), or "" where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return ""
    # fields[0] is field 3 of proc(5) (state); the start time is field 22.
    return fields[19] if len(fields) > 19 else ""


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def current_owner() -> str:
    """The owner token of this process: `host|pid|start`."""
    pid = os.getpid()
    return f"{socket.gethostname()}|{pid}|{_start_token(pid)}"


def owned_by_other_live_process(owner: str) -> bool:
    """True when `owner` is another process of this host that is still running.

    Sessions of this very process, of another host, of an unknown owner, or of a
    process that has ended (or whose id now belongs to another program) count as
    not live, so they are offered for resume.
    """
    parts = owner.split("|")
    if len(parts) != 3 or sys.platform == "win32":
        return False
    host, pid_text, token = parts
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    except OSError:
        return False
    if _is_zombie(pid):
        return False
    current = _start_token(pid)
    return not (token and current and token != current)
