"""The home screen: the workout library, a filter, and a preview of the highlighted workout.

The library is read in a thread worker, so the screen takes keys at once: the
file listing comes first (every file by its name, none opened), then the
workouts' own names, tags and problems fill in as the files are read. Letters
always type into the filter (it has the focus first; typed on the list, they go
to it): no letter opens or changes a file. Commands are on keys that are not
typed by accident: enter run, ctrl+e edit, ctrl+n new, ctrl+d duplicate,
ctrl+l history, ctrl+r profile; down moves from the filter into the list,
escape empties the filter.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static
from textual.worker import get_current_worker

from intervaltimer.locations import user_workouts_dir
from intervaltimer.ui.commands import LIBRARY, PaletteAction
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.workout_list import (
    LibraryEntry,
    Lister,
    WorkoutList,
    list_library,
    load_entry,
    sort_entries,
)
from intervaltimer.ui.widgets.workout_preview import WorkoutPreview

if TYPE_CHECKING:
    from intervaltimer.log.records import SessionSummary
    from intervaltimer.ui.screens.new_workout import NewWorkout


EDIT_KEY = "ctrl+e"
NEW_KEY = "ctrl+n"
PROFILE_KEY = "ctrl+r"
READ_BATCH_S = 0.1  # how often the list fills in workouts read: a few redraws a second


class LibraryFilter(Input):
    """The library's filter: down moves into the list below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "into_list", "To the list", show=False),
    ]

    def action_into_list(self) -> None:
        """Give the focus to the list, its highlight where it was."""
        self.screen.query_one(WorkoutList).focus()


class HomeScreen(AppScreen[None]):
    """The library: filter-as-you-type list on the left, preview on the right."""

    CSS_PATH = "home.tcss"
    PLACE = LIBRARY
    PALETTE = (
        PaletteAction("run", "Run workout", "Preview and run the highlighted workout (enter)"),
        PaletteAction("edit", "Edit workout",
                      "Open the highlighted workout in the editor (ctrl+e)"),
        PaletteAction("duplicate", "Duplicate workout",
                      "Copy the highlighted workout to your own folder (ctrl+d)"),
        PaletteAction("history", "Workout history",
                      "Sessions logged for the highlighted workout (ctrl+l)"),
        PaletteAction("focus_filter", "Filter workouts", "Type name words or #tag to filter"),
    )

    # Priority: they act whether the filter or the list has the focus (over the
    # filter's own ctrl+e "end" and ctrl+d "delete").
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "run", "Run", priority=True, id="home.run"),
        Binding(EDIT_KEY, "edit", "Edit", priority=True, id="home.edit"),
        Binding(NEW_KEY, "new", "New", priority=True, id="home.new"),
        Binding("ctrl+d", "duplicate", "Copy", priority=True, id="home.duplicate"),
        Binding("ctrl+l", "history", "History", priority=True, id="home.history"),
        Binding(PROFILE_KEY, "profile", "Profile", priority=True, id="home.profile"),
        Binding("slash", "focus_filter", "Filter", show=False, priority=True, id="home.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    class LibraryRead(Message):
        """The worker read some of the listed files; more may follow."""

        def __init__(self, entries: list[LibraryEntry]) -> None:
            super().__init__()
            self.entries = entries

    class LibraryLoaded(Message):
        """The worker read the whole library."""

        def __init__(self, entries: list[LibraryEntry]) -> None:
            super().__init__()
            self.entries = entries

    class HistoryLoaded(Message):
        """The worker read a workout's logged sessions."""

        def __init__(self, key: str, sessions: list[SessionSummary]) -> None:
            super().__init__()
            self.key = key
            self.sessions = sessions

    def __init__(self, lister: Lister | None = None, select: Path | None = None) -> None:
        super().__init__()
        self.lister = lister
        self._select = str(select) if select is not None else None
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="desk"):
            with Vertical(id="library"):
                yield LibraryFilter(placeholder="filter: name or #tag", id="filter",
                                    select_on_focus=False)
                yield WorkoutList(id="workouts")
                yield Static("Reading the library…", id="library-status")
            yield WorkoutPreview()
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        """Focus the filter, show the library's files and start reading them."""
        self.title = "intervaltimer"
        self.sub_title = "workout library"
        self.query_one(LibraryFilter).focus()
        self.reload()
        self.tell_profile_problems()

    def on_screen_resume(self) -> None:
        """Back from the editor, the profile or a run: files and targets may have changed."""
        if self.loaded:
            self.reload()

    def reload(self, select: Path | None = None) -> None:
        """List the library's files and show them by name (a listing opens no file, so it
        is quick even for a thousand), then read them in the worker; highlight `select`."""
        if select is not None:
            self._select = str(select)
        listed = list_library(self.lister)
        self._show_listed(listed)
        self.call_after_refresh(self._read_library, listed)  # paint the names, then read

    @work(thread=True, exclusive=True, group="library")
    def _read_library(self, listed: list[LibraryEntry]) -> None:
        """Read the listed files (in a thread), handing the entries over in batches a few
        times a second and the whole library at the end."""
        worker = get_current_worker()
        read: list[LibraryEntry] = []
        batch: list[LibraryEntry] = []
        sent = time.monotonic()
        for entry in listed:
            if worker.is_cancelled:
                return
            batch.append(load_entry(entry.path, entry.origin))
            if time.monotonic() - sent >= READ_BATCH_S:
                read.extend(batch)
                self.post_message(self.LibraryRead(batch))
                batch, sent = [], time.monotonic()
        self.post_message(self.LibraryLoaded(sort_entries([*read, *batch])))

    def _show_listed(self, listed: list[LibraryEntry]) -> None:
        """Show the files by name while they are read; on a reload, keep what was read."""
        workouts = self.query_one(WorkoutList)
        if self.loaded:  # a reload: the entries shown are whole; only new files are added
            known = {e.key: e for e in workouts.entries}
            workouts.set_entries(sort_entries(known.get(e.key, e) for e in listed),
                                 select=self._select)
        else:
            workouts.set_entries(listed, select=self._select)
        self._show_count()
        self.show_preview(workouts.highlighted_entry)

    def on_home_screen_library_read(self, message: LibraryRead) -> None:
        """Fill in the entries just read; the preview too if it shows one of them."""
        workouts = self.query_one(WorkoutList)
        workouts.update_entries(message.entries, select=self._select)
        self._show_count()
        entry = workouts.highlighted_entry
        if entry is not None and any(e.key == entry.key for e in message.entries):
            self.show_preview(entry)

    def on_home_screen_library_loaded(self, message: LibraryLoaded) -> None:
        """Show the entries the worker read: the whole listing, read."""
        workouts = self.query_one(WorkoutList)
        workouts.update_entries(message.entries, select=self._select)
        self._select = None
        self.loaded = True
        self._show_count()
        self.show_preview(workouts.highlighted_entry)

    def _show_count(self) -> None:
        """`11 workouts, 1 with problems`, or while filtering `3 of 11 workouts`."""
        workouts = self.query_one(WorkoutList)
        total = len(workouts.entries)
        noun = "workout" if total == 1 else "workouts"
        if workouts.query_text.strip():
            status = f"{len(workouts.shown)} of {total} {noun}"
        else:
            bad = sum(1 for e in workouts.entries if e.broken)
            status = f"{total} {noun}" + (f", {bad} with problems" if bad else "")
        unread = sum(1 for e in workouts.entries if not e.read)
        if unread:
            status += f" · reading {total - unread} of {total}…"
        self.query_one("#library-status", Static).update(status)

    # The filter

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        workouts = self.query_one(WorkoutList)
        workouts.apply_filter(event.value)
        self._show_count()
        self.show_preview(workouts.highlighted_entry)

    @on(WorkoutList.Typed)
    def _typed_on_the_list(self, event: WorkoutList.Typed) -> None:
        """A letter typed on the list goes to the filter (backspace takes one back)."""
        field = self.query_one(LibraryFilter)
        field.value = field.value[:-1] if event.character is None else field.value + event.character
        field.cursor_position = len(field.value)
        field.focus()

    def action_focus_filter(self) -> None:
        """Type to filter the list."""
        self.query_one(LibraryFilter).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter, ready to type again."""
        self.query_one(LibraryFilter).value = ""
        self.query_one(LibraryFilter).focus()

    # The preview

    @on(OptionList.OptionHighlighted, "#workouts")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The event may be stale: typing fast, the filter has since changed the list (to
        # nothing, even), so show what is highlighted now, not what the event names.
        workouts = self.query_one(WorkoutList)
        entry = workouts.highlighted_entry
        if entry is None or entry.key == event.option.id:
            self.show_preview(entry)

    def show_preview(self, entry: LibraryEntry | None) -> None:
        """Show the entry's plan with the current profile's targets, and its history."""
        preview = self.query_one(WorkoutPreview)
        plan = None
        problem = ""
        if entry is not None and entry.workout is not None:
            from intervaltimer.workout.model import WorkoutError
            from intervaltimer.workout.plan import expand

            try:
                plan = expand(entry.workout, self.services.profile)
            except WorkoutError as error:
                problem = str(error)
        preview.show_entry(entry, plan, problem)
        if entry is not None and entry.workout is not None and self.services.store is not None:
            self._read_history(entry.key, entry.workout.name)

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self, key: str, workout_name: str) -> None:
        """Read the workout's logged sessions (in a thread); a damaged log shows nothing."""
        store = self.services.store
        if store is None:
            return
        try:
            sessions = list(store.summaries(workout=workout_name))
        except Exception:  # a damaged log must not break the library
            return
        self.post_message(self.HistoryLoaded(key, sessions))

    def on_home_screen_history_loaded(self, message: HistoryLoaded) -> None:
        """Show the history, if the same workout is still previewed."""
        entry = self.entry
        if entry is not None and entry.key == message.key:
            self.query_one(WorkoutPreview).show_history(message.sessions,
                                                        self.services.wall_clock())

    # Actions

    @property
    def entry(self) -> LibraryEntry | None:
        """The highlighted entry."""
        return self.query_one(WorkoutList).highlighted_entry

    def action_run(self) -> None:
        """Preview and run the highlighted workout, from the filter or the list."""
        entry = self.entry
        if entry is None:
            return
        if not entry.read:
            self.notify("Still reading this file; a moment.", severity="information")
            return
        if entry.workout is None:
            self.notify("This file has problems; press ctrl+e to fix them first.",
                        severity="warning")
            return
        from intervaltimer.ui.screens.preview import PreviewScreen

        self.app.push_screen(PreviewScreen(entry.workout))

    def action_edit(self) -> None:
        """Open the highlighted file in the editor."""
        entry = self.entry
        if entry is None:
            return
        from intervaltimer.ui.screens.editor import EditorScreen

        self.app.push_screen(EditorScreen(entry.path), self._after_edit)

    def _after_edit(self, saved: Path | None) -> None:
        """Highlight the file the editor saved (a copy, for a shipped workout)."""
        if saved is not None:
            self._select = str(saved)

    def action_new(self) -> None:
        """Ask for a name and a template, then open the new workout in the editor."""
        from intervaltimer.ui.screens.new_workout import NewWorkoutScreen

        self.app.push_screen(NewWorkoutScreen(), self._create)

    def _create(self, answer: NewWorkout | None) -> None:
        """Open the editor on a new, unsaved file in the user's folder."""
        if answer is None:
            return
        from intervaltimer.fileio import unique_path
        from intervaltimer.ui.screens.editor import EditorScreen
        from intervaltimer.workout.templates import render_template, slug

        path = unique_path(user_workouts_dir(), slug(answer.name))
        text = render_template(answer.template, answer.name)
        self.app.push_screen(EditorScreen(path, text=text), self._after_edit)

    def action_duplicate(self) -> None:
        """Copy the highlighted workout to the user's folder, named "… (copy)"."""
        from intervaltimer.fileio import atomic_write_text, unique_path
        from intervaltimer.workout.templates import slug, with_name

        entry = self.entry
        if entry is None:
            return
        try:
            source = entry.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"Cannot read {entry.path}: {error}", severity="error")
            return
        name = f"{entry.name} (copy)" if entry.workout is not None else None
        text = with_name(source, name) if name else source
        target = unique_path(user_workouts_dir(), slug(name or entry.path.stem))
        try:
            atomic_write_text(target, text)
        except OSError as error:
            self.notify(f"Cannot write {target}: {error.strerror}", severity="error")
            return
        self.notify(f"Copied to {target}", title="Duplicated")
        self.reload(select=target)

    def action_history(self) -> None:
        """Show the sessions logged for the highlighted workout."""
        entry = self.entry
        name = entry.workout.name if entry is not None and entry.workout is not None else None
        from intervaltimer.ui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(workout=name))

    def action_profile(self) -> None:
        """Open the runner's profile: race times and the paces they give."""
        from intervaltimer.ui.screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen())
