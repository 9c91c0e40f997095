"""Folding a plan's plain steps into one level of repeats loses nothing and nests nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intervaltimer.export.steps import MAX_LOOP_BODY, ExportStep, Loop, fold, unfold
from intervaltimer.workout.model import StepKind

_STEPS = [ExportStep(StepKind.RUN, None, 400.0, None, 4.7, "Run", None, None, None),
          ExportStep(StepKind.REST, 60.0, None, None, None, "Rest", None, None, None),
          ExportStep(StepKind.RUN, None, 200.0, None, 5.0, "Run", None, None, None),
          ExportStep(StepKind.REST, None, None, None, None, "Rest", "walk back", None, None)]


@given(st.lists(st.sampled_from(_STEPS), max_size=80))
def test_folded_steps_unfold_to_themselves(steps: list[ExportStep]) -> None:
    blocks = fold(steps)
    assert unfold(blocks) == steps
    for block in blocks:
        if isinstance(block, Loop):
            assert block.count >= 2 and 1 <= len(block.steps) <= MAX_LOOP_BODY
            assert all(isinstance(step, ExportStep) for step in block.steps)


def test_eight_reps_with_a_last_one_of_its_own() -> None:
    rep, rest, _, _ = _STEPS
    last = ExportStep(StepKind.RUN, None, 400.0, None, 4.7, "Run", "LAST ONE", None, None)
    assert fold([rep, rest] * 7 + [last]) == [Loop(7, (rep, rest)), last]


def test_sets_fold_to_the_block_that_saves_the_most_steps() -> None:
    rep, rest, _, set_rest = _STEPS
    one_set = [rep, rest] * 4 + [set_rest]
    assert fold(one_set * 3) == [Loop(3, tuple(one_set))]
