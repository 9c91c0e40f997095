"""`include:` as an attacker writes it: paths out of the folder, links, files that are not
workouts, and fan-out.

Before: an absolute path or `../` was opened, and the error quoted the file's first line
(there, root's password hash); a link beside the workout led anywhere; 10,000 includes of
a 1 MiB file took minutes to read and then said "ok". The secret files here are made by
the test in its own folder, shaped like a password file.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import WorkoutError

SECRET = "S3CRETHASHxyz"
MAX_INCLUDES = 50  # as the README states it
SHADOW = f"root:$6$salt${SECRET}:19700:0:99999:7:::\nname: x\nsteps: y\n"


@pytest.fixture
def club(tmp_path: Path) -> Path:
    """A club's folder of workouts inside the runner's files, beside a password-like file."""
    (tmp_path / "shadow").write_text(SHADOW, encoding="utf-8")
    folder = tmp_path / "club"
    folder.mkdir()
    return folder


def refused(path: Path) -> list[tuple[int, int, str]]:
    """(line, col, message) of each problem loading `path`, which must be refused."""
    with pytest.raises(WorkoutError) as caught:
        load_workout(path)
    return [(p.line, p.col, str(p)) for p in caught.value.problems]


def workout_including(folder: Path, name: str) -> Path:
    """`w.yaml` in `folder`: a warm-up, then `include: <name>` on line 4."""
    path = folder / "w.yaml"
    path.write_text(f"name: w\nsteps:\n  - warmup: 5min\n  - include: {name}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["../shadow", "absolute", "sub/../../shadow", "./../shadow"])
def test_a_path_out_of_the_folder_is_refused_at_its_line_and_never_read(
        club: Path, how: str) -> None:
    name = str(club.parent / "shadow") if how == "absolute" else how
    (found,) = refused(workout_including(club, name))
    line, col, message = found
    assert (line, col) == (4, 14)
    assert "a path is not included" in message
    assert SECRET not in message and "$6$" not in message


def test_a_link_beside_the_workout_that_leaves_the_folder_is_refused(club: Path) -> None:
    (club / "core.yaml").symlink_to(club.parent / "shadow")
    (found,) = refused(workout_including(club, "core"))
    line, col, message = found
    assert (line, col) == (4, 14) and "is a link out of its folder" in message
    assert SECRET not in message


def test_a_file_beside_that_is_not_a_workout_is_refused_without_a_byte_of_it(
        club: Path) -> None:
    (club / "notes.yaml").write_text(f"root:$6$salt${SECRET}:19700:0:99999:7:::\n",
                                     encoding="utf-8")
    (found,) = refused(workout_including(club, "notes"))
    line, col, message = found
    assert (line, col) == (4, 14)
    assert "is not a workout file" in message
    assert SECRET not in message and "$6$" not in message


def test_a_link_inside_the_folder_and_a_workout_beside_are_still_included(club: Path) -> None:
    (club / "strides.yaml").write_text("name: strides\nsteps:\n  - run: 100m\n",
                                       encoding="utf-8")
    (club / "kick.yaml").symlink_to(club / "strides.yaml")
    workout = load_workout(workout_including(club, "kick"))
    assert len(workout.steps) == 2 and workout.steps[1].line == 4


BIG = "big.yaml"
FAN_OUT = """
import sys, time
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import WorkoutError
started = time.perf_counter()
try:
    load_workout(sys.argv[1])
    print("loaded")
except WorkoutError as error:
    print(error.problems[0].line, error.problems[0].message)
print(f"{time.perf_counter() - started:.3f}")
"""


def test_ten_thousand_includes_of_a_big_file_are_refused_in_well_under_two_seconds(
        tmp_path: Path) -> None:
    padding = "# " + "x" * 1000 + "\n"
    big = "name: big\nsteps:\n  - warmup: 1min\n" + padding * 1000  # just under 1 MiB
    (tmp_path / BIG).write_text(big, encoding="utf-8")
    top = tmp_path / "fan.yaml"
    top.write_text("name: fan\nsteps:\n" + "  - include: big\n" * 10_000, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", FAN_OUT, str(top)], capture_output=True,
                          text=True, timeout=30, check=True)
    first, took = done.stdout.strip().splitlines()
    assert float(took) < 2.0, done.stdout
    assert first == f"{MAX_INCLUDES + 3} more than {MAX_INCLUDES} includes in this workout " \
                    "(counting those of the workouts it includes); write the steps out, or use " \
                    "repeat:"


def test_included_text_is_held_to_one_mebibyte_in_all(tmp_path: Path) -> None:
    padding = "# " + "x" * 1000 + "\n"
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(f"name: {name}\nsteps:\n  - run: 100m\n"
                                               + padding * 600, encoding="utf-8")
    top = tmp_path / "top.yaml"
    top.write_text("name: top\nsteps:\n  - include: a\n  - include: b\n", encoding="utf-8")
    (found,) = refused(top)
    line, _, message = found
    assert line == 4 and "the included workouts come to more than 1 MiB of text" in message


def test_includes_are_counted_through_the_whole_expansion(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text("name: one\nsteps:\n  - run: 100m\n", encoding="utf-8")
    middle = "name: middle\nsteps:\n" + "  - include: one\n" * 30
    (tmp_path / "middle.yaml").write_text(middle, encoding="utf-8")
    top = tmp_path / "top.yaml"
    top.write_text(textwrap.dedent("""\
        name: top
        steps:
          - include: middle
          - include: middle
        """), encoding="utf-8")
    (found,) = refused(top)
    line, _, message = found
    assert line == 4 and f"more than {MAX_INCLUDES} includes" in message
    assert len(load_workout(tmp_path / "middle.yaml").steps) == 30  # one is fine
