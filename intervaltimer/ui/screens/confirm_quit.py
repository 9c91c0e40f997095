"""Asked before a run is left: quit now (the session is kept) or carry on.

The run's clock keeps going underneath while the question is on screen. Only
`y` quits: `q` again or Enter (a runner's reflex, or a second tap) is no
answer, so a run is never ended by a key pressed twice. A lap key answers
"keep running" and laps, so a rep that ends while the question is up keeps
its split: the lap binding's keys (its id `question.lap`) are the run screen's, the
profile's `lap_keys:` among them, by the app's keymap (ui/lapkeys.py).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from intervaltimer.ui.lapkeys import LAP_KEYS, QUESTION_LAP

SEE_THROUGH = 0.6  # the run screen shows through the question's backdrop, dimmed
Answer = Literal["quit", "stay", "lap"]


class ConfirmQuitScreen(ModalScreen[Answer]):
    """A yes/no question over the run screen: `quit`, `stay`, or `lap` (stay, and lap now)."""

    CSS_PATH = "confirm_quit.tcss"

    ALLOWS_HISTORY = False  # `h` opens no history over this question

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('quit')", "Quit", id="confirm_quit.yes"),
        Binding("n,escape", "answer('stay')", "Keep running", id="confirm_quit.no"),
        Binding(LAP_KEYS, "answer('lap')", "Lap", show=False, id=QUESTION_LAP),
        # After the main set, ending is finishing: `f` says so, as `y` does.
        Binding("f", "finish", "Finish here", show=False, id="confirm_quit.finish"),
    ]

    def __init__(self, detail: str, *, finish_here: bool = False) -> None:
        super().__init__()
        self.detail = detail
        self.finish_here = finish_here

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`f` finishes only once the main set is done."""
        return self.finish_here if action == "finish" else True

    def action_finish(self) -> None:
        """Finish here: the main set is done, so quitting is finishing."""
        self.dismiss("quit")

    def action_answer(self, answer: Answer) -> None:
        """Close the question with the answer."""
        self.dismiss(answer)
