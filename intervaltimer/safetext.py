"""Text from files, notes and imports made safe to show on a terminal.

A workout name, a step's note, a file name or an imported session may hold
escape sequences (`ESC ] 0 ;` sets the window title, `ESC [ 2 J` clears the
screen, `ESC ] 52 ;` writes the clipboard), C1 controls (U+009B is a one-byte
CSI on some terminals), bidi overrides that make text read backwards, or a lone
surrogate that cannot even be encoded. `display_safe` shows each of those as a
visible escape, `\\x1b`, `\\u202e`, so nothing is sent to the terminal that the
terminal would act on, and the reader can still see what the file holds.

    display_safe("8x400\\x1b]0;pwned\\x07")   # '8x400\\\\x1b]0;pwned\\\\x07'

`safe_json` is `json.dumps` whose output is display-safe too: JSON already escapes
C0 controls; this also escapes C1 controls, bidi controls and line separators as
`\\uXXXX`, which any JSON reader reads back to the same string.

Used by every printer of the command line, by the Textual widgets that show such
text, and (as a last guard that drops rather than shows) by the app's line filter.
This module is outside the layers: every layer may use it.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls (tab and newline too: a name is one line), DEL, C1 controls, the Arabic
# letter mark, LRM/RLM, the line and paragraph separators, the bidi embeddings and
# overrides (U+202A-E) and isolates (U+2066-9), and surrogates (only lone ones get here).
_UNSAFE_CLASS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                 "\u2066-\u2069\ud800-\udfff")
_UNSAFE_LINE = re.compile(f"[\t\n{_UNSAFE_CLASS}]")
_UNSAFE_TEXT = re.compile(f"[\t{_UNSAFE_CLASS}]")  # keeps newlines: a note may have lines
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_safe(text: str, *, lines: bool = False) -> str:
    """`text` with every control, bidi or surrogate character shown as `\\x1b` or `\\u202e`.

    `lines=True` keeps newlines (a note); otherwise the text is one line and a newline
    shows as `\\n`. Text with nothing to escape is returned as it is (fast, and linear
    in its length either way).
    """
    pattern = _UNSAFE_TEXT if lines else _UNSAFE_LINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible, text)


def is_display_safe(text: str) -> bool:
    """True when `text` holds nothing `display_safe` would escape (newlines allowed)."""
    return _UNSAFE_TEXT.search(text) is None


def is_line_safe(text: str) -> bool:
    """True when `text` holds nothing `strip_unsafe` would drop."""
    return _UNSAFE_LINE.search(text) is None


def strip_unsafe(text: str) -> str:
    """`text` without any control, bidi or surrogate character: the last guard before a
    terminal, which must keep each line's width (these characters take no cell)."""
    if _UNSAFE_LINE.search(text) is None:
        return text
    return _UNSAFE_LINE.sub("", text)


def _escape_json(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(value: Any, **options: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)`, with C1 and bidi controls and line
    separators written as `\\uXXXX` escapes: the same data, safe to print on a terminal.

    Lone surrogates come out as `\\udxxx` escapes as well (JSON allows them).
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    if _UNSAFE_IN_JSON.search(text) is not None:
        text = _UNSAFE_IN_JSON.sub(_escape_json, text)
    if re.search("[\ud800-\udfff]", text) is not None:
        text = re.sub("[\ud800-\udfff]", _escape_json, text)
    return text
