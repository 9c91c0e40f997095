"""intervaltimer: a terminal interval timer for track sessions."""

__version__ = "0.1.0"
