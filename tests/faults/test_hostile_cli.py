"""Escape sequences from files, file names, notes and imports never reach the
terminal raw: every command, run as a process on a pseudo-terminal, shows them as `\\x1b`.

Before: `plan`, `validate`, `history` and `show` set the window title, cleared the screen
and passed OSC 52 (clipboard) through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.hostile_text import (
    ALL,
    CLIPBOARD,
    TITLE,
    first_forbidden,
    hostile_log,
    hostile_workout,
    yaml_quoted,
)
from tests.helpers.iokit import cli, cli_on_terminal, private_env


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A runner's home: a hostile workout file, a hostile file name, a bad file quoting a
    hostile value, and a log of two sessions whose workout, labels and note are hostile."""
    (tmp_path / "hostile.yaml").write_text(hostile_workout())
    (tmp_path / f"named{TITLE}.yaml").write_text("name: plain\nsteps:\n  - run: 400m\n")
    (tmp_path / "bad.yaml").write_text(
        f"name: bad\nsteps:\n  - run: 400m\n    pace: {yaml_quoted('mil' + CLIPBOARD)}\n")
    hostile_log(tmp_path / "log.sqlite3", note=f"note {ALL}\nsecond line")
    export = {"format": "intervaltimer-export", "version": 1, "sessions": [
        {"workout": "x", "started_at": "2025-05-01T18:00:00+00:00", "status": ALL}]}
    (tmp_path / "bad-import.json").write_text(json.dumps(export))
    return tmp_path


COMMANDS = [
    ["validate", "hostile.yaml", f"named{TITLE}.yaml", "bad.yaml", f"missing{TITLE}.yaml"],
    ["validate", "."],
    ["plan", "hostile.yaml"],
    ["plan", "hostile.yaml", "--json"],
    ["plan", "bad.yaml"],
    ["history"],
    ["history", "--json"],
    ["history", "--workout", "Hills"],
    ["show", "last"],
    ["show", "1", "--json"],
    ["trend", "Hills"],
    ["trend", "Hills", "--json"],
    ["export"],
    ["export", "--format", "json"],
    ["import", "bad-import.json"],
    ["trend", f"nothing{TITLE}"],
    ["run", "bad.yaml"],
    ["new", f"Mine{TITLE}", "--no-edit"],
    ["edit", f"nothing{TITLE}"],
    ["export-workout", "hostile.yaml", "--format", "icu"],
    ["export-workout", "hostile.yaml", "--format", "fit"],
    ["export-workout", "hostile.yaml", "--format", "fit", "-o", "-"],
    ["export-workout", "bad.yaml", "--format", "fit"],
    ["export-session", "last"],
    ["import-workout", f"missing{TITLE}.txt"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:2]).split("\x1b")[0])
def test_no_escape_reaches_the_terminal(home: Path, args: list[str]) -> None:
    code, output = cli_on_terminal(args, private_env(home), home)
    assert b"Traceback" not in output, output.decode(errors="replace")
    assert first_forbidden(output) is None, first_forbidden(output)
    assert output.strip(), "the command printed nothing: the test would prove nothing"


@pytest.mark.parametrize("args", [["show", "last"], ["plan", "hostile.yaml"], ["history"],
                                  ["validate", "bad.yaml"], ["trend", "Hills"]])
def test_escapes_are_shown_not_hidden(home: Path, args: list[str]) -> None:
    _code, output = cli_on_terminal(args, private_env(home, COLUMNS="400"), home)
    assert b"\\x1b" in output, output.decode(errors="replace")


def test_json_keeps_the_data_and_escapes_it(home: Path) -> None:
    out = cli(["show", "last", "--json"], private_env(home), home)
    assert out.returncode == 0, out.stderr
    assert first_forbidden(out.stdout.encode()) is None
    assert json.loads(out.stdout)["note"] == f"note {ALL}\nsecond line"


def test_export_to_a_pipe_keeps_the_data(home: Path) -> None:
    out = cli(["export"], private_env(home), home)
    assert out.returncode == 0, out.stderr
    assert ALL in out.stdout  # a pipe or a file gets the log as it is


def test_a_hostile_profile_is_reported_safely(home: Path) -> None:
    config = home / "hostile-config"
    config.mkdir()
    (config / "profile.yaml").write_text(f"races:\n  mile: {yaml_quoted('5:40' + TITLE)}\n")
    code, output = cli_on_terminal(["plan", "hostile.yaml"],
                                   private_env(home, INTERVALTIMER_CONFIG=str(config)), home)
    assert code == 1 and b"profile.yaml" in output, output
    assert first_forbidden(output) is None, first_forbidden(output)
