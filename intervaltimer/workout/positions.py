"""Where a character is in a text, and how much text a workout file may be.

Kept apart from the YAML reading so that `files` (the disk) can say where a
file stops being text without importing the YAML parser: listing the library
must not pay for it.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1024 * 1024


def position_of(text: str, index: int) -> tuple[int, int]:
    """(line, col), 1-based, of character `index` in `text`."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col
