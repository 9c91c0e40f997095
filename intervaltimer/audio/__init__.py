"""Cue sounds: simpleaudio, the terminal bell, or silence."""
