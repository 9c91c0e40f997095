"""Asked before `s` drops a rep (logged as not run) or cuts a rest by more than 10 s.

The same shape as the quit question (`ConfirmQuitScreen`): the clock runs on
underneath, only `y` skips, `n` or escape keeps running, and a lap key answers
"keep running" and laps, so the rep's split is never lost to the question.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from intervaltimer.ui.screens.confirm_quit import ConfirmQuitScreen

DETAIL = "u brings it back until the next step ends."


class ConfirmSkipScreen(ConfirmQuitScreen):
    """Skip the running rep (`quit` answers yes), keep running (`stay`), or lap (`lap`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('quit')", "Skip the rep", id="confirm_skip.yes"),
        Binding("n,escape", "answer('stay')", "Keep running", id="confirm_skip.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(DETAIL)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="quit-question")
            yield Static(self.detail, id="quit-detail")
            yield Static("y: skip it    n / escape: keep going    space: lap", id="quit-keys")
