"""A repeat's `last:` (the last rep's note, cue and no rest after it) and `include:` steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.workout.loader import load_workout, parse_workout
from intervaltimer.workout.model import StepKind, WorkoutError
from intervaltimer.workout.plan import expand

EIGHT = """\
name: eight
steps:
  - repeat: 8
    last: {{note: "LAST ONE: drive the arms, open the stride", cue: last{skip}}}
    steps:
      - run: 400m
        pace: mile
        note: on the beep
      - rest: 60s
  - cooldown: 10min
"""


def problems(text: str, path: str = "w.yaml") -> list[tuple[int, int, str]]:
    """(line, col, message) of each problem in `text`."""
    with pytest.raises(WorkoutError) as caught:
        parse_workout(text, path)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def test_the_last_rep_gets_its_note_and_cue_and_only_it() -> None:
    plan = expand(parse_workout(EIGHT.format(skip="")), None)
    reps = plan.work_steps
    assert [r.cue for r in reps] == [None] * 7 + ["last"]
    assert [r.note for r in reps] == ["on the beep"] * 7 + \
        ["LAST ONE: drive the arms, open the stride"]
    assert reps[-1].rep == reps[-1].rep_count == 8
    assert [s.kind for s in plan.steps[-3:]] == [StepKind.RUN, StepKind.REST, StepKind.COOLDOWN]


def test_skip_rest_leads_the_last_rep_straight_into_the_cool_down() -> None:
    plan = expand(parse_workout(EIGHT.format(skip=", skip_rest: yes")), None)
    assert [s.kind for s in plan.steps[-2:]] == [StepKind.RUN, StepKind.COOLDOWN]
    assert sum(1 for s in plan.steps if s.kind is StepKind.REST) == 7
    assert plan.main_reps == 8 and plan.main_rest_s == 60.0


def test_in_sets_the_outer_last_is_the_very_last_rep() -> None:
    text = """\
name: sets
steps:
  - repeat: 3
    last: {note: final rep, skip_rest: yes}
    steps:
      - repeat: 4
        last: {skip_rest: yes}
        steps:
          - run: 300m
          - rest: 45s
      - rest: 4min
  - cooldown: 10min
"""
    plan = expand(parse_workout(text), None)
    kinds = [(s.kind.value, s.duration_s) for s in plan.steps]
    one_set = [("run", None), ("rest", 45.0)] * 3 + [("run", None)]
    assert kinds == [*one_set, ("rest", 240.0), *one_set, ("rest", 240.0), *one_set,
                     ("cooldown", 600.0)]
    assert [s.note for s in plan.work_steps].count("final rep") == 1
    assert plan.work_steps[-1].note == "final rep"


def test_the_kick_of_the_last_round_is_the_last_rep() -> None:
    text = """\
name: kick
steps:
  - repeat: 2
    last: {cue: last}
    steps:
      - run: 300m
        label: settle
      - run: 100m
        label: kick
      - rest: 3min
"""
    plan = expand(parse_workout(text), None)
    assert [(s.label.split()[0], s.cue) for s in plan.work_steps] == [
        ("Settle", None), ("Kick", None), ("Settle", None), ("Kick", "last")]


@pytest.mark.parametrize(("last", "col", "says"), [
    ("{cue: bell}", 17, "cue 'bell' is not a sound a rep starts with; write last or go"),
    ("{skip_rest: maybe}", 23, "`skip_rest:` is yes or no"),
    ("{notes: hi}", 12, "unknown key `notes` in last; did you mean note?"),
    ("last one", 11, "`last:` gives the last rep its own note and cue"),
])
def test_last_problems_point_at_their_place(last: str, col: int, says: str) -> None:
    text = EIGHT.replace('{{note: "LAST ONE: drive the arms, open the stride", cue: last{skip}}}',
                         last)
    (line, found_col, message), = problems(text)
    assert (line, found_col) == (4, col) and message.startswith(says)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


CORE = "name: core\nsteps:\n  - repeat: 2\n    steps:\n      - exercise: pushups\n" \
       "        reps: 10\n      - exercise: plank\n        duration: 45s\n"


def test_include_pulls_in_another_workout_after_the_main_set(tmp_path: Path) -> None:
    _write(tmp_path, "core", CORE)
    path = _write(tmp_path, "session", "name: session\nsteps:\n  - 4x400m@mile/60s\n"
                                       "  - include: core\n  - cooldown: 5min\n")
    workout = load_workout(path)
    plan = expand(workout, None)
    assert [s.exercise for s in plan.steps if s.kind is StepKind.EXERCISE] == \
        ["pushups", "plank"] * 2
    assert plan.steps[-1].kind is StepKind.COOLDOWN
    included = [s for s in plan.steps if s.kind is StepKind.EXERCISE]
    assert {(s.line, s.col) for s in included} == {(4, 5)}  # placed at the include
    assert not any(s.main_set for s in included) and plan.main_reps == 4


def test_include_finds_the_shipped_library() -> None:
    workout = parse_workout("name: x\nsteps:\n  - include: core-circuit\n")
    plan = expand(workout, None)
    assert "pushups" in {s.exercise for s in plan.steps}


def test_a_cycle_is_refused_at_the_include(tmp_path: Path) -> None:
    _write(tmp_path, "a", "name: a\nsteps:\n  - warmup: 5min\n  - include: b\n")
    _write(tmp_path, "b", "name: b\nsteps:\n  - include: a\n")
    with pytest.raises(WorkoutError) as caught:
        load_workout(tmp_path / "a.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (4, 14)
    assert "goes round in a circle (a → b → a)" in problem.message
    assert problem.message.startswith("include 'b': ")
    self_include = _write(tmp_path, "c", "name: c\nsteps:\n  - include: c\n")
    with pytest.raises(WorkoutError, match=r"circle \(c → c\)"):
        load_workout(self_include)


def test_includes_nest_only_so_deep(tmp_path: Path) -> None:
    for name, then in (("one", "two"), ("two", "three"), ("three", "four")):
        _write(tmp_path, name, f"name: {name}\nsteps:\n  - include: {then}\n")
    _write(tmp_path, "four", "name: four\nsteps:\n  - warmup: 1min\n")
    with pytest.raises(WorkoutError, match="includes nest at most 3 deep"):
        load_workout(tmp_path / "one.yaml")
    assert expand(load_workout(tmp_path / "two.yaml"), None).steps[0].label == "Warm-up 60 s"


def test_include_problems(tmp_path: Path) -> None:
    _write(tmp_path, "broken", "name: broken\nsteps:\n  - run: 400\n")
    path = str(tmp_path / "s.yaml")
    assert problems("name: s\nsteps:\n  - include: nowhere-at-all\n", path) == [
        (3, 14, "no workout called 'nowhere-at-all' to include: not a file next to this "
                "one, not in the library")]
    (line, col, message), = problems("name: s\nsteps:\n  - include: broken\n", path)
    assert (line, col) == (3, 14)
    assert message.startswith(f"include 'broken': {tmp_path / 'broken.yaml'}:3:10: ")
    found = problems("name: s\nsteps:\n  - include: broken\n    note: hi\n", path)
    assert (4, 5, "an include step has only `include:`; `note` belongs in the included "
                  "workout") in found


def test_an_include_is_a_bare_name_with_or_without_its_suffix_read_once(
        tmp_path: Path) -> None:
    _write(tmp_path, "core", CORE)
    (tmp_path / "drills.yml").write_text("name: drills\nsteps:\n  - exercise: skips\n"
                                         "    reps: 20\n", encoding="utf-8")
    path = _write(tmp_path, "session", "name: session\nsteps:\n  - include: core.yaml\n"
                                       "  - include: drills\n  - include: core\n")
    plan = expand(load_workout(path), None)
    assert [s.exercise for s in plan.steps] == ["pushups", "plank"] * 2 + ["skips"] + \
        ["pushups", "plank"] * 2
    assert [(s.line, s.col) for s in plan.steps][4] == (4, 5)
    with pytest.raises(WorkoutError, match="a path is not included"):
        load_workout(_write(tmp_path, "bad", f"name: bad\nsteps:\n  - include: {tmp_path}/core\n"))
