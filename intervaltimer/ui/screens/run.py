"""The run screen: big digits, the step, what is next, the last split, the effort prompt.

It is a view of the engine plus keys. It never counts time itself: at every
deadline it calls `sync()`, which lets the runner (track/runner.py) poll the
engine, play cues and write the log. The screen listens to the runner
(`Runner.add_listener`): after every tick, whichever face caused it (a key
here, a tap on the phone page, the timer), it redraws what changed and sets
ONE timer for the engine's next deadline (the next event or the next change
of the displayed second), read from the injected clock. No interval polling;
nothing is redrawn while nothing visible changes.

Tests drive it with a fake clock: advance the clock, then call `sync()`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer

from intervaltimer.engine.events import Event, Phase, State
from intervaltimer.track.runner import Runner
from intervaltimer.track.runtext import (
    ASKING_PHASES,
    clock_note,
    clock_text,
    current_line,
    next_line,
    phase_word,
    progress_line,
    short_sound,
    step_note,
    steps_left_s,
)
from intervaltimer.track.voice import Voice
from intervaltimer.ui.runflow import closing_screen
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.screens.confirm_quit import Answer, ConfirmQuitScreen
from intervaltimer.ui.widgets.big_clock import BigClock
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.last_split import LastSplit
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.progress import RunProgress
from intervaltimer.ui.widgets.step_header import StepHeader
from intervaltimer.workout.profile import VoiceMode

WAKE_LATE_S = 0.001  # wake this much after a deadline, so it has surely come
LOG_WATCH_S = 1.0  # with nothing due, how often a log that is behind is looked at
FROZEN_CLOCK_WAKE_S = 0.25  # a deadline "now" on a clock that has not moved (a test's fake)
COMPACT_WIDTH = 60  # narrower or lower than this: digits, step and split only
COMPACT_HEIGHT = 20
TOP_LINE_PADDING = 4  # the title's and the sound status's padding on the top line

_EFFORT = Binding.Group("effort")
_REST = Binding.Group("rest ±15 s")


class RunScreen(AppScreen[None]):
    """One workout being run by `runner`, started at plan step `at_step` when mounted."""

    DEFAULT_CSS: ClassVar[str] = """
    RunScreen { layout: vertical; }
    RunScreen > #run-top { height: 1; width: 100%; background: $panel; }
    RunScreen > #run-top > #run-title { width: 1fr; padding: 0 1; text-style: bold; }
    RunScreen > #run-top > #sound-status { width: auto; padding: 0 1; }
    RunScreen > #panel {
        height: 1fr;
        min-height: 8;
        align: center middle;
        background: $panel;
        color: $text;
    }
    RunScreen > #panel > BigClock { height: 1fr; min-height: 3; }
    RunScreen > #panel > #clock-note { width: 100%; text-align: center; }
    RunScreen > #panel.-phase-lead_in { background: #F9A825; color: #000000; }
    RunScreen > #panel.-phase-work { background: #B71C1C; color: #FFFFFF; }
    RunScreen > #panel.-phase-rest { background: #0D47A1; color: #FFFFFF; }
    RunScreen > #panel.-phase-warmup { background: #00695C; color: #FFFFFF; }
    RunScreen > #panel.-phase-cooldown { background: #00695C; color: #FFFFFF; }
    RunScreen > #panel.-phase-finished { background: #4A148C; color: #FFFFFF; }
    RunScreen > #panel.-paused { background: #424242; color: #FFFFFF; }
    RunScreen > #next-line { padding: 0 1; color: $text-muted; height: 1; }
    RunScreen > #problem-line { padding: 0 1; color: $text-error; height: auto; }
    RunScreen > EffortPrompt { height: 3; }
    RunScreen > EffortPrompt.-quiet { border-left: thick $panel; color: $text-muted; }
    RunScreen > Footer.-compact FooterLabel { margin: 0 1 0 0; }
    RunScreen > #run-top > #top-progress { display: none; width: 1fr; padding: 0 1; }
    RunScreen.-compact > #run-top > #run-title { display: none; }
    RunScreen.-compact > #run-top > #top-progress { display: block; }
    RunScreen.-compact > RunProgress { display: none; }
    RunScreen.-compact StepHeader > #step-note { display: none; }
    RunScreen.-compact > EffortPrompt { height: 1; border-left: none; }
    RunScreen.-compact > #panel { min-height: 6; }
    """

    # The footer lists the keys in this order, so the ones a runner needs most (lap, effort,
    # quit) come first and still show when a narrow terminal cuts the footer short.
    BINDINGS: ClassVar[list[BindingType]] = [
        # A presenter clicker sends PageDown / Right for "next" and PageUp for "back".
        Binding("space,pagedown,right", "lap", "lap", key_display="space", id="run.lap"),
        # The footer lists the effort keys as "1-9 0 effort"; each digit is its own key.
        Binding("1", "effort(1)", "effort 1", key_display="1-9", group=_EFFORT),
        *(Binding(str(key), f"effort({key})", f"effort {key}", show=False)
          for key in range(2, 10)),
        Binding("0", "effort(10)", "effort 10", key_display="0", group=_EFFORT),
        Binding("q", "quit_run", "quit", id="run.quit"),
        Binding("ctrl+q", "quit_run", "quit", show=False),
        Binding("p", "pause", "pause", id="run.pause"),
        Binding("s", "skip", "skip", id="run.skip"),
        Binding("u,pageup", "undo", "undo", key_display="u", id="run.undo"),
        Binding("plus", "rest(15)", "rest +15 s", key_display="+", group=_REST),
        Binding("equals_sign", "rest(15)", "rest +15 s", show=False),
        Binding("minus", "rest(-15)", "rest -15 s", key_display="-", group=_REST),
        Binding("m", "mute", "mute", id="run.mute"),
        Binding("v", "voice", "voice off/short/full", id="run.voice", show=False),
        Binding("enter", "summary", "summary", id="run.summary"),
    ]

    ALLOWS_HISTORY = False  # `h` opens no history over a run

    def __init__(self, runner: Runner, *, title: str = "", at_step: int = 1) -> None:
        super().__init__()
        self.runner = runner
        self.workout_title = title or runner.session.plan.name
        self.at_step = at_step
        self.compact = False
        self.redraws = 0
        self._timer: Timer | None = None
        self._last_now: float | None = None
        self._phase_class = ""
        self._keys_state: tuple[object, ...] = ()
        self._leaving = False
        self.voice: Voice | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="run-top"):
            yield Line(self.workout_title, id="run-title")
            yield Line(id="top-progress")
            yield Line(id="sound-status")
        yield RunProgress()
        with Vertical(id="panel"):
            yield StepHeader()
            yield BigClock("0:00")
            yield Line(id="clock-note")
        yield Line(id="next-line")
        yield LastSplit()
        yield EffortPrompt()
        yield Line(id="problem-line")
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Start the session (its lead-in first) and draw the first frame."""
        self.services.active_run = self.runner
        self.runner.add_listener(self._follow)
        self._set_compact(self.size.width, self.size.height)
        self._start_voice()
        if self.runner.session.state is State.READY:
            self.runner.start(self.at_step)
        self.sync()

    def _start_voice(self) -> None:
        """The spoken cues follow the runner (profile `voice:`); a problem is said once."""
        if self.services.speech is None:
            return
        profile = self.services.profile
        self.voice = Voice(self.runner, self.services.speech,
                           profile.voice if profile is not None else VoiceMode.SHORT)
        self.voice.start()
        notice = self.voice.take_notice()
        if notice:
            self.notify(notice, title="voice", timeout=6)

    def on_unmount(self) -> None:
        """Leaving the screen however it happens keeps the session (abandoned if unfinished)."""
        self.runner.remove_listener(self._follow)
        self._stop_timer()
        if self.voice is not None:
            self.voice.close()
        self.runner.stop()
        if self.services.active_run is self.runner:
            self.services.active_run = None

    def on_resize(self, event: events.Resize) -> None:
        """Pick the layout for the terminal's size."""
        self._set_compact(event.size.width, event.size.height)
        self.redraw()

    def _set_compact(self, width: int, height: int) -> bool:
        """Use the compact layout below COMPACT_WIDTH x COMPACT_HEIGHT; True when it changed."""
        compact = width < COMPACT_WIDTH or height < COMPACT_HEIGHT
        if compact == self.compact:
            return False
        self.compact = compact
        self.set_class(compact, "-compact")
        return True

    # ---- the clock ----------------------------------------------------------------------

    def sync(self) -> None:
        """Catch up with the engine now (cues and log); the runner then calls `_follow`."""
        if self._leaving or self.runner.status == "abandoned":
            return
        self.runner.tick()

    def _follow(self, events: list[Event]) -> None:
        """The runner moved (a key here, a tap on the phone page, a deadline): redraw what
        changed and wait for the next deadline."""
        if self._leaving:
            return
        self.redraw()
        self._schedule()

    def _schedule(self) -> None:
        """Set the one timer for the engine's next deadline (none while nothing is due)."""
        self._stop_timer()
        wake = self.runner.next_wake()
        now = self.runner.clock()
        frozen = now == self._last_now
        self._last_now = now
        if wake is None:
            if self.runner.log.behind:  # nothing is due, but the log line must follow the writer
                self._timer = self.set_timer(LOG_WATCH_S, self.sync, name="run-log-watch")
            return
        delay = wake - now
        if delay <= 1e-6 and frozen:
            delay = FROZEN_CLOCK_WAKE_S
        self._timer = self.set_timer(max(0.0, delay) + WAKE_LATE_S, self.sync,
                                     name="run-deadline")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @property
    def next_wake(self) -> float | None:
        """When the screen's timer will next look at the engine (clock instant), for tests."""
        return self.runner.next_wake()

    # ---- drawing ------------------------------------------------------------------------

    def redraw(self) -> bool:
        """Bring every widget in line with the engine; True when anything visible changed."""
        view = self.runner.session
        phase = view.phase
        finished = view.state is State.FINISHED
        self._set_phase(phase, view.state is State.PAUSED)
        header = current_line(view)
        if finished:
            count = len(view.splits)
            header = f"{count} rep{'s' if count != 1 else ''} in {clock_text(view)}"
        changed = [
            self.query_one(StepHeader).show(phase_word(view), header, step_note(view)),
            self.query_one(BigClock).show(clock_text(view)),
            self.query_one("#clock-note", Line).show(
                clock_note(view, self.runner.missed_rest_s, self.runner.tap_ignored)),
            self.query_one("#next-line", Line).show(next_line(view)),
            self.query_one(LastSplit).show_split(view.last_split, self.compact),
            self._show_effort(phase),
            self._show_progress(finished),
            self.query_one("#sound-status", Line).show(self._sound()),
            self._show_problem(),
        ]
        self._refresh_keys()
        if any(changed):
            self.redraws += 1
            return True
        return False

    def _show_progress(self, finished: bool) -> bool:
        """The progress bar and line; in the compact layout the line alone, on the top line."""
        view = self.runner.session
        progress = view.progress
        left_s = steps_left_s(view)
        changed = self.query_one(RunProgress).show_progress(progress, left_s, finished)
        top = progress_line(progress, left_s, finished) if self.compact else ""
        return self.query_one("#top-progress", Line).show(top) or changed

    def _set_phase(self, phase: Phase, paused: bool) -> None:
        """Colour the clock panel by phase (work, rest, lead-in...), grey while paused."""
        wanted = f"-phase-{phase.value}"
        panel = self.query_one("#panel")
        if wanted != self._phase_class:
            if self._phase_class:
                panel.remove_class(self._phase_class)
            panel.add_class(wanted)
            self._phase_class = wanted
        panel.set_class(paused, "-paused")

    def _show_effort(self, phase: Phase) -> bool:
        """The effort prompt: asking during rests and the lead-in, quiet during a rep."""
        prompt = self.query_one(EffortPrompt)
        split = self.runner.session.last_split
        prompt.set_class(phase not in ASKING_PHASES, "-quiet")
        return prompt.show_for(split, self.compact)

    def _sound(self) -> str:
        """The player's status line; without its reason (the preview gave it) in the compact
        layout, or when it would crowd the workout's name off the top line."""
        player = self.runner.player
        status = player.status if player is not None else "sound: off"
        if self.compact:
            return short_sound(status)
        room = self.size.width - len(self.workout_title) - TOP_LINE_PADDING
        return status.split(" (")[0] if len(status) > room else status

    def _show_problem(self) -> bool:
        line = self.query_one("#problem-line", Line)
        problem = self.runner.problem or ""
        if line.display != bool(problem):
            line.display = bool(problem)
        return line.show(problem)

    def _refresh_keys(self) -> None:
        """Grey out the footer's keys that do nothing now; redraw the footer only on change."""
        view = self.runner.session
        state = (view.state, view.can_undo, self._can_extend(), view.last_split is not None)
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def _can_extend(self) -> bool:
        view = self.runner.session
        current = view.current
        if current is None or view.remaining_s() is None:
            return False
        return view.waiting or not current.is_work

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys apply now (None: listed in the footer, greyed out)."""
        view = self.runner.session
        finished = view.state is State.FINISHED
        if action == "summary":
            return finished
        if finished and action in ("pause", "skip", "undo", "rest"):
            return False  # hidden, to make room for the summary key
        if action == "undo":
            return True if view.can_undo else None
        if action == "rest":
            return True if self._can_extend() else None
        if action == "effort":
            return True if view.last_split is not None else None
        return True

    # ---- keys ---------------------------------------------------------------------------

    def action_lap(self) -> None:
        """Space: the lap at the line (or go now, in a lead-in); the summary once done."""
        if self.runner.finished:
            self.action_summary()
            return
        self.runner.lap()

    def action_pause(self) -> None:
        """Pause, or go on after a pause."""
        self.runner.pause_or_resume()

    def action_skip(self) -> None:
        """Skip the step on the screen; a running rep only after asking (it counts as not run)."""
        view = self.runner.session
        current = view.current
        if current is None or not current.is_work or view.waiting:
            self.runner.skip()
            return
        from intervaltimer.ui.screens.confirm_skip import ConfirmSkipScreen

        def answered(answer: Answer | None) -> None:
            if answer == "quit":
                self.runner.skip()
            elif answer == "lap":
                self.action_lap()

        self.app.push_screen(ConfirmSkipScreen(), answered)

    def action_undo(self) -> None:
        """Take back the last lap (a mistaken tap): back in the rep, its split withdrawn."""
        if not self.runner.undo():
            self.notify("Nothing to undo.", timeout=2)

    def action_rest(self, seconds: int) -> None:
        """Lengthen or shorten the rest on the clock by `seconds`."""
        if self.runner.extend(float(seconds)) is None:
            self.notify("+ and - change a rest or a countdown.", timeout=2)

    def action_effort(self, rpe: int) -> None:
        """Rate the rep just run (CR-10; the key 0 gives 10)."""
        if self.runner.rate(rpe) is None:
            self.notify("No rep to rate yet.", timeout=2)

    def action_mute(self) -> None:
        """Silence the cues, or bring them back (and say so when there is no sound to mute)."""
        player = self.runner.player
        before = player.status if player is not None else "sound: off"
        self.runner.toggle_mute()
        after = player.status if player is not None else before
        if after == before:
            self.notify(f"Nothing to mute: {after}.", timeout=3)
        self.redraw()

    def action_voice(self) -> None:
        """Cycle what the voice says: off, short (splits, "last one"), full."""
        if self.voice is None:
            self.notify("No voice in this run.", timeout=3)
            return
        self.voice.cycle()
        problem = self.voice.problem
        self.notify(self.voice.status if problem is None else f"voice: {self.voice.mode} "
                    f"— {problem}", timeout=3)

    def action_quit_run(self) -> None:
        """Ask, then end the run keeping its session; once done, go to the summary."""
        if self.runner.finished:
            self.action_summary()
            return
        reps = len(self.runner.session.splits)
        ending = "abandoned" if self.runner.work_left() else "completed"
        detail = (f"The session is kept as {ending}, with the {reps} rep"
                  f"{'s' if reps != 1 else ''} run so far.")
        if not self.runner.log.logging:
            detail = "This run is not being logged."
        self.app.push_screen(ConfirmQuitScreen(detail), self._quit_answer)

    def _quit_answer(self, answer: Answer | None) -> None:
        if answer == "quit":
            self.runner.stop()
            self.action_summary()
        elif answer == "lap":
            self.action_lap()

    def action_summary(self) -> None:
        """Leave the run for its closing screen."""
        if self._leaving:
            return
        self.runner.stop()
        self._leaving = True
        self._stop_timer()
        screen: Screen[Any] = closing_screen(self.runner, self.workout_title)
        self.app.switch_screen(screen)
