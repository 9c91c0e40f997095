"""Command palette entries (ctrl+p): each screen's own actions, the desk's screens and the
sunlight theme.

A screen lists its own entries in `PALETTE` (`PaletteAction`s, offered while it
is shown); the desk's entries open the library, a new workout or the profile
by message (messages.py), so this module names no screen. A screen class says
which desk place it is with `PLACE` (`LIBRARY`, `PROFILE`): the palette does not
offer to open a place already in the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import Screen

from intervaltimer.ui.messages import CreateWorkout, OpenLibrary, OpenProfile
from intervaltimer.ui.themes import SUNLIGHT_NAME, toggle_sunlight

LIBRARY = "library"
PROFILE = "profile"


@dataclass(frozen=True)
class Entry:
    """One palette entry: what it says, its help line, and what it does."""

    title: str
    help: str
    run: Callable[[], object]


@dataclass(frozen=True)
class PaletteAction:
    """A screen's own palette entry: the action it runs on the screen, its title and help."""

    action: str
    title: str
    help: str


def _places(screen: Screen[object]) -> set[str]:
    """The desk places (`PLACE`) of every screen in the app's stack."""
    return {getattr(s, "PLACE", "") for s in screen.app.screen_stack}


def _post(screen: Screen[object], message: type[Message]) -> None:
    screen.app.post_message(message())


def entries_for(screen: Screen[object]) -> Iterator[Entry]:
    """The palette entries that make sense on `screen`: its own, then the desk's."""
    actions: tuple[PaletteAction, ...] = getattr(screen, "PALETTE", ())
    for entry in actions:
        yield Entry(entry.title, entry.help, partial(screen.run_action, entry.action))
    places = _places(screen)
    if LIBRARY not in places:
        yield Entry("Workout library", "Open the list of workouts",
                    partial(_post, screen, OpenLibrary))
    yield Entry("New workout", "Start a workout from a template (ctrl+n on the library)",
                partial(_post, screen, CreateWorkout))
    if PROFILE not in places:
        yield Entry("Runner profile", "Race times and the paces they give (ctrl+r on the library)",
                    partial(_post, screen, OpenProfile))
    app = screen.app
    if app.theme == SUNLIGHT_NAME:
        yield Entry("Sunlight theme: turn off", "Back to the default dark theme",
                    partial(toggle_sunlight, app))
    else:
        yield Entry("Sunlight theme: turn on",
                    "High contrast, black on white, for reading outdoors",
                    partial(toggle_sunlight, app))


class DeskCommands(Provider):
    """intervaltimer's palette entries: the screen's actions, the screens and the theme."""

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
