"""The offer made when a run of this workout was left running by a crash:
resume at the next step, or close it as abandoned (its reps are kept) and start afresh.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from intervaltimer.log.records import SessionRecord, source_hash
from intervaltimer.workout.plan import Plan

ResumeChoice = Literal["resume", "abandon"]


def resume_problem(record: SessionRecord, plan: Plan) -> str | None:
    """Why the crashed session cannot go on with this plan, or None when it can."""
    if record.plan_steps and record.plan_steps != len(plan.steps):
        return (f"The workout has changed since (its plan had {record.plan_steps} steps, "
                f"now {len(plan.steps)}), so it cannot be resumed.")
    if record.steps_done >= len(plan.steps):
        return "All its steps were done."
    return None


def resume_text(record: SessionRecord, plan: Plan, reps_stored: int) -> str:
    """What happened to the crashed session, in two sentences."""
    started = datetime.fromtimestamp(record.started_at).strftime("%a %d %b %H:%M")
    reps = f"{reps_stored} rep{'s' if reps_stored != 1 else ''}"
    text = (f"A run of this workout started {started} was left unfinished after step "
            f"{record.steps_done} of {len(plan.steps)}, with {reps} in the log.")
    if record.source_hash and record.source_hash != source_hash(plan.source):
        text += " The workout file has been edited since."
    return text


class ResumeScreen(ModalScreen[ResumeChoice | None]):
    """`r` resume at the next step, `a` close it as abandoned, `escape` decide later."""

    CSS_PATH = "resume.tcss"

    ALLOWS_HISTORY = False  # `h` opens no history over this question

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", "Resume", id="resume.resume"),
        Binding("a", "choose('abandon')", "Close as abandoned", id="resume.abandon"),
        Binding("escape", "later", "Decide later", id="resume.later"),
    ]

    def __init__(self, record: SessionRecord, plan: Plan, reps_stored: int) -> None:
        super().__init__()
        self.record = record
        self.plan = plan
        self.reps_stored = reps_stored
        self.problem = resume_problem(record, plan)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Unfinished session", id="resume-title")
            yield Static(resume_text(self.record, self.plan, self.reps_stored),
                         id="resume-text")
            if self.problem:
                yield Static(self.problem, id="resume-problem")
            yield Static(self._keys(), id="resume-keys")

    def _keys(self) -> str:
        lines = []
        if self.problem is None:
            step = self.plan.steps[self.record.steps_done]
            lines.append(f"r       resume at step {step.index}: {step.label}")
        lines.append("a       close it as abandoned (reps kept), start afresh")
        lines.append("escape  decide later")
        return "\n".join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No resume when the plan no longer fits the session."""
        if action == "choose" and parameters == ("resume",) and self.problem is not None:
            return False
        return True

    def action_choose(self, choice: ResumeChoice) -> None:
        """Close with the runner's choice."""
        self.dismiss(choice)

    def action_later(self) -> None:
        """Close without deciding; the offer comes back when the run is started."""
        self.dismiss(None)
