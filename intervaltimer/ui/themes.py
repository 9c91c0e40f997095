"""The high-contrast "sunlight" theme, and remembering the chosen theme between runs.

The choice is kept in `<config_dir>/settings.json` (`{"theme": "sunlight"}`),
written atomically. A missing or damaged settings file is never an error:
the app simply opens with its default theme.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from textual.theme import Theme

from intervaltimer.locations import settings_path

if TYPE_CHECKING:
    from textual.app import App

SUNLIGHT_NAME = "sunlight"
DEFAULT_THEME = "textual-dark"

# The run screen's colours by phase, as theme variables (`$phase-work`...): the app
# gives these defaults (`IntervalTimerApp.get_theme_variable_defaults`) and a theme may
# override any of them. Each colour has the text colour that reads on it.
PHASE_COLOURS: dict[str, str] = {
    "phase-lead-in": "#F9A825",
    "phase-lead-in-text": "#000000",
    "phase-work": "#B71C1C",
    "phase-work-text": "#FFFFFF",
    "phase-rest": "#0D47A1",
    "phase-rest-text": "#FFFFFF",
    "phase-easy": "#00695C",  # warm-up and cool-down
    "phase-easy-text": "#FFFFFF",
    "phase-paused": "#424242",
    "phase-paused-text": "#FFFFFF",
    "phase-done": "#4A148C",
    "phase-done-text": "#FFFFFF",
}
# In the sun: the theme's own saturated colours, lighter grey for a pause (a dark
# panel turns into a mirror), the lead-in a purer yellow.
SUNLIGHT_PHASES: dict[str, str] = {
    "phase-lead-in": "#FFD600",
    "phase-work": "#D50000",
    "phase-rest": "#0033AA",
    "phase-easy": "#006400",
    "phase-paused": "#6E6E6E",
    "phase-done": "#5B0099",
}

# Black on white with saturated, dark accents: the most readable combination on
# a laptop screen in direct sun, where a dark theme turns into a mirror.
SUNLIGHT = Theme(
    name=SUNLIGHT_NAME,
    primary="#0033AA",
    secondary="#000000",
    accent="#B00000",
    warning="#8A4B00",
    error="#C00000",
    success="#006400",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#D8D8D8",
    boost="#000000",
    dark=False,
    text_alpha=1.0,
    variables={
        "text": "#000000",
        "text-muted": "#222222",
        "text-disabled": "#555555",
        "border": "#000000",
        "border-blurred": "#555555",
        "footer-key-foreground": "#0033AA",
        "footer-description-foreground": "#000000",
        "footer-background": "#D8D8D8",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#000000",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#BBBBBB",
        "input-selection-background": "#0033AA 40%",
        "scrollbar": "#555555",
        "scrollbar-background": "#E8E8E8",
        **SUNLIGHT_PHASES,
    },
)


def load_settings(path: Path | None = None) -> dict[str, object]:
    """The saved settings; an empty dict when there are none or they cannot be read."""
    target = path or settings_path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(changes: dict[str, object], path: Path | None = None) -> None:
    """Merge `changes` into the saved settings and write them atomically."""
    target = path or settings_path()
    settings = load_settings(target)
    settings.update(changes)
    from intervaltimer.fileio import atomic_write_text

    atomic_write_text(target, json.dumps(settings, indent=2, sort_keys=True) + "\n")


def remember_theme(name: str) -> None:
    """Save `name` as the theme to open with next time; a failed save is not an error."""
    try:
        if load_settings().get("theme") != name:
            save_settings({"theme": name})
    except OSError:
        pass


def install_themes(app: App[None]) -> None:
    """Register the sunlight theme, apply the remembered theme, and remember changes."""
    app.register_theme(SUNLIGHT)
    saved = load_settings().get("theme")
    if isinstance(saved, str) and saved in app.available_themes:
        app.theme = saved

    def on_theme_changed(theme: Theme) -> None:
        remember_theme(theme.name)

    app.theme_changed_signal.subscribe(app, on_theme_changed)


def toggle_sunlight(app: App[None]) -> None:
    """Switch between the sunlight theme and the default dark theme."""
    app.theme = DEFAULT_THEME if app.theme == SUNLIGHT_NAME else SUNLIGHT_NAME
