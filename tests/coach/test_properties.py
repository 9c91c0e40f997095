"""COACHING.md's invariants over generated histories: never shorten on a blow-up or a rising
effort, never two changes at once, a lengthen always possible, verdict and advice agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from intervaltimer.coach.advice import Advice, advise
from intervaltimer.coach.grading import Outcome, counts, grade
from intervaltimer.coach.ladder import Ladder, ladder_of
from intervaltimer.coach.verdict import KINDS, WARNINGS
from intervaltimer.workout.ladder import parse_then
from intervaltimer.workout.model import Progression

EXAMPLES = 400
"""Generated histories per property: enough to walk every branch, a second or two each."""

LADDERS: tuple[Ladder, ...] = (
    ladder_of(Progression((90.0, 75.0, 60.0, 45.0, 30.0), parse_then("reps +2"),
                          start_s=90.0), 60.0),
    ladder_of(Progression((120.0, 90.0, 60.0), parse_then("pace -1s")), 90.0),
    ladder_of(Progression((60.0, 45.0, 30.0)), 45.0),
    ladder_of(None, 60.0),
    ladder_of(None, 45.0, quick=True),
)
FORWARD = ("shorten", "reps", "pace")


@st.composite
def outcomes(draw: st.DrawFn) -> Outcome:
    reps = draw(st.sampled_from((4, 6, 8, 10)))
    target = draw(st.sampled_from((84.5, 83.5, 39.6, None)))
    devs = draw(st.lists(st.floats(-3.0, 5.0), min_size=reps, max_size=reps))
    skipped = draw(st.lists(st.booleans(), min_size=reps, max_size=reps).filter(
        lambda s: sum(s) <= 1))
    base = 84.5 if target is None else target
    splits = tuple(None if skip else base * (1 + d / 100) for d, skip in
                   zip(devs, skipped, strict=True))
    efforts = tuple(draw(st.lists(st.one_of(st.none(), st.integers(3, 10)),
                                  min_size=reps, max_size=reps)))
    rung = draw(st.sampled_from((30.0, 45.0, 60.0, 75.0, 90.0, 120.0, 180.0)))
    rest_share = draw(st.sampled_from((1.0, 1.0, 0.7)))
    return Outcome(
        splits_s=splits, targets_s=(target,) * reps, efforts=efforts, rung_s=rung,
        reps_planned=draw(st.sampled_from((reps, reps, reps + 2, None))),
        status=draw(st.sampled_from(("completed", "completed", "abandoned", "main_set_done"))),
        rests_s=(rung * rest_share,) * (reps - 1),
        conditions=draw(st.sampled_from(((), (), (), ("heat",)))))


histories = st.tuples(st.sampled_from(LADDERS), st.lists(outcomes(), min_size=0, max_size=8))


def _last(history: list[Outcome]) -> tuple[Outcome | None, Outcome | None, bool]:
    """The last session not flagged, the one before it, and whether the newest is flagged."""
    counted = [o for o in history if counts(o)][-20:]
    plain = [o for o in counted if not o.flagged]
    newest_flagged = bool(counted) and counted[-1].flagged
    last = plain[-1] if plain else None
    before = plain[-2] if len(plain) >= 2 else None
    return last, before, newest_flagged


def _check(advice: Advice, ladder: Ladder, history: list[Outcome]) -> None:
    kinds = advice.verdict.kinds
    assert list(kinds) == [k for k in KINDS if k in kinds]  # listed in the table's order
    assert advice.rest_s is not None and advice.rest_s > 0
    # Verdict and advice never contradict.
    assert ("back_off" in kinds) == (advice.action == "lengthen")
    if advice.action in FORWARD:
        assert not set(kinds) & set(WARNINGS), (advice.action, kinds)
    assert sum(k in kinds for k in ("improving", "no_change")) <= 1
    assert not ({"improving", "no_change"} & set(kinds)
                and {"worse", "effort_rising"} & set(kinds))
    assert not {"fitter", "target_too_fast"} <= set(kinds)
    last, before, flagged = _last(history)
    if flagged:
        assert advice.action == "hold" and "conditions" in kinds
        return
    if last is None:
        assert advice.action == "hold" and advice.rest_s == ladder.start_s
        return
    rung = ladder.rung(last.rung_s if last.rung_s is not None else ladder.start_s)
    blown = grade(last, before).blow_up
    if blown:
        # Never shorten on a blow-up; a lengthen is always possible, above any ladder.
        assert advice.action in ("hold", "lengthen")
        assert not {"improving", "no_change"} & set(kinds)
        if not last.rests_cut and "target_too_fast" not in kinds:
            assert advice.action == "lengthen" and advice.rest_s > rung
    if "effort_rising" in kinds or "worse" in kinds:
        assert advice.action not in FORWARD
    # One change at a time: the rest, the reps or the target, never two.
    if advice.action == "shorten":
        assert advice.rest_s == ladder.shorter(rung) and advice.reps == last.reps_of_work
    if advice.action in ("reps", "pace", "hold"):
        assert advice.rest_s == rung
    if advice.action == "reps":
        assert ladder.then is not None and advice.reps == last.reps_of_work + ladder.then.reps
    if advice.action in ("pace", "hold", "lengthen"):
        assert advice.reps == last.reps_of_work


@settings(max_examples=EXAMPLES, deadline=None)
@given(histories)
def test_the_advice_keeps_coaching_invariants(case: tuple[Ladder, list[Outcome]]) -> None:
    ladder, history = case
    _check(advise(history, ladder), ladder, history)


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(st.sampled_from(LADDERS), st.lists(outcomes(), min_size=1, max_size=6),
       st.integers(1, 5))
def test_a_blow_up_always_lengthens_unless_rests_cut_or_target_too_fast(
        ladder: Ladder, history: list[Outcome], over: int) -> None:
    base = history[-1]
    target = base.targets_s[0] or 84.5
    blown = Outcome(splits_s=tuple(target * (1 + (3.6 + over) / 100) for _ in base.splits_s),
                    targets_s=(target,) * len(base.splits_s), efforts=base.efforts,
                    rung_s=base.rung_s, reps_planned=len(base.splits_s),
                    rests_s=(base.rung_s or 60.0,) * 3)
    advice = advise([*history[:-1], blown], ladder)
    if "target_too_fast" not in advice.verdict.kinds:
        assert advice.action == "lengthen"
        assert advice.rest_s > ladder.rung(blown.rung_s or ladder.start_s)
