"""Reading a workout's `progression:` (the rest ladder of its main set) from YAML nodes.

```yaml
progression:
  rest: [90s, 75s, 60s, 45s, 30s]   # rungs, longest first
  start: 90s                        # the first session's rung; one of the rungs
  then: reps +2                     # at the shortest rung: 2 more reps
```

`then:` is `reps +N` (1 to `MAX_THEN_REPS` more reps) or `pace -Ns` (the
target N seconds per 400 m faster; `-3s/km` and `-4s/mi` are turned into
per 400 m). Every problem is recorded at its line and column.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

from intervaltimer.workout.labels import format_span
from intervaltimer.workout.mainset import find_main_set
from intervaltimer.workout.model import Progression, Then, ThenKind, Workout
from intervaltimer.workout.stepkeys import did_you_mean
from intervaltimer.workout.units import UnitError, format_time, parse_duration
from intervaltimer.workout.yamlnodes import Problems, at, kind_of, mapping_items, scalar_text

if TYPE_CHECKING:
    from intervaltimer.workout.plan import Plan

KEYS = ("rest", "start", "then")
MAX_RUNGS = 20
MAX_RUNG_S = 600.0
MAX_THEN_REPS = 20
MAX_THEN_PACE_S = 10.0  # per 400 m: more than this is a new workout, not a step
_PER_400M = {"400m": 1.0, "km": 0.4, "mi": 400 / 1609.344, "mile": 400 / 1609.344}
_REPS = re.compile(r"reps\s*\+\s*(\d{1,3})", re.IGNORECASE)
_PACE = re.compile(r"pace\s*-\s*(\d{1,2}(?:\.\d+)?)\s*s(?:\s*/\s*(400\s*m|km|mi|mile))?",
                   re.IGNORECASE)
SHOWN_RUNGS = 5  # rungs shown around today's
THEN_EXAMPLES = "`then: reps +2` or `then: pace -1s` (1 s per 400 m faster)"


def parse_then(text: str) -> Then:
    """`reps +2` or `pace -1s` (per 400 m; or `-3s/km`, `-4s/mi`); raises `UnitError`."""
    reps = _REPS.fullmatch(text.strip())
    if reps is not None:
        count = int(reps.group(1))
        if not 1 <= count <= MAX_THEN_REPS:
            raise UnitError(f"then: reps +{count}: add 1 to {MAX_THEN_REPS} reps")
        return Then(ThenKind.REPS, reps=count, text=text.strip())
    pace = _PACE.fullmatch(text.strip())
    if pace is not None:
        unit = "".join((pace.group(2) or "400m").lower().split())
        per_400m = float(pace.group(1)) * _PER_400M[unit]
        if not 0 < per_400m <= MAX_THEN_PACE_S:
            raise UnitError(f"then: {text.strip()!r}: make the target 0.1 to "
                            f"{MAX_THEN_PACE_S:g} s per 400 m faster")
        return Then(ThenKind.PACE, pace_s_per_400m=round(per_400m, 2), text=text.strip())
    raise UnitError(f"then: {text.strip()!r} is not a next step; write {THEN_EXAMPLES}")


def _rung(text: str) -> float:
    """One rung of the ladder: a rest of 1 s to 10 min."""
    seconds = parse_duration(text)
    if not 0 < seconds <= MAX_RUNG_S:
        raise UnitError(f"rest {text!r}: a rung is 1 s to {MAX_RUNG_S / 60:g} min")
    return seconds


def _rungs(node: yaml.Node, problems: Problems) -> tuple[float, ...] | None:
    """The `rest:` list: durations, longest first, each shorter than the one before."""
    if not isinstance(node, yaml.SequenceNode):
        problems.add(at(node), f"`rest:` is a list of rests, longest first, like "
                               f"[90s, 75s, 60s, 45s], not {kind_of(node)}")
        return None
    if not node.value:
        problems.add(at(node), "`rest:` is empty; list the rungs, e.g. [90s, 60s, 45s]")
        return None
    if len(node.value) > MAX_RUNGS:
        problems.add(at(node), f"{len(node.value)} rungs; a ladder has at most {MAX_RUNGS}")
        return None
    rungs: list[float] = []
    for item in node.value:
        text = scalar_text(item)
        if text is None or not text:
            problems.add(at(item), f"a rung is a rest like 60s, not "
                                   f"{'nothing' if text == '' else kind_of(item)}")
            return None
        try:
            seconds = _rung(text)
        except UnitError as error:
            problems.add(at(item), str(error))
            return None
        if rungs and seconds >= rungs[-1]:
            problems.add(at(item), f"the rungs go from the longest rest to the shortest; "
                                   f"{text} is not shorter than the one before it")
            return None
        rungs.append(seconds)
    return tuple(rungs)


def read_progression(node: yaml.Node, problems: Problems) -> Progression | None:
    """The `progression:` mapping, or None with its problems recorded."""
    line, col = at(node)
    if not isinstance(node, yaml.MappingNode):
        problems.add(at(node), f"`progression:` holds `rest:` (the rungs) and `then:`, "
                               f"not {kind_of(node)}")
        return None
    values: dict[str, yaml.Node] = {}
    for key, key_node, value in mapping_items(node, problems):
        if key in KEYS:
            values[key] = value
        else:
            hint = did_you_mean(key, KEYS) or "; a progression has rest:, start: and then:"
            problems.add(at(key_node), f"unknown key `{key}` in progression{hint}")
    if "rest" not in values:
        problems.add((line, col), "a progression needs `rest:`, its rungs longest first, "
                                  "e.g. `rest: [90s, 75s, 60s, 45s]`")
        return None
    rungs = _rungs(values["rest"], problems)
    then = None
    if "then" in values:
        text = scalar_text(values["then"])
        if text is None or not text:
            problems.add(at(values["then"]), f"`then:` needs a value: {THEN_EXAMPLES}")
        else:
            try:
                then = parse_then(text)
            except UnitError as error:
                problems.add(at(values["then"]), str(error))
    if rungs is None:
        return None
    start = _start(values["start"], rungs, problems) if "start" in values else None
    return Progression(rest_s=rungs, then=then, line=line, col=col, start_s=start)


def _start(node: yaml.Node, rungs: tuple[float, ...], problems: Problems) -> float | None:
    """`start:`, the first session's rung: a duration that is one of the rungs."""
    text = scalar_text(node)
    if text is None or not text:
        problems.add(at(node), "`start:` needs a rest, one of the rungs, e.g. `start: 90s`")
        return None
    try:
        seconds = parse_duration(text)
    except UnitError as error:
        problems.add(at(node), f"start: {error}")
        return None
    if not any(abs(seconds - rung) < 1e-6 for rung in rungs):
        listed = " ".join(f"{rung:g}" for rung in rungs)
        problems.add(at(node), f"start: {text} is not one of the rungs ({listed} s)")
        return None
    return seconds


def check_progression(workout: Workout, problems: Problems) -> None:
    """A progression needs a main set with a timed rest after its reps to move."""
    ladder = workout.progression
    if ladder is None:
        return
    where = (ladder.line, ladder.col)
    main = find_main_set(workout)
    if main is None:
        problems.add(where, "a progression sets the main set's rest, and this workout has no "
                            "main set (a repeat, or runs with a pace)")
    elif main.send_off is not None:
        every = format_time(main.send_off, 0)
        problems.add(where, f"the main set is a send-off (every: {every}): its rest is what is "
                            "left of each round, so a rest ladder cannot set it")
    elif not main.rests:
        problems.add(where, "the main set has no rest after its reps for the ladder to set; "
                            "add a rest step after the run")


def rest_text(plan: Plan) -> str:
    """Today's main-set rest and the ladder it is on, for people; "" when there is neither.

    `Rest 60 s after each rep · rungs 90 75 [60] 45 30 s, then reps +2`; a long
    ladder shows the `SHOWN_RUNGS` around today's (`… 90 75 [60] 45 30 …`).
    """
    ladder = plan.progression
    if plan.main_rest_s is None and ladder is None:
        return ""
    today = "not set" if plan.main_rest_s is None else format_span(plan.main_rest_s)
    text = f"Rest {today} after each rep"
    if ladder is not None:
        around = ladder.rung_index(plan.main_rest_s or ladder.longest_s)
        first = min(max(0, around - SHOWN_RUNGS // 2), max(0, len(ladder.rest_s) - SHOWN_RUNGS))
        shown = ladder.rest_s[first:first + SHOWN_RUNGS]
        words = [f"[{rung:g}]" if rung == plan.main_rest_s else f"{rung:g}" for rung in shown]
        if first > 0:
            words.insert(0, "…")
        if first + SHOWN_RUNGS < len(ladder.rest_s):
            words.append("…")
        rungs = " ".join(words)
        then = f", then {ladder.then.text}" if ladder.then is not None else ""
        text += f" · rungs {rungs} s{then}"
    return text
