"""Command palette entries (ctrl+p) for every desk screen and action, and the sunlight theme.

Entries that act on a screen appear only while that screen is shown; the
screens themselves are imported when an entry is chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from intervaltimer.ui.themes import SUNLIGHT_NAME, toggle_sunlight


@dataclass(frozen=True)
class Entry:
    """One palette entry: what it says, its help line, and what it does."""

    title: str
    help: str
    run: Callable[[], object]


# (screen class name, action, title, help): actions offered while that screen is shown.
SCREEN_ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("HomeScreen", "run", "Run workout", "Preview and run the highlighted workout (enter)"),
    ("HomeScreen", "edit", "Edit workout", "Open the highlighted workout in the editor (ctrl+e)"),
    ("HomeScreen", "duplicate", "Duplicate workout",
     "Copy the highlighted workout to your own folder (ctrl+d)"),
    ("HomeScreen", "history", "Workout history",
     "Sessions logged for the highlighted workout (ctrl+l)"),
    ("HomeScreen", "focus_filter", "Filter workouts", "Type name words or #tag to filter"),
    ("EditorScreen", "save", "Save workout",
     "Save the file; a shipped workout is saved as your own copy (ctrl+s)"),
    ("EditorScreen", "next_problem", "Go to next problem", "Move to the next problem (f8)"),
    ("EditorScreen", "back", "Close editor", "Back to the library, asking to save changes (esc)"),
    ("ProfileScreen", "save", "Save profile", "Save your race times to profile.yaml (ctrl+s)"),
    ("ProfileScreen", "back", "Close profile", "Back, asking to save changes (esc)"),
)


def _stack_names(screen: Screen[object]) -> set[str]:
    """The class names of every screen in the app's stack."""
    return {type(s).__name__ for s in screen.app.screen_stack}


def _open_home(screen: Screen[object]) -> None:
    from intervaltimer.ui.screens.home import HomeScreen

    screen.app.push_screen(HomeScreen())


def _open_profile(screen: Screen[object]) -> None:
    from intervaltimer.ui.screens.profile import ProfileScreen

    screen.app.push_screen(ProfileScreen())


def _new_workout(screen: Screen[object]) -> None:
    from intervaltimer.locations import user_workouts_dir
    from intervaltimer.ui.screens.home import HomeScreen
    from intervaltimer.ui.screens.new_workout import NewWorkout, NewWorkoutScreen

    if isinstance(screen, HomeScreen):
        screen.action_new()
        return

    def create(answer: NewWorkout | None) -> None:
        if answer is None:
            return
        from intervaltimer.fileio import unique_path
        from intervaltimer.ui.screens.editor import EditorScreen
        from intervaltimer.workout.templates import render_template, slug

        path = unique_path(user_workouts_dir(), slug(answer.name))
        screen.app.push_screen(EditorScreen(path, text=render_template(answer.template,
                                                                        answer.name)))

    screen.app.push_screen(NewWorkoutScreen(), create)


def entries_for(screen: Screen[object]) -> Iterator[Entry]:
    """The palette entries that make sense on `screen`."""
    name = type(screen).__name__
    for owner, action, title, help_text in SCREEN_ACTIONS:
        if owner == name:
            yield Entry(title, help_text, partial(screen.run_action, action))
    stack = _stack_names(screen)
    if "HomeScreen" not in stack:
        yield Entry("Workout library", "Open the list of workouts", partial(_open_home, screen))
    yield Entry("New workout", "Start a workout from a template (ctrl+n on the library)",
                partial(_new_workout, screen))
    if "ProfileScreen" not in stack:
        yield Entry("Runner profile", "Race times and the paces they give (ctrl+r on the library)",
                    partial(_open_profile, screen))
    app = screen.app
    if app.theme == SUNLIGHT_NAME:
        yield Entry("Sunlight theme: turn off", "Back to the default dark theme",
                    partial(toggle_sunlight, app))
    else:
        yield Entry("Sunlight theme: turn on",
                    "High contrast, black on white, for reading outdoors",
                    partial(toggle_sunlight, app))


class DeskCommands(Provider):
    """intervaltimer's palette entries: screens, their actions and the sunlight theme."""

    async def discover(self) -> Hits:
        """Every entry, shown when the palette opens."""
        for entry in entries_for(self.screen):
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        """Entries whose title (or, ranked lower, help line) fuzzily matches `query`."""
        matcher = self.matcher(query)
        for entry in entries_for(self.screen):
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, entry.title,
                          help=entry.help)
            elif (help_score := matcher.match(entry.help)) > 0:
                yield Hit(help_score / 2, entry.title, entry.run, entry.title, help=entry.help)
