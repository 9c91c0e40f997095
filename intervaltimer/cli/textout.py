"""What the command line prints: text from files made display-safe, and a terminal that
cannot take UTF-8 given ASCII instead of a traceback.

    table.add_row(cell(row.workout))     # a rich Text: no markup read, escapes shown as \\x1b
    click.echo(safe(f"{path}: ..."))     # a plain line, display-safe

`install_ascii_fallback()` runs once when the command starts: when standard output or
error cannot encode UTF-8 (`PYTHONIOENCODING=ascii`, a C locale), characters they cannot
take are written as their nearest ASCII (`·` as `.`, `×` as `x`, `é` as `e`) or, failing
that, as `\\u00b7`, instead of stopping the command with a UnicodeEncodeError.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata
from typing import TYPE_CHECKING

from intervaltimer.safetext import display_safe

if TYPE_CHECKING:
    from rich.text import Text

ERROR_HANDLER = "intervaltimer-ascii"

# The characters the command line itself prints, with the ASCII a reader would expect.
_NEAREST = {
    "·": ".", "×": "x", "≈": "~", "–": "-", "—": "-", "−": "-", "±": "+", "…": ".",
    "’": "'", "‘": "'", "“": '"', "”": '"', "→": ">", "←": "<", "≥": ">", "≤": "<",
    "°": "o", "µ": "u", "\u00a0": " ", "\u202f": " ", "▲": "^", "▼": "v", "█": "#",
    "•": "*", "✓": "v", "✗": "x", "⚠": "!",
}
"""One character for one: a table rich has laid out keeps its columns."""


def _nearest_ascii(char: str) -> str:
    if char in _NEAREST:
        return _NEAREST[char]
    decomposed = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return decomposed or char.encode("ascii", "backslashreplace").decode()


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return "".join(_nearest_ascii(char) for char in chunk), error.end


def install_ascii_fallback() -> None:
    """Let stdout and stderr write what their encoding cannot take as nearest ASCII."""
    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _ascii_fallback)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if codecs.lookup(encoding).name == "utf-8" or not isinstance(stream, io.TextIOWrapper):
            continue
        stream.reconfigure(errors=ERROR_HANDLER)


def safe(text: str, *, lines: bool = False) -> str:
    """`text` display-safe, for click.echo or rich with markup off (see `safetext`)."""
    return display_safe(text, lines=lines)


def cell(text: str, *, lines: bool = False, style: str = "") -> Text:
    """`text` as a rich `Text`: display-safe, and its brackets never read as markup."""
    from rich.text import Text

    return Text(display_safe(text, lines=lines), style=style)
