"""A logged session as a FIT activity file, for Garmin Connect, Strava or intervals.icu.

The file holds `file_id` (type activity), the workout's name (a `workout` message,
which Garmin Connect and intervals.icu show), the developer field that carries each
rep's effort, timer start and stop events (the timer stops over a gap between laps,
such as a step that is neither a rep nor its rest), one `record` a second while the
timer runs (timestamp and distance; each rep's distance spread evenly over its split,
none during rests; no position is invented), one `lap` per rep (intensity active) and
per rest (intensity rest) with its start, elapsed time and distance, one `session` and
one `activity`. Lap times are the log's, to the millisecond; FIT timestamps are whole
seconds. `workout_rpe` is the session's effort on Garmin's scale (CR-10 × 10).
Skipped reps have no lap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from intervaltimer.export.fitworkout import WORKOUT_NAME_LIMIT
from intervaltimer.export.steps import plain_text
from intervaltimer.log.records import RepRecord, SessionRecord

MANUFACTURER = "development"
# The developer field of each rep lap's effort: our own application id (16 bytes).
APPLICATION_ID = list(b"intervaltimer-rp")
EFFORT_FIELD = "rep_effort"
EFFORT_UNITS = "CR-10"
EFFORT_KEY = 0
FIT_UINT8 = 2  # the base type number of uint8: the SDK needs the number here
# A FIT epoch second is 631065600 s after the Unix epoch.
FIT_EPOCH_S = 631065600
# A pause longer than this between one lap's end and the next one's start stops the timer.
GAP_S = 1.0


@dataclass(frozen=True)
class Lap:
    """One lap: a rep or the rest after it, on the wall clock (epoch seconds)."""

    start_s: float
    elapsed_s: float
    distance_m: float
    rest: bool
    rpe: int | None = None
    step_index: int | None = None

    @property
    def end_s(self) -> float:
        """When the lap ended."""
        return self.start_s + self.elapsed_s


def session_laps(reps: Sequence[RepRecord]) -> list[Lap]:
    """The laps of a session: each rep run, then its rest when one was taken."""
    laps: list[Lap] = []
    for rep in sorted(reps, key=lambda r: r.index):
        if rep.skipped or rep.split_s is None or rep.split_s <= 0:
            continue
        laps.append(Lap(rep.started_at, rep.split_s, rep.distance_m or 0.0, rest=False,
                        rpe=rep.rpe, step_index=rep.step_index))
        if rep.rest_s is not None and rep.rest_s > 0:
            laps.append(Lap(rep.started_at + rep.split_s, rep.rest_s, 0.0, rest=True))
    return laps


def _when(epoch_s: float) -> datetime:
    """The whole second at or before `epoch_s`, as an aware datetime (FIT keeps seconds)."""
    return datetime.fromtimestamp(math.floor(epoch_s), UTC)


def distance_at(laps: Sequence[Lap], epoch_s: float) -> float:
    """Metres covered by `epoch_s`: each lap's distance spread evenly over its time."""
    covered = 0.0
    for lap in laps:
        if epoch_s >= lap.end_s:
            covered += lap.distance_m
        elif epoch_s > lap.start_s:
            covered += lap.distance_m * (epoch_s - lap.start_s) / lap.elapsed_s
    return covered


def _effort_field(encoder: Any, nums: Any) -> list[dict[str, Any]]:
    """Register the effort developer field; returns its two messages to write."""
    data_id = {"mesg_num": nums["DEVELOPER_DATA_ID"], "developer_data_index": 0,
               "application_id": APPLICATION_ID}
    description = {"mesg_num": nums["FIELD_DESCRIPTION"], "developer_data_index": 0,
                   "field_definition_number": 0, "fit_base_type_id": FIT_UINT8,
                   "field_name": EFFORT_FIELD, "units": EFFORT_UNITS,
                   "native_mesg_num": nums["LAP"]}
    encoder.add_developer_field(EFFORT_KEY, data_id, description)
    return [data_id, description]


def _lap_message(nums: Any, number: int, lap: Lap) -> dict[str, Any]:
    message: dict[str, Any] = {
        "mesg_num": nums["LAP"], "message_index": number, "timestamp": _when(lap.end_s),
        "start_time": _when(lap.start_s), "total_elapsed_time": lap.elapsed_s,
        "total_timer_time": lap.elapsed_s, "total_distance": lap.distance_m,
        "intensity": "rest" if lap.rest else "active", "lap_trigger": "manual",
        "event": "lap", "event_type": "stop", "sport": "running", "sub_sport": "track",
    }
    if lap.step_index is not None and lap.step_index >= 1:
        message["wkt_step_index"] = lap.step_index - 1
    if lap.rpe is not None:
        message["developer_fields"] = {EFFORT_KEY: lap.rpe}
    return message


def timer_spans(laps: Sequence[Lap]) -> list[tuple[float, float]]:
    """When the timer ran: laps joined where one starts within GAP_S of the one before."""
    spans: list[tuple[float, float]] = []
    for lap in laps:
        if spans and lap.start_s - spans[-1][1] <= GAP_S:
            spans[-1] = (spans[-1][0], max(spans[-1][1], lap.end_s))
        else:
            spans.append((lap.start_s, lap.end_s))
    return spans


def _timeline(nums: Any, laps: Sequence[Lap]) -> list[dict[str, Any]]:
    """Timer events, a record each second the timer runs, and the laps, in time order."""
    items: list[tuple[float, int, dict[str, Any]]] = []
    spans = timer_spans(laps)
    seconds: set[int] = set()
    for number, (began, ended) in enumerate(spans):
        stop = "stop_all" if number == len(spans) - 1 else "stop"
        items.append((began, 0, {"mesg_num": nums["EVENT"], "timestamp": _when(began),
                                 "event": "timer", "event_type": "start", "event_group": 0}))
        items.append((ended, 3, {"mesg_num": nums["EVENT"], "timestamp": _when(ended),
                                 "event": "timer", "event_type": stop, "event_group": 0}))
        seconds.update(range(math.floor(began), math.ceil(ended) + 1))
    for second in seconds:
        items.append((second, 1, {"mesg_num": nums["RECORD"],
                                  "timestamp": datetime.fromtimestamp(second, UTC),
                                  "distance": distance_at(laps, second)}))
    for number, lap in enumerate(laps):
        items.append((lap.end_s, 2, _lap_message(nums, number, lap)))
    items.sort(key=lambda item: (item[0], item[1]))
    return [message for _, _, message in items]


def fit_activity(session: SessionRecord, reps: Sequence[RepRecord]) -> bytes:
    """The FIT activity file of a logged session; `ValueError` when no rep has a split."""
    from garmin_fit_sdk import Encoder, Profile

    laps = session_laps(reps)
    if not laps:
        raise ValueError("the session has no rep with a split: nothing to write")
    nums = Profile["mesg_num"]
    start, end = laps[0].start_s, laps[-1].end_s
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": nums["FILE_ID"], "type": "activity",
                        "manufacturer": MANUFACTURER, "product": 0,
                        "serial_number": session.id or 1, "time_created": _when(start)})
    encoder.write_mesg({"mesg_num": nums["WORKOUT"], "sport": "running",
                        "wkt_name": plain_text(session.workout, WORKOUT_NAME_LIMIT) or "workout"})
    for message in _effort_field(encoder, nums):
        encoder.write_mesg(message)
    for message in _timeline(nums, laps):
        encoder.write_mesg(message)
    timer_s = sum(lap.elapsed_s for lap in laps)
    total_m = sum(lap.distance_m for lap in laps)
    session_message: dict[str, Any] = {
        "mesg_num": nums["SESSION"], "message_index": 0, "timestamp": _when(end),
        "start_time": _when(start), "total_elapsed_time": end - start,
        "total_timer_time": timer_s, "total_distance": total_m, "sport": "running",
        "sub_sport": "track", "first_lap_index": 0, "num_laps": len(laps),
        "event": "session", "event_type": "stop", "trigger": "activity_end",
    }
    if session.session_rpe is not None:
        session_message["workout_rpe"] = session.session_rpe * 10
    encoder.write_mesg(session_message)
    offset = datetime.fromtimestamp(end).astimezone().utcoffset()
    local = math.floor(end) + (int(offset.total_seconds()) if offset else 0)
    encoder.write_mesg({"mesg_num": nums["ACTIVITY"], "timestamp": _when(end),
                        "total_timer_time": timer_s, "num_sessions": 1, "type": "manual",
                        "event": "activity", "event_type": "stop",
                        "local_timestamp": local - FIT_EPOCH_S})
    data: bytes = encoder.close()
    return bytes(data)
