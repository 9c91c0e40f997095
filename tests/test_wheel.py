"""A built wheel, installed into a fresh venv, carries the shipped workouts and sounds and works.

The wheel is built with `pip wheel --no-deps` (hatchling, as a release would;
without network the build needs hatchling in the venv or pip's cache).
The fresh venv has no pip and no packages of its own; a `.pth` file lends it
the dependencies of the project's `.venv` (only their folder: the editable
install's own `.pth` there is not processed), so nothing is downloaded. The
checks run from a folder outside the checkout, so only the installed copy
can answer.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(venv bin dir, a cwd outside the checkout, env) with the wheel installed in a fresh venv."""
    root = tmp_path_factory.mktemp("wheel")
    away = root / "elsewhere"
    away.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["INTERVALTIMER_CONFIG"] = str(root / "config")
    env["INTERVALTIMER_DB"] = str(root / "log.sqlite")

    # With hatchling in the venv the build needs no network; else pip fetches it (or its cache).
    isolation = ["--no-build-isolation"] if importlib.util.find_spec("hatchling") else []
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w",
                  str(root / "dist"), str(REPO)], away, env)
    assert built.returncode == 0, f"building the wheel failed:\n{built.stdout}\n{built.stderr}"
    [wheel] = list((root / "dist").glob("intervaltimer-*.whl"))

    venv = root / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], away, env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                away, env).stdout.strip()
    Path(site, "borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    # pip comes from the borrowed folder; --ignore-installed leaves the checkout's
    # editable install alone and puts a real copy into the fresh venv.
    install = _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed",
                    "--no-index", str(wheel)], away, env)
    assert install.returncode == 0, f"installing the wheel failed:\n{install.stderr}"
    return venv / "bin", away, env


def test_wheel_installs_the_package_not_the_checkout(
        installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, away, env = installed
    out = _run([str(bin_dir / "python"), "-c",
                "import intervaltimer; print(intervaltimer.__file__)"], away, env)
    assert out.returncode == 0, out.stderr
    location = Path(out.stdout.strip())
    assert bin_dir.parent in location.parents
    assert REPO not in location.parents


def test_wheel_carries_workouts_and_sounds(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, away, env = installed
    code = ("import json; from intervaltimer import resources as r; "
            "w, s = r.workouts_dir(), r.sounds_dir(); "
            "print(json.dumps([str(w), str(s), sorted(p.name for p in w.glob('*.yaml')), "
            "sorted(p.name for p in s.glob('*.wav'))]))")
    out = _run([str(bin_dir / "python"), "-c", code], away, env)
    assert out.returncode == 0, out.stderr
    workouts, sounds, yaml_files, wav_files = json.loads(out.stdout)
    assert bin_dir.parent in Path(workouts).parents
    assert bin_dir.parent in Path(sounds).parents
    assert len(yaml_files) >= 10
    assert "go.wav" in wav_files
    assert yaml_files == sorted(p.name for p in (REPO / "workouts").glob("*.yaml"))
    assert wav_files == sorted(p.name for p in (REPO / "sounds").glob("*.wav"))


def test_wheel_carries_the_phone_page(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, away, env = installed
    code = ("import intervaltimer.remote as r; from intervaltimer.remote.server import page_html; "
            "print(r.__file__); print(page_html())")
    out = _run([str(bin_dir / "python"), "-c", code], away, env)
    assert out.returncode == 0, out.stderr
    location, html = out.stdout.split("\n", 1)
    assert bin_dir.parent in Path(location).parents
    assert html.strip() == (REPO / "intervaltimer" / "remote" / "page.html").read_text().strip()
    assert 'id="lap"' in html


def test_installed_command_validates_its_own_workouts(
        installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, away, env = installed
    where = _run([str(bin_dir / "python"), "-c",
                  "from intervaltimer.resources import workouts_dir; print(workouts_dir())"],
                 away, env).stdout.strip()
    out = _run([str(bin_dir / "intervaltimer"), "validate", where], away, env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("ok") >= 10


def test_installed_command_plans_a_library_workout(
        installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, away, env = installed
    out = _run([str(bin_dir / "intervaltimer"), "plan", "8x400-mile", "--json",
                "--race", "mile=5:40"], away, env)
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    reps = [s for s in plan["steps"] if s["kind"] == "run" and s["distance_m"] == 400]
    assert len(reps) == 8
    # 5:40 a mile is 84.5 s a lap (340 s x 400 / 1609.344)
    assert all(s["target_s"] == pytest.approx(84.5, abs=0.1) for s in reps)


def test_wheel_carries_every_stylesheet(installed: tuple[Path, Path, dict[str, str]]) -> None:
    """The screens' looks live in .tcss files beside them: each must reach the wheel."""
    bin_dir, away, env = installed
    code = ("import pathlib, intervaltimer.ui as ui; "
            "print('\\n'.join(sorted(str(p.relative_to(pathlib.Path(ui.__file__).parent)) "
            "for p in pathlib.Path(ui.__file__).parent.rglob('*.tcss'))))")
    out = _run([str(bin_dir / "python"), "-c", code], away, env)
    assert out.returncode == 0, out.stderr
    ours = sorted(str(p.relative_to(REPO / "intervaltimer" / "ui"))
                  for p in (REPO / "intervaltimer" / "ui").rglob("*.tcss"))
    assert len(ours) > 10
    assert out.stdout.split() == ours
