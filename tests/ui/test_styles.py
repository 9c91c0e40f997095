"""The screens' looks live in .tcss files (one a screen), each one found and parsed."""

from __future__ import annotations

import inspect
from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import intervaltimer.ui.screens as screens_package
from intervaltimer.ui.app import make_app
from intervaltimer.ui.screens import (
    closing,
    confirm_quit,
    editor,
    history,
    home,
    new_workout,
    preview,
    profile,
    resume,
    run,
    session,
    summary,
    trend,
    unsaved,
)

FOLDER = Path(screens_package.__file__).parent
# Bases that are never shown themselves.
ABSTRACT = {"AsksBeforeLeaving"}


def _screens() -> list[type[Screen[object]]]:
    modules = [closing, confirm_quit, editor, history, home, new_workout, preview, profile,
               resume, run, session, summary, trend, unsaved]
    return [cls for module in modules for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, Screen) and cls.__module__ == module.__name__
            and not inspect.isabstract(cls) and cls.__name__ not in ABSTRACT]


def test_no_desk_screen_keeps_its_css_inline() -> None:
    inline = [path.name for path in sorted(FOLDER.glob("*.py"))
              if "DEFAULT_CSS" in path.read_text()]
    assert inline == []


def test_every_screen_names_a_stylesheet_that_parses() -> None:
    found = _screens()
    assert len(found) >= 14
    variables = make_app().get_css_variables()
    for cls in found:
        assert isinstance(cls.CSS_PATH, str), cls.__name__
        path = FOLDER / cls.CSS_PATH
        assert path.is_file(), f"{cls.__name__}: {path}"
        sheet = Stylesheet(variables=variables)
        sheet.read(path)
        sheet.parse()
        assert sheet.rules, f"{cls.__name__}: {path} has no rules"
