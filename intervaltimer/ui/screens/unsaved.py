"""Asked before leaving a screen with unsaved changes: save, discard, or stay.

`UnsavedChangesScreen` is the question; `AsksBeforeLeaving` is a screen that asks it
when escape (or ctrl+q, through the app) would leave it with changes unsaved.
"""

from __future__ import annotations

from typing import ClassVar, Literal, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from intervaltimer.safetext import display_safe
from intervaltimer.ui.screens.base import AppScreen

Choice = Literal["save", "discard", "cancel"]
ResultType = TypeVar("ResultType")


class UnsavedChangesScreen(ModalScreen[Choice]):
    """A question with three answers; dismisses with "save", "discard" or "cancel"."""

    CSS_PATH = "unsaved.tcss"

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
            yield Static(Content.from_markup(  # the name is a file's: never read as markup
                "[b]$what[/b] has unsaved changes.\nSave them before leaving?",
                what=display_safe(self.what)))
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


class AsksBeforeLeaving(AppScreen[ResultType]):
    """A screen of changes to save; leaving it with unsaved ones asks first.

    A subclass says whether changes are unsaved (`dirty`), saves them (`action_save`, True
    when saved), names them in the question (`unsaved_name`) and gives what the screen
    dismisses with (`left_with`). Leaving goes back to the screen below, or quits the app
    when the screen was opened on its own.
    """

    @property
    def dirty(self) -> bool:
        """True while there are unsaved changes."""
        return False

    def unsaved_name(self) -> str:
        """What the question says has unsaved changes."""
        raise NotImplementedError

    def left_with(self) -> ResultType | None:
        """What the screen dismisses with when it is left."""
        return None

    def action_save(self) -> bool:
        """Save the changes; True when they were saved."""
        raise NotImplementedError

    def action_back(self) -> None:
        """Leave; with unsaved changes, ask first."""
        if not self.dirty:
            self._leave()
            return
        self.app.push_screen(UnsavedChangesScreen(self.unsaved_name()), self._answered)

    def _answered(self, choice: Choice | None) -> None:
        if choice == "save" and self.action_save():
            self._leave()
        elif choice == "discard":
            self._leave()

    def _leave(self) -> None:
        """Back to the screen below, or quit when this screen was opened on its own."""
        if len(self.app.screen_stack) <= 2:
            self.app.exit()
        else:
            self.dismiss(self.left_with())
