"""The summary at the end of a workout: the reps, the metrics beside the last time this workout
was run, "how hard was the whole session?" and a note, each stored the moment it is given.

The run screen pushes (or switches to) ``SummaryScreen(session_id)`` when the workout ends.
It is the session screen of the history with other ways out: ``escape`` back to the
library, ``q`` quit; ``h`` opens the history, ``t`` the workout's trend. Capital letters flag the
session as run in bad conditions, one key each (``CONDITION_KEYS``), and unflag it again.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from intervaltimer.ui.screens.session import SessionScreen

CONDITION_KEYS: dict[str, str] = {
    "H": "heat", "C": "cold", "W": "wind", "R": "rain", "I": "illness", "O": "other"}
"""The summary's keys for the conditions flag: capitals, clear of the effort digits, n, t, h
and q."""


def _condition_bindings() -> list[BindingType]:
    keys = list(CONDITION_KEYS.items())
    first_key, first = keys[0]
    shown = Binding(first_key, f"condition('{first}')", "Flag conditions",
                    key_display=" ".join(CONDITION_KEYS), id="summary.flag")
    return [shown, *(Binding(key, f"condition('{name}')", show=False) for key, name in keys[1:])]


class SummaryScreen(SessionScreen):
    """The session just run, with the session effort asked and the previous run beside it."""

    SUB_TITLE = "workout done"
    SHOWS_ADVICE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Library", id="summary.home"),
        # ctrl+q, as on every screen, is the one the footer shows; q works too.
        Binding("ctrl+q", "quit_app", "Quit", id="summary.quit"),
        Binding("q", "quit_app", "Quit", show=False),
        *_condition_bindings(),
    ]

    def status_title(self, status: str) -> str:
        """"workout done" for a completed run, "main set done" for one ended after its main
        set; a run quit early says it was stopped."""
        if status in ("completed", "main set done"):
            return "workout done" if status == "completed" else "main set done"
        return f"workout stopped · {status}"

    def leave(self) -> None:
        """Escape leaves for the library, not back into the finished run."""
        self._save_note(wait=True)
        self.go_home()

    def action_quit_app(self) -> None:
        """Quit intervaltimer, keeping the note first if one is being typed."""
        self._save_note(wait=True)
        self.app.exit()
