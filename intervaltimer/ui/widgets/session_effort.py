"""The session-effort question and its answer: "how hard was the whole session?" on the CR-10.

Asked once, after the workout, for Foster's session load (session RPE × minutes). The keys
are those of the run screen's rep efforts: ``1``-``9``, and ``0`` for 10 (a session that
happened is never 0, "rest"). Until answered, the question and the scale with its words are
shown (class ``-asking``); after, the answer and the load it gives, and how to change it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from intervaltimer.coach.sessions import CR10_WORDS, effort_words

KEYS_HELP = "1–9, 0 = 10"
"""How the keys map to the scale, as shown."""


def key_to_rpe(key: str) -> int | None:
    """The session effort a key gives: ``"1"``..``"9"`` -> 1..9, ``"0"`` -> 10, else None."""
    if len(key) != 1 or not key.isdigit():
        return None
    return 10 if key == "0" else int(key)


def scale_text() -> str:
    """The scale's words, one entry per key that has words: ``1 very, very easy · 2 easy …``."""
    parts = [f"{rpe if rpe < 10 else '0 = 10'} {words}"
             for rpe, words in CR10_WORDS.items() if words and rpe > 0]
    return " · ".join(parts)


class SessionEffort(Static):
    """Asks how hard the whole session was, or shows the answer with its load."""

    DEFAULT_CSS: ClassVar[str] = """
    SessionEffort {
        height: auto;
        padding: 0 1;
    }
    SessionEffort.-asking {
        background: $warning-muted;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, classes=classes)
        self.rpe: int | None = None

    def show(self, rpe: int | None, load: float | None, minutes: float | None) -> None:
        """Ask (``rpe`` None), or show ``rpe`` with its words and the session's load."""
        self.rpe = rpe
        self.set_class(rpe is None, "-asking")
        if rpe is None:
            text = Text.assemble(("How hard was the whole session? ", "bold"),
                                 f"Press {KEYS_HELP}: ", (scale_text(), "dim"))
        else:
            text = Text.assemble("Session effort ", (effort_words(rpe), "bold"))
            if load is not None and minutes is not None:
                shown = round(minutes, 1)  # the minutes shown are the ones multiplied
                text.append(f" · load {rpe * shown:.0f} ({rpe} × {shown:g} min)")
            text.append(f" · {KEYS_HELP} to change", style="dim")
        self.update(text)
