"""The keys that lap: space, a presenter clicker's "next", and the profile's `lap_keys:`.

The run screen and the questions asked over it (quit, skip) each carry a lap
binding with an id; the profile's keys reach them through Textual's keymap
(`App.update_keymap`), the public way to give a binding other keys, as posting
does with its settings. A profile key that a screen already uses for something
else is left out of that screen's lap keys, so `q` still asks and `y` still
answers: a keymap key would otherwise take the key from the binding that has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType

SPACE = "space"
CLICKER_KEYS = "pagedown,right"  # a presenter clicker sends PageDown or Right for "next"
LAP_KEYS = f"{SPACE},{CLICKER_KEYS}"
RUN_LAP = "run.lap"  # space, listed in the footer (never in the keymap)
RUN_MORE_LAP = "run.lap_more"  # the clicker's keys and the profile's, not listed
RUN_SUMMARY = "run.summary"
QUESTION_LAP = "question.lap"  # a lap key answers "keep running" and laps
ENTER = "enter"


@dataclass(frozen=True)
class LapKeys:
    """The keymap giving every lap binding its keys, and the profile keys left out."""

    keymap: dict[str, str]
    taken: tuple[str, ...]  # a profile key the run screen uses for something else

    @property
    def notice(self) -> str:
        """What to tell the runner about `taken` ("" for nothing)."""
        if not self.taken:
            return ""
        verb = "does" if len(self.taken) == 1 else "do"
        return (f"lap_keys in profile.yaml: {', '.join(self.taken)} already {verb} "
                "something else here; not a lap key")


def _uses(bindings: Iterable[BindingType], free: Sequence[str]) -> set[str]:
    """The keys `bindings` give an action not in `free` (the keys a lap key must not take)."""
    return {binding.key for binding in Binding.make_bindings(bindings)
            if binding.action not in free}


def lap_keys(profile_keys: Sequence[str], run: Iterable[BindingType],
             question: Iterable[BindingType]) -> LapKeys:
    """The keymap for `profile_keys` over the run screen's bindings (`run`) and the
    questions' (`question`). Enter may lap on the run screen: it opens the summary only once
    the run is done, as a lap key does, so it stays bound to the summary too."""
    run_taken = _uses(run, ("lap", "summary"))
    question_taken = _uses(question, ("answer('lap')",))
    extra = [key for key in dict.fromkeys(profile_keys) if key not in LAP_KEYS.split(",")]
    on_run = [key for key in extra if key not in run_taken]
    in_question = [key for key in on_run if key not in question_taken]
    # Only hidden bindings are given keys: a binding the keymap rebinds moves to the end of
    # the footer and loses its `key_display`, and space leads the run screen's footer.
    keymap = {RUN_MORE_LAP: ",".join([CLICKER_KEYS, *on_run]),
              QUESTION_LAP: ",".join([LAP_KEYS, *in_question])}
    if ENTER in on_run:  # the keymap takes a key from the binding that had it: give it back
        keymap[RUN_SUMMARY] = ENTER
    return LapKeys(keymap, tuple(key for key in extra if key in run_taken))
