"""Hostile strings, as they would come in a workout file, a file name, a note or an import.

Each would do something to a terminal that printed it raw: set the window title, clear
the screen, write the clipboard (OSC 52), start an escape, act as a one-byte CSI or OSC
(C1 controls), or make the text read backwards (bidi override and isolate).
"""

from __future__ import annotations

from pathlib import Path

TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J\x1b[H"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
BARE_ESC = "a\x1bb"
C1 = "\x9b2J\x9d0;t\x9c"
BIDI = "\u202eevil\u202c\u2066x\u2069"

HOSTILE = (TITLE, CLEAR, CLIPBOARD, BARE_ESC, C1, BIDI)
ALL = "".join(HOSTILE)

# What none of the output may hold, as bytes (UTF-8 for C1 and the bidi controls).
FORBIDDEN = (b"\x1b", b"\x07", b"\xc2\x9b", b"\xc2\x9d", b"\xc2\x9c", b"\xe2\x80\xae",
             b"\xe2\x80\xac", b"\xe2\x81\xa6", b"\xe2\x81\xa9")


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, its controls written as YAML escapes."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7f <= code <= 0x9f:
            out.append(f"\\x{code:02x}")
        elif code > 0xff and not char.isprintable():
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def hostile_workout() -> str:
    """A valid workout whose name, description, tags, label and notes are all hostile."""
    return (f"name: {yaml_quoted('Hills ' + ALL)}\n"
            f"description: {yaml_quoted(CLEAR + 'desc' + C1)}\n"
            f"tags: [{yaml_quoted('tag' + TITLE)}]\n"
            "steps:\n"
            f"  - warmup: 1min\n    note: {yaml_quoted('easy' + CLIPBOARD)}\n"
            "  - repeat: 2\n    steps:\n"
            f"      - run: 200m\n        pace: 40s/200m\n        label: {yaml_quoted(BIDI)}\n"
            "      - rest: 30s\n")


def first_forbidden(data: bytes) -> bytes | None:
    """The first forbidden sequence in `data`, with what surrounds it; None when clean."""
    for needle in FORBIDDEN:
        at = data.find(needle)
        if at >= 0:
            return data[max(0, at - 30):at + 30]
    return None


def hostile_log(path: Path, source: str = "name: x\n", note: str = f"note {ALL}") -> Path:
    """A log at `path` with two completed sessions (a day apart) of a hostile workout name,
    each with two reps with hostile labels and a hostile note. Returns `path`."""
    from intervaltimer.log.store import Store
    from tests.helpers.iokit import T0

    with Store.open(path) as store:
        for day in (0, 1):
            start = T0 + day * 86400
            session = store.start_session("Hills " + ALL, source, {}, 4, started_at=start)
            for i in (1, 2):
                store.record_rep(session, i, step_index=i, label=f"Rep {i} {ALL}",
                                 split_s=40.0 + i, ended_at=start + 100 * i,
                                 distance_m=200.0, target_s=40.0, rpe=5)
            store.finish_session(session, "completed", ended_at=start + 600)
            store.set_note(session, note)
    return path
