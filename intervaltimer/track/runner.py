"""The glue between the engine and the world while a workout runs: cues, the log, the keys.

The run screen owns a `Runner` and does two things with it: it hands it the
runner's keys (`lap()`, `pause_or_resume()`, `rate(7)`, ...) and it calls
`tick()` when the engine's next deadline comes. `tick()` asks the engine what
happened by now, plays the cues of what just became due, and hands what
changed to the log's writer thread (see runlog.py): no key and no tick ever
waits on the disk. No Textual here, so all of it is tested
without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from intervaltimer.engine.events import Event, EventKind, Split, State
from intervaltimer.track.actions import refusal_toast
from intervaltimer.track.readout import Readout, read_out

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player
    from intervaltimer.engine.session import Session
    from intervaltimer.track.runlog import RunLog

STALE_CUE_S = 2.0  # a cue noticed later than this after its instant is not played
TOAST_S = 2.5  # how long the faces show what became of a lap that was not taken
COMPLETED = "completed"
ABANDONED = "abandoned"
MAIN_SET_DONE = "main set done"  # the log's `ending` of a run ended after its main set
QUIT = "quit"  # the log's `ending` of a run quit before that: offered for resume a while


def left_out_words(labels: tuple[str, ...]) -> str:
    """The steps not run, in a few words: `4 × Stride, Plank 60 s` (reps of one repeat
    counted once, by their name without `1/4`)."""
    counts: dict[str, int] = {}
    for label in labels:
        name = label.split(" · ")[0]
        words = name.rsplit(" ", 1)
        if len(words) == 2 and "/" in words[1] and words[1].replace("/", "").isdigit():
            name = words[0]
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{count} × {name}" if count > 1 else name
                     for name, count in counts.items())


class Runner:
    """One workout on the go: the engine's session, the cue player and the log.

    Key methods return whether the key did something; each one ends with a
    `tick()`, so the cues and the log follow at once.
    """

    def __init__(self, session: Session, log: RunLog, player: Player | None,
                 clock: Callable[[], float]) -> None:
        self.session = session
        self.log = log
        self.player = player
        self.clock = clock
        self.missed_rest_s: float | None = None
        self.finished_at: float | None = None
        self.status: str | None = None
        self.ending: str | None = None  # MAIN_SET_DONE or QUIT once stopped early
        self.not_run: tuple[str, ...] = ()  # the steps left out by a MAIN_SET_DONE end
        self.at_step = 1  # where `start()` sets off by default (a resumed run: further on)
        self.ask_unpaced = False  # ask the effort of reps run without a target too
        self._toast: tuple[str, float] | None = None
        self._listeners: list[Callable[[list[Event]], None]] = []

    def add_listener(self, listener: Callable[[list[Event]], None]) -> None:
        """Call `listener(events)` after every tick, key or not (events may be empty).

        The faces of the run (the screen, the voice, the remote) follow the runner
        this way, whichever of them pressed the key.
        """
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[list[Event]], None]) -> None:
        """Stop calling `listener`; nothing happens if it was not added."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # ---- the timeline ---------------------------------------------------------------

    def start(self, at_step: int | None = None) -> list[Event]:
        """Start the session at plan step `at_step` (default `self.at_step`; the lead-in
        first); a resumed session starts with the reps its log already has
        (`RunLog.stored`)."""
        self.session.start(self.at_step if at_step is None else at_step,
                           done=self.log.stored)
        return self.tick()

    def tick(self) -> list[Event]:
        """What happened by now: play its cues, keep the log; the events, in order."""
        events = self.session.poll()
        now = self.clock()
        for event in events:
            if event.cue is not None and self.player is not None and now - event.at <= STALE_CUE_S:
                self.player.play(event.cue)
            if event.kind is EventKind.SEND_OFF_MISSED:
                self.missed_rest_s = event.seconds
            elif event.kind is EventKind.WORKOUT_FINISHED:
                self.finished_at = event.at
        if self.finished_at is not None and self.status is None:
            self.status = COMPLETED
            self.log.close(self.session.view, COMPLETED, self.finished_at)
        else:
            self.log.sync(self.session.view)
        for listener in tuple(self._listeners):
            listener(events)
        return events

    def next_wake(self) -> float | None:
        """The clock instant something visible or audible is next due; None when nothing is."""
        return self.session.next_deadline()

    @property
    def toast(self) -> str:
        """What became of a lap refused less than TOAST_S ago (a double tap, a lap in a timed
        rest), for every face to show; "" otherwise."""
        if self._toast is None:
            return ""
        text, at = self._toast
        return text if self.clock() - at < TOAST_S else ""

    @property
    def tap_ignored(self) -> bool:
        """A lap was refused less than TOAST_S ago."""
        return bool(self.toast)

    def readout(self) -> Readout:
        """Everything the faces show now, and what each key can do: the one readout that
        the run screen, the voice and the phone page all render."""
        readout = read_out(self.session, missed_rest_s=self.missed_rest_s, toast=self.toast,
                           ask_unpaced=self.ask_unpaced)
        if self.status is None or readout.finished:
            return readout
        # Stopped before its end (quit): the clock is closed; only the last effort can move.
        can = replace(readout.can, lap="summary", undo=False, skip=False, skip_asks="",
                      pause=False, extend=False)
        return replace(readout, can=can)

    @property
    def finished(self) -> bool:
        """The workout has run to its end."""
        return self.session.state is State.FINISHED

    @property
    def problem(self) -> str | None:
        """One line about the log: a write failing now, or a log that had to be opened again;
        None when all is well."""
        return self.log.problem or self.log.notice

    # ---- keys -----------------------------------------------------------------------

    def lap(self, ago_s: float = 0.0) -> bool:
        """Space: end the step now (a rep's split), or start the rep during a lead-in.

        A lap the engine refuses (a double tap from any source, a lap in a timed
        rest) changes nothing; `toast` then says why for a moment. `ago_s`: pressed
        that long ago (a phone's tap on a slow network); the split ends there.
        """
        toast = refusal_toast(self.session, self.session.lap_refusal(ago_s))
        self._toast = (toast, self.clock()) if toast else None
        before = (self.session.progress.steps_done, self.session.waiting, len(self.session.splits))
        self.session.lap(ago_s)
        self.tick()
        after = (self.session.progress.steps_done, self.session.waiting, len(self.session.splits))
        return before != after

    def undo(self) -> bool:
        """Take back the last lap: its split is withdrawn from the log too."""
        done = self.session.undo_lap()
        self.tick()
        return done

    def pause_or_resume(self) -> bool:
        """Pause a running session, resume a paused one; True when now paused."""
        if self.session.state is State.PAUSED:
            self.session.resume()
        else:
            self.session.pause()
        self.tick()
        return self.session.state is State.PAUSED

    def skip(self) -> bool:
        """Skip the step on the screen; a rep skipped is logged as a rep not run."""
        done = self.session.skip()
        self.tick()
        return done

    def extend(self, seconds: float) -> float | None:
        """Lengthen (or with a negative `seconds`, shorten) the rest or lead-in on the clock."""
        applied = self.session.extend(seconds)
        self.tick()
        return applied

    def rate(self, rpe: int) -> Split | None:
        """Give the effort (CR-10) of the rep just run; None when there is no rep to rate."""
        rated = self.session.rate_last(rpe)
        self.tick()
        return rated

    def toggle_mute(self) -> bool:
        """Mute or unmute the cues; returns True when now muted."""
        return self.player.toggle_mute() if self.player is not None else True

    # ---- the end --------------------------------------------------------------------

    def work_left(self) -> bool:
        """A rep is on the screen or still to come (quitting now would leave it unrun)."""
        current = self.session.current
        if current is None:
            return False
        steps = self.session.plan.steps
        return any(step.is_work for step in steps[current.index - 1:])

    def main_set_over(self) -> bool:
        """The main set's last rep has been run (or skipped), and work is still left after it
        (strides, core): ending now is ending as MAIN_SET_DONE."""
        current = self.session.current
        if current is None or not self.work_left():
            return False
        steps = self.session.plan.steps
        if not any(step.main_set for step in steps):
            return False
        later = steps[current.index - 1:]
        if self.session.waiting or current.is_work:
            return not any(step.main_set and step.is_work for step in later)
        return not any(step.main_set and step.is_work for step in later[1:])

    def steps_left(self) -> tuple[str, ...]:
        """The labels of the steps not yet run, rests left out (`Stride 1/4 · 100 m`...)."""
        current = self.session.current
        if current is None:
            return ()
        from intervaltimer.workout.model import StepKind

        return tuple(step.label for step in self.session.plan.steps[current.index - 1:]
                     if step.kind is not StepKind.REST)

    def stop(self) -> str:
        """End the run now and keep it: completed if no rep was left, completed as MAIN_SET_DONE
        after the main set (the steps left out listed), else abandoned (as QUIT: the next run
        of the workout offers it for resume a while).

        Quit in the rest after a rep, that rep keeps the rest taken until now.
        Idempotent: the status the session ended with. Its reps are handed to the log
        (`log.flush()` waits for them to land).
        """
        if self.status is None:
            self.tick()
        if self.status is None:
            if self.main_set_over():
                self.status, self.ending, self.not_run = (COMPLETED, MAIN_SET_DONE,
                                                          self.steps_left())
            elif self.work_left():
                self.status, self.ending = ABANDONED, QUIT
            else:
                self.status = COMPLETED
            self.session.record_rest_so_far()  # quit in a rest: the rest taken until now
            self.log.close(self.session.view, self.status, self.clock(), ending=self.ending,
                           not_run=self.not_run)
        else:
            self.log.sync(self.session.view)
        return self.status

    def stop_alone(self) -> str:
        """`stop()` without calling the listeners (the screen, the voice, the remote): for
        the last guard of a program whose screen's thread is stuck, from another thread;
        the screen's listener needs its event loop."""
        listeners, self._listeners = self._listeners, []
        try:
            return self.stop()
        finally:
            self._listeners = listeners
