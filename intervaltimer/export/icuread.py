"""intervals.icu workout text read into a workout (the reverse of `icutext`).

Reads what `icutext.icu_text` writes and what people write in the builder:
`- CUE AMOUNT [TARGET] [press lap]` step lines, `Nx` (or `Main set Nx`)
repeat lines, other text lines as section headers (`Warmup`, `Cooldown` set
the kind of the steps under them). The kind of a step comes from the first
word of its cue (Warm-up, Run, Rest/Recovery, Exercise, Cool-down), else from
its section, else: a step with a pace is a run, a later step of a repeat
without one is its rest. Only absolute paces carry over; every other target
(% of FTP, zones, heart rate, power, cadence, ramps) is reported, one line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intervaltimer.workout.model import (
    Activity,
    Amount,
    Node,
    PaceSpec,
    Problem,
    Repeat,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)

MAX_REPEAT = 100
_REPEAT = re.compile(r"^(?:(.*?)\s+)?(\d+)\s*x$", re.IGNORECASE)
_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m(?!tr))?(?:(\d+)s)?$")
_MIN_SEC = re.compile(r"^(\d+)m(\d+)$")
_QUOTES = re.compile(r"^(?:(\d+)')?(?:(\d+)\")?$")
_DISTANCE = re.compile(r"^(\d+(?:\.\d+)?)(mtr|km|mi)$", re.IGNORECASE)
_PACE = re.compile(r"^(\d+:\d\d(?:\.\d+)?)(?:-(\d+:\d\d(?:\.\d+)?))?(?:/(\d*)(km|mi|m|y))?$",
                   re.IGNORECASE)
_SECTION = re.compile(r"warm|cool|main|set|interval|recover", re.IGNORECASE)
_REPS = re.compile(r"^x(\d+)$", re.IGNORECASE)
_OTHER_TARGET = re.compile(r"(%|^z\d|^cz\d|hr$|lthr|^\d+(-\d+)?w$|rpm$|^ramp$|^freeride$|mmp)",
                           re.IGNORECASE)
_UNIT_M = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "y": 0.9144, "mtr": 1.0}
_KIND_WORDS: dict[str, StepKind] = {
    "warm-up": StepKind.WARMUP, "warmup": StepKind.WARMUP, "warm": StepKind.WARMUP,
    "cool-down": StepKind.COOLDOWN, "cooldown": StepKind.COOLDOWN, "cool": StepKind.COOLDOWN,
    "rest": StepKind.REST, "recovery": StepKind.REST, "recover": StepKind.REST,
    "exercise": StepKind.EXERCISE, "run": StepKind.RUN,
}


@dataclass
class _Parsed:
    """One step line, taken apart."""

    head: str = ""
    note: str | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    speed_m_s: float | None = None
    reps: int | None = None
    press_lap: bool = False


@dataclass
class _Loop:
    count: int
    line: int
    steps: list[Step] = field(default_factory=list)


def _seconds(token: str) -> float | None:
    """A duration token (`15m`, `1m30s`, `1m30`, `45s`, `1h`, `5'`, `1'30"`), or None."""
    for pattern in (_TIME, _QUOTES):
        match = pattern.match(token)
        if match and any(match.groups()):
            parts = [int(g) if g else 0 for g in match.groups()]
            weights = (3600, 60, 1) if pattern is _TIME else (60, 1)
            return float(sum(p * w for p, w in zip(parts, weights, strict=True)))
    match = _MIN_SEC.match(token)
    if match:
        return float(int(match.group(1)) * 60 + int(match.group(2)))
    return None


def _clock(text: str) -> float:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + float(seconds)


def _speed(match: re.Match[str]) -> float:
    """The speed (m/s) of a pace token, the middle of a range."""
    per = (float(match.group(3)) if match.group(3) else 1.0) * _UNIT_M[
        (match.group(4) or "km").lower()]
    times = [_clock(match.group(1))] + ([_clock(match.group(2))] if match.group(2) else [])
    return sum(per / time_s for time_s in times) / len(times)


class IcuReader:
    """Reads intervals.icu text line by line, keeping what it could not carry in `lost`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lost: list[str] = []
        self.problems: list[Problem] = []

    def parse_step(self, text: str, number: int) -> _Parsed:
        """The parts of a step line's text (after the `-`)."""
        tokens = text.split()
        parsed = _Parsed()
        head: list[str] = []
        amount_seen = False
        position = 0
        while position < len(tokens):
            token = tokens[position]
            lower = token.lower()
            following = tokens[position + 1].lower() if position + 1 < len(tokens) else ""
            seconds = _seconds(token)
            distance = _DISTANCE.match(token)
            pace = _PACE.match(token)
            if lower == "press" and following == "lap":
                parsed.press_lap = True
                position += 2
                continue
            if not amount_seen and seconds is not None:
                parsed.duration_s, amount_seen = seconds, True
            elif not amount_seen and distance:
                parsed.distance_m = float(distance.group(1)) * _UNIT_M[distance.group(2).lower()]
                amount_seen = True
            elif amount_seen and pace and following == "pace":
                parsed.speed_m_s = _speed(pace)
                position += 1
            elif amount_seen:
                if _OTHER_TARGET.search(token) or lower == "pace":
                    self.lost.append(f"line {number}: target `{token}` not carried over (only "
                                     "absolute paces, like 3:30/km Pace, are)")
                else:
                    self.lost.append(f"line {number}: `{token}` not understood, left out")
            else:
                head.append(token)
            position += 1
        cue = " ".join(head)
        if ": " in cue:
            cue, parsed.note = cue.split(": ", 1)
        elif cue.endswith(":"):
            cue = cue[:-1]
        parsed.head = cue.strip()
        words = parsed.head.split()
        if words and _REPS.match(words[-1]):
            parsed.reps = int(words[-1][1:])
            parsed.head = " ".join(words[:-1])
        if not amount_seen and not parsed.press_lap:
            self.lost.append(f"line {number}: no duration or distance: the step ends on lap")
        return parsed

    def make_step(self, parsed: _Parsed, section: StepKind | None, later_in_loop: bool,
                  number: int) -> Step:
        """The workout step of a parsed line."""
        words = parsed.head.split()
        kind = _KIND_WORDS.get(words[0].lower()) if words else None
        rest_words = words[1:] if kind is not None else words
        if kind is None:
            if parsed.reps is not None:
                kind = StepKind.EXERCISE
            elif section is not None:
                kind = section
            elif parsed.speed_m_s is None and later_in_loop:
                kind = StepKind.REST
            else:
                kind = StepKind.RUN
        activity = None
        if kind is StepKind.REST and rest_words and rest_words[-1].lower() in {
                a.value for a in Activity}:
            activity = Activity(rest_words.pop().lower())
        name = " ".join(rest_words) or None
        if parsed.press_lap and parsed.reps is not None:
            amount = Amount(reps=parsed.reps)
        elif parsed.distance_m is not None:
            amount = Amount(distance_m=parsed.distance_m)
        elif parsed.press_lap or parsed.duration_s is None:
            amount = Amount()
        else:
            amount = Amount(duration_s=parsed.duration_s)
        if amount.reps is not None and kind is not StepKind.EXERCISE:
            amount = Amount()
        pace = None
        if parsed.speed_m_s and kind is not StepKind.REST:
            pace = PaceSpec(text=pace_text(parsed.speed_m_s), s_per_m=1.0 / parsed.speed_m_s)
        exercise = None
        if kind is StepKind.EXERCISE:
            exercise, name = (name or "exercise").lower(), None
        return Step(kind, amount, pace=pace, activity=activity, exercise=exercise,
                    label=name.lower() if name else None, note=parsed.note, line=number, col=1)

    def read(self, text: str, default_name: str) -> Workout:
        """The workout the text describes; raises `WorkoutError` when it holds no step."""
        nodes: list[Node] = []
        loop: _Loop | None = None
        section: StepKind | None = None
        name: str | None = None

        def close() -> None:
            nonlocal loop
            if loop is not None and loop.steps:
                nodes.append(Repeat(loop.count, tuple(loop.steps), line=loop.line, col=1))
            loop = None

        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line:
                close()
                continue
            if line.startswith("-"):
                parsed = self.parse_step(line[1:], number)
                later = loop is not None and bool(loop.steps)
                step = self.make_step(parsed, section, later, number)
                if loop is not None:
                    loop.steps.append(step)
                else:
                    nodes.append(step)
                continue
            close()
            repeat = _REPEAT.match(line)
            if repeat:
                count = int(repeat.group(2))
                if not 1 <= count <= MAX_REPEAT:
                    self.problems.append(Problem(self.path, number, 1, f"a repeat of {count}: "
                                                 f"repeats run 1 to {MAX_REPEAT} times"))
                    count = max(1, min(count, MAX_REPEAT))
                loop = _Loop(count, number)
                header = (repeat.group(1) or "").lower()
            else:
                header = line.lower()
                if name is None and not nodes and not _SECTION.search(header):
                    name = line
                    continue
            section = (StepKind.WARMUP if "warm" in header else
                       StepKind.COOLDOWN if "cool" in header else None)
        close()
        if not nodes:
            self.problems.append(Problem(self.path, 0, 0, "no steps found: intervals.icu "
                                         "steps are lines like `- 400mtr 3:30/km Pace`"))
        if self.problems:
            raise WorkoutError(self.problems)
        return Workout(name=name or default_name, steps=tuple(nodes), path=self.path)


def pace_text(speed_m_s: float) -> str:
    """A pace per kilometre to the hundredth of a second: `3:31.30/km`."""
    seconds = round(1000.0 / speed_m_s, 2)
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:05.2f}/km"


def read_icu_text(text: str, path: str, default_name: str) -> tuple[Workout, list[str]]:
    """The workout in intervals.icu text, and one line for each thing not carried over."""
    reader = IcuReader(path)
    workout = reader.read(text, default_name)
    return workout, reader.lost
