"""The installed `intervaltimer` command, run as a real process: exit codes, output, imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import intervaltimer
from tests.helpers.clikit import FOUR_LAPS, TYPO, command


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment with a private, empty config and log."""
    return {**os.environ, "INTERVALTIMER_CONFIG": str(tmp_path / "config"),
            "INTERVALTIMER_DB": str(tmp_path / "log.sqlite")}


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([command(), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=60, check=False)


def test_version(env: dict[str, str], tmp_path: Path) -> None:
    out = run(["--version"], env, tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == f"intervaltimer, version {intervaltimer.__version__}"


def test_python_dash_m_is_the_same_command(env: dict[str, str], tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "intervaltimer", "--version"], env=env,
                         cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0
    assert intervaltimer.__version__ in out.stdout


def test_validate_ok(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "four.yaml"
    path.write_text(FOUR_LAPS)
    out = run(["validate", str(path)], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


def test_validate_invalid_points_at_line_and_column(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO)
    out = run(["validate", str(path)], env, tmp_path)
    assert out.returncode == 1
    report = out.stdout + out.stderr  # the report is the command's output; either stream will do
    assert f"{path}:6:15:" in report
    assert "mile" in report
    assert "Traceback" not in report


def test_validate_usage_error_is_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    out = run(["validate"], env, tmp_path)
    assert out.returncode == 2
    assert "Usage" in out.stderr


def test_plan_json_of_the_classic(env: dict[str, str], tmp_path: Path) -> None:
    out = run(["plan", "8x400-mile", "--json", "--race", "mile=5:40"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    assert set(plan) >= {"name", "estimated_s", "steps"}
    steps = plan["steps"]
    assert [s["index"] for s in steps] == list(range(1, len(steps) + 1))
    reps = [s for s in steps if s["kind"] == "run" and s["distance_m"] == 400]
    assert len(reps) == 8
    assert reps[2]["label"].startswith("Rep 3/8 · 400 m")
    # 5:40 per mile is 84.5 s per 400 m
    assert reps[0]["target_s"] == pytest.approx(84.5, abs=0.1)
    assert reps[0]["ends"] == "lap"
    after_first = steps[reps[0]["index"]]  # the step after the first rep (indexes are 1-based)
    assert after_first["kind"] == "rest"
    assert after_first["duration_s"] == 60 and after_first["ends"] == "time"


def test_plan_of_quick_syntax(env: dict[str, str], tmp_path: Path) -> None:
    out = run(["plan", "6 x 800m @ 5k / 400m", "--json", "--race", "5k=20:00"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    steps = json.loads(out.stdout)["steps"]
    runs = [s for s in steps if s["kind"] == "run"]
    assert len(runs) == 6
    # a 20:00 5k is 4:00 per km: 192 s for 800 m
    assert runs[0]["target_s"] == pytest.approx(192.0, abs=0.1)


def test_plan_of_a_missing_file_is_a_clear_error(env: dict[str, str], tmp_path: Path) -> None:
    out = run(["plan", str(tmp_path / "nope.yaml")], env, tmp_path)
    assert out.returncode == 1
    assert "nope.yaml" in out.stderr
    assert "Traceback" not in out.stderr


def test_validate_and_plan_never_import_textual(tmp_path: Path) -> None:
    workout = tmp_path / "four.yaml"
    workout.write_text(FOUR_LAPS)
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from intervaltimer.cli import main\n"
        "runner = CliRunner()\n"
        f"codes = [runner.invoke(main, args).exit_code for args in (\n"
        f"    ['--version'], ['validate', {str(workout)!r}],\n"
        f"    ['plan', {str(workout)!r}], ['plan', {str(workout)!r}, '--json'],\n"
        "    ['plan', '8x400m@mile/60s', '--race', 'mile=5:40'])]\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(codes, loaded)\n"
    )
    env = {**os.environ, "INTERVALTIMER_CONFIG": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[0, 0, 0, 0, 0] []"
