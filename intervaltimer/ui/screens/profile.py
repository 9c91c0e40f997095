"""The runner's profile: race results in, VDOT and every derived pace out, as you type.

A time that cannot be read or cannot be true is explained beside it and kept
out of the profile. `ctrl+s` saves `profile.yaml` atomically and the new
paces apply at once to every target the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Static

from intervaltimer.ui.commands import PROFILE, PaletteAction
from intervaltimer.ui.screens.unsaved import AsksBeforeLeaving
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.pace_table import PaceTable
from intervaltimer.workout.paces import Race, all_paces, format_race_time, vdot_of
from intervaltimer.workout.pacespec import RACE_DISTANCES_M
from intervaltimer.workout.profile import Profile, save_profile
from intervaltimer.workout.races import make_race
from intervaltimer.workout.units import UnitError

DISTANCE_WORDS: dict[str, str] = {
    "800m": "800 m", "1500m": "1500 m", "mile": "Mile", "3k": "3 km", "5k": "5 km",
    "10k": "10 km", "half": "Half", "marathon": "Marathon",
}
HELP = ("Type the time of any race you have run (5:40, 20:00, 3:11:17); leave the rest "
        "blank. Every pace follows from them.")
ESTIMATE_LEGEND = ("From: your own race, Riegel's formula from the race named, or Daniels' "
                   "VDOT from it.\n~ estimate: derived outside the range where the formulas hold")


@dataclass(frozen=True)
class RaceRow:
    """One row of the form as typed: distance (fixed or typed), time, and the row's id."""

    row_id: str
    distance: str
    time: str
    fixed: bool = True


@dataclass(frozen=True)
class ReadForm:
    """The form read: the profile of the valid rows and a problem per bad row id."""

    profile: Profile
    problems: dict[str, str]


def read_rows(rows: list[RaceRow]) -> ReadForm:
    """A profile from the typed rows; blank rows are skipped, bad ones explained."""
    races: list[Race] = []
    problems: dict[str, str] = {}
    for row in rows:
        if not row.time.strip() and (row.fixed or not row.distance.strip()):
            continue
        if not row.time.strip():
            problems[row.row_id] = "give a time for this distance"
            continue
        try:
            race = make_race(row.distance, row.time)
        except UnitError as error:
            problems[row.row_id] = str(error)
            continue
        if any(abs(r.distance_m - race.distance_m) < 0.5 for r in races):
            problems[row.row_id] = f"{race.name} is given twice; keep one"
            continue
        races.append(race)
    return ReadForm(Profile(tuple(sorted(races, key=lambda r: r.distance_m))), problems)


class RaceFields(VerticalScroll):
    """The race rows. It scrolls to the field in focus but takes no focus itself, so tab
    from the last field goes round to the first instead of stopping where typing is lost."""

    can_focus = False


class ProfileScreen(AsksBeforeLeaving[None]):
    """Race results on the left, VDOT and the pace table on the right."""

    CSS_PATH = "profile.tcss"
    PLACE = PROFILE
    PALETTE = (
        PaletteAction("save", "Save profile", "Save your race times to profile.yaml (ctrl+s)"),
        PaletteAction("back", "Close profile", "Back, asking to save changes (esc)"),
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="profile.save"),
        Binding("escape", "back", "Back", id="profile.back"),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.form: ReadForm | None = None
        self.saved_profile: Profile | None = None

    def compose(self) -> ComposeResult:
        profile = self.services.profile or Profile()
        self.saved_profile = profile
        given = {r.name: r for r in profile.races}
        yield Header(show_clock=False)
        with Horizontal():
            with RaceFields(id="races"):
                yield Static(HELP, id="help")
                for name in RACE_DISTANCES_M:
                    race = given.pop(name, None)
                    yield from self._row(name, DISTANCE_WORDS[name], race, fixed=True)
                others = list(given.values()) + [None]
                for number, other in enumerate(others, 1):
                    yield from self._row(f"other-{number}", "", other, fixed=False)
            with Vertical(id="derived"):
                yield Static("", id="vdot")
                yield PaceTable(id="paces")
                yield Static(ESTIMATE_LEGEND, id="legend")
        yield KeysFooter()

    def _row(self, row_id: str, words: str, race: Race | None,
             fixed: bool) -> ComposeResult:
        """One race: its distance (a label, or a field for another distance) and time."""
        time_text = format_race_time(race.time_s) if race is not None else ""
        with Horizontal(classes="race-row"):
            if fixed:
                yield Static(words, classes="race-name")
            else:
                distance = race.name if race is not None else ""
                yield Input(distance, placeholder="other", id=f"distance-{row_id}",
                            classes="race-distance", compact=True)
            yield Input(time_text, placeholder="h:mm:ss", id=f"time-{row_id}",
                        classes="race-time", compact=True)
        yield Static("", id=f"problem-{row_id}", classes="race-problem")

    def on_mount(self) -> None:
        """Show the paces of the saved profile and focus the first time field."""
        self.title = "Runner profile"
        self.sub_title = "race results → paces"
        self.refresh_paces()
        self.query(Input).first().focus()
        self.tell_profile_problems()

    def rows(self) -> list[RaceRow]:
        """The rows as typed."""
        rows: list[RaceRow] = []
        for field in self.query(".race-time").results(Input):
            row_id = (field.id or "").removeprefix("time-")
            fixed = row_id in RACE_DISTANCES_M
            if fixed:
                distance = row_id
            else:
                distance = self.query_one(f"#distance-{row_id}", Input).value
            rows.append(RaceRow(row_id, distance, field.value, fixed))
        return rows

    @on(Input.Changed)
    def _typed(self) -> None:
        self.refresh_paces()

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def refresh_paces(self) -> ReadForm:
        """Read the form, explain bad rows, and show VDOT and the paces of the good ones."""
        rows = self.rows()
        form = read_rows(rows)
        if self.saved_profile is not None:  # the form edits the races; the rest is kept
            form = replace(form, profile=replace(self.saved_profile, races=form.profile.races))
        self.form = form
        for row in rows:
            problem = form.problems.get(row.row_id, "")
            line = self.query_one(f"#problem-{row.row_id}", Static)
            line.update(problem)
            line.display = bool(problem)
            self.query_one(f"#time-{row.row_id}", Input).set_class(bool(problem), "-invalid")
        found = vdot_of(form.profile)
        vdot_line = self.query_one("#vdot", Static)
        if found is None:
            vdot_line.update("No race times yet: type one to see your paces.")
        else:
            value, estimate = found
            mark = "~" if estimate else ""
            vdot_line.update(Text.assemble("VDOT ", (f"{mark}{value:.1f}", "bold"),
                                           "  (estimate)" if estimate else ""))
        self.query_one(PaceTable).show_paces(all_paces(form.profile))
        self._mark_dirty()
        return form

    @property
    def dirty(self) -> bool:
        """True when the form's races differ from the saved profile or a row is bad."""
        form = self.form
        if form is None:
            return False
        return bool(form.problems) or form.profile != self.saved_profile

    def _mark_dirty(self) -> None:
        self.title = "Runner profile ●" if self.dirty else "Runner profile"

    def action_save(self) -> bool:
        """Save the races to `profile.yaml`, unless a time is bad (then say which)."""
        form = self.refresh_paces()
        if form.problems:
            first = next(iter(form.problems))
            self.notify(f"Not saved: fix the marked race first ({form.problems[first]}).",
                        severity="error", timeout=8)
            return False
        try:
            path = save_profile(form.profile)
        except OSError as error:
            self.notify(f"Not saved: {error.strerror or error}", severity="error", timeout=8)
            return False
        self.saved_profile = form.profile
        self.services.profile = form.profile
        self._mark_dirty()
        self.app.clear_notifications()  # the "Not saved: fix ..." of the tries before
        self.notify(f"Saved {path}", title="Profile saved")
        return True

    def unsaved_name(self) -> str:
        """What the question calls the profile."""
        return "Your profile"
