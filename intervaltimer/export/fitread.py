"""FIT workout files read into a workout, with Garmin's SDK decoder.

Steps become warmup/run/rest/exercise/cooldown steps by their intensity
(recovery: a jogged rest; other: an exercise), their duration by its type
(time, distance, reps, open), a speed target becomes an explicit pace (the
middle of the band), and repeat steps wrap the steps from the one they point
back to. Anything else (heart-rate or power durations and targets, repeats
until a time) is carried as the nearest plain step and reported, one line each.
"""

from __future__ import annotations

from typing import Any

from intervaltimer.export.icuread import MAX_REPEAT, pace_text
from intervaltimer.workout.model import (
    Activity,
    Amount,
    Node,
    PaceSpec,
    Problem,
    Repeat,
    Step,
    StepKind,
    Workout,
    WorkoutError,
)

KINDS = {
    "warmup": StepKind.WARMUP, "cooldown": StepKind.COOLDOWN, "rest": StepKind.REST,
    "recovery": StepKind.REST, "other": StepKind.EXERCISE,
}
MILE_M = 1609.344


def decode_fit(data: bytes, path: str) -> dict[str, Any]:
    """The messages of a FIT file; `WorkoutError` if it is not one or is damaged."""
    from garmin_fit_sdk import Decoder, Stream

    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    if not decoder.is_fit():
        raise WorkoutError([Problem(path, 0, 0, "not a FIT file")])
    if not decoder.check_integrity():
        raise WorkoutError([Problem(path, 0, 0, "a damaged FIT file (its checksum does not "
                                                "match)")])
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    messages, errors = decoder.read(convert_datetimes_to_dates=False)
    if errors:
        raise WorkoutError([Problem(path, 0, 0, f"cannot read the FIT file: {errors[0]}")])
    return dict(messages)


def _metres(metres: float) -> float:
    """FIT keeps centimetres: a mile comes back as 1609.34 m; give whole miles back exactly."""
    miles = round(metres / MILE_M)
    return miles * MILE_M if miles and abs(metres - miles * MILE_M) < 0.01 else metres


def _speed(message: dict[str, Any]) -> float | None:
    if message.get("target_type") != "speed":
        return None
    low, high = message.get("custom_target_value_low"), message.get("custom_target_value_high")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > 0 and high > 0:
        return (low + high) / 2 / 1000.0
    return None


def _step(message: dict[str, Any], number: int, lost: list[str]) -> Step:
    """One FIT workout step as a workout step."""
    intensity = str(message.get("intensity", "active"))
    kind = KINDS.get(intensity, StepKind.RUN)
    duration_type = message.get("duration_type")
    value = message.get("duration_value")
    amount = Amount()
    if duration_type == "time" and isinstance(value, int | float) and value > 0:
        amount = Amount(duration_s=value / 1000.0)
    elif duration_type == "distance" and isinstance(value, int | float) and value > 0:
        amount = Amount(distance_m=_metres(value / 100.0))
    elif duration_type == "reps" and isinstance(value, int | float) and value > 0:
        if kind is StepKind.EXERCISE:
            amount = Amount(reps=int(value))
        else:
            lost.append(f"step {number}: {int(value)} reps on a {kind.value} step: ends on lap")
    elif duration_type not in ("open", None):
        lost.append(f"step {number}: ends on `{duration_type}`, which has no form here: "
                    "ends on lap")
    speed = _speed(message)
    target = message.get("target_type")
    if target not in (None, "open", "speed") or (target == "speed" and speed is None):
        lost.append(f"step {number}: a `{target}` target is not carried over (only a "
                    "custom speed range is)")
    name = str(message["wkt_step_name"]).strip() if message.get("wkt_step_name") else None
    note = str(message["notes"]).strip() if message.get("notes") else None
    pace = None
    if speed and kind is not StepKind.REST:
        pace = PaceSpec(text=pace_text(speed), s_per_m=1.0 / speed)
    activity = Activity.JOG if intensity == "recovery" else None
    words = (name or "").split()
    if kind is StepKind.REST and words and words[-1].lower() in {a.value for a in Activity}:
        activity = Activity(words[-1].lower())
        name = " ".join(words[:-1]) or None
    exercise = None
    label = name.lower() if name and name.lower() not in {"run", "rest", "warm-up",
                                                           "cool-down", "exercise"} else None
    if kind is StepKind.EXERCISE:
        exercise, label = (label or "exercise"), None
    return Step(kind, amount, pace=pace, activity=activity, exercise=exercise, label=label,
                note=note, line=number, col=1)


def read_fit_workout(data: bytes, path: str, default_name: str) -> tuple[Workout, list[str]]:
    """The workout in a FIT workout file, and one line for each thing not carried over."""
    messages = decode_fit(data, path)
    file_ids = messages.get("file_id_mesgs", [])
    if not file_ids or file_ids[0].get("type") != "workout":
        kind = file_ids[0].get("type") if file_ids else "unknown"
        raise WorkoutError([Problem(path, 0, 0, f"a FIT {kind} file, not a workout; export "
                                                "a workout from Garmin Connect or intervals.icu")])
    lost: list[str] = []
    # (message_index, node) in order; a repeat step folds the nodes from its first index.
    placed: list[tuple[int, Node]] = []
    steps = sorted(messages.get("workout_step_mesgs", []),
                   key=lambda m: int(m.get("message_index", 0)))
    for position, message in enumerate(steps):
        index = int(message.get("message_index", position))
        if str(message.get("duration_type", "")).startswith("repeat_until"):
            if message.get("duration_type") != "repeat_until_steps_cmplt":
                lost.append(f"step {index + 1}: a repeat `{message.get('duration_type')}` runs "
                            "its steps once here")
                continue
            first = int(message.get("duration_value", 0))
            count = int(message.get("target_value") or 1)
            if not 1 <= count <= MAX_REPEAT:
                lost.append(f"step {index + 1}: a repeat of {count} kept at "
                            f"{max(1, min(count, MAX_REPEAT))}")
                count = max(1, min(count, MAX_REPEAT))
            inside = [node for at, node in placed if at >= first]
            placed = [(at, node) for at, node in placed if at < first]
            if inside:
                placed.append((first, Repeat(count, tuple(inside), line=index + 1, col=1)))
            continue
        placed.append((index, _step(message, index + 1, lost)))
    if not placed:
        raise WorkoutError([Problem(path, 0, 0, "the FIT workout has no steps")])
    workouts = messages.get("workout_mesgs", [])
    name = str(workouts[0].get("wkt_name") or "").strip() if workouts else ""
    workout = Workout(name=name or default_name, steps=tuple(node for _, node in placed),
                      path=path)
    return workout, lost
