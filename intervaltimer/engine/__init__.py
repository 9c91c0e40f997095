"""The session state machine, driven by an injected clock. Pure Python."""
