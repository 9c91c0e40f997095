"""Special paths, read-only commands, long notes, ASCII terminals.

Before: `history --db FIFO` and `validate FIFO.yaml` hung; as root `--db /dev/null` created
`/dev/null-journal` even for the read-only `history`; `--db DIR` said "disk I/O error";
`show` wrapped a note through rich (49 s for 10 MB); `PYTHONIOENCODING=ascii` crashed
`plan` and `history`. (`every:` shorter than a rep's target: tests/workout/test_loader.py.)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers.clikit import FOUR_LAPS
from tests.helpers.iokit import cli, one_session_log, private_env


@pytest.fixture
def home(tmp_path: Path) -> Path:
    one_session_log(tmp_path / "log.sqlite3")
    return tmp_path


@pytest.mark.parametrize("args", [["history"], ["show", "last"], ["trend", "8 x 400"],
                                  ["export"], ["import", "in.json"]])
def test_log_that_is_a_fifo_is_refused_without_opening(home: Path, args: list[str]) -> None:
    fifo = home / "fifo"
    os.mkfifo(fifo)
    (home / "in.json").write_text('{"format": "intervaltimer-export", "version": 1, '
                                  '"sessions": []}')
    out = cli([*args, "--db", str(fifo)], private_env(home), home, timeout=20)
    assert out.returncode == 1
    assert f"{fifo}: is a FIFO (named pipe), not a log file" in out.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("args", [["validate"], ["plan"]])
def test_workout_that_is_a_fifo_is_refused_without_opening(home: Path, args: list[str]) -> None:
    fifo = home / "w.yaml"
    os.mkfifo(fifo)
    out = cli([*args, str(fifo)], private_env(home), home, timeout=20)
    assert out.returncode == 1
    assert f"{fifo}:1:1: is a FIFO (named pipe), not a workout file" in out.stdout + out.stderr


def test_device_log_is_refused_and_nothing_created_beside_it(home: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (CI runs as root)")
    device = home / "null"  # a /dev/null of the test's own: never the machine's
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    before = sorted(p.name for p in home.iterdir())
    for args in (["history"], ["show", "last"], ["export"]):
        out = cli([*args, "--db", str(device)], private_env(home), home)
        assert out.returncode == 1 and "is a character device, not a log file" in out.stderr
    assert sorted(p.name for p in home.iterdir()) == before  # no null-journal


def test_read_only_commands_create_no_file(home: Path) -> None:
    before = sorted(p.name for p in home.iterdir())
    env = private_env(home)
    for args in (["history"], ["history", "--json"], ["show", "1"], ["trend", "8 x 400"],
                 ["export"], ["history", "--db", str(home / "none.sqlite3")]):
        cli(args, env, home)
        assert sorted(p.name for p in home.iterdir()) == before, args


def test_directory_log_says_what_to_give(home: Path) -> None:
    for args in (["history"], ["show", "last"], ["export"]):
        out = cli([*args, "--db", str(home)], private_env(home), home, timeout=20)
        assert out.returncode == 1, args
        assert f"{home}: is a directory, not a log file; give a file path, e.g. --db " \
               f"{home / 'log.sqlite3'}" in out.stderr
        assert "disk I/O error" not in out.stderr


def test_show_writes_a_long_note_whole(home: Path) -> None:
    from intervaltimer.log.store import Store

    note = ("windy on the back straight " * 40_000).strip()  # about 1 MB, one line
    with Store.open(home / "log.sqlite3") as store:
        store.set_note(1, note)
    out = cli(["show", "1"], private_env(home, COLUMNS="80"), home)
    assert out.returncode == 0, out.stderr
    assert f"note: {note}\n" in out.stdout  # one line, not wrapped (wrapping was quadratic)


def test_ascii_terminal_gets_ascii(home: Path) -> None:
    (home / "four.yaml").write_text(FOUR_LAPS)
    env = private_env(home, PYTHONIOENCODING="ascii")
    for args in (["plan", "four.yaml"], ["plan", "8x400m@mile/60s", "--race", "mile=5:40"],
                 ["history"], ["show", "1"], ["trend", "8 x 400"], ["paces", "--race",
                                                                     "5k=20:00"]):
        out = subprocess_ascii(args, env, home)
        assert out[0] == 0, (args, out[1])
        assert b"Traceback" not in out[1]
        out[1].decode("ascii")  # every byte ASCII
    shown = subprocess_ascii(["plan", "8x400m@mile/60s", "--race", "mile=5:40"], env, home)[1]
    assert b"Rep 1/8 . 400 m @ mile" in shown


def subprocess_ascii(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes]:
    """The command's exit code and its stdout and stderr, as bytes."""
    import subprocess

    from tests.helpers.clikit import command

    done = subprocess.run([command(), *args], env=env, cwd=cwd, capture_output=True,
                          timeout=60, check=False)
    return done.returncode, done.stdout + done.stderr


EVERY_MINUTE = """\
name: x
steps:
  - repeat: 4
    every: 1:00
    steps:
      - run: 400m
        {pace}
"""


def test_every_shorter_than_a_reps_target_is_an_error_at_its_line(home: Path) -> None:
    # The target is in the file: validate finds it, at `every:`.
    (home / "target.yaml").write_text(EVERY_MINUTE.format(pace="target: '1:25'"))
    out = cli(["validate", "target.yaml"], private_env(home), home)
    assert out.returncode == 1 and "target.yaml:4:12: one round's steps take 1:25" in out.stdout
    # A named pace has its time from the profile: plan and run find it, at the repeat.
    (home / "named.yaml").write_text(EVERY_MINUTE.format(pace="pace: mile"))
    for args in (["plan", "named.yaml"], ["run", "named.yaml"]):
        out = cli([*args, "--race", "mile=5:40"], private_env(home), home)
        assert out.returncode == 1, args
        assert "named.yaml:3:5: one round's steps take 1:25 at their targets, not less than " \
               "every: 1:00" in out.stderr
    out = cli(["plan", "named.yaml", "--race", "mile=4:00"], private_env(home), home)
    assert out.returncode == 0, out.stderr  # 59.7 s reps fit in a minute
