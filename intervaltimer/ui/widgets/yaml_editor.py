"""A YAML text area that marks the lines with problems.

Highlighting needs tree-sitter (`pip install "textual[syntax]"`); without it
the text is plain but everything else works. Lines with a problem get the
`yaml-editor--problem-line` style (the theme's error colour, underlined),
whatever the highlighting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea


def highlighting_available() -> bool:
    """True when tree-sitter and its YAML grammar are installed."""
    try:
        from textual._tree_sitter import TREE_SITTER, get_language
    except ImportError:
        return False
    return bool(TREE_SITTER) and get_language("yaml") is not None


class YamlEditor(TextArea):
    """Textual's code editor for YAML, with the lines that have problems marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = TextArea.COMPONENT_CLASSES | {
        "yaml-editor--problem-line",
    }

    DEFAULT_CSS: ClassVar[str] = """
    YamlEditor > .yaml-editor--problem-line {
        background: $error 30%;
        text-style: underline;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:  # noqa: A002
        language = "yaml" if highlighting_available() else None
        super().__init__(
            text,
            language=language,
            theme="css",
            soft_wrap=False,
            tab_behavior="indent",
            show_line_numbers=True,
            id=id,
        )
        self.indent_width = 2
        self.problem_lines: frozenset[int] = frozenset()

    def mark_problem_lines(self, lines: Iterable[int]) -> None:
        """Mark these lines (1-based) as having problems; every other line is unmarked."""
        marked = frozenset(line - 1 for line in lines if line > 0)
        if marked == self.problem_lines:
            return
        self.problem_lines = marked
        self._line_cache.clear()
        self.refresh()

    def get_line(self, line_index: int) -> Text:
        """The line's text, styled as a problem when it has one."""
        line = super().get_line(line_index)
        if line_index in self.problem_lines:
            style = self.get_component_rich_style("yaml-editor--problem-line", partial=True)
            line.stylize(style if style else Style(underline=True))
        return line
