"""Sessions an older version logged under a quick name that carried its rest.

Before the rest became a setting of the session (a rung of the workout's rest ladder), a quick
workout was named with its rest, "8 x 400 m @ mile / 60 s", so each rest had a history of
its own and a shorter rest looked like a new workout. Now it is named by its work,
"8 x 400 m @ mile", and the rest is the session's rung (`main_rest_s`). `renamed` maps an
old name onto today's, with the rung and the reps its text planned; the log's v4 migration
and `import` apply it, so old and new sessions of the same work share one trend.
"""

from __future__ import annotations

from dataclasses import dataclass

from intervaltimer.workout.mainset import main_reps, main_rest_s
from intervaltimer.workout.model import WorkoutError
from intervaltimer.workout.quick import name_without_rest, parse_quick


@dataclass(frozen=True)
class Renamed:
    """What an old quick name means now: the workout's name, its rest rung, its reps."""

    workout: str
    main_rest_s: float | None
    reps_planned: int


def renamed(name: str) -> Renamed | None:
    """Today's name (with rung and reps) for an older quick name; None for any other name.

    Only a name that reads back as quick text whose work is exactly the name without its
    rest is renamed: "8 x 400 m @ mile / 60 s" is, "Hills / sprints" and a YAML workout
    called "6 x 300 / 100 jog" (no unit, so not quick text) are not.
    """
    now = name_without_rest(name)
    if now == name:
        return None
    try:
        workout = parse_quick(name)
    except WorkoutError:
        return None
    if workout.name != now:
        return None
    return Renamed(now, main_rest_s(workout), main_reps(workout))
