"""The coach: what a workout's sessions show and what to run next time. Pure functions.

Metrics of a main set, its shape, trends, the verdict and the advice on the rest ladder,
and the weekly load. Nothing here reads a file, a database or a terminal: the log hands
sessions in (anything shaped like ``coach.inputs.Rep``/``Session``) and the screens and
commands show what comes out.
"""
