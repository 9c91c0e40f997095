"""The workout library as a list: every file found, grouped by where it lives, filterable.

`list_library()` lists the files (names only, no file opened), so a library of a
thousand workouts shows its file names at once; `load_entry()` then reads each
file (in a worker: it reads the disk) and the list fills in the workouts' own
names as they come. Invalid files stay in the list with their first problem.
`WorkoutList` shows the entries that match a filter of name words and tags
(`#tag` for tags only).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from intervaltimer.safetext import display_safe

if TYPE_CHECKING:  # the listing names files only: the model comes with the first file read
    from intervaltimer.workout.model import Problem, Workout

ORIGINS: tuple[str, ...] = ("user", "local", "shipped")
ORIGIN_TITLES: dict[str, str] = {
    "user": "Your workouts",
    "local": "$INTERVALTIMER_WORKOUTS",
    "shipped": "Shipped with intervaltimer",
}

FIRST_OPTIONS = 80  # list lines added before the first paint: more than a screen shows
Lister = Callable[[], Sequence[tuple[Path, str]]]


@dataclass(frozen=True)
class LibraryEntry:
    """One workout file of the library: where it is, and the workout or what is wrong with it."""

    path: Path
    origin: str
    workout: Workout | None = None
    problems: tuple[Problem, ...] = ()
    read: bool = True
    """False for an entry only listed so far: its file is not read yet."""

    @property
    def name(self) -> str:
        """The workout's name; the file name for a file not read yet or that cannot be read."""
        if self.workout is not None:
            return self.workout.name
        return self.path.stem if not self.read else self.path.name

    @property
    def tags(self) -> tuple[str, ...]:
        """The workout's tags (none for an invalid file)."""
        return self.workout.tags if self.workout is not None else ()

    @property
    def valid(self) -> bool:
        """True when the file loaded as a workout."""
        return self.workout is not None

    @property
    def broken(self) -> bool:
        """True when the file was read and is not a workout (one not read yet is not)."""
        return self.read and self.workout is None

    @property
    def first_problem(self) -> Problem | None:
        """The first thing wrong with the file, by position."""
        if not self.problems:
            return None
        return min(self.problems, key=lambda p: (p.line, p.col))

    @property
    def key(self) -> str:
        """A unique id for the entry: its path."""
        return str(self.path)

    def matches(self, query: str) -> bool:
        """True when every word of `query` is in the name, file name or a tag (`#word`: tags)."""
        words = query.casefold().split()
        if not words:  # no filter: a thousand entries need no name or tags looked at
            return True
        name = f"{self.name} {self.path.stem}".casefold()
        tags = [t.casefold() for t in self.tags]
        for word in words:
            if word.startswith("#"):
                if not any(t.startswith(word[1:]) for t in tags):
                    return False
            elif word not in name and not any(word in t for t in tags):
                return False
        return True


def display_path(path: Path) -> str:
    """The path as a person reads it: under the home folder it starts with `~`."""
    try:
        home = Path.home()
    except RuntimeError:
        return str(path)
    try:
        return "~/" + path.relative_to(home).as_posix()
    except ValueError:
        return str(path)


_CACHE: dict[tuple[Path, str], tuple[tuple[int, int], LibraryEntry]] = {}
_CACHE_LOCK = threading.Lock()


def load_entry(path: Path, origin: str) -> LibraryEntry:
    """The library entry of one file, reusing the last read while the file is unchanged."""
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        return read_entry(path, origin)
    key = (path, origin)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    entry = read_entry(path, origin)
    with _CACHE_LOCK:
        _CACHE[key] = (stamp, entry)
    return entry


def forget_read_files() -> None:
    """Drop every remembered read, so the next library read parses every file again."""
    with _CACHE_LOCK:
        _CACHE.clear()


def read_entry(path: Path, origin: str) -> LibraryEntry:
    """The library entry of one file: its workout, or its problems (never raises)."""
    from intervaltimer.workout.loader import load_workout
    from intervaltimer.workout.model import Problem, WorkoutError

    try:
        return LibraryEntry(path, origin, load_workout(path))
    except WorkoutError as error:
        problems = tuple(error.problems) or (Problem(str(path), 1, 1, "cannot be read"),)
        return LibraryEntry(path, origin, None, problems)
    except (OSError, ValueError) as error:
        return LibraryEntry(path, origin, None, (Problem(str(path), 1, 1, str(error)),))


def default_lister() -> Sequence[tuple[Path, str]]:
    """Every workout file in the local, user and shipped folders (by name, none read)."""
    from intervaltimer.workout.shelves import list_workout_files

    return list_workout_files()


def list_library(lister: Lister | None = None) -> list[LibraryEntry]:
    """Every file the lister finds, not read yet (named by file), grouped and sorted."""
    files = (lister or default_lister)()
    return sort_entries(LibraryEntry(path, origin, read=False) for path, origin in files)


def read_library(lister: Lister | None = None) -> list[LibraryEntry]:
    """Load every workout the lister finds, grouped by origin and sorted by name."""
    return sort_entries(load_entry(e.path, e.origin) for e in list_library(lister))


def sort_entries(entries: Iterable[LibraryEntry]) -> list[LibraryEntry]:
    """Entries grouped as the list shows them: yours, here, shipped; by name within a group."""
    rank = {origin: i for i, origin in enumerate(ORIGINS)}
    return sorted(entries, key=lambda e: (rank.get(e.origin, len(ORIGINS)),
                                          e.name.casefold(), e.key))


def entry_prompt(entry: LibraryEntry) -> Content:
    """The list line of an entry: name and tags, or file name and its first problem (in the
    theme's `$text-error`); a file not read yet by its file name, dim."""
    if not entry.read:
        return Content.assemble((display_safe(entry.name), "dim"))
    if entry.workout is not None:
        tags = display_safe("  " + " ".join(f"#{t}" for t in entry.tags)) if entry.tags else ""
        return Content.assemble((display_safe(entry.name), "bold"), (tags, "dim"))
    problem = entry.first_problem
    where = display_safe(f"  line {problem.line}: {problem.message}") if problem else ""
    return Content.assemble(("⚠ ", "bold $text-error"),
                            (display_safe(entry.path.name), "bold"),
                            (where, "$text-error"))


def entry_options(entries: Iterable[LibraryEntry], origin: str | None = None) -> list[Option]:
    """The list lines of `entries`, a heading before each folder's first (after `origin`'s)."""
    options: list[Option] = []
    for entry in entries:
        if entry.origin != origin:
            origin = entry.origin
            title = Text(ORIGIN_TITLES.get(origin, origin), style="italic dim")
            options.append(Option(title, id=f"origin:{origin}", disabled=True))
        options.append(Option(entry_prompt(entry), id=entry.key))
    return options


class WorkoutList(OptionList):
    """The library's entries that match the filter, with a heading for each folder.

    Letters typed on the list are not commands: each is handed on (`Typed`) to the
    filter, so typing finds a workout wherever the focus is.
    """

    class Typed(Message):
        """A character typed on the list (None: backspace), for the filter."""

        def __init__(self, character: str | None) -> None:
            super().__init__()
            self.character = character

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Printable characters and backspace are the filter's, never a binding's."""
        return key == "backspace" or (character is not None and character.isprintable())

    def on_key(self, event: events.Key) -> None:
        """Hand typed characters to the filter."""
        if event.key == "backspace":
            typed: str | None = None
        elif event.character is not None and event.character.isprintable():
            typed = event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self.post_message(self.Typed(typed))

    DEFAULT_CSS: ClassVar[str] = """
    WorkoutList {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.entries: list[LibraryEntry] = []
        self.shown: list[LibraryEntry] = []
        self.query_text = ""
        self._by_key: dict[str, LibraryEntry] = {}
        self._fill = 0
        """Counts refills, so a long list's second half is not added to a newer list."""
        self._last_key: str | None = None
        """The entry last highlighted: highlighted again when a filter that hid it is undone."""

    def set_entries(self, entries: Sequence[LibraryEntry], select: str | None = None) -> None:
        """Replace the library's entries and redraw; keep or move the highlight to `select`."""
        self.entries = list(entries)
        self._by_key = {e.key: e for e in self.entries}
        self.apply_filter(self.query_text, select=select)

    def update_entries(self, read: Sequence[LibraryEntry], select: str | None = None) -> None:
        """Put entries just read in place of the listed ones of the same file, and redraw.

        The highlight stays on its workout as names change the order, unless it is on the
        top entry: a list still filling in keeps its highlight on the top, where it starts.
        """
        fresh = {e.key: e for e in read}
        current = self.highlighted_entry
        at_top = current is not None and bool(self.shown) and current.key == self.shown[0].key
        entries = sort_entries(fresh.get(e.key, e) for e in self.entries)
        if select is None and at_top:
            self._last_key = None
            self.highlighted = None
        self.set_entries(entries, select)

    def apply_filter(self, query: str, select: str | None = None) -> None:
        """Show only the entries matching `query`; the highlight stays on the same workout.

        A long list goes in twice: the first `FIRST_OPTIONS` lines now, the rest after
        the next paint, so a thousand workouts show their first names without waiting
        for the option list to measure every line.
        """
        current = self.highlighted_entry
        keep = select or (current.key if current is not None else self._last_key)
        self.query_text = query
        self.shown = [e for e in self.entries if e.matches(query)]
        first = self.shown[:FIRST_OPTIONS]  # their lines are made now, the rest's later
        self._fill += 1
        self.clear_options()
        self.add_options(entry_options(first))
        if len(self.shown) > FIRST_OPTIONS:
            self.call_after_refresh(self._add_rest, self.shown[FIRST_OPTIONS:],
                                    first[-1].origin, self._fill, keep)
        self.highlight_entry(keep)

    def _add_rest(self, rest: list[LibraryEntry], origin: str, fill: int,
                  keep: str | None) -> None:
        """The options after the first screenful, unless the list was refilled since."""
        if fill != self._fill:
            return
        current = self.highlighted_entry
        self.add_options(entry_options(rest, origin))
        self.highlight_entry(current.key if current is not None and current.key != self.shown[0].key
                             else keep)

    def highlight_entry(self, key: str | None) -> None:
        """Highlight the entry with this key, else the first entry shown."""
        if not self.shown:
            self.highlighted = None
            return
        target = key if key in {e.key for e in self.shown} else self.shown[0].key
        assert target is not None
        try:
            self.highlighted = self.get_option_index(target)
        except OptionDoesNotExist:  # not added yet: the rest of a long list comes next paint
            self.highlighted = self.get_option_index(self.shown[0].key)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Remember the entry highlighted, to come back to it when a filter is undone."""
        super().watch_highlighted(highlighted)
        entry = self.highlighted_entry
        if entry is not None:
            self._last_key = entry.key

    @property
    def highlighted_entry(self) -> LibraryEntry | None:
        """The entry under the highlight, if any."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._by_key.get(option.id or "")

    def entry_for(self, option_id: str | None) -> LibraryEntry | None:
        """The entry behind an option id."""
        return self._by_key.get(option_id or "")

    def names_shown(self) -> list[str]:
        """The names of the entries shown, in order (for tests and the palette)."""
        return [e.name for e in self.shown]
