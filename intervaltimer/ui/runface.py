"""The run screen's face: its widgets, and a readout drawn onto them.

`RunFace` owns the drawing: every widget is handed its part of the `Readout`
(track/readout.py) and redraws only if that part changed, so a readout equal
to the last one draws nothing. The screen's classes carry what the stylesheet
(run.tcss) colours and hides: the phase, a pause, a rep's note shown apart.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from intervaltimer.engine.events import Phase
from intervaltimer.track.readout import Readout
from intervaltimer.track.runtext import short_sound
from intervaltimer.ui.widgets.big_clock import BigClock
from intervaltimer.ui.widgets.board import Board
from intervaltimer.ui.widgets.effort_prompt import EffortPrompt
from intervaltimer.ui.widgets.fit_line import FitLine, SpreadLine
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.last_split import LastSplit
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.progress import RunProgress
from intervaltimer.ui.widgets.step_header import StepHeader

COMPACT_CLASSES = ("-narrow", "-tiny", "-short")  # breakpoint classes of a small terminal
NO_SOUND = "sound: off"


def face_widgets() -> ComposeResult:
    """The run screen's widgets, top to bottom."""
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


def is_compact(screen: Screen[Any]) -> bool:
    """The small layout: narrower than 60 columns or lower than 22 rows (the breakpoints'
    classes on `screen`)."""
    return any(screen.has_class(name) for name in COMPACT_CLASSES)


class RunFace:
    """Draws readouts onto the widgets of `screen` (made by `face_widgets`)."""

    def __init__(self, screen: Screen[Any], title: str) -> None:
        self.screen = screen
        self.title = title

    def show(self, readout: Readout) -> None:
        """Bring every widget in line with `readout`; each redraws only if it changed."""
        screen = self.screen
        self._set_phase(readout)
        screen.query_one(StepHeader).show(readout.phase_word, readout.step, readout.note,
                                          banner=readout.last_rep)
        screen.query_one(BigClock).show(readout.clock)
        screen.query_one("#clock-note", FitLine).show(*readout.clock_note)
        screen.query_one(Board).show(readout.cards)
        screen.query_one("#next-line", FitLine).show(*readout.next)
        self._show_rep_note(readout)
        last = screen.query_one(LastSplit)
        last.show_split(readout.last_split)
        last.set_class(any(card.kind == "last" for card in readout.cards), "-on-board")
        prompt = screen.query_one(EffortPrompt)
        prompt.set_class(not readout.asking, "-quiet")
        prompt.show_for(readout.effort_split)
        done, total = readout.steps
        screen.query_one(RunProgress).show_steps(done, total, readout.progress[0])

    def _show_rep_note(self, readout: Readout) -> None:
        """The note of the rep on the clock (the `last:` note) or of the step a lead-in counts
        down to, where a small terminal has no room under the step line (run.tcss)."""
        note = readout.note if readout.phase in (Phase.WORK, Phase.LEAD_IN) else ""
        self.screen.query_one("#rep-note", FitLine).show(*((note,) if note else ()))
        self.screen.set_class(bool(note), "-rep-note")

    def _set_phase(self, readout: Readout) -> None:
        """Colour the screen by phase (work, rest, lead-in...), grey while paused."""
        for phase in Phase:
            self.screen.set_class(phase is readout.phase, f"-phase-{phase.value}")
        self.screen.set_class(readout.paused, "-paused")

    def show_top(self, readout: Readout | None, sound: str | None) -> bool:
        """The top line: the workout's name and the sound (`sound`, None for no player); in
        the compact layout the progress (the bar has no room) and the sound in a word or two.
        True when it changed."""
        status = sound if sound is not None else NO_SOUND
        short = short_sound(status)
        top = self.screen.query_one(SpreadLine)
        if is_compact(self.screen):
            return top.show(readout.progress if readout is not None else ("",), (short,))
        return top.show((self.title,), tuple(dict.fromkeys((status, status.split(" (")[0],
                                                                 short))))

    def show_problem(self, problem: str | None) -> bool:
        """The log's problem line, shown only while there is a problem; True when it changed."""
        line = self.screen.query_one("#problem-line", Line)
        text = problem or ""
        if line.display != bool(text):
            line.display = bool(text)
        return line.show(text)
