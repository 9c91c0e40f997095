"""Hostile files: each one a clear `WorkoutError` at its line and column, nothing executed.

How long each takes is measured in benchmarks/hostile_files.py, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.workout import steps as steps_module
from intervaltimer.workout.loader import load_workout, parse_workout
from intervaltimer.workout.model import Step, WorkoutError
from tests.helpers.hostile_cases import (
    block_lists,
    block_maps,
    classic_laughs,
    flow_lists,
    flow_maps,
    laughs_steps,
    multiplying_repeats,
    written_out_steps,
)


def problems(text: str) -> list[tuple[int, int, str]]:
    """(line, col, message) of each problem in `text`."""
    with pytest.raises(WorkoutError) as caught:
        parse_workout(text, "h.yaml")
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def file_problems(path: Path) -> list[tuple[int, int, str]]:
    with pytest.raises(WorkoutError) as caught:
        load_workout(path)
    assert all(p.path == str(path) for p in caught.value.problems)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def has(found: list[tuple[int, int, str]], line: int, col: int, fragment: str) -> bool:
    return any((l_, c_) == (line, col) and fragment in m for l_, c_, m in found)


# duplicate keys ---------------------------------------------------------------------------


def test_duplicate_top_level_key() -> None:
    found = problems("name: a\nsteps: [{run: lap}]\nname: b\n")
    assert found == [(3, 1, "duplicate key `name` (first on line 1); each key appears once")]


def test_duplicate_key_in_a_step() -> None:
    found = problems("name: a\nsteps:\n  - run: 400m\n    pace: mile\n    pace: 5k\n")
    assert found == [(5, 5, "duplicate key `pace` (first on line 4); each key appears once")]


# tabs -------------------------------------------------------------------------------------


def test_every_tab_indented_line_is_reported() -> None:
    found = problems("name: t\nsteps:\n\t- run: 400m\n  \t- rest: 60s\n")
    assert found == [(3, 1, "a tab in the indentation; YAML indents with spaces only"),
                     (4, 3, "a tab in the indentation; YAML indents with spaces only")]


# unclosed quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "quote"),
    [
        ('name: "8 x 400\nsteps:\n  - run: 400m\n', 1, 7, '"'),
        ("name: t\nsteps:\n  - run: '400m\n  - rest: 60s\n", 3, 10, "'"),
    ],
)
def test_unclosed_quote_is_reported_where_it_opens(
    text: str, line: int, col: int, quote: str
) -> None:
    assert problems(text) == [
        (line, col, f"a quote ({quote}) opens here and is never closed; add the closing {quote}")]


# tags that would construct objects -------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        ("!!python/object/apply:os.system", "!!python/object/apply:os.system"),
        ("!!python/object:builtins.dict", "!!python/object:builtins.dict"),
        ("!!python/object/new:builtins.list", "!!python/object/new:builtins.list"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/module:os", "!!python/module:os"),
        ("!!binary", "!!binary"),
        ("!!timestamp", "!!timestamp"),
        ("!mine", "!mine"),
        ("!<tag:example.com,2000:x>", "tag:example.com,2000:x"),
    ],
)
def test_object_tags_are_refused_at_the_tag(tag: str, shown: str) -> None:
    found = problems(f"name: t\nsteps:\n  - run: {tag} 400m\n")
    assert found == [(3, 10, f"the tag `{shown}` is not allowed; a workout file holds plain "
                             "values and nothing in it is constructed")]


def test_a_collection_tag_is_refused() -> None:
    assert has(problems("name: t\nsteps: !!set {a, b}\n"), 2, 8, "the tag `!!set` is not allowed")


def test_plain_tags_are_harmless() -> None:
    workout = parse_workout("name: !!str 8 x 400\nsteps: !!seq [{run: !!str 400m}]\n")
    assert workout.name == "8 x 400"


def test_nothing_is_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (f"name: !!python/object/apply:os.system ['touch {marker}']\n"
            f"steps:\n  - !!python/object/apply:subprocess.call [['touch', '{marker}']]\n")
    found = problems(text)
    assert has(found, 1, 7, "is not allowed") and has(found, 3, 5, "is not allowed")
    assert not marker.exists()


# aliases: billion laughs, cycles, undefined ------------------------------------------------


def test_classic_billion_laughs_is_refused_without_expanding() -> None:
    found = problems(classic_laughs())
    assert has(found, 1, 1, "unknown key `lol`")
    assert has(found, 8, 7, "a step should be a mapping like `- run: 400m`, not a list")
    assert len(found) == 10  # the same aliased node is reported once, not 9 times


def test_alias_expansion_is_stopped_at_the_plan_limit() -> None:
    found = problems(laughs_steps(9))
    assert has(found, 7, 5, "the steps up to here make more than 10,000")


def test_alias_expansion_is_stopped_by_the_node_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps_module, "MAX_VISITS", 500)
    found = problems(laughs_steps(9))
    assert any("expands (through aliases) to more than 500 values" in m for _, _, m in found)


def test_a_cycle_of_aliases_stops_at_the_nesting_limit() -> None:
    found = problems("name: x\nsteps: &s\n  - repeat: 2\n    steps: *s\n")
    assert found == [(3, 5, "repeats nest at most 8 deep")]


def test_undefined_alias() -> None:
    assert problems("name: *nope\nsteps: [{run: lap}]\n") == [
        (1, 7, "an alias (`*nope`) to an anchor that is not defined before it (`&nope`)")]


def test_merge_keys_are_refused() -> None:
    found = problems("x-base: &b {pace: mile}\nname: x\nsteps:\n  - run: 400m\n    <<: *b\n")
    assert found == [(5, 5, "merge keys (`<<`) are not supported; write the keys out")]


def test_aliases_within_budget_work() -> None:
    workout = parse_workout("x-rep: &rep {run: 400m, pace: mile}\nname: x\n"
                            "steps: [*rep, {rest: 60s}, *rep]\n")
    first, _, again = workout.steps
    assert first == again
    assert isinstance(first, Step) and first.pace is not None and first.pace.name == "mile"


# nesting deep enough to overflow recursion ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        (flow_lists(100_000), 2, 1007),
        (flow_maps(5000), 2, 164),
        (block_lists(700), 42, 81),
        (block_maps(1400), 42, 41),
    ],
    ids=["flow-lists", "flow-maps", "block-lists", "block-maps"],
)
def test_deep_nesting_is_refused_before_any_recursion(text: str, line: int, col: int) -> None:
    found = problems(text)
    assert has(found, line, col, "nested more than 40 levels deep"), found[:3]


def test_nested_repeats_deeper_than_eight() -> None:
    text = "name: x\nsteps:\n"
    for depth in range(10):
        pad = "  " * (2 * depth)
        text += f"{pad}  - repeat: 1\n{pad}    steps:\n"
    text += "  " * 20 + "  - run: lap\n"
    assert has(problems(text), 19, 37, "repeats nest at most 8 deep")


# size and binary ------------------------------------------------------------------------------


def test_file_over_one_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("name: x\nsteps: [{run: lap}]\n" + "#" * (1024 * 1024) + "\n")
    found = file_problems(path)
    assert found == [(1, 1, "the file is over 1 MiB; a workout file is a few lines of YAML "
                            "(is this the right file?)")]


def test_text_over_one_mib_is_refused() -> None:
    found = problems("name: x\nsteps: [{run: lap}]\n" + "#" * (1024 * 1024))
    assert len(found) == 1 and found[0][:2] == (1, 1) and "must be under 1 MiB" in found[0][2]


def test_a_file_of_many_values_is_refused() -> None:
    found = problems("name: x\nsteps: [" + ",".join(["a"] * 60_000) + "]\n")
    assert has(found, 2, 99_999, "the file holds more than 50,000 values")


def test_nul_bytes_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_bytes(b"name: x\nsteps: [{run: l\x00ap}]\n")
    assert file_problems(path) == [
        (2, 16, "this is not a text file (a NUL byte); a workout is a YAML text file")]


def test_an_image_is_not_a_workout(tmp_path: Path) -> None:
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    found = file_problems(path)
    assert len(found) == 1 and "not a text file" in found[0][2]


def test_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: x\nsteps:\n  - run: 400m\n    note: caf\xe9\n".encode("latin-1"))
    assert file_problems(path) == [(4, 14, "this is not UTF-8 text; save the file as UTF-8")]


def test_control_characters() -> None:
    assert problems("name: x\x01\nsteps: [{run: lap}]\n") == [
        (1, 8, "this is not a text file (the control character U+0001); a workout is a YAML "
               "text file")]


def test_unpaired_surrogate_in_text() -> None:
    found = problems("name: \ud800\nsteps: [{run: lap}]\n")
    assert found == [(1, 7, "this is not text (it holds an unpaired surrogate); save it as UTF-8")]


# plans over 10,000 steps ------------------------------------------------------------------


def test_repeat_counts_multiply_past_the_plan_limit() -> None:
    assert problems(multiplying_repeats(100, 100)) == [
        (3, 5, "this repeat makes 20,000 steps; a workout has at most 10,000 (repeat counts "
               "multiply)")]


def test_three_levels_reported_at_the_repeat_that_crosses() -> None:
    text = ("name: x\nsteps:\n  - repeat: 22\n    steps:\n      - repeat: 22\n"
            "        steps:\n          - repeat: 22\n            steps: [{run: 100m}]\n")
    assert problems(text) == [
        (3, 5, "this repeat makes 10,648 steps; a workout has at most 10,000 (repeat counts "
               "multiply)")]


def test_exactly_ten_thousand_steps_is_allowed() -> None:
    assert parse_workout(multiplying_repeats(100, 50)).name == "x"


def test_quick_strings_count_towards_the_limit() -> None:
    text = "name: x\nsteps:\n  - repeat: 100\n    steps: [60x400m@mile/60s]\n"
    assert has(problems(text), 3, 5, "this repeat makes 12,000 steps")


def test_a_long_written_out_list_stops_at_the_limit() -> None:
    assert problems(written_out_steps(10_001)) == [
        (10_003, 5, "the steps up to here make more than 10,000; a workout has at most 10,000 "
                    "(split it in two)")]


# other YAML traps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "fragment"),
    [
        ("", 1, 1, "the file is empty"),
        ("# only a comment\n", 1, 1, "the file is empty"),
        ("name: x\nsteps: [{run: lap}]\n---\nname: y\n", 3, 1, "a second document (`---`)"),
        ("name: x\nsteps:\n  - run: 400m\n   pace: mile\n", 4, 4, "does not line up"),
        ("name: 8 x 400: mile\nsteps: [{run: lap}]\n", 1, 14, "put quotes around a value"),
        ("name: x\nsteps: [{run: lap}\n", 3, 1, "cannot read this as YAML"),
        ("name: x\nsteps:\n  - run: 400m\n  - ? [a]\n    : b\n", 4, 7,
         "a key must be a plain word"),
    ],
)
def test_yaml_errors_are_problems(text: str, line: int, col: int, fragment: str) -> None:
    found = problems(text)
    assert has(found, line, col, fragment), found


def test_many_problems_stop_at_fifty() -> None:
    text = "name: x\nsteps: [{run: lap}]\n" + "".join(f"k{i}: v\n" for i in range(200))
    found = problems(text)
    assert len(found) == 51
    assert found[-1][2] == "stopped after 50 problems"
