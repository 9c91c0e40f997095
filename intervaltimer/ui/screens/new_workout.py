"""Asked for a new workout: its name and the template to start from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from intervaltimer.workout.templates import DEFAULT_TEMPLATE, TEMPLATES


@dataclass(frozen=True)
class NewWorkout:
    """The answer: the workout's name and the template key."""

    name: str
    template: str


class NewWorkoutScreen(ModalScreen[NewWorkout | None]):
    """Name a workout and pick a template; dismisses with a `NewWorkout`, or None to cancel."""

    CSS_PATH = "new_workout.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=True),
        Binding("down", "template(1)", "Next template", show=False),
        Binding("up", "template(-1)", "Previous template", show=False),
    ]

    def __init__(self, template: str = DEFAULT_TEMPLATE) -> None:
        super().__init__()
        self.template = template if template in TEMPLATES else DEFAULT_TEMPLATE

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]New workout[/b]: a name, then a template to start from.",
                         markup=True)
            yield Input(placeholder="e.g. 6 x 800 m at 5k", id="new-name")
            yield Static("", id="new-error")
            options = []
            for template in TEMPLATES.values():
                prompt = Text.assemble((template.title, "bold"), "  ", (template.summary, "dim"))
                options.append(Option(prompt, id=template.key))
            yield OptionList(*options, id="new-template")
            yield Static("[dim]enter: create · esc: cancel[/dim]", markup=True)

    def on_mount(self) -> None:
        """Start with the name field and the default template highlighted."""
        templates = self.query_one(OptionList)
        templates.highlighted = templates.get_option_index(self.template)
        self.query_one(Input).focus()

    def _chosen(self) -> str:
        """The key of the highlighted template."""
        templates = self.query_one(OptionList)
        if templates.highlighted is None:
            return self.template
        return templates.get_option_at_index(templates.highlighted).id or self.template

    def _create(self) -> None:
        """Answer with the name and template, unless the name is empty."""
        name = self.query_one(Input).value.strip()
        if not name:
            self.query_one("#new-error", Static).update("Give the workout a name first.")
            self.query_one(Input).focus()
            return
        self.dismiss(NewWorkout(name, self._chosen()))

    @on(Input.Submitted)
    def _name_entered(self) -> None:
        self._create()

    @on(OptionList.OptionSelected)
    def _template_chosen(self) -> None:
        self._create()

    def action_template(self, step: int) -> None:
        """Move the template highlight while typing the name."""
        templates = self.query_one(OptionList)
        current = templates.highlighted or 0
        templates.highlighted = max(0, min(templates.option_count - 1, current + step))

    def action_cancel(self) -> None:
        """Close without creating anything."""
        self.dismiss(None)


def open_new_workout(app: App[None]) -> None:
    """Ask for a name and a template, then open the editor on a new, unsaved file in the
    user's folder (the palette's "New workout" away from the library)."""

    def create(answer: NewWorkout | None) -> None:
        if answer is None:
            return
        from intervaltimer.fileio import unique_path
        from intervaltimer.locations import user_workouts_dir
        from intervaltimer.ui.screens.editor import EditorScreen
        from intervaltimer.workout.templates import render_template, slug

        path = unique_path(user_workouts_dir(), slug(answer.name))
        app.push_screen(EditorScreen(path, text=render_template(answer.template, answer.name)))

    app.push_screen(NewWorkoutScreen(), create)
