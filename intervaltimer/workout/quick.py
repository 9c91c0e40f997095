"""Quick syntax: a whole session in one line, `N x WORK [@ PACE] [/ REST]`.

Spaces are optional and `x` may be `×`: `8x400m@mile/60s`, `10x1min/1min`,
`4x60m/lap`, `6 x 800m @ 5k / 400m`. WORK is a distance or a duration; REST is
a duration, `lap` (walk back and tap space) or a distance (jog it; it ends on
the lap key). Used on the command line and as a step string in a YAML file.

A quick workout is named by its work, not its rest: `8x400m@mile/60s` and
`8x400m@mile/45s` are both "8 x 400 m @ mile", one workout with one history;
the rest is a setting of the session. With a timed rest it gets the rest
ladder `QUICK_RUNGS_S` (no `then:`), so the advice can move it a rung.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from intervaltimer.workout.amounts import parse_amount
from intervaltimer.workout.model import (
    QUICK_RUNGS_S,
    Activity,
    Amount,
    Problem,
    Progression,
    Repeat,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)
from intervaltimer.workout.pacespec import parse_pace
from intervaltimer.workout.units import UnitError

MAX_COUNT = 100
EXAMPLE = "8x400m@mile/60s"
_HEAD = re.compile(r"\s*(\d+)\s*[x×X*]\s*")
_LOOKS = re.compile(r"^\s*\d+\s*[x×X*]\s*\d")


class QuickError(Exception):
    """Quick text that cannot be read: (offset into the text, message) pairs."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(message for _, message in errors))


@dataclass(frozen=True)
class _Part:
    """A piece of the quick text and where it starts in it."""

    text: str
    start: int


def _part(text: str, start: int, end: int) -> _Part:
    """The stripped piece text[start:end] with its own start offset."""
    piece = text[start:end]
    stripped = piece.lstrip()
    return _Part(stripped.rstrip(), start + len(piece) - len(stripped))


def normalised(text: str) -> str:
    """`text` in Unicode's compatibility form (NFKC): fullwidth and other digits and letters
    a keyboard may give (`８x４００m`) read as their ASCII twins (`8x400m`), so one workout
    gets one name and one history."""
    return unicodedata.normalize("NFKC", text)


def looks_like_quick(text: str) -> bool:
    """True if `text` is meant as quick syntax (a count, an `x`, then a number)."""
    return _LOOKS.match(normalised(text)) is not None


def _tidy(text: str) -> str:
    """`400m` -> `400 m`, `1min30s` -> `1 min 30 s`: numbers and units spaced for a name."""
    spaced = re.sub(r"(\d)([a-zA-Z])", r"\1 \2", text)
    spaced = re.sub(r"([a-zA-Z])(\d)", r"\1 \2", spaced)
    return " ".join(spaced.split())


def _reads(parse: Callable[[str], object], text: str) -> bool:
    """True if `parse(text)` reads without a `UnitError`."""
    try:
        parse(text)
    except UnitError:
        return False
    return True


def _split_pace_rest(text: str, start: int) -> tuple[_Part, _Part | None]:
    """Split `mile/60s` or `5:40/mi/60s` into pace and rest.

    The rightmost `/` whose two sides both read wins; else the whole text if it
    is a pace (`85s/400m`); else the last `/` when what follows it looks like a
    rest, so each side gets its own error.
    """
    slashes = [i for i, char in enumerate(text) if char == "/"]

    def split(index: int) -> tuple[_Part, _Part]:
        pace, rest = _part(text, 0, index), _part(text, index + 1, len(text))
        return _Part(pace.text, start + pace.start), _Part(rest.text, start + rest.start)

    def rest_reads(rest: str) -> bool:
        return _reads(lambda t: parse_amount(t, StepKind.REST), rest)

    for index in reversed(slashes):
        if _reads(parse_pace, text[:index]) and rest_reads(text[index + 1:]):
            return split(index)
    whole = _part(text, 0, len(text))
    if slashes and not _reads(parse_pace, text):
        last = slashes[-1]
        right = text[last + 1:].strip()
        looks_like_rest = right[:1].isdigit() or right.lower().startswith("la")
        if looks_like_rest or _reads(parse_pace, text[:last]):
            return split(last)
    return _Part(whole.text, start + whole.start), None


def _rest_step(rest: _Part, errors: list[tuple[int, str]]) -> Step | None:
    """The rest after each rep: timed, open (`lap`) or a jogged distance."""
    if not rest.text:
        errors.append((rest.start, f"nothing after `/`; give a rest like 60s or lap ({EXAMPLE})"))
        return None
    try:
        amount = parse_amount(rest.text, StepKind.REST)
    except UnitError as error:
        errors.append((rest.start, f"rest: {error}"))
        return None
    activity = Activity.JOG if amount.distance_m is not None else None
    return Step(StepKind.REST, amount, activity=activity)


def quick_repeat(text: str) -> tuple[Repeat, str]:
    """The `Repeat` a quick text stands for and its name (its work); raises `QuickError`.

    The name leaves the rest out ("8 x 400 m @ mile"): see the module's docstring. Text is
    read in its NFKC form (``normalised``).
    """
    text = normalised(text)
    head = _HEAD.match(text)
    if head is None or not looks_like_quick(text):
        raise QuickError([(0, f"quick syntax is COUNT x WORK [@ PACE] [/ REST], "
                              f"e.g. {EXAMPLE}")])
    errors: list[tuple[int, str]] = []
    count_text = head.group(1)
    count = int(count_text) if len(count_text) <= 4 else MAX_COUNT + 1
    if not 1 <= count <= MAX_COUNT:
        errors.append((head.start(1), f"{count_text} reps; a repeat is 1 to {MAX_COUNT} times"))
    at_sign, slash = text.find("@", head.end()), text.find("/", head.end())
    ends = [i for i in (at_sign, slash) if i >= 0]
    work = _part(text, head.end(), min(ends) if ends else len(text))
    pace: _Part | None = None
    rest: _Part | None = None
    if at_sign >= 0 and (slash < 0 or at_sign < slash):
        pace, rest = _split_pace_rest(text[at_sign + 1:], at_sign + 1)
    elif slash >= 0:
        rest = _part(text, slash + 1, len(text))
        if "@" in rest.text:
            errors.append((text.index("@", slash), f"the pace goes before the rest, "
                                                   f"e.g. {EXAMPLE}"))
            rest = None
    run_amount = Amount()
    if not work.text:
        errors.append((work.start, f"no work after the count; e.g. {EXAMPLE}"))
    else:
        try:
            run_amount = parse_amount(work.text, StepKind.RUN)
        except UnitError as error:
            errors.append((work.start, str(error)))
    pace_spec = None
    if pace is not None:
        if not pace.text:
            errors.append((pace.start, "nothing after `@`; give a pace like mile or 5:40/mi"))
        else:
            try:
                pace_spec = parse_pace(pace.text)
            except UnitError as error:
                errors.append((pace.start, str(error)))
    steps: list[Step | Repeat] = [Step(StepKind.RUN, run_amount, pace=pace_spec)]
    if rest is not None:
        rest_step = _rest_step(rest, errors)
        if rest_step is not None:
            steps.append(rest_step)
    if errors:
        raise QuickError(errors)
    name = f"{count} x {_tidy(work.text)}"
    if pace_spec is not None:
        name += f" @ {pace_spec.name or ''.join(pace_spec.text.split())}"
    return Repeat(count=count, steps=tuple(steps)), name


_OLD_NAME = re.compile(r"^(\d+ x \S.*?) / \S.*$")


def name_without_rest(name: str) -> str:
    """The name a quick workout has now, from the name an older version gave it.

    Before rest became a setting of the session, a quick workout's name ended in
    its rest ("8 x 400 m @ mile / 60 s"); now it is "8 x 400 m @ mile". Other
    names come back unchanged, so a log can map its sessions onto one history.
    """
    match = _OLD_NAME.match(name)
    return match.group(1) if match else name


def placed(node: Step | Repeat, line: int, col: int) -> Step | Repeat:
    """The same step with its source position set (recursively for repeats)."""
    if isinstance(node, Repeat):
        return replace(node, steps=tuple(placed(s, line, col) for s in node.steps),
                       line=line, col=col)
    return replace(node, line=line, col=col)


def placed_repeat(text: str, line: int, col: int) -> tuple[Repeat, str]:
    """`quick_repeat` with every step marked as coming from (line, col)."""
    repeat, name = quick_repeat(text)
    moved = placed(repeat, line, col)
    assert isinstance(moved, Repeat)
    return moved, name


def parse_quick(text: str, path: str = "<quick>") -> Workout:
    """A one-repeat `Workout` from quick text, named by its work ("8 x 400 m @ mile").

    With a timed rest the workout has the implicit ladder `QUICK_RUNGS_S`.
    Raises `WorkoutError`; each problem's column points into `text` (line 1).
    """
    text = normalised(text)
    try:
        repeat, name = placed_repeat(text, 1, 1)
    except QuickError as error:
        raise WorkoutError([Problem(path, 1, offset + 1, message)
                            for offset, message in error.errors]) from None
    timed_rest = any(isinstance(step, Step) and step.kind is StepKind.REST
                     and step.amount.duration_s is not None for step in repeat.steps)
    ladder = Progression(QUICK_RUNGS_S, implicit=True, line=1, col=1) if timed_rest else None
    return Workout(name=name, steps=(repeat,), source=text, path=None, progression=ladder)
