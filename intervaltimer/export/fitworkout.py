"""FIT workout files, written with Garmin's own SDK (`garmin-fit-sdk`).

The file is `file_id` (type workout), one `workout`, then its `workout_step`s.
The SDK's encoder takes ordinary units and enum names but drops sub-fields,
so only main fields are written, in their raw units: `duration_value` in
milliseconds (time) or centimetres (distance) or a count (reps), a target
speed as `target_type: speed` with `custom_target_value_low/high` in mm/s
(a band of `SPEED_BAND` either side of the target), and a repeat as a step
after its block with `duration_type: repeat_until_steps_cmplt`,
`duration_value` = the block's first step index and `target_value` = the count.
An open step (the lap button) has `duration_type: open`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from intervaltimer.export.steps import Block, ExportStep, Loop, plain_text
from intervaltimer.workout.model import Activity, StepKind

# The target band: the watch warns outside target speed ± this fraction.
SPEED_BAND = 0.02
# FIT's "development" manufacturer: no registered product of ours.
MANUFACTURER = "development"
NAME_LIMIT = 15  # characters a watch shows of a step name
NOTE_LIMIT = 50
WORKOUT_NAME_LIMIT = 40

INTENSITY: Mapping[StepKind, str] = {
    StepKind.WARMUP: "warmup",
    StepKind.RUN: "active",
    StepKind.REST: "rest",
    StepKind.EXERCISE: "other",
    StepKind.COOLDOWN: "cooldown",
}


def _mesg_nums() -> Mapping[str, int]:
    from garmin_fit_sdk import Profile

    nums: Mapping[str, int] = Profile["mesg_num"]
    return nums


def intensity_of(step: ExportStep) -> str:
    """The FIT intensity of a step: a jogged rest is `recovery`, other rests `rest`."""
    if step.kind is StepKind.REST and step.activity is Activity.JOG:
        return "recovery"
    return INTENSITY[step.kind]


def step_fields(index: int, step: ExportStep) -> dict[str, Any]:
    """The `workout_step` message of one plain step, main fields only."""
    fields: dict[str, Any] = {"message_index": index, "intensity": intensity_of(step)}
    name = step.name
    if step.kind is StepKind.REST and step.activity is not None:
        name = f"{name} {step.activity.value}"  # "Rest walk": the watch shows what to do
    if name:
        fields["wkt_step_name"] = plain_text(name, NAME_LIMIT)
    if step.note:
        fields["notes"] = plain_text(step.note, NOTE_LIMIT)
    if step.duration_s is not None:
        fields.update(duration_type="time", duration_value=round(step.duration_s * 1000))
    elif step.distance_m is not None:
        fields.update(duration_type="distance", duration_value=round(step.distance_m * 100))
    elif step.reps is not None:
        fields.update(duration_type="reps", duration_value=step.reps)
    else:
        fields.update(duration_type="open")
    if step.speed_m_s:
        low = step.speed_m_s * (1 - SPEED_BAND) * 1000
        high = step.speed_m_s * (1 + SPEED_BAND) * 1000
        fields.update(target_type="speed", target_value=0,
                      custom_target_value_low=round(low), custom_target_value_high=round(high))
    else:
        fields.update(target_type="open")
    return fields


def workout_messages(blocks: list[Block]) -> list[dict[str, Any]]:
    """The `workout_step` messages of the blocks, each loop followed by its repeat step."""
    messages: list[dict[str, Any]] = []
    for block in blocks:
        if isinstance(block, Loop):
            first = len(messages)
            for step in block.steps:
                messages.append(step_fields(len(messages), step))
            messages.append({"message_index": len(messages),
                             "duration_type": "repeat_until_steps_cmplt",
                             "duration_value": first, "target_value": block.count})
        else:
            messages.append(step_fields(len(messages), block))
    return messages


def fit_workout(name: str, blocks: list[Block], created: datetime | None = None) -> bytes:
    """The FIT workout file of `blocks`, named `name` (time_created: `created` or now)."""
    from garmin_fit_sdk import Encoder

    nums = _mesg_nums()
    steps = workout_messages(blocks)
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": nums["FILE_ID"], "type": "workout",
                        "manufacturer": MANUFACTURER, "product": 0,
                        "serial_number": 1,
                        "time_created": created or datetime.now(UTC)})
    encoder.write_mesg({"mesg_num": nums["WORKOUT"], "sport": "running",
                        "num_valid_steps": len(steps),
                        "wkt_name": plain_text(name, WORKOUT_NAME_LIMIT) or "workout"})
    for message in steps:
        encoder.write_mesg({"mesg_num": nums["WORKOUT_STEP"], **message})
    data: bytes = encoder.close()
    return bytes(data)
