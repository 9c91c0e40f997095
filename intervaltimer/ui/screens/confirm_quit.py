"""Asked before a run is left: quit now (the session is kept) or carry on.

The run's clock keeps going underneath while the question is on screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

SEE_THROUGH = 0.6  # the run screen shows through the question's backdrop, dimmed


class ConfirmQuitScreen(ModalScreen[bool]):
    """A yes/no question over the run screen; dismissed with True to quit."""

    DEFAULT_CSS: ClassVar[str] = """
    ConfirmQuitScreen {
        align: center middle;
    }
    ConfirmQuitScreen > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ConfirmQuitScreen #quit-question { text-style: bold; }
    ConfirmQuitScreen #quit-keys { margin-top: 1; color: $text-muted; }
    """

    ALLOWS_HISTORY = False  # `h` opens no history over this question

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q,enter", "answer(True)", "Quit", id="confirm_quit.yes"),
        Binding("n,escape", "answer(False)", "Keep running", id="confirm_quit.no"),
    ]

    def __init__(self, detail: str) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Quit this run?", id="quit-question")
            yield Static(self.detail, id="quit-detail")
            yield Static("y / q / enter: quit    n / escape: keep running", id="quit-keys")

    def on_mount(self) -> None:
        """See through to the run: the app's stylesheet gives every screen an opaque
        background, which would hide the clock while the runner decides."""
        background = self.app.theme_variables.get("background", "black")
        self.styles.background = Color.parse(background).with_alpha(SEE_THROUGH)

    def action_answer(self, quit_run: bool) -> None:
        """Close the question with the answer."""
        self.dismiss(quit_run)
