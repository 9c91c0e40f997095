"""Asked before a save would overwrite a file someone else changed since it was opened.

The editor keeps the file's modification time and content hash from when it read it
(`intervaltimer.fileio.FileStamp`); when either differs at save time, this question
decides: overwrite the other change, reload the file (dropping the edits), save the
edits as a new file beside it, or go back to editing.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from intervaltimer.safetext import display_safe

DiskChoice = Literal["overwrite", "reload", "save_as", "cancel"]


class ChangedOnDiskScreen(ModalScreen[DiskChoice]):
    """The question with four answers: "overwrite", "reload", "save_as" or "cancel"."""

    CSS_PATH = "unsaved.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('overwrite')", "Overwrite", show=True),
        Binding("r", "choose('reload')", "Reload", show=True),
        Binding("a", "choose('save_as')", "Save as new file", show=True),
        Binding("escape", "choose('cancel')", "Keep editing", show=True),
    ]

    def __init__(self, name: str, what: str) -> None:
        super().__init__()
        self.file_name = name
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="changed-on-disk"):
            yield Static(Content.from_markup(
                "[b]$name[/b] $what since you opened it.\nOverwrite that change, reload the "
                "file (your edits are dropped), or save your edits as a new file?",
                name=display_safe(self.file_name), what=self.what))
            with Horizontal():
                yield Button("Overwrite (o)", id="overwrite", variant="error")
                yield Button("Reload (r)", id="reload")
                yield Button("Save as new (a)", id="save_as", variant="primary")
                yield Button("Keep editing (esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button's choice."""
        choices: dict[str | None, DiskChoice] = {
            "overwrite": "overwrite", "reload": "reload", "save_as": "save_as"}
        self.dismiss(choices.get(event.button.id, "cancel"))

    def action_choose(self, choice: DiskChoice) -> None:
        """Answer from a key."""
        self.dismiss(choice)
