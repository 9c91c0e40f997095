"""The runner at the track: drives the engine on the real clock, keeps the log in step,
and says what to show and play. No Textual here: the run screen, the voice and the
remote are three faces over one `Runner`."""
