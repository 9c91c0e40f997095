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

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import var

from intervaltimer.engine.events import Event, Phase, State
from intervaltimer.track.readout import Readout
from intervaltimer.track.runner import Runner, left_out_words
from intervaltimer.track.runtext import short_sound
from intervaltimer.track.voice import Voice
from intervaltimer.ui.deadline import DeadlineTimer
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.screens.confirm_quit import LAP_KEYS, Answer, ConfirmQuitScreen
from intervaltimer.ui.screens.ending import closing_screen
from intervaltimer.ui.widgets.big_clock import BigClock
from intervaltimer.ui.widgets.board import Board
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.fit_line import FitLine, SpreadLine
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.last_split import LastSplit
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.progress import RunProgress
from intervaltimer.ui.widgets.step_header import StepHeader
from intervaltimer.workout.profile import VoiceMode

COMPACT_CLASSES = ("-narrow", "-tiny", "-short")  # breakpoint classes of a small terminal

_EFFORT = Binding.Group("effort")
_REST = Binding.Group("rest ±15 s")


class RunScreen(AppScreen[None]):
    """One workout being run by `runner`, started (at `runner.at_step`) when mounted.

    Its look (phase colours, what a small terminal drops) is in run.tcss, by the
    classes Textual's breakpoints give the screen: `-narrow`/`-wide` by width,
    `-tiny`/`-short`/`-tall`/`-taller` by height.
    """

    CSS_PATH = "run.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (12, "-short"), (22, "-tall"), (36, "-taller")]

    # The footer lists the keys in this order, as many as fit whole (KeysFooter), quit always:
    # the ones a runner needs most (lap, effort) first. `quit…`: q asks, only y quits.
    BINDINGS: ClassVar[list[BindingType]] = [
        # A presenter clicker sends PageDown / Right for "next" and PageUp for "back".
        Binding(LAP_KEYS, "lap", "lap", key_display="space", id="run.lap"),
        # The footer lists the effort keys as "1-9 0 effort"; each digit is its own key.
        Binding("1", "effort(1)", "effort 1", key_display="1-9", group=_EFFORT),
        *(Binding(str(key), f"effort({key})", f"effort {key}", show=False)
          for key in range(2, 10)),
        Binding("0", "effort(10)", "effort 10", key_display="0", group=_EFFORT),
        Binding("q", "quit_run", "quit…", id="run.quit"),
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

    # What the screen shows, from the engine's view; setting it redraws what changed.
    readout: var[Readout | None] = var(None)

    def __init__(self, runner: Runner, *, title: str = "") -> None:
        super().__init__()
        self.runner = runner
        self.workout_title = title or runner.session.plan.name
        self.redraws = 0
        self.deadline = DeadlineTimer(self, runner, self.sync)
        self._keys_state: tuple[object, ...] = ()
        self._leaving = False
        self.voice: Voice | None = None
        self.lap_keys = LAP_KEYS  # the keys that lap, the profile's `lap_keys:` added

    def compose(self) -> ComposeResult:
        yield SpreadLine(id="run-top")
        yield RunProgress()
        with Vertical(id="panel"):
            yield StepHeader()
            yield BigClock("0:00")
            yield FitLine(id="clock-note")
        yield Board()
        yield FitLine(id="rep-note", words=True)
        yield FitLine(id="next-line")
        yield LastSplit()
        yield EffortPrompt()
        yield Line(id="problem-line")
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Start the session (its lead-in first) and draw the first frame."""
        self.app.runs.show(self.runner)
        self.runner.add_listener(self._follow)
        self._bind_profile_lap_keys()
        self._start_voice()
        if self.runner.session.state is State.READY:
            self.runner.start()
        self.sync()

    def _bind_profile_lap_keys(self) -> None:
        """The profile's `lap_keys:` lap too; a key the screen already uses keeps its meaning
        (and the runner is told). Enter may lap: it opens the summary only once done, as a
        lap key does."""
        profile = self.services.profile
        taken: list[str] = []
        for key in profile.lap_keys if profile is not None else ():
            actions = {binding.action for binding in self._bindings.key_to_bindings.get(key, [])}
            if actions - {"lap", "summary"}:
                taken.append(key)
            elif "lap" not in actions:
                self._bindings.bind(key, "lap", "lap", show=False)
                self.lap_keys += f",{key}"
        if taken:
            self.notify(f"lap_keys in profile.yaml: {', '.join(taken)} already "
                        f"{'does' if len(taken) == 1 else 'do'} something else here; not a "
                        "lap key", severity="warning", timeout=8)

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
        self.deadline.stop()
        if self.voice is not None:
            self.voice.close()
        self.runner.stop()
        self.app.runs.hide(self.runner)

    def on_resize(self, event: events.Resize) -> None:
        """The breakpoints chose the layout; the top line follows it."""
        self._show_top()

    @property
    def compact(self) -> bool:
        """The small layout: narrower than 60 columns or lower than 22 rows."""
        return any(self.has_class(name) for name in COMPACT_CLASSES)

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
        self.deadline.schedule()

    @property
    def next_wake(self) -> float | None:
        """When the screen's timer will next look at the engine (clock instant), for tests."""
        return self.runner.next_wake()

    # ---- drawing ------------------------------------------------------------------------

    def redraw(self) -> bool:
        """Read the engine's view into `readout` (which redraws what changed) and bring the
        top line and the log's problem line in step; True when anything visible changed."""
        readout = self.runner.readout()
        changed = readout != self.readout
        self.readout = readout
        extras = [self._show_top(), self._show_problem()]
        self._refresh_keys()
        if any(extras) and not changed:
            self.redraws += 1
        return changed or any(extras)

    def watch_readout(self, readout: Readout | None) -> None:
        """Bring every widget in line with the readout; each redraws only if it changed."""
        if readout is None:
            return
        self.redraws += 1
        self._set_phase(readout)
        self.query_one(StepHeader).show(readout.phase_word, readout.step, readout.note,
                                        banner=readout.last_rep)
        self.query_one(BigClock).show(readout.clock)
        self.query_one("#clock-note", FitLine).show(*readout.clock_note)
        self.query_one(Board).show(readout.cards)
        self.query_one("#next-line", FitLine).show(*readout.next)
        self._show_rep_note(readout)
        last = self.query_one(LastSplit)
        last.show_split(readout.last_split)
        last.set_class(any(card.kind == "last" for card in readout.cards), "-on-board")
        prompt = self.query_one(EffortPrompt)
        prompt.set_class(not readout.asking, "-quiet")
        prompt.show_for(readout.effort_split)
        done, total = readout.steps
        self.query_one(RunProgress).show_steps(done, total, readout.progress[0])
        self._show_top()

    def _show_rep_note(self, readout: Readout) -> None:
        """The note of the rep on the clock (the `last:` note) or of the step a lead-in counts
        down to, where a small terminal has no room under the step line (run.tcss)."""
        note = readout.note if readout.phase in (Phase.WORK, Phase.LEAD_IN) else ""
        self.query_one("#rep-note", FitLine).show(*((note,) if note else ()))
        self.set_class(bool(note), "-rep-note")

    def _set_phase(self, readout: Readout) -> None:
        """Colour the screen by phase (work, rest, lead-in...), grey while paused."""
        for phase in Phase:
            self.set_class(phase is readout.phase, f"-phase-{phase.value}")
        self.set_class(readout.paused, "-paused")

    def _show_top(self) -> bool:
        """The top line: the workout's name and the sound; in the compact layout the progress
        (the bar has no room) and the sound in a word or two."""
        player = self.runner.player
        status = player.status if player is not None else "sound: off"
        readout = self.readout
        progress = readout.progress if readout is not None else ("",)
        short = short_sound(status)
        if self.compact:
            return self.query_one(SpreadLine).show(progress, (short,))
        sound = tuple(dict.fromkeys((status, status.split(" (")[0], short)))
        return self.query_one(SpreadLine).show((self.workout_title,), sound)

    def _show_problem(self) -> bool:
        line = self.query_one("#problem-line", Line)
        problem = self.runner.problem or ""
        if line.display != bool(problem):
            line.display = bool(problem)
        return line.show(problem)

    def _refresh_keys(self) -> None:
        """Grey out the footer's keys that do nothing now; redraw the footer only on change."""
        readout = self.readout
        state = (readout.phase, readout.paused, readout.can) if readout is not None else ()
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys apply now (None: listed in the footer, greyed out), as the track layer's
        readout says (the phone's buttons follow the same)."""
        readout = self.readout
        if readout is None:
            return True
        can = readout.can
        finished = readout.finished
        if action == "summary":
            return finished
        if finished and action in ("pause", "skip", "undo", "rest"):
            return False  # hidden, to make room for the summary key
        if action == "undo":
            return True if can.undo else None
        if action == "rest":
            return True if can.extend else None
        if action == "effort":
            return True if can.rate else None
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
        """Skip the step on the screen; first asking when that would drop a rep or cut a rest
        by more than 10 s (u brings it back until the next step ends)."""
        question = self.runner.readout().can.skip_asks
        if not question:
            self._skip_now()
            return
        from intervaltimer.ui.screens.confirm_skip import ConfirmSkipScreen

        def answered(answer: Answer | None) -> None:
            if answer == "quit":
                self._skip_now()
            elif answer == "lap":
                self.action_lap()

        self.app.push_screen(ConfirmSkipScreen(question, self.lap_keys), answered)

    def _skip_now(self) -> None:
        if self.runner.skip():
            self.notify("Skipped: u brings it back until the next step ends.", timeout=3)

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
        """Ask, then end the run keeping its session; once done, go to the summary. After the
        main set's last rep the first answer is "finish here" (main set done)."""
        runner = self.runner
        if runner.finished:
            self.action_summary()
            return
        reps = len(runner.session.splits)
        so_far = f"the {reps} rep{'s' if reps != 1 else ''} run so far"
        finish_here = runner.main_set_over()
        if finish_here:
            left = left_out_words(runner.steps_left())
            detail = f"Main set done: the session is kept as finished. Not run: {left}."
        elif runner.work_left():
            detail = (f"The session is kept as abandoned, with {so_far}; the next run of "
                      "this workout offers to resume it.")
        else:
            detail = f"The session is kept as completed, with {so_far}."
        if not runner.log.logging:
            detail = "This run is not being logged."
        self.app.push_screen(ConfirmQuitScreen(detail, self.lap_keys, finish_here=finish_here),
                             self._quit_answer)

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
        self.deadline.stop()
        self.app.switch_screen(closing_screen(self.runner, self.workout_title))
