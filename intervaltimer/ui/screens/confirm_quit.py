"""Asked before a run is left: quit now (the session is kept) or carry on.

The run's clock keeps going underneath while the question is on screen. Only
`y` quits: `q` again or Enter (a runner's reflex, or a second tap) is no
answer, so a run is never ended by a key pressed twice. A lap key answers
"keep running" and laps, so a rep that ends while the question is up keeps
its split.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

SEE_THROUGH = 0.6  # the run screen shows through the question's backdrop, dimmed
Answer = Literal["quit", "stay", "lap"]
LAP_KEYS = "space,pagedown,right"


class ConfirmQuitScreen(ModalScreen[Answer]):
    """A yes/no question over the run screen: `quit`, `stay`, or `lap` (stay, and lap now)."""

    CSS_PATH = "confirm_quit.tcss"

    ALLOWS_HISTORY = False  # `h` opens no history over this question

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('quit')", "Quit", id="confirm_quit.yes"),
        Binding("n,escape", "answer('stay')", "Keep running", id="confirm_quit.no"),
    ]

    def __init__(self, detail: str, lap_keys: str = LAP_KEYS, *,
                 finish_here: bool = False) -> None:
        super().__init__()
        self.detail = detail
        self.finish_here = finish_here
        self._bindings.bind(lap_keys, "answer('lap')", "Lap", show=False)
        if finish_here:  # after the main set, ending is finishing: `f` says so, as `y` does
            self._bindings.bind("f", "answer('quit')", "Finish here", show=False)

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.finish_here:
                yield Static("Finish here? The main set is done.", id="quit-question")
                yield Static(self.detail, id="quit-detail")
                yield Static("y, f: finish here (main set done)    n, escape: keep going    "
                             "space: lap", id="quit-keys")
                return
            yield Static("Quit this run?", id="quit-question")
            yield Static(self.detail, id="quit-detail")
            yield Static("y: quit    n, escape: keep running    space: lap", id="quit-keys")

    def on_mount(self) -> None:
        """See through to the run: the app's stylesheet gives every screen an opaque
        background, which would hide the clock while the runner decides."""
        background = self.app.theme_variables.get("background", "black")
        self.styles.background = Color.parse(background).with_alpha(SEE_THROUGH)

    def action_answer(self, answer: Answer) -> None:
        """Close the question with the answer."""
        self.dismiss(answer)
