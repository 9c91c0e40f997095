"""The phone page: an async HTTP server over the track layer (never imports Textual)."""
