"""Reach beyond this program: workouts to a watch (FIT) and to intervals.icu (its workout
text), logged sessions out as FIT activities, workouts read back in, and the push client.

No Textual here: the command line calls these functions and prints what they return.
"""
