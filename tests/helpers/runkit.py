"""Driving the run flow in tests: the real app on a fake clock, moved deadline by deadline.

The run screen sets a real timer for the engine's next deadline; on a fake
clock that timer means nothing, so tests move time themselves with
`advance(pilot, clock, seconds)`: it jumps the fake clock to each deadline in
turn (as the real timer would wake the screen) and calls `screen.sync()`
there, so cues are played, and reps written, at their very instants.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console
from textual import messages
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerFailed

from intervaltimer.audio.player import Player
from intervaltimer.audio.testing import RecordingPlayer
from intervaltimer.log.store import Store
from intervaltimer.track.runlog import Resume
from intervaltimer.track.runner import Runner
from intervaltimer.track.start import RunClocks, start_run
from intervaltimer.ui.app import IntervalTimerApp, Start, make_app
from intervaltimer.ui.screens.previewreads import READS
from intervaltimer.ui.screens.run import RunScreen
from intervaltimer.ui.widgets.big_clock import BigClock
from intervaltimer.ui.widgets.board import Board
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.fit_line import FitLine, SpreadLine
from intervaltimer.ui.widgets.last_split import LastSplit
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.progress import RunProgress
from intervaltimer.ui.widgets.step_header import StepHeader
from intervaltimer.workout.library import resolve_workout
from intervaltimer.workout.plan import expand
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.races import parse_race
from tests.helpers.fakes import FakeClock

LAST_NOTE = "LAST ONE: drive the arms, open the stride"
WALL_START = 1_750_000_000.0  # the wall clock when the fake monotonic clock reads 1000.0


def paced_400s(reps: int, *, last_note: str = "", then: str = "") -> str:
    """A workout of `reps` x 400 m at mile pace with a pacer every 100 m and 60 s standing
    rests (`name: 8 x 400 m at mile pace` for 8); its last rep with `last_note`, if any, and
    `then` (a YAML step, `cooldown: 10min`) after."""
    last = f'    last: {{note: "{last_note}", cue: last, skip_rest: yes}}\n' if last_note else ""
    after = f"  - {then}\n" if then else ""
    return (f"name: {reps} x 400 m at mile pace\nlead_in: 3s\nsteps:\n  - repeat: {reps}\n"
            f"{last}    steps:\n      - run: 400m\n        pace: mile\n        pacer: 100m\n"
            f"      - rest: 60s\n        activity: stand\n{after}")


def profile(*races: str) -> Profile | None:
    """A profile of `--race`-style results (`mile=5:40`); None for none."""
    return Profile(tuple(parse_race(race) for race in races)) if races else None


def wall_clock_for(clock: FakeClock) -> Callable[[], float]:
    """A wall clock that moves with the fake monotonic clock."""
    return lambda: WALL_START + (clock() - 1000.0)


def run_app(workout: str, clock: FakeClock, player: Player | None = None,
            store: Store | None = None, races: tuple[str, ...] = (),
            lead_in_s: float | None = None, settings: Profile | None = None) -> IntervalTimerApp:
    """The real app on the run flow of `workout` (quick syntax or a path), on `clock`;
    `settings`: a profile whose settings (not races) the runner's profile takes."""
    runner = profile(*races)
    if settings is not None:
        runner = replace(settings, races=runner.races if runner is not None else ())
    return make_app(clock=clock, wall_clock=wall_clock_for(clock),
                    player=player or RecordingPlayer(clock=clock), store=store,
                    profile=runner, lead_in_s=lead_in_s,
                    start=Start(screen="run", workout=resolve_workout(workout)))


def run_file(path: Path, text: str, clock: FakeClock, races: tuple[str, ...] = ()
             ) -> IntervalTimerApp:
    """`run_app` on a workout file written at `path` with `text` (YAML)."""
    path.write_text(text, encoding="utf-8")
    return run_app(str(path), clock, races=races)


def run_screen(app: IntervalTimerApp) -> RunScreen:
    """The run screen on top."""
    screen = app.screen
    assert isinstance(screen, RunScreen), type(screen).__name__
    return screen


def logged_session(runner: Runner) -> int:
    """The id of the session `runner` writes to the log (it must be writing one)."""
    session_id = runner.log.session_id
    assert session_id is not None
    return session_id


def landed(runner: Runner) -> Runner:
    """Wait until the runner's log writer has written everything handed to it (the log is
    written on its own thread); the runner."""
    assert runner.log.flush(5.0), runner.log.problem
    return runner


def logs_landed(app: IntervalTimerApp) -> None:
    """Wait until every run's log writer in `app` has written what it was handed."""
    for log in app.runs.logs:
        assert log.flush(5.0), log.problem


def make_runner(workout: str, clock: FakeClock, store: Store | None,
                player: RecordingPlayer | None = None, races: tuple[str, ...] = ("mile=5:40",),
                resume: Resume | None = None, ask_unpaced: bool = False) -> Runner:
    """The runner of `workout` (quick syntax or a path) as the preview sets it off
    (`start_run`), on `clock`, logging to `store`; not started."""
    chosen = resolve_workout(workout)
    plan = expand(chosen, profile(*races))
    return start_run(plan, chosen, store=store, clocks=RunClocks(clock, wall_clock_for(clock)),
                     player=player, resume=resume, ask_unpaced=ask_unpaced)


def step_to(runner: Runner, clock: FakeClock, until: float) -> None:
    """Tick at every deadline up to `until`, as the screen's timer would."""
    while True:
        wake = runner.next_wake()
        if wake is None or wake > until:
            clock.set(until)
            runner.tick()
            return
        clock.set(max(wake, clock()))
        runner.tick()


async def reads_done(pilot: Pilot[Any]) -> None:
    """Wait until the preview's reads of the log (its thread workers) are done, failed ones
    too (the preview says what failed), and the screen has taken their answers."""
    for worker in [w for w in pilot.app.workers if w.group == READS]:
        with contextlib.suppress(WorkerFailed):
            await worker.wait()
    await pilot.pause()


async def start(pilot: Pilot[Any]) -> RunScreen:
    """Press enter on the preview, once its reads of the log are done, and wait for the run
    screen."""
    await reads_done(pilot)
    await pilot.press("enter")
    await pilot.pause()
    return run_screen(pilot.app)  # type: ignore[arg-type]


async def advance(pilot: Pilot[Any], clock: FakeClock, seconds: float) -> None:
    """Let `seconds` pass on the fake clock, waking the run screen at every deadline."""
    target = clock() + seconds
    screen = pilot.app.screen
    for _ in range(100_000):
        wake = screen.runner.next_wake() if isinstance(screen, RunScreen) else None
        if wake is None or wake > target:
            clock.set(target)
        else:
            clock.set(max(wake, clock()))
        if isinstance(screen, RunScreen):
            screen.sync()
        if clock() >= target:
            break
    await pilot.pause()


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys as the runner would, letting the screen settle after each."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def shown(screen: RunScreen) -> dict[str, str]:
    """What the run screen shows, by part: phase, step, step note, clock, note, next, last,
    effort, progress, sound, problem, board (the big numbers, `label value` by ` | `).

    Each is the text as drawn at the screen's size ("" for a part the size drops); the
    progress is the bar's line, or the top line's in the compact layout."""
    header = screen.query_one(StepHeader)
    top = screen.query_one(SpreadLine)
    progress = screen.query_one(RunProgress)
    board = screen.query_one(Board)
    return {
        "phase": header.phase_text,
        "step": header.step_text,
        "step note": header.note_text,
        "clock": screen.query_one(BigClock).value,
        "note": screen.query_one("#clock-note", FitLine).text,
        "next": screen.query_one("#next-line", FitLine).text,
        "last": screen.query_one(LastSplit).text,
        "effort": screen.query_one(EffortPrompt).text,
        "progress": top.left if screen.compact else progress.text,
        "sound": top.right,
        "problem": screen.query_one("#problem-line", Line).text,
        "board": " | ".join(f"{card.label} {card.value}" for card in board.shown_cards),
    }


class Repaints:
    """The widgets Textual repaints, in order, as it asks for them (its `Update` messages):
    give it to `app.run_test(message_hook=...)`, and let the app settle before looking."""

    def __init__(self) -> None:
        self.widgets: list[Widget] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, messages.Update):
            self.widgets.append(message.widget)

    def of(self, kind: type[Widget]) -> int:
        """How many repaints of a `kind` widget were asked for."""
        return sum(isinstance(widget, kind) for widget in self.widgets)


def screen_text(app: Any) -> str:
    """The screen as plain text, line by line, as a terminal would show it."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system=None, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


def first_rep_landed(store: Store, clock: FakeClock) -> Runner:
    """A `2x100m@mile/5s` runner on `store`, rep 1 lapped at 1024.0 and written."""
    runner = make_runner("2x100m@mile/5s", clock, store)
    runner.start()
    step_to(runner, clock, 1024.0)
    runner.lap()
    return landed(runner)
