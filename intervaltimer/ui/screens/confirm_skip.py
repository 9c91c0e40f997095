"""Asked before a running rep is skipped: a skipped rep is logged as not run.

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

QUESTION = "Skip this rep?"
DETAIL = "It counts as not run. u brings it back while the next step runs."


class ConfirmSkipScreen(ConfirmQuitScreen):
    """Skip the running rep (`quit` answers yes), keep running (`stay`), or lap (`lap`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('quit')", "Skip the rep", id="confirm_skip.yes"),
        Binding("n,escape", "answer('stay')", "Keep running", id="confirm_skip.no"),
    ]

    def __init__(self) -> None:
        super().__init__(DETAIL)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(QUESTION, id="quit-question")
            yield Static(self.detail, id="quit-detail")
            yield Static("y: skip it    n / escape: keep running    space: lap", id="quit-keys")
