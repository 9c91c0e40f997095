"""Starting points for a new workout: plain reps, pyramid, every-N send-off, strides + core.

Each template is YAML text in workout format 1, with comments that teach the
format to someone who has never opened a YAML file. `render_template` puts
the runner's chosen name in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    """A named starting point: a short title, what it is for, and its YAML text."""

    key: str
    title: str
    summary: str
    text: str


_REPS = """\
name: {name}
description: Plain reps at one pace with a set rest.
tags: [track]
lead_in: 5s
steps:
  - warmup: 15min
    note: easy jog, drills
  # 8 reps of 400 m at mile pace, 60 s standing rest between them.
  # Change the numbers; paces: mile, 5k, threshold ... or 5:40/mi, 85s/400m.
  - repeat: 8
    steps:
      - run: 400m
        pace: mile
      - rest: 60s
        activity: stand
  - cooldown: 10min
"""

_PYRAMID = """\
name: {name}
description: Up and down the ladder; rest grows with the rep.
tags: [track, pyramid]
steps:
  - warmup: 15min
  - run: 200m
    pace: 1500m
  - rest: 60s
  - run: 400m
    pace: mile
  - rest: 90s
  - run: 800m
    pace: 3k
  - rest: 2min
  - run: 400m
    pace: mile
  - rest: 90s
  - run: 200m
    pace: 1500m
  - cooldown: 10min
"""

_SEND_OFF = """\
name: {name}
description: A rep every 2:30; what is left after the rep is your rest.
tags: [track, send-off]
steps:
  - warmup: 15min
  - repeat: 6
    every: 2:30          # a new rep starts every 2:30
    min_rest: 20s        # a slow rep still gets this much rest
    steps:
      - run: 600m
        pace: 5k
        pacer: 200m      # a beep every 200 m on target pace
  - cooldown: 10min
"""

_STRIDES_CORE = """\
name: {name}
description: Strides on open rest, then a short core circuit.
tags: [strides, core]
steps:
  - warmup: 10min
  - repeat: 6
    steps:
      - run: 100m
        label: stride
        note: relaxed and fast, not a sprint
      - rest: lap          # walk back, tap space to go again
        activity: walk
  - repeat: 2
    steps:
      - exercise: plank
        duration: 45s
      - rest: 15s
      - exercise: pushups
        reps: 15
      - exercise: side plank
        duration: 30s
      - rest: 30s
  - cooldown: 5min
"""

TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template("reps", "Plain reps", "N × distance at a pace, fixed rest", _REPS),
        Template("pyramid", "Pyramid", "200-400-800-400-200, rest growing", _PYRAMID),
        Template("send-off", "Every-N send-off", "a rep every 2:30, rest is what is left",
                 _SEND_OFF),
        Template("strides-core", "Strides + core", "strides on open rest, then a core circuit",
                 _STRIDES_CORE),
    )
}

DEFAULT_TEMPLATE = "reps"


class TemplateError(KeyError):
    """No template by that name; the message lists the ones there are."""

    def __str__(self) -> str:
        return str(self.args[0])


_YAML_WORDS = frozenset({"yes", "no", "y", "n", "true", "false", "on", "off", "null"})


def yaml_string(text: str) -> str:
    """`text` as a YAML scalar that reads back as the same string (plain when safe)."""
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 ._()+×-]*[A-Za-z0-9.)]", text)
    if plain and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def render_template(key: str, name: str) -> str:
    """The YAML text of template `key` with the workout called `name`."""
    try:
        template = TEMPLATES[key]
    except KeyError:
        names = ", ".join(TEMPLATES)
        raise TemplateError(f"no template {key!r}; choose one of {names}") from None
    return template.text.replace("{name}", yaml_string(name), 1)


def slug(name: str) -> str:
    """A file name stem for a workout name: `8 x 400 m @ mile` -> `8x400m-mile`."""
    text = name.lower().replace("×", "x")
    text = re.sub(r"(?<=\d)\s*x\s*(?=\d)", "x", text)
    text = re.sub(r"(?<=\d)\s+(?=[a-z])", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "workout"


_NAME_LINE = re.compile(r"^name[ \t]*:.*$", re.MULTILINE)


def with_name(text: str, name: str) -> str:
    """The workout text with its top-level `name:` set to `name` (added first if missing)."""
    line = f"name: {yaml_string(name)}"
    if _NAME_LINE.search(text):
        return _NAME_LINE.sub(lambda _: line, text, count=1)
    return f"{line}\n{text}"
