"""`intervaltimer validate PATH...` through click's runner: output and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.resources import workouts_dir

GOOD = "name: good\nsteps:\n  - run: 400m\n    pace: mile\n"
BAD = "name: bad\nsteps:\n  - run: 400m\n    pace: mil\n  - rest: 1m\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    assert run(str(path)) == (0, f"ok  {path}\n")


def test_invalid_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    code, output = run(str(path))
    assert code == 1
    assert output == (f'{path}:4:11: pace "mil" is not a pace; did you mean mile?\n'
                      f"{path}:5:11: `1m` is one metre; minutes are `min` (write 1min)\n")


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text(GOOD)
    bad.write_text(BAD)
    code, output = run(str(good), str(bad))
    assert code == 1
    assert output.splitlines()[0] == f"ok  {good}"
    assert len(output.splitlines()) == 3


def test_a_folder_validates_every_yaml_under_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "sub" / "b.yaml").write_text(GOOD)
    (tmp_path / "sub" / "c.yml").write_text(GOOD)
    (tmp_path / "readme.txt").write_text("not a workout")
    code, output = run(str(tmp_path))
    assert code == 0
    assert output.splitlines() == [f"ok  {tmp_path / 'a.yaml'}", f"ok  {tmp_path / 'sub/b.yaml'}",
                                   f"ok  {tmp_path / 'sub/c.yml'}"]


def test_the_shipped_library_is_valid() -> None:
    code, output = run(str(workouts_dir()))
    assert code == 0
    assert len(output.splitlines()) >= 10
    assert all(line.startswith("ok  ") for line in output.splitlines())


def test_missing_path_is_exit_1_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert run(str(missing)) == (1, f"{missing}: no such file\n")


def test_empty_folder_is_exit_1(tmp_path: Path) -> None:
    assert run(str(tmp_path)) == (1, f"{tmp_path}: no .yaml files in this folder\n")


def test_hostile_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("name: !!python/object/apply:os.system ['echo hi']\nsteps: [{run: lap}]\n")
    code, output = run(str(path))
    assert code == 1
    assert output.startswith(f"{path}:1:7: the tag `!!python/object/apply:os.system` is not "
                             "allowed")
    assert "Traceback" not in output


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.yaml"
    path.write_bytes(b"\x00\x01\x02")
    assert run(str(path)) == (1, f"{path}:1:1: this is not a text file (a NUL byte); a workout "
                                 "is a YAML text file\n")


def test_no_path_is_a_usage_error() -> None:
    code, output = run()
    assert code == 2
    assert "Missing argument" in output


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    assert run("--frobnicate", str(tmp_path))[0] == 2


def test_help_shows_an_example() -> None:
    code, output = run("--help")
    assert code == 0
    assert "intervaltimer validate workouts/8x400-mile.yaml" in output
    assert "0 all valid, 1 any invalid or missing, 2 usage error" in output
