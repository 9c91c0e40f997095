"""The YAML editor: validation as you type, problems by line, and a live plan with targets.

`ctrl+s` saves atomically (through `intervaltimer.fileio`: a symlinked workout
stays a link, its target is replaced). A shipped workout is never overwritten:
saving it writes a copy to the runner's own folder and says where. A file changed
on disk since it was opened (its mtime or content hash) is not saved over without
asking: overwrite, reload, or save as a new file. A file that is not UTF-8 text (or
holds control characters, or cannot be read) opens read-only with a message, never
as empty. Leaving with unsaved changes asks first. The screen dismisses with the
path it saved to (or None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, Static, TextArea

from intervaltimer.fileio import (
    FileStamp,
    NotTextError,
    atomic_write_text,
    read_text_stamped,
    unique_path,
)
from intervaltimer.resources import workouts_dir
from intervaltimer.ui.commands import PaletteAction
from intervaltimer.ui.screens.changed_on_disk import ChangedOnDiskScreen, DiskChoice
from intervaltimer.ui.screens.unsaved import AsksBeforeLeaving
from intervaltimer.ui.widgets.error_list import ErrorList
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.plan_table import PlanTable
from intervaltimer.ui.widgets.workout_list import display_path
from intervaltimer.ui.widgets.yaml_editor import YamlEditor
from intervaltimer.workout.library import hidden_by
from intervaltimer.workout.model import Problem, Workout, WorkoutError
from intervaltimer.workout.plan import Plan
from intervaltimer.workout.plantext import plan_summary

if TYPE_CHECKING:
    from intervaltimer.workout.profile import Profile

DEBOUNCE_S = 0.3
MAX_EDIT_BYTES = 1024 * 1024  # a workout file is at most 1 MiB (the loader's limit)
# Control characters other than tab and line ends: YAML refuses them, and the editor would
# hide them (the app never sends them to the terminal), so such a file opens read-only.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Checked:
    """The result of checking a workout's text: the workout and plan, or the problems."""

    workout: Workout | None
    plan: Plan | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when the text is a valid workout with a plan."""
        return not self.problems and self.plan is not None


def check_text(text: str, path: str, profile: Profile | None) -> Checked:
    """Load `text` as a workout and expand it with `profile`; every problem, never an exception."""
    from intervaltimer.workout.loader import parse_workout
    from intervaltimer.workout.plan import expand

    try:
        workout = parse_workout(text, path=path)
    except WorkoutError as error:
        return Checked(None, None, tuple(error.problems))
    try:
        plan = expand(workout, profile)
    except WorkoutError as error:
        return Checked(workout, None, tuple(error.problems))
    return Checked(workout, plan, ())


def is_shipped(path: Path) -> bool:
    """True for a file in the folder of workouts shipped with intervaltimer."""
    try:
        return path.resolve().is_relative_to(workouts_dir().resolve())
    except OSError:
        return False


class EditorScreen(AsksBeforeLeaving[Path | None]):
    """Edit one workout file; `text` starts a new, unsaved file at `path` with that text."""

    CSS_PATH = "editor.tcss"
    PALETTE = (
        PaletteAction("save", "Save workout",
                      "Save the file; a shipped workout is saved as your own copy (ctrl+s)"),
        PaletteAction("next_problem", "Go to next problem", "Move to the next problem (f8)"),
        PaletteAction("back", "Close editor",
                      "Back to the library, asking to save changes (esc)"),
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("f8", "next_problem", "Next problem", id="editor.next_problem"),
        Binding("escape", "back", "Back", priority=True, id="editor.back"),
    ]

    def __init__(self, path: Path, text: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.initial_text = text
        self.saved_text: str | None = None
        self.saved_to: Path | None = None
        self.shipped = is_shipped(path)
        self.checked: Checked | None = None
        self.last_plan: Plan | None = None
        self._debounce: Timer | None = None
        self.stamp: FileStamp | None = None
        self.read_only_reason: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="editor-body"):
            yield YamlEditor(id="source")
            with Vertical(id="side"):
                yield Static("", id="status")
                yield ErrorList(id="problems")
                yield Static("", id="plan-summary")
                yield PlanTable(id="plan", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Load the file (or the new text), check it at once and focus the text."""
        editor = self.query_one(YamlEditor)
        text = self.initial_text if self.initial_text is not None else self._read_file()
        editor.load_text(text)
        if self.read_only_reason is not None:
            editor.read_only = True
            self.notify(self.read_only_reason, title="Opened read-only", severity="error",
                        timeout=20)
        self._update_title()
        self.validate()
        editor.focus()
        self.tell_profile_problems()

    def _read_file(self) -> str:
        """The file's text, its stamp kept; read-only (with the reason) when it cannot be
        edited safely; "" for a file that does not exist yet."""
        try:
            text, self.stamp = read_text_stamped(self.path, limit=MAX_EDIT_BYTES)
        except FileNotFoundError:
            self.notify(f"{self.path.name} does not exist yet; ctrl+s creates it.")
            return ""
        except NotTextError as error:
            self.read_only_reason = str(error)
            try:
                return self.path.read_bytes()[:MAX_EDIT_BYTES].decode("utf-8", "replace")
            except OSError:
                return ""
        except OSError as error:
            self.read_only_reason = (f"Cannot read {self.path}: {error.strerror or error}; "
                                     "opened read-only so saving cannot replace it")
            return ""
        control = _CONTROL.search(text)
        if control is not None:
            line = text.count("\n", 0, control.start()) + 1
            col = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
            self.read_only_reason = (
                f"{self.path}:{line}:{col}: holds a control character "
                f"(\\x{ord(control.group()):02x}), which a workout file cannot; opened "
                "read-only so it is not lost unseen. Remove it in another editor")
        self.saved_text = text
        return text

    @property
    def text(self) -> str:
        """The text being edited."""
        return self.query_one(YamlEditor).text

    @property
    def dirty(self) -> bool:
        """True when the text differs from the file on disk (always, for a new file)."""
        if self.read_only_reason is not None:
            return False
        return self.saved_text is None or self.text != self.saved_text

    def _update_title(self) -> None:
        """Title: the file's name, a dot when unsaved; subtitle: where it is."""
        mark = " ●" if self.dirty else ""
        self.title = f"Edit {self.path.name}{mark}"
        where = display_path(self.path)
        if self.read_only_reason is not None:
            where += " (read-only)"
        elif self.shipped:
            where += " (shipped: saving makes your own copy)"
        elif self.saved_text is None:
            where += " (new)"
        self.sub_title = where

    @on(TextArea.Changed)
    def _changed(self) -> None:
        """Re-check the text once typing pauses."""
        self._update_title()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self.validate)

    def validate(self) -> Checked:
        """Check the text now: list its problems, mark their lines, refresh the plan."""
        self._debounce = None
        checked = check_text(self.text, str(self.path), self.services.profile)
        self.checked = checked
        self.query_one(ErrorList).show_problems(checked.problems)
        self.query_one(YamlEditor).mark_problem_lines(p.line for p in checked.problems)
        status = self.query_one("#status", Static)
        count = len(checked.problems)
        if checked.ok:
            status.update(Content.assemble(("✓ valid workout", "bold $text-success")))
        else:
            status.update(Content.assemble(
                (f"✗ {count} problem{'s' if count != 1 else ''} · f8 goes there",
                 "bold $text-error")))
        if checked.plan is not None:
            self.last_plan = checked.plan
        self._show_plan(stale=checked.plan is None)
        return checked

    def _show_plan(self, stale: bool) -> None:
        """Show the plan of the text, or of the last valid version while it has problems."""
        plan = self.last_plan
        summary = self.query_one("#plan-summary", Static)
        table = self.query_one(PlanTable)
        table.display = plan is not None
        if plan is None:
            summary.update("The plan appears here once the workout is valid.")
            table.show_plan(None)
            return
        line = plan_summary(plan)
        if stale:
            line = f"Plan of the last valid version: {line}"
        elif not plan.has_profile:
            line += "\nNo race times for the named paces: set them in the profile (p on home)."
        summary.update(line)
        if table.plan is not plan:
            table.show_plan(plan)

    @on(ErrorList.Jump)
    def _jump(self, message: ErrorList.Jump) -> None:
        """Move the cursor to the chosen problem."""
        self._go_to(message.problem)

    def _go_to(self, problem: Problem) -> None:
        editor = self.query_one(YamlEditor)
        editor.move_cursor((max(problem.line - 1, 0), max(problem.col - 1, 0)), center=True)
        editor.focus()

    def action_next_problem(self) -> None:
        """Move the cursor to the next problem after it (wrapping round)."""
        if self._debounce is not None:
            self.validate()
        problems = self.query_one(ErrorList).problems
        if not problems:
            self.notify("No problems.")
            return
        row = self.query_one(YamlEditor).cursor_location[0] + 1
        after = [p for p in problems if p.line > row]
        self._go_to(after[0] if after else problems[0])

    def action_save(self) -> bool:
        """Write the text atomically; a shipped workout goes to a copy in the user's folder.

        Asks first (and returns False) when the file changed on disk since it was read.
        """
        from intervaltimer.locations import user_workouts_dir

        if self.read_only_reason is not None:
            self.notify(f"Not saved: {self.read_only_reason}", severity="error", timeout=10)
            return False
        if self.shipped:
            return self._save_to(unique_path(user_workouts_dir(), self.path.stem))
        changed = self._changed_on_disk()
        if changed is not None:
            self.app.push_screen(ChangedOnDiskScreen(self.path.name, changed), self._on_disk)
            return False
        return self._save_to(self.path)

    def _changed_on_disk(self) -> str | None:
        """How the file on disk changed since it was read (or last saved), or None."""
        now = FileStamp.of(self.path)
        if self.stamp is None:
            return None if now is None and not self.path.exists() else "was created"
        if now is None:
            return "was deleted or moved"
        return None if now == self.stamp else "was changed by another program"

    def _on_disk(self, choice: DiskChoice | None) -> None:
        """Do what the runner chose about the file changed on disk."""
        if choice == "overwrite":
            self._save_to(self.path)
        elif choice == "save_as":
            self._save_to(unique_path(self.path.parent, self.path.stem, self.path.suffix
                                      or ".yaml"))
        elif choice == "reload":
            self.stamp, self.saved_text, self.read_only_reason = None, None, None
            text = self._read_file()
            editor = self.query_one(YamlEditor)
            editor.load_text(text)
            editor.read_only = self.read_only_reason is not None
            self._update_title()
            self.validate()
            self.notify(f"Reloaded {display_path(self.path)}; your edits were dropped.")

    def _save_to(self, target: Path) -> bool:
        """Write the text to `target` atomically and say so; False (and why) if it failed."""
        text = self.text
        copied = self.shipped
        try:
            atomic_write_text(target, text)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Not saved: {target}: {reason}", severity="error", timeout=8)
            return False
        self.path, self.shipped, self.saved_text, self.saved_to = target, False, text, target
        self.stamp = FileStamp.of(target)
        self._update_title()
        checked = self.validate()
        if copied:
            message = ("Shipped workouts stay as they are; saved your copy to "
                       f"{display_path(target)}")
        else:
            message = f"Saved {display_path(target)}"
        if checked.problems:
            count = len(checked.problems)
            message += f" (with {count} problem{'s' if count != 1 else ''})"
            hidden = hidden_by(target)
            if hidden is not None:
                message += (f". Until it is fixed, this broken copy hides {display_path(hidden)}"
                            f": the library and `intervaltimer run {target.stem}` take the copy")
        self.notify(message, title="Saved", severity="warning" if checked.problems else
                    "information", timeout=12 if checked.problems else 6)
        return True

    def unsaved_name(self) -> str:
        """The file's name."""
        return self.path.name

    def left_with(self) -> Path | None:
        """The path the text was saved to, if it was."""
        return self.saved_to
