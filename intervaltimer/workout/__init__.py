"""Workouts: the model, loading YAML and quick syntax, paces and plan expansion. Pure Python."""
