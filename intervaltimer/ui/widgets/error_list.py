"""The problems in a workout file, one a line, by line number; choosing one jumps there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from intervaltimer.workout.model import Problem


def problem_text(problem: Problem) -> Content:
    """`line 7, col 15  pace "mil" is not a pace…` with the place in bold."""
    return Content.assemble((f"line {problem.line}, col {problem.col}", "bold"), "  ",
                            problem.message)


class ErrorList(OptionList):
    """A list of a file's problems, sorted by place; selecting one posts `ErrorList.Jump`."""

    DEFAULT_CSS: ClassVar[str] = """
    ErrorList {
        height: auto;
        max-height: 10;
        border: none;
        padding: 0 1;
        color: $text-error;
    }
    ErrorList:focus {
        border: none;
    }
    ErrorList.-empty {
        display: none;
    }
    """

    class Jump(Message):
        """The runner chose a problem: move the editor to its line and column."""

        def __init__(self, problem: Problem) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.problems: tuple[Problem, ...] = ()
        self.add_class("-empty")

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show `problems`, sorted by line and column; hide the list when there are none."""
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, p.col, p.message)))
        self.clear_options()
        self.add_options(Option(problem_text(p), id=str(i)) for i, p in enumerate(self.problems))
        self.highlighted = 0 if self.problems else None
        self.set_class(not self.problems, "-empty")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn a chosen line into a `Jump` to its problem."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(self.problems[int(event.option.id)]))

    @property
    def lines(self) -> list[int]:
        """The 1-based line numbers with a problem, in order, without repeats."""
        return sorted({p.line for p in self.problems})
