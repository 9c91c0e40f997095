"""The desk's speed: launch to an interactive library of 200 workouts, the first names of a
library of 1,000, and the editor's check.

Measures, each against a peer timed in the same run:

- launch to an interactive home screen (shown, the list focused and taking
  keys) with 200 workouts in the user's folder
  (plus the shipped ones), and on to the library fully read (the worker done),
  against a bare Textual app showing one Static; both in-process (`run_test`,
  imports already paid) and as a real process (`python -c`, headless, imports
  and interpreter start included);
- the first frame showing names of a library of 1,000 workouts, as a process,
  against the first frame of a bare Textual app showing one Static (and, for
  scale, an app of the home screen's Textual widgets alone with 1,000 options);
- the editor's check of a 200-step file (load + expand to a plan), against
  PyYAML's `safe_load` of the same text, and the same check inside the editor
  screen with the plan table refilled.

Goals: interactive home under 500 ms median; the 1,000 workouts' first names within
1.5 times the bare app; the 200-step check under 30 ms.
Prints PASS or FAIL for each and exits 0 either way (a speed goal is not a test).

    .venv/bin/python benchmarks/library.py [--runs 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HOME_GOAL_MS = 500.0
BIG_LIBRARY = 1000
NAMES_RATIO = 1.5  # the big library's first names, against the bare app's first frame
CHECK_GOAL_MS = 30.0
WORKOUTS = 200
REP_COUNT = 99  # 99 x (run + rest) + warm-up + cool-down = 200 steps
TEMPLATE_KEYS = ("reps", "pyramid", "send-off", "strides-core")

CHILD = r"""
import sys, time
started = time.perf_counter()
mode = sys.argv[1]
if mode == "bare":
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):
            yield Static("one static")

        def on_mount(self):
            self.call_after_refresh(self.done)

        def done(self):
            print(f"ready {(time.perf_counter() - started) * 1000:.1f}", flush=True)
            self.exit()

    Bare().run(headless=True)
else:
    from intervaltimer.ui.app import make_app

    app = make_app()

    def check():
        screen = app.screen
        if type(screen).__name__ != "HomeScreen" or screen.focused is None:
            return
        if mode == "loaded" and not screen.loaded:
            return
        print(f"ready {(time.perf_counter() - started) * 1000:.1f}", flush=True)
        app.exit()

    app.call_later(lambda: app.set_interval(0.002, check))
    app.run(headless=True)
"""


PAINT_CHILD = r"""
import sys, time
started = time.perf_counter()
mode = sys.argv[1]
from textual.app import App

_display = App._display


def shown(screen):
    if mode != "home":
        return True
    return type(screen).__name__ == "HomeScreen" and screen.query_one("#workouts").option_count > 0


def display(self, screen, renderable):
    # The moment a frame is handed to the terminal: the first that holds what we wait for.
    _display(self, screen, renderable)
    if renderable is not None and not getattr(self, "_seen", False) and shown(screen):
        self._seen = True
        print(f"ready {(time.perf_counter() - started) * 1000:.1f}", flush=True)
        self.exit()


App._display = display
if mode == "home":
    from intervaltimer.ui.app import make_app

    make_app().run(headless=True)
else:
    from textual.containers import Horizontal, Vertical
    from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static

    class Bare(App[None]):
        def compose(self):
            if mode == "bare":
                yield Static("one static")
                return
            yield Header()
            with Horizontal():
                with Vertical():
                    yield Input(placeholder="filter")
                    yield OptionList(*(f"workout {n}" for n in range(int(mode))))
                    yield Static("status")
                yield DataTable()
            yield Footer()

    Bare().run(headless=True)
"""


def workout_text() -> str:
    """A 200-step workout: warm-up, 99 x (400..800 m at mile pace + 60 s rest), cool-down."""
    lines = ["name: 200 steps", "description: A long file for timing the editor's check.",
             "steps:", "  - warmup: 15min"]
    for number in range(REP_COUNT):
        lines += [f"  - run: {400 + number % 5 * 100}m", "    pace: mile",
                  "  - rest: 60s", "    activity: stand"]
    lines.append("  - cooldown: 10min")
    return "\n".join(lines) + "\n"


def make_library(folder: Path, count: int = WORKOUTS) -> None:
    """Write `count` workouts from the templates into `folder`."""
    from intervaltimer.workout.templates import render_template

    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        key = TEMPLATE_KEYS[number % len(TEMPLATE_KEYS)]
        text = render_template(key, f"Session {number:03d} ({key})")
        (folder / f"session-{number:03d}.yaml").write_text(text, encoding="utf-8")


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


async def _poll(ready: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Wait until `ready()` is true, checking every millisecond."""
    deadline = time.perf_counter() + timeout_s
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never became ready")
        await asyncio.sleep(0.001)


async def _bare_in_process() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("one static")

    started = time.perf_counter()
    app = Bare()
    async with app.run_test(size=(100, 30)):
        await _poll(lambda: bool(app.screen.query(Static)))
        return (time.perf_counter() - started) * 1000.0


async def _home_in_process(until_loaded: bool) -> float:
    from intervaltimer.ui.app import make_app
    from intervaltimer.ui.screens.home import HomeScreen
    from intervaltimer.ui.widgets.workout_list import forget_read_files

    forget_read_files()  # a launch reads every file

    started = time.perf_counter()
    app = make_app()

    def ready() -> bool:
        screen = app.screen
        return (isinstance(screen, HomeScreen) and screen.focused is not None
                and (screen.loaded or not until_loaded))

    async with app.run_test(size=(100, 30)):
        await _poll(ready)
        elapsed = (time.perf_counter() - started) * 1000.0
        await app.workers.wait_for_complete()
        return elapsed


def in_process(runs: int) -> dict[str, list[float]]:
    """Launch times measured inside this process with `run_test`."""
    cases: dict[str, Callable[[], Any]] = {
        "bare Textual app, one Static": _bare_in_process,
        "home interactive": lambda: _home_in_process(False),
        "home, library read": lambda: _home_in_process(True),
    }
    results: dict[str, list[float]] = {name: [] for name in cases}
    for name, case in cases.items():
        asyncio.run(case())  # warm-up: imports, CSS parsing caches
        for _ in range(runs):
            results[name].append(asyncio.run(case()))
    return results


def _child_run(mode: str, env: dict[str, str], cwd: str, code: str = CHILD) -> float:
    """Wall time from starting a process to its "ready" line, in milliseconds."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, mode], cwd=cwd, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000.0
    _, errors = child.communicate(timeout=30)
    if not line.startswith("ready"):
        last = (errors.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"{mode}: {last}")
    return elapsed


def as_process(runs: int, env: dict[str, str], cwd: str) -> dict[str, list[float]]:
    """Launch times of whole processes, interpreter start and imports included."""
    cases = {"bare Textual app, one Static": "bare", "home interactive": "interactive",
             "home, library read": "loaded"}
    results: dict[str, list[float]] = {name: [] for name in cases}
    for name, mode in cases.items():
        _child_run(mode, env, cwd)  # warm-up: byte-code caches
        for _ in range(runs):
            results[name].append(_child_run(mode, env, cwd))
    return results


def first_names(runs: int, root: Path) -> dict[str, list[float]]:
    """Process start to the first frame showing what each waits for: the bare app's one
    Static; the home screen's first names with BIG_LIBRARY workouts in the user's folder;
    and, to show what Textual itself asks, an app of the home screen's widgets alone.
    The cases take turns, run by run, so a busy machine weighs on each alike."""
    config, work = root / "big-config", root / "big-work"
    make_library(config / "workouts", BIG_LIBRARY)
    work.mkdir()
    env = {**os.environ, "INTERVALTIMER_CONFIG": str(config)}
    cases = {"bare Textual app, one Static": "bare",
             f"home, first names ({BIG_LIBRARY:,} workouts)": "home",
             f"Textual, home's widgets ({BIG_LIBRARY:,} options)": str(BIG_LIBRARY)}
    results: dict[str, list[float]] = {name: [] for name in cases}
    for mode in cases.values():
        _child_run(mode, env, str(work), PAINT_CHILD)  # warm-up: byte-code caches
    for _ in range(runs):
        for name, mode in cases.items():
            results[name].append(_child_run(mode, env, str(work), PAINT_CHILD))
    return results


def print_ratio(results: dict[str, list[float]], base: str, measured: str) -> None:
    """The measured median over the peer's, PASS at NAMES_RATIO or under."""
    ratio = statistics.median(results[measured]) / statistics.median(results[base])
    verdict = "PASS" if ratio <= NAMES_RATIO else "FAIL"
    print(f"  {measured} / {base}: ratio {ratio:.2f}  {verdict} (<= {NAMES_RATIO})")


def _time(call: Callable[[], object], runs: int) -> list[float]:
    times: list[float] = []
    call()
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000.0)
    return times


async def _editor_validate(path: Path, runs: int) -> list[float]:
    """`EditorScreen.validate()` on the 200-step file: check, problems, plan table refill."""
    from intervaltimer.ui.app import Start, make_app
    from intervaltimer.ui.screens.editor import EditorScreen
    from intervaltimer.workout.profile import Profile as RunnerProfile
    from intervaltimer.workout.races import parse_race

    app = make_app(start=Start(screen="edit", path=path),
                   profile=RunnerProfile((parse_race("mile=5:40"),)))
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        for _ in range(runs):
            screen.last_plan = None  # force the table to refill, as after an edit
            started = time.perf_counter()
            screen.validate()
            times.append((time.perf_counter() - started) * 1000.0)
            await pilot.pause()
    return times


def editor_check(runs: int, folder: Path) -> dict[str, list[float]]:
    """The editor's check of a 200-step file against PyYAML's parse of it."""
    import yaml

    from intervaltimer.ui.screens.editor import check_text
    from intervaltimer.workout.profile import Profile as RunnerProfile
    from intervaltimer.workout.races import parse_race

    text = workout_text()
    path = folder / "two-hundred.yaml"
    path.write_text(text, encoding="utf-8")
    profile = RunnerProfile((parse_race("mile=5:40"),))
    checked = check_text(text, str(path), profile)
    if not checked.ok or checked.plan is None or len(checked.plan.steps) != 200:
        raise RuntimeError(f"the 200-step file did not check cleanly: {checked.problems}")
    return {
        "yaml.safe_load, 200 steps": _time(lambda: yaml.safe_load(text), runs),
        "editor check, 200 steps (load + plan)":
            _time(lambda: check_text(text, str(path), profile), runs),
        "editor screen validate(), 200 steps": asyncio.run(_editor_validate(path, runs)),
    }


def print_table(title: str, results: dict[str, list[float]], base: str,
                goals: dict[str, float]) -> None:
    """Median, p90 and the cost over the peer, with PASS/FAIL for the goals."""
    baseline = statistics.median(results[base])
    print(title)
    print(f"  {'measure':<42} {'median':>9} {'p90':>9} {'over peer':>10}  goal")
    for name, times in results.items():
        median = statistics.median(times)
        goal = ""
        if name in goals:
            limit = goals[name]
            goal = f"{'PASS' if median < limit else 'FAIL'} (< {limit:.0f} ms median)"
        over = "(peer)" if name == base else f"{median - baseline:+8.1f}ms"
        print(f"  {name:<42} {median:>7.1f}ms {percentile(times, 0.9):>7.1f}ms "
              f"{over:>10}  {goal}")


def main() -> int:
    """Build the temporary library, time everything, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each measure (default 15)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="intervaltimer-bench-") as folder:
        root = Path(folder)
        config, work = root / "config", root / "work"
        make_library(config / "workouts")
        work.mkdir()
        os.environ["INTERVALTIMER_CONFIG"] = str(config)
        os.environ["INTERVALTIMER_DB"] = str(root / "log.sqlite3")
        os.chdir(work)
        from intervaltimer.workout.library import list_workout_files

        count = len(list_workout_files())
        print(f"library: {count} workouts ({WORKOUTS} generated + shipped), {runs} runs each, "
              f"{os.cpu_count()} CPUs")
        home_goal = {"home interactive": HOME_GOAL_MS}
        print_table("launch, in-process (run_test; imports already paid)", in_process(runs),
                    "bare Textual app, one Static", home_goal)
        print_table("launch, as a process (python -c, headless; interpreter and imports "
                    "included)", as_process(runs, dict(os.environ), str(work)),
                    "bare Textual app, one Static", home_goal)
        names = first_names(runs, root)
        print_table("first frame, as a process (the frame handed to the terminal)", names,
                    "bare Textual app, one Static", {})
        print_ratio(names, "bare Textual app, one Static",
                    f"home, first names ({BIG_LIBRARY:,} workouts)")
        print_table("editor check", editor_check(max(runs, 30), root),
                    "yaml.safe_load, 200 steps",
                    {"editor check, 200 steps (load + plan)": CHECK_GOAL_MS,
                     "editor screen validate(), 200 steps": CHECK_GOAL_MS})
    return 0


if __name__ == "__main__":
    sys.exit(main())
