"""Every number the coach judges by, each with what it means at the track.

Deviations are in per cent of the rep's own target (``d = (split - target) / target × 100``,
positive when slow), so one rule fits a 200 m, a 1000 m and a set that mixes paces; "points"
are differences of such per cents. For a 400 m at 84.5 s (mile pace for a 5:40 mile),
1 % is 0.85 s.
"""

from __future__ import annotations

# -- one session ---------------------------------------------------------------------------

ON_PACE_PCT = 1.2
"""A rep at most this slow (+1.0 s on a 400 m at 84.5 s) was run on pace."""
CLEAN_FADE_PTS = 1.8
"""A clean set slows by at most this from its first reps to its last (1.5 s on a 400 m)."""
HELD_MEAN_PCT = 1.8
"""A set whose reps average at most this slow held the pace (+1.5 s on a 400 m)."""
BLOW_UP_REP_PCT = 3.5
"""One rep slower than this (+3.0 s on a 400 m) means the set came apart."""
BLOW_UP_FADE_PTS = 3.5
"""A set that slowed by more than this from first to last reps came apart (3.0 s a 400 m)."""
KICK_PTS = 1.2
"""A last rep this much faster than the others is the kick the workout asks for, not
fatigue: left out of the fade, its effort not judged (1.0 s on a 400 m)."""
CLEAN_MAX_EFFORT = 8
"""A clean set ends hard with something left: judged effort at most 8 on CR-10."""
MAX_EFFORT = 10
"""Maximal effort: in two sessions running the rung is too short; once only holds it."""
RESTS_CUT_SHARE = 0.85
"""Rests taken with a median under this share of the rung were cut short by the runner
(under 51 s on a 60 s rung)."""

# -- between sessions ------------------------------------------------------------------------

SAME_TARGET_PCT = 0.6
"""Targets within this of each other are the same work (0.5 s on a 400 m)."""
CLEAR_CHANGE_PTS = 1.0
"""A fitted change of mean deviation or fade this large is a real change, not noise."""
EFFORT_RISING = 1.0
"""Mean effort up this much over a rung's sessions, at the same splits: check recovery."""
EFFORT_FALLING = -0.5
"""Mean effort down this much over a rung's sessions: the same work got easier."""
FITTER_EFFORT = 1.0
"""A faster target met at no more than this much more effort than before is fitness."""
TOO_FAST_SPLIT_PCT = 1.0
"""A faster target whose splits moved less than this from the old ones was too fast."""
SESSIONS_TO_SHORTEN = 2
"""One good day is luck: two clean sessions in a row on a rung move it down."""
BEFORE_CHANGE_SESSIONS = 3
"""The sessions just before a change of target that the new target is compared with."""
EFFORT_WINDOW = (2, 4)
"""The effort trend reads the newest 2 to 4 sessions of the rung."""
RUNG_WINDOW = 6
"""The rung's trend reads at most its 6 newest sessions."""
HISTORY_SESSIONS = 20
"""The advice reads a workout's newest 20 counted sessions."""

# -- the ladder ------------------------------------------------------------------------------

STANDARD_RUNGS_S: tuple[float, ...] = (
    5, 10, 15, 20, 30, 45, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480, 540,
    600)
"""The rungs of a workout that declares no ladder, and above a declared ladder's longest:
steps of about a sixth to a quarter of the rest, as coaches lengthen and shorten it."""
UNKNOWN_REST_S = 60.0
"""Where a workout that writes no timed rest, and whose sessions kept none, is advised to
start: a minute, the middle of the standard rungs."""
SHORTEST_FILE_RUNG_S = 15.0
"""A workout file without a ladder stops at 15 s: the shortest rest to walk back in."""
SHORTEST_QUICK_RUNG_S = 5.0
"""A quick workout (``8x200m@800m/30s``) may go down to 5 s."""

# -- which reps are the main set -------------------------------------------------------------

SHORT_REP_SHARE = 0.25
"""Without targets, a rep this share of the longest rep or shorter is a stride, not the set."""

# -- what a trend or a comparison tells ------------------------------------------------------

TARGET_TOLERANCE_S = 0.5
"""Mean targets within this of each other count as the same pace (the comparison's rows)."""
RPE_NOISE = 0.5
"""Smallest change of mean effort (CR-10 points) worth telling."""
PCT_NOISE = 1.0
"""Smallest change of slowdown or decrement (percentage points) worth telling."""
SPLIT_NOISE_FRACTION = 0.01
"""Smallest change of mean split or deviation worth telling, as a fraction of the split..."""
SPLIT_NOISE_FLOOR_S = 0.5
"""...and never less than this many seconds."""
SLOPE_NOISE = 0.1
"""Smallest change of a per-rep slope (slowdown s/rep, effort/rep) worth marking beside the
previous session."""
SAME_REST_S = 1.0
"""Rests within a second of each other are one rung in the trend's sentence (a rung read
from the rests taken is rounded to the second)."""
