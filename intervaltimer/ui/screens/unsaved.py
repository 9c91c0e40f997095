"""Asked before leaving a screen with unsaved changes: save, discard, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

Choice = Literal["save", "discard", "cancel"]


class UnsavedChangesScreen(ModalScreen[Choice]):
    """A question with three answers; dismisses with "save", "discard" or "cancel"."""

    DEFAULT_CSS: ClassVar[str] = """
    UnsavedChangesScreen {
        align: center middle;
    }
    UnsavedChangesScreen > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    UnsavedChangesScreen Static { margin-bottom: 1; }
    UnsavedChangesScreen Horizontal { height: auto; }
    UnsavedChangesScreen Button { margin-right: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "Save", show=True),
        Binding("d", "choose('discard')", "Discard", show=True),
        Binding("escape", "choose('cancel')", "Stay", show=True),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{self.what}[/b] has unsaved changes.\nSave them before leaving?",
                         markup=True)
            with Horizontal():
                yield Button("Save (s)", id="save", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Stay (esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button's choice."""
        choice: Choice = "cancel"
        if event.button.id == "save":
            choice = "save"
        elif event.button.id == "discard":
            choice = "discard"
        self.dismiss(choice)

    def action_choose(self, choice: Choice) -> None:
        """Answer from a key."""
        self.dismiss(choice)
