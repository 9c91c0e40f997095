"""Messages a screen posts to the app to open another screen without importing it.

The app (app.py) answers each: it is the one module that knows every screen.
"""

from __future__ import annotations

from textual.message import Message


class OpenLibrary(Message):
    """Open the workout library over the screen shown."""


class OpenProfile(Message):
    """Open the runner's profile (race times and the paces they give)."""


class CreateWorkout(Message):
    """Ask for a name and a template, then open the new workout in the editor."""
