"""Helpers the test modules share. A test module imports from here (or from a kit
beside it), never from another test module: importing a test module runs its
tests' collection side effects and hides which helpers are shared."""
