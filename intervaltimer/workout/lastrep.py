"""Reading a repeat's `last:`: what its final rep gets of its own.

```yaml
- repeat: 8
  last: {note: "LAST ONE: drive the arms, open the stride", cue: last, skip_rest: yes}
  steps: ...
```

`note` replaces the last rep's note, `cue` is the sound at its start (`last`,
a sound of its own, or `go`), `skip_rest` leaves out the rests after it in the
final round so it leads straight into what follows. `runorder` applies it.
"""

from __future__ import annotations

import yaml

from intervaltimer.workout.model import Last
from intervaltimer.workout.stepkeys import MAX_NOTE, did_you_mean
from intervaltimer.workout.yamlnodes import Problems, at, kind_of, mapping_items, scalar_text

KEYS = ("note", "cue", "skip_rest")
CUES = ("last", "go")  # sounds a rep may start with (the audio layer has a WAV of each)
_YES = ("yes", "true", "on")
_NO = ("no", "false", "off")


def _flag(node: yaml.Node, problems: Problems) -> bool | None:
    """`skip_rest: yes` or `no` (true/false, on/off)."""
    text = (scalar_text(node) or "").lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    problems.add(at(node), "`skip_rest:` is yes or no")
    return None


def read_last(node: yaml.Node, problems: Problems) -> Last | None:
    """The `last:` mapping of a repeat, or None with its problems recorded."""
    if not isinstance(node, yaml.MappingNode):
        problems.add(at(node), f"`last:` gives the last rep its own note and cue, e.g. "
                               f"`last: {{note: \"last one!\", cue: last}}`, not {kind_of(node)}")
        return None
    note = cue = None
    skip = False
    ok = True
    for key, key_node, value in mapping_items(node, problems):
        text = scalar_text(value)
        if key == "note":
            if text is None or len(text) > MAX_NOTE:
                problems.add(at(value), f"`note` should be text under {MAX_NOTE} characters")
                ok = False
            else:
                note = text
        elif key == "cue":
            if text not in CUES:
                shown = kind_of(value) if text is None else repr(text)
                problems.add(at(value), f"cue {shown} is not a sound a rep starts with; "
                                        f"write {' or '.join(CUES)}")
                ok = False
            else:
                cue = text
        elif key == "skip_rest":
            flag = _flag(value, problems)
            ok = ok and flag is not None
            skip = bool(flag)
        else:
            hint = did_you_mean(key, KEYS) or f"; `last:` may have {', '.join(KEYS)}"
            problems.add(at(key_node), f"unknown key `{key}` in last{hint}")
            ok = False
    return Last(note=note, cue=cue, skip_rest=skip) if ok else None
