"""Reading the `steps:` of a workout file from YAML nodes into `Step` and `Repeat`.

Every problem is recorded with its line and column and reading goes on, so a
file's problems are all reported at once. Node visits are counted against a
budget (aliases can make a small file expand exponentially) and repeat counts
are multiplied as they are read, so a plan over `MAX_PLAN_STEPS` is reported at
the repeat that makes it too big. What a step may say (kinds, keys, limits) and
the parsers of small values are in `stepkeys`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TypeVar

import yaml

from intervaltimer.workout.amounts import parse_amount, parse_duration_amount
from intervaltimer.workout.include import Expansion, is_include, plan_size, read_include
from intervaltimer.workout.lastrep import read_last
from intervaltimer.workout.model import Amount, Node, Repeat, Step, StepKind
from intervaltimer.workout.pacespec import parse_pace
from intervaltimer.workout.plan import MAX_PLAN_STEPS
from intervaltimer.workout.quick import QuickError, looks_like_quick, placed_repeat
from intervaltimer.workout.stepkeys import (
    EXAMPLES,
    KEYS,
    KIND_HINTS,
    KINDS,
    MAX_LABEL,
    MAX_NOTE,
    MAX_REPEAT_DEPTH,
    parse_activity,
    parse_count,
    parse_reps,
)
from intervaltimer.workout.stepkeys import did_you_mean as did_you_mean
from intervaltimer.workout.units import UnitError, format_time, parse_distance, parse_duration
from intervaltimer.workout.yamlnodes import (
    Problems,
    TooManyProblems,
    at,
    is_empty,
    kind_of,
    mapping_items,
    scalar_text,
)

T = TypeVar("T")

MAX_VISITS = 60_000  # step nodes and their keys; a written-out 10,000-step plan fits


class StepReader:
    """Reads step nodes into the model, recording problems; one reader per file.

    `path` is the file read (an `include:` looks beside it first) and `chain`
    the files that include it, outermost first.
    """

    def __init__(self, problems: Problems, path: str | None = None,
                 chain: tuple[str, ...] = (), expansion: Expansion | None = None) -> None:
        self.problems = problems
        self.visits = 0
        self.path = path
        self.chain = chain
        self.expansion = expansion or Expansion()

    def _visit(self, node: yaml.Node) -> None:
        """Count a node read; stop reading a file that expands beyond the budget."""
        self.visits += 1
        if self.visits > MAX_VISITS:
            self.problems.add(at(node), f"this file expands (through aliases) to more than "
                                        f"{MAX_VISITS:,} values; write the steps out, or use "
                                        "repeat:")
            raise TooManyProblems

    def read_value(self, node: yaml.Node, what: str, parse: Callable[[str], T]) -> T | None:
        """Parse the scalar value of key `what` with `parse`, recording any `UnitError`."""
        text = scalar_text(node)
        example = f"`{what}: {EXAMPLES[what]}`" if what in EXAMPLES else f"`{what}: ...`"
        if text is None:
            self.problems.add(at(node), f"`{what}:` needs one value like {example}, "
                                        f"not {kind_of(node)}")
            return None
        if is_empty(node):
            self.problems.add(at(node), f"`{what}:` needs a value, e.g. {example}")
            return None
        try:
            return parse(text)
        except UnitError as error:
            self.problems.add(at(node), str(error))
            return None

    def read_text(self, node: yaml.Node, what: str, limit: int) -> str | None:
        """A free-text value (`note`, `label`, `name`), at most `limit` characters."""
        text = scalar_text(node)
        if text is None:
            self.problems.add(at(node), f"`{what}` should be text, not {kind_of(node)}")
            return None
        if len(text) > limit:
            self.problems.add(at(node), f"`{what}` is {len(text)} characters; keep it under "
                                        f"{limit}")
            return None
        return text

    def steps(self, node: yaml.Node, depth: int = 0) -> tuple[tuple[Node, ...], int]:
        """The steps of a `steps:` list and how many plan steps they make."""
        if not isinstance(node, yaml.SequenceNode):
            self.problems.add(at(node), f"`steps:` should be a list (each step on a line "
                                        f"starting with `- `), not {kind_of(node)}")
            return (), 0
        if not node.value:
            self.problems.add(at(node), "`steps:` is empty; add at least one step")
            return (), 0
        read: list[Node] = []
        size = 0
        for child in node.value:
            if is_include(child):
                self._visit(child)
                assert isinstance(child, yaml.MappingNode)
                included = read_include(child, self.problems, self.path, self.chain,
                                        self.expansion)
                read.extend(included)
                child_size = plan_size(included)
            else:
                step, child_size = self.step(child, depth)
                if step is not None:
                    read.append(step)
            if child_size > MAX_PLAN_STEPS:  # reported where it happened; read no further
                return tuple(read), MAX_PLAN_STEPS + 1
            size += child_size
            if size > MAX_PLAN_STEPS:
                self.problems.add(at(child), f"the steps up to here make more than "
                                             f"{MAX_PLAN_STEPS:,}; a workout has at most "
                                             f"{MAX_PLAN_STEPS:,} (split it in two)")
                return tuple(read), MAX_PLAN_STEPS + 1
        return tuple(read), size

    def step(self, node: yaml.Node, depth: int) -> tuple[Node | None, int]:
        """One step (a mapping, or a quick-syntax string) and how many plan steps it makes."""
        self._visit(node)
        if isinstance(node, yaml.ScalarNode):
            return self._quick(node)
        if not isinstance(node, yaml.MappingNode):
            self.problems.add(at(node), f"a step should be a mapping like `- run: 400m`, "
                                        f"not {kind_of(node)}")
            return None, 0
        items = mapping_items(node, self.problems)
        for _ in items:
            self._visit(node)
        kinds = [(key, key_node, value) for key, key_node, value in items if key in KINDS]
        if not kinds:
            self._no_kind(node, items)
            return None, 0
        if len(kinds) > 1:
            first, (second, second_node, _) = kinds[0][0], kinds[1]
            self.problems.add(at(second_node), f"one step has one kind; this one has both "
                                               f"`{first}` and `{second}`: make them two "
                                               f"steps, each starting with `- `")
        kind, _, value = kinds[0]
        extra = {key: (key_node, val) for key, key_node, val in items if key != kind}
        self._unknown_keys(kind, extra)
        if kind == "repeat":
            return self._repeat(node, value, extra, depth)
        return self._step(node, StepKind(kind), value, extra), 1

    def _no_kind(self, node: yaml.MappingNode,
                 items: list[tuple[str, yaml.Node, yaml.Node]]) -> None:
        """Report a step mapping that names no kind, guessing the kind meant."""
        kinds = ", ".join(KINDS) + " or include"
        where = at(items[0][1]) if items else at(node)
        for key, key_node, _ in items:
            close = difflib.get_close_matches(key.lower(), [*KINDS, "include"], n=1, cutoff=0.6)
            meant = KIND_HINTS.get(key.lower()) or (close[0] if close else None)
            if meant is not None:
                self.problems.add(at(key_node), f"`{key}` is not a kind of step; did you mean "
                                                f"{meant}?")
                return
        self.problems.add(where, f"a step needs a kind: {kinds} (e.g. `- run: 400m`)")

    def _unknown_keys(self, kind: str, extra: dict[str, tuple[yaml.Node, yaml.Node]]) -> None:
        """Report keys that do not belong on a step of this kind."""
        allowed = KEYS[kind]
        for key, (key_node, _) in extra.items():
            if key in allowed or key in KINDS:
                continue
            if key == "<<":
                self.problems.add(at(key_node), "merge keys (`<<`) are not supported; write "
                                                "the keys out")
                continue
            owners = [k for k, keys in KEYS.items() if key in keys]
            if owners:
                self.problems.add(at(key_node), f"`{key}` goes on a {owners[0]} step, not on "
                                                f"a {kind} step")
                continue
            hint = did_you_mean(key, allowed)
            if not hint:
                hint = f"; a {kind} step may have {', '.join(allowed)}"
            self.problems.add(at(key_node), f"unknown key `{key}`{hint}")

    def _quick(self, node: yaml.ScalarNode) -> tuple[Node | None, int]:
        """A step written as quick syntax (`- 8x400m@mile/60s`): a Repeat."""
        text = str(node.value)
        if not looks_like_quick(text):
            self.problems.add(at(node), f"a step written as text must be quick syntax like "
                                        f"8x400m@mile/60s; for one step write `- run: "
                                        f"{text.strip() or '400m'}`")
            return None, 0
        line, col = at(node)
        try:
            repeat, _ = placed_repeat(text, line, col)
        except QuickError as error:
            for offset, message in error.errors:
                self.problems.add(at(node, offset), message)
            return None, 0
        return repeat, repeat.count * len(repeat.steps)

    def _note_label(self, extra: dict[str, tuple[yaml.Node, yaml.Node]]
                    ) -> tuple[str | None, str | None]:
        """The step's `note` and `label`, if given."""
        note = self.read_text(extra["note"][1], "note", MAX_NOTE) if "note" in extra else None
        label = self.read_text(extra["label"][1], "label", MAX_LABEL) if "label" in extra else None
        return note, label

    def _step(self, node: yaml.MappingNode, kind: StepKind, value: yaml.Node,
              extra: dict[str, tuple[yaml.Node, yaml.Node]]) -> Step | None:
        """A warmup, run, rest, exercise or cooldown step."""
        line, col = at(node)
        note, label = self._note_label(extra)
        if kind is StepKind.EXERCISE:
            return self._exercise(node, value, extra, note, label)
        amount = self.read_value(value, kind.value, lambda t: parse_amount(t, kind))
        if kind is StepKind.RUN:
            return self._run(amount, extra, note, label, line, col)
        activity = None
        if "activity" in extra:
            activity = self.read_value(extra["activity"][1], "activity", parse_activity)
        if amount is None:
            return None
        return Step(kind, amount, activity=activity, label=label, note=note, line=line, col=col)

    def _run(self, amount: Amount | None, extra: dict[str, tuple[yaml.Node, yaml.Node]],
             note: str | None, label: str | None, line: int, col: int) -> Step | None:
        """A run step with its optional pace, target and pacer."""
        pace = self.read_value(extra["pace"][1], "pace", parse_pace) if "pace" in extra else None
        target = None
        if "target" in extra:
            target_node = extra["target"][1]
            target = self.read_value(target_node, "target", parse_duration_amount)
            if target is not None and amount is not None and amount.duration_s is not None:
                self.problems.add(at(target_node), "a target is the time for the rep's "
                                                   "distance; this run is timed by the clock, so "
                                                   "drop the target or give a distance")
            elif target is not None and "pace" in extra:
                self.problems.add(at(target_node), "give a pace or a target, not both")
        pacer = None
        if "pacer" in extra:
            pacer_node = extra["pacer"][1]
            pacer = self.read_value(pacer_node, "pacer", parse_distance)
            if pacer is not None and amount is not None:
                has_target = "pace" in extra or "target" in extra
                pacer = self._check_pacer(pacer, pacer_node, amount, has_target)
        if amount is None:
            return None
        return Step(StepKind.RUN, amount, pace=pace, target_s=target, pacer_m=pacer,
                    label=label, note=note, line=line, col=col)

    def _check_pacer(self, pacer_m: float, node: yaml.Node, amount: Amount,
                     has_target: bool) -> float | None:
        """The pacer spacing if it makes sense for this run, else a problem and None."""
        if amount.distance_m is None:
            self.problems.add(at(node), "a pacer beeps at checkpoints of a distance; this run "
                                        "has no distance")
        elif not has_target:
            self.problems.add(at(node), "a pacer needs a pace or a target to know when to beep; "
                                        "add `pace:` (e.g. mile) or `target:` (e.g. 1:25)")
        elif pacer_m >= amount.distance_m:
            self.problems.add(at(node), "the pacer splits the rep into checkpoints; make it "
                                        "shorter than the rep, e.g. 100m")
        elif amount.distance_m / pacer_m > 1000:
            self.problems.add(at(node), "that is more than 1000 pacer beeps in one rep; "
                                        "use a longer split, e.g. 100m")
        else:
            return pacer_m
        return None

    def _exercise(self, node: yaml.MappingNode, value: yaml.Node,
                  extra: dict[str, tuple[yaml.Node, yaml.Node]], note: str | None,
                  label: str | None) -> Step | None:
        """An exercise (`exercise: pushups` with `reps:` or `duration:`, else ends on lap)."""
        line, col = at(node)
        name = self.read_text(value, "exercise", MAX_LABEL)
        if name is not None and (not name or is_empty(value)):
            self.problems.add(at(value), "`exercise:` needs the exercise's name, "
                                         "e.g. `exercise: pushups`")
            name = None
        amount = Amount()
        if "reps" in extra and "duration" in extra:
            self.problems.add(at(extra["duration"][0]), "an exercise has reps or a duration, "
                                                        "not both")
        elif "reps" in extra:
            reps = self.read_value(extra["reps"][1], "reps", parse_reps)
            amount = Amount(reps=reps) if reps is not None else amount
        elif "duration" in extra:
            seconds = self.read_value(extra["duration"][1], "duration", parse_duration_amount)
            amount = Amount(duration_s=seconds) if seconds is not None else amount
        if name is None:
            return None
        return Step(StepKind.EXERCISE, amount, exercise=name, label=label, note=note,
                    line=line, col=col)

    def _repeat(self, node: yaml.MappingNode, value: yaml.Node,
                extra: dict[str, tuple[yaml.Node, yaml.Node]],
                depth: int) -> tuple[Node | None, int]:
        """A repeat: its count, its steps (read recursively), and an optional send-off."""
        line, col = at(node)
        if depth >= MAX_REPEAT_DEPTH:
            self.problems.add(at(node), f"repeats nest at most {MAX_REPEAT_DEPTH} deep")
            return None, 0
        count = self.read_value(value, "repeat", parse_count)
        note, label = self._note_label(extra)
        if "steps" not in extra:
            self.problems.add(at(node), "a repeat needs `steps:`, indented under it, "
                                        "e.g. `steps: [{run: 400m}, {rest: 60s}]`")
            return None, 0
        steps, size = self.steps(extra["steps"][1], depth + 1)
        every = min_rest = None
        if "every" in extra:
            every = self.read_value(extra["every"][1], "every", parse_duration_amount)
        if "min_rest" in extra:
            min_rest_node = extra["min_rest"][1]
            min_rest = self.read_value(min_rest_node, "min_rest", parse_duration)
            if every is None and "every" not in extra:
                self.problems.add(at(extra["min_rest"][0]), "`min_rest:` goes with `every:` "
                                                            "(the send-off it is the floor of)")
            elif every is not None and min_rest is not None and min_rest >= every:
                self.problems.add(at(min_rest_node), "min_rest is as long as the whole round "
                                                     "(every:); make it shorter")
        if every is not None and steps:
            self._check_round(extra["every"][1], every, steps)
        last = read_last(extra["last"][1], self.problems) if "last" in extra else None
        if count is None or not steps:
            return None, 0
        total = count * size
        if total > MAX_PLAN_STEPS and size <= MAX_PLAN_STEPS:
            self.problems.add((line, col), f"this repeat makes {total:,} steps; a workout has at "
                                           f"most {MAX_PLAN_STEPS:,} (repeat counts multiply)")
        repeat = Repeat(count, steps, every_s=every, min_rest_s=min_rest, label=label, note=note,
                        line=line, col=col, last=last)
        return repeat, min(total, MAX_PLAN_STEPS + 1)

    def _check_round(self, node: yaml.Node, every_s: float, steps: tuple[Node, ...]) -> None:
        """A send-off must leave time for one round: its timed steps and its reps' targets."""
        timed = sum(_timed_s(step) for step in steps)
        if timed >= every_s:
            self.problems.add(at(node), f"one round's steps take {format_time(timed, 0)} by the "
                                        f"clock and their targets, not less than every: "
                                        f"{format_time(every_s, 0)}; lengthen every: or "
                                        "shorten the steps")


def _timed_s(node: Node) -> float:
    """Seconds the steps in `node` are known to take before the profile is known: timed
    steps, and distance reps with a target or an explicit pace (others count as zero)."""
    if isinstance(node, Repeat):
        return node.count * sum(_timed_s(step) for step in node.steps)
    if node.amount.duration_s is not None:
        return node.amount.duration_s
    distance_m = node.amount.distance_m
    if node.target_s is not None:
        return node.target_s
    if distance_m and node.pace is not None and node.pace.s_per_m is not None:
        return distance_m * node.pace.s_per_m
    return 0.0
