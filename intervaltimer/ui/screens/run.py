"""The run screen: big digits, the step, what is next, the last split, the effort prompt.

It is a view of the engine plus keys. It never counts time itself: at every
deadline it calls `sync()`, which lets the runner (track/runner.py) poll the
engine, play cues and write the log. The screen listens to the runner
(`Runner.add_listener`): after every tick, whichever face caused it (a key
here, a tap on the phone page, the timer), it redraws what changed
(ui/runface.py) and sets ONE timer for the engine's next deadline (the next
event or the next change of the displayed second), read from the injected
clock. No interval polling; nothing is redrawn while nothing visible changes.

Tests drive it with a fake clock: advance the clock, then call `sync()`; the
runner says when the screen will next wake (`screen.runner.next_wake()`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import var

from intervaltimer.engine.events import Event, State
from intervaltimer.track.readout import Readout
from intervaltimer.track.runkeys import key_state, keys_signature, quit_question
from intervaltimer.track.runner import Runner
from intervaltimer.track.voice import Voice
from intervaltimer.ui.deadline import DeadlineTimer
from intervaltimer.ui.lapkeys import CLICKER_KEYS, RUN_LAP, RUN_MORE_LAP, RUN_SUMMARY, lap_keys
from intervaltimer.ui.runface import RunFace, face_widgets, is_compact
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.screens.confirm_quit import Answer, ConfirmQuitScreen
from intervaltimer.ui.screens.ending import closing_screen
from intervaltimer.workout.profile import VoiceMode

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
        # A presenter clicker sends PageDown / Right for "next" and PageUp for "back"; the
        # profile's `lap_keys:` join the clicker's by the app's keymap (ui/lapkeys.py).
        Binding("space", "lap", "lap", id=RUN_LAP),
        Binding(CLICKER_KEYS, "lap", "lap", show=False, id=RUN_MORE_LAP),
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
        Binding("enter", "summary", "summary", id=RUN_SUMMARY),
    ]

    ALLOWS_HISTORY = False  # `h` opens no history over a run

    # What the screen shows, from the engine's view; setting it redraws what changed.
    readout: var[Readout | None] = var(None)

    def __init__(self, runner: Runner, *, title: str = "") -> None:
        super().__init__()
        self.runner = runner
        self.workout_title = title or runner.session.plan.name
        self.face = RunFace(self, self.workout_title)
        self.deadline = DeadlineTimer(self, runner, self.sync)
        self._keys_state: tuple[object, ...] = ()
        self._leaving = False
        self.voice: Voice | None = None

    def compose(self) -> ComposeResult:
        yield from face_widgets()

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
        """The profile's `lap_keys:` lap too, here and in the questions asked over the run; a
        key the screen already uses keeps its meaning (and the runner is told)."""
        profile = self.services.profile
        keys = lap_keys(profile.lap_keys if profile is not None else (), self.BINDINGS,
                        ConfirmQuitScreen.BINDINGS)
        self.app.update_keymap(keys.keymap)
        if keys.notice:
            self.notify(keys.notice, severity="warning", timeout=8)

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
        return is_compact(self)

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

    # ---- drawing ------------------------------------------------------------------------

    def redraw(self) -> bool:
        """Read the engine's view into `readout` (which redraws what changed) and bring the
        top line and the log's problem line in step; True when anything visible changed."""
        readout = self.runner.readout()
        changed = readout != self.readout
        self.readout = readout
        extras = [self._show_top(), self.face.show_problem(self.runner.problem)]
        signature = keys_signature(readout)
        if signature != self._keys_state:  # the footer is redrawn only when its keys change
            self._keys_state = signature
            self.refresh_bindings()
        return changed or any(extras)

    def watch_readout(self, readout: Readout | None) -> None:
        """Bring every widget in line with the readout; each redraws only if it changed."""
        if readout is not None:
            self.face.show(readout)
            self._show_top()

    def _show_top(self) -> bool:
        player = self.runner.player
        return self.face.show_top(self.readout, player.status if player is not None else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys apply now (None: listed in the footer, greyed out), as the track layer's
        readout says (the phone's buttons follow the same)."""
        return key_state(self.readout, action)

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

        self.app.push_screen(ConfirmSkipScreen(question), answered)

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
        if self.runner.finished:
            self.action_summary()
            return
        question = quit_question(self.runner)
        self.app.push_screen(ConfirmQuitScreen(question.detail, finish_here=question.finish_here),
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
