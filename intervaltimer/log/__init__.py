"""The SQLite log of sessions, reps and efforts, and the metrics over them. Stdlib only."""
