"""Loading format 1: every key, every step kind, and every validation error with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.workout.loader import load_workout, parse_workout
from intervaltimer.workout.model import (
    DEFAULT_LEAD_IN_S,
    Activity,
    Amount,
    Repeat,
    Step,
    StepKind,
    WorkoutError,
)

DESIGN_EXAMPLE = """\
name: 8 x 400 m at mile pace          # required
description: Anaerobic tolerance — hold mile pace on short rest.
tags: [anaerobic, track, kick]
lead_in: 5s                            # optional
steps:                                 # required, non-empty
  - warmup: 15min                      # duration, distance, or "lap"
    note: easy jog, drills
  - repeat: 8                          # 1..100, may nest
    steps:
      - run: 400m
        pace: mile
        pacer: 100m
      - rest: 60s
        activity: stand
  - repeat: 4
    steps:
      - run: 60m
        label: stride
      - rest: lap
  - repeat: 6
    every: 2:30
    min_rest: 20s
    steps:
      - run: 600m
        pace: 5k
  - exercise: pushups
    reps: 20
  - cooldown: 10min
"""


def problems(text: str) -> list[tuple[int, int, str]]:
    """(line, col, message) of each problem parse_workout finds in `text`."""
    with pytest.raises(WorkoutError) as caught:
        parse_workout(text, "w.yaml")
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def only_problem(text: str) -> tuple[int, int, str]:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def wrap(*step_lines: str) -> str:
    """A workout whose steps are the given lines (already indented by 2 + `- `)."""
    return "name: t\nsteps:\n" + "".join(line + "\n" for line in step_lines)


def test_design_example_loads() -> None:
    workout = parse_workout(DESIGN_EXAMPLE, "design.yaml")
    assert workout.name == "8 x 400 m at mile pace"
    assert workout.description == "Anaerobic tolerance — hold mile pace on short rest."
    assert workout.tags == ("anaerobic", "track", "kick")
    assert workout.lead_in_s == 5.0
    assert workout.path == "design.yaml"
    assert workout.source == DESIGN_EXAMPLE
    warmup, reps, strides, send_off, pushups, cooldown = workout.steps
    assert warmup == Step(StepKind.WARMUP, Amount(duration_s=900), note="easy jog, drills",
                          line=6, col=5)
    assert isinstance(reps, Repeat) and reps.count == 8 and (reps.line, reps.col) == (8, 5)
    run, rest = reps.steps
    assert isinstance(run, Step) and isinstance(rest, Step)
    assert run.amount == Amount(distance_m=400) and run.pacer_m == 100
    assert run.pace is not None and run.pace.name == "mile"
    assert (run.line, run.col) == (10, 9)
    assert rest.amount == Amount(duration_s=60) and rest.activity is Activity.STAND
    assert isinstance(strides, Repeat)
    stride, walk_back = strides.steps
    assert isinstance(stride, Step) and stride.label == "stride"
    assert isinstance(walk_back, Step) and walk_back.amount.is_open
    assert isinstance(send_off, Repeat)
    assert send_off.every_s == 150.0 and send_off.min_rest_s == 20.0
    assert pushups == Step(StepKind.EXERCISE, Amount(reps=20), exercise="pushups", line=26,
                           col=5)
    assert isinstance(cooldown, Step) and cooldown.amount.duration_s == 600


def test_yaml_implicit_types_are_read_as_written() -> None:
    # PyYAML would read 1:30 as 90 (base 60), 5:40 as 340, no as False, 08 as a string.
    workout = parse_workout(
        "name: no\ndescription: 08\ntags: [yes, off, 1:30]\nsteps:\n"
        "  - run: 400m\n    target: 1:30\n  - rest: 5:40\n  - repeat: 08\n"
        "    steps: [{run: 1:30}]\n")
    assert workout.name == "no"
    assert workout.description == "08"
    assert workout.tags == ("yes", "off", "1:30")
    run, rest, repeat = workout.steps
    assert isinstance(run, Step) and run.target_s == 90.0
    assert isinstance(rest, Step) and rest.amount.duration_s == 340.0
    assert isinstance(repeat, Repeat) and repeat.count == 8
    inner = repeat.steps[0]
    assert isinstance(inner, Step) and inner.amount.duration_s == 90.0


def test_quoted_values_read_the_same() -> None:
    workout = parse_workout('name: "8 x 400"\nsteps:\n  - run: "400m"\n    pace: \'5:40/mi\'\n')
    run = workout.steps[0]
    assert isinstance(run, Step) and run.amount.distance_m == 400
    assert run.pace is not None and run.pace.s_per_m == pytest.approx(340 / 1609.344)


def test_flow_style_and_quick_step_strings() -> None:
    workout = parse_workout(wrap("  - {warmup: 2km}", "  - 8x400m@mile/60s", "  - {cooldown: lap}"))
    warmup, quick, cooldown = workout.steps
    assert isinstance(warmup, Step) and warmup.amount.distance_m == 2000
    assert isinstance(quick, Repeat) and quick.count == 8 and (quick.line, quick.col) == (4, 5)
    assert all(isinstance(s, Step) and s.line == 4 for s in quick.steps)
    assert isinstance(cooldown, Step) and cooldown.amount.is_open


def test_nested_repeats() -> None:
    workout = parse_workout(wrap(
        "  - repeat: 3", "    label: set", "    steps:", "      - repeat: 4", "        steps:",
        "          - run: 300m", "          - rest: 45s", "      - rest: 4min"))
    outer = workout.steps[0]
    assert isinstance(outer, Repeat) and outer.count == 3 and outer.label == "set"
    inner, set_break = outer.steps
    assert isinstance(inner, Repeat) and inner.count == 4
    assert isinstance(set_break, Step) and set_break.amount.duration_s == 240


def test_defaults_and_optional_keys() -> None:
    workout = parse_workout(wrap("  - run: lap"))
    assert workout.description == ""
    assert workout.tags == ()
    assert workout.lead_in_s == DEFAULT_LEAD_IN_S
    assert workout.steps[0] == Step(StepKind.RUN, Amount(), line=3, col=5)


def test_every_step_option() -> None:
    workout = parse_workout(wrap(
        "  - run: 400m", "    target: 1:25", "    pacer: 100m", "    label: fast", "    note: go",
        "  - run: 3min", "    pace: threshold",
        "  - rest: 200m", "    activity: jog",
        "  - exercise: plank", "    duration: 45s",
        "  - exercise: wall sit",
        "  - repeat: 8", "    every: 2:30", "    note: send-off", "    steps: [{run: 400m}]"))
    target_run, timed_run, jog, plank, wall_sit, send_off = workout.steps
    assert isinstance(target_run, Step)
    assert (target_run.target_s, target_run.pacer_m, target_run.label, target_run.note) == \
        (85.0, 100.0, "fast", "go")
    assert isinstance(timed_run, Step) and timed_run.amount.duration_s == 180
    assert timed_run.pace is not None and timed_run.pace.name == "threshold"
    assert isinstance(jog, Step) and jog.amount.distance_m == 200 and jog.activity is Activity.JOG
    assert isinstance(plank, Step) and plank.amount == Amount(duration_s=45)
    assert isinstance(wall_sit, Step) and wall_sit.amount.is_open
    assert isinstance(send_off, Repeat)
    assert send_off.every_s == 150 and send_off.min_rest_s is None and send_off.note == "send-off"


def test_tags_may_be_one_line() -> None:
    assert parse_workout("name: t\ntags: track, kick\nsteps: [{run: lap}]").tags == \
        ("track", "kick")


def test_lead_in_zero_is_kept() -> None:
    assert parse_workout("name: t\nlead_in: 0s\nsteps: [{run: lap}]").lead_in_s == 0.0


def test_x_keys_are_kept_for_other_tools() -> None:
    workout = parse_workout("name: t\nx-coach: Sam\nx-base: &b {pace: mile}\nsteps: [{run: lap}]")
    assert workout.extra == {"x-coach": "Sam"}


def test_format_1_is_accepted() -> None:
    assert parse_workout("format: 1\nname: t\nsteps: [{run: lap}]").name == "t"


def test_load_workout_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(DESIGN_EXAMPLE, encoding="utf-8")
    workout = load_workout(path)
    assert workout.path == str(path)
    assert workout.name == "8 x 400 m at mile pace"


def test_load_workout_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: t\nsteps: [{run: lap}]\n")
    assert load_workout(path).name == "t"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkoutError) as caught:
        load_workout(tmp_path / "nope.yaml")
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}:1:1: no such file"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(WorkoutError) as caught:
        load_workout(tmp_path)
    assert "is a folder" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        # the workout itself
        ("steps: [{run: lap}]", (1, 1), "a workout needs `name:`"),
        ("name: t", (1, 1), "a workout needs `steps:`"),
        ("name: ''\nsteps: [{run: lap}]", (1, 7), "`name:` is empty"),
        ("name: [a]\nsteps: [{run: lap}]", (1, 7), "`name` should be text, not a list"),
        ("name: t\nsteps: []", (2, 8), "`steps:` is empty"),
        ("name: t\nsteps: 8x400m", (2, 8), "`steps:` should be a list"),
        ("name: t\ndescripton: x\nsteps: [{run: lap}]", (2, 1),
         "unknown key `descripton`; did you mean description?"),
        ("name: t\nfoo: x\nsteps: [{run: lap}]", (2, 1), "unknown key `foo`; a workout has name"),
        ("name: t\nrun: 400m\nsteps: [{run: lap}]", (2, 1), "`run` is a step; put it in the list"),
        ("name: t\nlead_in: 20min\nsteps: [{run: lap}]", (2, 10), "over 10 minutes"),
        ("name: t\nlead_in: 5\nsteps: [{run: lap}]", (2, 10), "has no unit"),
        ("name: t\nformat: 2\nsteps: [{run: lap}]", (2, 9), "reads format 1"),
        ("name: t\ntags: [a, [b]]\nsteps: [{run: lap}]", (2, 11), "a tag should be a word"),
        ("name: t\ntags: {a: b}\nsteps: [{run: lap}]", (2, 7), "`tags:` should be a list"),
        ("- run: 400m", (1, 1), "put this list under `steps:`"),
        ("just text", (1, 1), "a workout file is keys and values"),
        # steps
        (wrap("  - 400m"), (3, 5), "for one step write `- run: 400m`"),
        (wrap("  - [run, 400m]"), (3, 5), "a step should be a mapping"),
        (wrap("  - warm-up: 10min"), (3, 5),
         "`warm-up` is not a kind of step; did you mean warmup?"),
        (wrap("  - recovery: 60s"), (3, 5), "did you mean rest?"),
        (wrap("  - note: hi"), (3, 5), "a step needs a kind"),
        (wrap("  - run: 400m", "    rest: 60s"), (4, 5), "both `run` and `rest`: make them two"),
        (wrap("  - run: 400m", "    pase: mile"), (4, 5), "unknown key `pase`; did you mean pace?"),
        (wrap("  - run: 400m", "    colour: red"), (4, 5), "a run step may have pace, target"),
        (wrap("  - cooldown: 10min", "    pace: easy"), (4, 5),
         "`pace` goes on a run step, not on a cooldown step"),
        (wrap("  - rest: 60s", "    reps: 3"), (4, 5), "`reps` goes on a exercise step"),
        (wrap("  - run:"), (3, 9), "`run:` needs a value, e.g. `run: 400m`"),
        (wrap("  - run: [400m]"), (3, 10), "`run:` needs one value like `run: 400m`, not a list"),
        # amounts
        (wrap("  - rest: 1m"), (3, 11), "`1m` is one metre; minutes are `min` (write 1min)"),
        (wrap("  - rest: 5m"), (3, 11), "`5m` is 5 metres; minutes are `min` (write 5min)"),
        (wrap("  - warmup: 15m"), (3, 13), "`15m` is 15 metres; minutes are `min`"),
        (wrap("  - run: 2m"), (3, 10), "minutes are `min`"),
        (wrap("  - run: 400"), (3, 10), "`400` has no unit; write 400m for metres"),
        (wrap("  - run: fast"), (3, 10), "is not a duration, a distance or lap"),
        (wrap("  - rest: 0s"), (3, 11), "no time at all"),
        (wrap("  - rest: 25h"), (3, 11), "longer than a day"),
        (wrap("  - run: 200km"), (3, 10), "longer than 100 km"),
        (wrap("  - rest: 1:60"), (3, 11), "go up to 59"),
        (wrap("  - rest: 1m30s"), (3, 11), "minutes are `min`, e.g. 1min30s"),
        # run options
        (wrap("  - run: 400m", "    pace: mil"), (4, 11),
         'pace "mil" is not a pace; did you mean mile?'),
        (wrap("  - run: 400m", "    pace: 5:40"), (4, 11), "or use `target: 5:40`"),
        (wrap("  - run: 2min", "    target: 1:25"), (4, 13), "this run is timed by the clock"),
        (wrap("  - run: 400m", "    pace: mile", "    target: 1:25"), (5, 13),
         "give a pace or a target, not both"),
        (wrap("  - run: 400m", "    target: 0s"), (4, 13), "no time at all"),
        (wrap("  - run: 400m", "    pacer: 100m"), (4, 12), "a pacer needs a pace or a target"),
        (wrap("  - run: 2min", "    pace: mile", "    pacer: 100m"), (5, 12), "has no distance"),
        (wrap("  - run: 400m", "    pace: mile", "    pacer: 400m"), (5, 12),
         "shorter than the rep"),
        (wrap("  - run: 10km", "    pace: 10k", "    pacer: 1m"), (5, 12), "more than 1000 pacer"),
        (wrap("  - run: 400m", "    pace: mile", "    pacer: 1min"), (5, 12), "is not a distance"),
        (wrap("  - run: 400m", "    label: " + "x" * 61), (4, 12), "keep it under 60"),
        (wrap("  - run: 400m", "    note: [a]"), (4, 11), "`note` should be text"),
        # rest options
        (wrap("  - rest: 60s", "    activity: sit"), (4, 15), "'sit' is not stand, walk or jog"),
        (wrap("  - rest: 60s", "    activity: wlak"), (4, 15), "did you mean walk?"),
        # exercise
        (wrap("  - exercise: pushups", "    reps: 20", "    duration: 30s"), (5, 5),
         "reps or a duration, not both"),
        (wrap("  - exercise: pushups", "    reps: twenty"), (4, 11), "is not a count"),
        (wrap("  - exercise: pushups", "    reps: 0"), (4, 11), "write 1 to 1000"),
        (wrap("  - exercise: pushups", "    reps: 2.5"), (4, 11), "is not a count"),
        (wrap("  - exercise: pushups", "    duration: 1m"), (4, 15), "`1m` is metres"),
        (wrap("  - exercise: ''"), (3, 15), "needs the exercise's name"),
        # repeat
        (wrap("  - repeat: 0", "    steps: [{run: lap}]"), (3, 13), "a repeat is 1 to 100 times"),
        (wrap("  - repeat: 101", "    steps: [{run: lap}]"), (3, 13), "a repeat is 1 to 100 times"),
        (wrap("  - repeat: 8x", "    steps: [{run: lap}]"), (3, 13), "is not a count"),
        (wrap("  - repeat: -1", "    steps: [{run: lap}]"), (3, 13), "is not a count"),
        (wrap("  - repeat: 8"), (3, 5), "a repeat needs `steps:`"),
        (wrap("  - repeat: 8", "    steps: []"), (4, 12), "`steps:` is empty"),
        (wrap("  - repeat: 8", "    min_rest: 20s", "    steps: [{run: 400m}]"), (4, 5),
         "`min_rest:` goes with `every:`"),
        (wrap("  - repeat: 8", "    every: 2:30", "    min_rest: 3min", "    steps: [{run: 400m}]"),
         (5, 15), "min_rest is as long as the whole round"),
        (wrap("  - repeat: 8", "    every: 1min", "    steps: [{run: 2min}]"), (4, 12),
         "one round's steps take 2:00 by the clock and their targets, not less than every: 1:00"),
        (wrap("  - repeat: 8", "    every: 1min", "    steps: [{run: 400m, target: '1:25'}]"),
         (4, 12), "one round's steps take 1:25"),
        (wrap("  - repeat: 8", "    every: 1min", "    steps: [{run: 400m, pace: 90s/400m}]"),
         (4, 12), "one round's steps take 1:30"),
        (wrap("  - repeat: 8", "    every: 0s", "    steps: [{run: 400m}]"), (4, 12),
         "no time at all"),
        # quick syntax strings inside YAML, columns pointing into them
        (wrap("  - 8x400m@mil/60s"), (3, 12), 'pace "mil" is not a pace; did you mean mile?'),
        (wrap('  - "8x400m@mil/60s"'), (3, 13), 'pace "mil" is not a pace'),
        (wrap("  - 10x1min/1m"), (3, 13), "rest: `1m` is one metre"),
    ],
)
def test_each_problem_at_its_line_and_column(
    text: str, where: tuple[int, int], message: str
) -> None:
    found = problems(text)
    assert any((line, col) == where and message in text_ for line, col, text_ in found), found


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    text = wrap("  - warmup: 15m", "  - run: 400m", "    pace: mil", "  - rest: 1m",
                "    activity: sit", "  - repeat: 8x", "    steps: [{run: lap}]")
    text = text.replace("name: t\n", "name: t\ndescripton: d\n")
    assert [(line, col) for line, col, _ in problems(text)] == [
        (2, 1), (4, 13), (6, 11), (7, 11), (8, 15), (9, 13)]


def test_problems_format_as_path_line_col_message() -> None:
    with pytest.raises(WorkoutError) as caught:
        parse_workout(wrap("  - run: 400m", "    pace: mil"), "workouts/8x400.yaml")
    assert str(caught.value) == \
        'workouts/8x400.yaml:4:11: pace "mil" is not a pace; did you mean mile?'
