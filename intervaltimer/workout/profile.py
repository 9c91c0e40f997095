"""The runner's profile: race results, from `profile.yaml` and `--race DIST=TIME` flags.

The file lives in the config directory (`intervaltimer.locations.profile_path`)
and looks like this:

    races:
      mile: 5:40
      5k: "20:00"
      marathon: 3:11:17

Distances are the race names (`800m`, `1500m`, `mile`, `3k`, `5k`, `10k`,
`half`, `marathon`, or spellings such as `5km`) or any distance from 400 m up
(`1200m`, `2mi`). Times are read from their source text, so `5:40` is five
minutes forty whether quoted or not. A list works too:

    races:
      - mile=5:40
      - {distance: 5k, time: "20:00"}

`voice: off`, `short` (the default) or `full` says how much the voice says
during a run (see `intervaltimer.track.voice`); `v` on the run screen cycles it.
`model: riegel` (the default is `vdot`) carries a result to other race
distances by Riegel's formula everywhere, not by VDOT (see `paces`).

`intervals_icu_key: ...` is the runner's intervals.icu API key, for `push --icu`
(`$INTERVALTIMER_ICU_KEY` wins over it). It is never shown (`repr` leaves it
out), and `save_profile` writes the file readable by its owner only (0600).

`lap_keys: [enter, l]` adds keys that lap on the run screen (besides space,
PageDown and the right arrow), named as Textual names keys (`enter`, `down`,
`f5`, `l`, `ctrl+l`). `ask_effort: all` asks the effort of every rep; by
default (`paced`) only reps run to a target are asked about, not strides.

Every problem in the file is reported at once as `path:line:col: message`
(a `WorkoutError`). Flags override the file distance by distance (`merge`).
`save_profile` rewrites the file atomically in the first form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

from intervaltimer.locations import profile_path
from intervaltimer.workout.files import read_capped, write_private_text
from intervaltimer.workout.model import Problem, WorkoutError
from intervaltimer.workout.paces import MODELS, Race, format_race_time
from intervaltimer.workout.races import (
    RACE_EXAMPLE,
    parse_race_distance,
    parse_race_time,
)
from intervaltimer.workout.units import UnitError
from intervaltimer.workout.yamlnodes import (
    Problems,
    TooManyProblems,
    at,
    compose_text,
    is_empty,
    kind_of,
    mapping_items,
    scalar_text,
)

MAX_PROFILE_BYTES = 64 * 1024
_SAME_DISTANCE_M = 0.5


class VoiceMode(StrEnum):
    """How much the voice says: nothing, the splits and "last one", or all its cues too."""

    OFF = "off"
    SHORT = "short"
    FULL = "full"

    def next(self) -> VoiceMode:
        """The mode after this one, as the `v` key cycles: off -> short -> full -> off."""
        modes = list(VoiceMode)
        return modes[(modes.index(self) + 1) % len(modes)]


class AskEffort(StrEnum):
    """Which reps the run screen asks the effort of: those run to a target, or every one."""

    PACED = "paced"
    ALL = "all"


ICU_KEY = "intervals_icu_key"

# A key as Textual names it: `enter`, `f5`, `l`, `ctrl+l`, `full_stop`.
KEY_NAME = re.compile(r"[a-z0-9_]+(\+[a-z0-9_]+)*")


@dataclass(frozen=True)
class Profile:
    """A runner's race results, shortest distance first (every named pace follows from them),
    how much the voice says, the keys that also lap, and which reps are asked for effort.
    `model` says how a result gives the other race paces: `vdot` or `riegel`."""

    races: tuple[Race, ...] = ()
    voice: VoiceMode = VoiceMode.SHORT
    model: str = "vdot"
    lap_keys: tuple[str, ...] = ()
    ask_effort: AskEffort = AskEffort.PACED
    icu_key: str | None = field(default=None, repr=False)

    def race_at(self, distance_m: float) -> Race | None:
        """The result at this distance, if the runner gave one."""
        for race in self.races:
            if abs(race.distance_m - distance_m) < _SAME_DISTANCE_M:
                return race
        return None


def merge(profile: Profile | None, races: Iterable[Race]) -> Profile:
    """The profile with these results added; each replaces the profile's result at its distance."""
    merged: list[Race] = list(profile.races) if profile is not None else []
    for race in races:
        merged = [r for r in merged if abs(r.distance_m - race.distance_m) >= _SAME_DISTANCE_M]
        merged.append(race)
    return replace(profile or Profile(), races=tuple(sorted(merged, key=lambda r: r.distance_m)))


class ProfileError(WorkoutError):
    """A profile (profile.yaml, or --race flags) that cannot be used; every problem at once."""


class _Reader:
    """Reads a profile from its YAML node tree, collecting every problem with its position."""

    def __init__(self, path: str) -> None:
        self.problems = Problems(path, document="a profile", thing="a profile")
        self.races: list[tuple[Race, Node]] = []
        self.voice = VoiceMode.SHORT
        self.model = "vdot"
        self.lap_keys: list[str] = []
        self.ask_effort = AskEffort.PACED
        self.icu_key: str | None = None

    def problem(self, node: Node, message: str) -> None:
        self.problems.add(at(node), message)

    def scalar(self, node: Node, what: str) -> str | None:
        """The source text of a scalar node, or None (with a problem) for anything else."""
        text = scalar_text(node)
        if text is None:
            self.problem(node, f"{what} must be plain text, not {kind_of(node)}")
        return text

    def add(self, distance: str, distance_node: Node, time: str, time_node: Node) -> None:
        try:
            name, metres = parse_race_distance(distance)
        except UnitError as error:
            self.problem(distance_node, str(error))
            return
        try:
            race = Race(name, metres, parse_race_time(time, name, metres))
        except UnitError as error:
            self.problem(time_node, str(error))
            return
        for earlier, _ in self.races:
            if abs(earlier.distance_m - metres) < _SAME_DISTANCE_M:
                self.problem(distance_node, f"a second {name} result; keep one")
                return
        self.races.append((race, distance_node))

    def read_root(self, root: Node | None) -> None:
        if root is None:
            return
        if not isinstance(root, MappingNode):
            self.problem(root, 'a profile is a mapping with `races:`, e.g. races: {mile: "5:40"}')
            return
        for key, key_node, value_node in mapping_items(root, self.problems):
            if key == "voice":
                self.read_voice(value_node)
            elif key == "model":
                self.read_model(value_node)
            elif key == "races":
                self.read_races(value_node)
            elif key == "lap_keys":
                self.read_lap_keys(value_node)
            elif key == "ask_effort":
                self.read_ask_effort(value_node)
            elif key == ICU_KEY:
                text = self.scalar(value_node, "the intervals.icu key")
                self.icu_key = text.strip() or None if text is not None else None
            else:
                self.problem(key_node, f"unknown key `{key}`; a profile holds `races:`, "
                             "`voice:`, `model:`, `lap_keys:`, `ask_effort:` and "
                             f"`{ICU_KEY}:`")

    def read_model(self, node: Node) -> None:
        text = self.scalar(node, "the model")
        if text is None:
            return
        if text.strip().lower() not in MODELS:
            self.problem(node, f"model {text.strip()!r} is not vdot or riegel")
            return
        self.model = text.strip().lower()

    def read_lap_keys(self, node: Node) -> None:
        if is_empty(node):
            return
        items = node.value if isinstance(node, SequenceNode) else [node]
        for item in items:
            text = self.scalar(item, "a lap key")
            if text is None:
                continue
            name = text.strip().lower()
            if not KEY_NAME.fullmatch(name):
                self.problem(item, f"lap key {text!r} is not a key's name; e.g. enter, down, "
                             "f5, l, ctrl+l")
            elif name not in self.lap_keys:
                self.lap_keys.append(name)

    def read_ask_effort(self, node: Node) -> None:
        text = self.scalar(node, "ask_effort")
        if text is None:
            return
        try:
            self.ask_effort = AskEffort(text.strip().lower())
        except ValueError:
            self.problem(node, f"ask_effort {text!r} is not paced (reps with a target) "
                         "or all (every rep)")

    def read_voice(self, node: Node) -> None:
        text = self.scalar(node, "voice")
        if text is None:
            return
        try:
            self.voice = VoiceMode(text.lower())  # `Off` as well as `off`
        except ValueError:
            modes = ", ".join(mode.value for mode in VoiceMode)
            self.problem(node, f"voice {text!r} is not one of {modes}")

    def read_races(self, node: Node) -> None:
        if is_empty(node):
            return
        if isinstance(node, MappingNode):
            for _, distance_node, time_node in mapping_items(node, self.problems):
                distance = self.scalar(distance_node, "a race distance")
                time = self.scalar(time_node, "a race time")
                if distance is not None and time is not None:
                    self.add(distance, distance_node, time, time_node)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                self.read_race_item(item)
        else:
            self.problem(node, 'races go one a line, like `mile: 5:40`, or as a list of "5k=20:00"')

    def read_race_item(self, item: Node) -> None:
        if isinstance(item, MappingNode):
            fields: dict[str, tuple[str, Node]] = {}
            for key, key_node, value_node in mapping_items(item, self.problems):
                value = self.scalar(value_node, "a value")
                if value is None:
                    return
                if key not in ("distance", "time"):
                    self.problem(key_node, f"unknown key `{key}`; a race has distance and time")
                    return
                fields[key] = (value, value_node)
            if set(fields) != {"distance", "time"}:
                self.problem(item, "a race needs both distance and time, "
                             'e.g. {distance: 5k, time: "20:00"}')
                return
            self.add(*fields["distance"], *fields["time"])
            return
        text = self.scalar(item, "a race")
        if text is None:
            return
        if text.count("=") != 1:
            self.problem(item, f"race {text!r} is not DIST=TIME; {RACE_EXAMPLE}")
            return
        distance, time = text.split("=")
        self.add(distance, item, time, item)


def read_profile_text(text: str, path: str = "profile.yaml") -> Profile:
    """A profile from YAML text; every problem raised at once as a `ProfileError`.

    The text is read as workout files are (`yamlnodes`): nothing constructed, every value
    from its source text, hostile files refused at their line.
    """
    reader = _Reader(path)
    try:
        reader.read_root(compose_text(text, reader.problems, allow_empty=True))
    except TooManyProblems:
        pass
    if reader.problems:
        raise ProfileError(reader.problems.found)
    races = tuple(sorted((race for race, _ in reader.races), key=lambda r: r.distance_m))
    return Profile(races, reader.voice, reader.model, tuple(reader.lap_keys),
                   reader.ask_effort, reader.icu_key)


def load_profile(path: Path | None = None) -> Profile | None:
    """The profile in `path` (default `profile_path()`); None if there is no such file."""
    path = profile_path() if path is None else path
    shown = str(path)
    try:
        data = read_capped(path, MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProfileError([Problem(shown, 1, 1, f"cannot read: {error.strerror}")]) from None
    if len(data) > MAX_PROFILE_BYTES:
        raise ProfileError([Problem(shown, 1, 1, f"larger than {MAX_PROFILE_BYTES // 1024} KiB; "
                                    "a profile holds a few race results")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError([Problem(shown, 1, 1, "not a text file (UTF-8)")]) from None
    if "\x00" in text:
        raise ProfileError([Problem(shown, 1, 1, "not a text file (it holds NUL bytes)")])
    return read_profile_text(text, shown)


def dump_profile(profile: Profile) -> str:
    """The YAML text of a profile, times quoted so any YAML reader takes them as text."""
    lines = ["# intervaltimer runner profile: race results; every named pace follows from them.",
             "races:" if profile.races else "races: {}"]
    for race in profile.races:
        lines.append(f'  {race.name}: "{format_race_time(race.time_s)}"')
    if profile.voice is not VoiceMode.SHORT:
        lines.append(f'voice: "{profile.voice.value}"  # off, short or full')
    if profile.model != "vdot":
        lines.append(f"model: {profile.model}   # race paces by Riegel's formula, not VDOT")
    if profile.lap_keys:
        keys = ", ".join(f'"{key}"' for key in profile.lap_keys)
        lines.append(f"lap_keys: [{keys}]  # keys that also lap on the run screen")
    if profile.ask_effort is not AskEffort.PACED:
        lines.append(f'ask_effort: "{profile.ask_effort.value}"  # every rep asks for effort')
    if profile.icu_key:
        lines.append(f"{ICU_KEY}: {json.dumps(profile.icu_key)}  # keep this file private")
    return "\n".join(lines) + "\n"


def save_profile(profile: Profile, path: Path | None = None, *,
                 keep_icu_key: bool = True) -> Path:
    """Write the profile atomically (temp file beside it, fsync, rename); returns its path.

    The file is readable by its owner only (0600): it may hold the intervals.icu key.
    A profile without a key keeps the key the file holds (forms that edit the races
    know nothing of it), unless `keep_icu_key` is False.
    """
    path = profile_path() if path is None else path
    if keep_icu_key and profile.icu_key is None:
        try:
            on_disk = load_profile(path)
        except WorkoutError:
            on_disk = None
        if on_disk is not None and on_disk.icu_key:
            profile = replace(profile, icu_key=on_disk.icu_key)
    write_private_text(path, dump_profile(profile))
    return path
