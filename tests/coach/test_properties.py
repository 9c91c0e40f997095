"""COACHING.md's invariants over generated histories: never shorten on a blow-up or a rising
effort, never two changes at once, a lengthen always possible, verdict and advice agree."""

from __future__ import annotations

from typing import TypeVar

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from intervaltimer.coach.advice import Advice, advise
from intervaltimer.coach.grading import Outcome, counts, grade
from intervaltimer.coach.ladder import Ladder, ladder_of
from intervaltimer.coach.verdict import KINDS, WARNINGS
from intervaltimer.workout.ladder import parse_then
from intervaltimer.workout.model import Progression

T = TypeVar("T")

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
    """Any session: splits anywhere from 3 % fast to 5 % slow, any efforts."""
    reps = draw(st.sampled_from((4, 6, 8, 10)))
    target = draw(st.sampled_from((84.5, 83.5, 39.6, None)))
    devs = draw(st.lists(st.floats(-3.0, 5.0), min_size=reps, max_size=reps))
    skip = draw(st.one_of(st.none(), st.integers(0, reps - 1)))  # at most one rep skipped
    base = 84.5 if target is None else target
    splits = tuple(None if i == skip else base * (1 + d / 100) for i, d in enumerate(devs))
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


def _mostly(draw: st.DrawFn, usual: T, *others: T, one_in: int = 8) -> T:
    """``usual``, or one of ``others`` about once in ``one_in`` draws (first in the list, as
    Hypothesis leans to the first choice)."""
    return draw(st.sampled_from((usual,) * (one_in - 1) * max(1, len(others)) + others))


@st.composite
def _session(draw: st.DrawFn, reps: int, target: float | None, rung: float,
             effort: int | None, older_log: bool) -> Outcome:
    """A session of one work on one rung, most often run evenly (clean), sometimes with a
    kick, a blown rep, a fade, a skipped or missing rep, cut rests or a flag; in an older
    log, without its reps planned."""
    shape = _mostly(draw, "even", "kick", "blow", "fade", "any", one_in=4)
    low, high = (-3.0, 5.0) if shape == "any" else (-0.5, 1.1)
    devs = draw(st.lists(st.floats(low, high), min_size=reps, max_size=reps))
    if shape == "kick":
        devs[-1] = draw(st.floats(-4.0, -2.0))
    elif shape == "blow":
        devs[draw(st.integers(0, reps - 1))] = draw(st.floats(3.6, 6.0))
    elif shape == "fade":
        devs = [d + 5.0 * i / (reps - 1) for i, d in enumerate(devs)]
    base = 84.5 if target is None else target
    splits: list[float | None] = [base * (1 + d / 100) for d in devs]
    if _mostly(draw, False, True, one_in=10):
        splits[draw(st.integers(0, reps - 1))] = None
    rated = _mostly(draw, "judged", "none", "any", one_in=3)
    efforts: tuple[int | None, ...] = (None,) * reps
    if rated == "judged":
        efforts = (effort,) * reps
    elif rated == "any":
        efforts = tuple(draw(st.lists(st.one_of(st.none(), st.integers(3, 10)),
                                      min_size=reps, max_size=reps)))
    ran = reps - 2 if _mostly(draw, False, True, one_in=15) else reps  # stopped short
    return Outcome(
        splits_s=tuple(splits[:ran]), targets_s=(target,) * ran, efforts=efforts[:ran],
        rung_s=rung, reps_planned=None if older_log else _mostly(draw, reps, reps + 2),
        status=_mostly(draw, "completed", "abandoned", "main_set_done"),
        rests_s=(rung * _mostly(draw, 1.0, 0.7),) * (reps - 1),
        conditions=_mostly(draw, (), ("heat",), one_in=10))


@st.composite
def progressions(draw: st.DrawFn) -> tuple[Ladder, list[Outcome]]:
    """A ladder walked as runners walk it: the same work on a rung for a few sessions, the
    rung moved now and then, sometimes a new target or more reps, the effort flat or rising
    at the same splits."""
    ladder = draw(st.sampled_from(LADDERS + LADDERS[:2]))  # the ladders with a then: twice
    reps = draw(st.sampled_from((4, 6, 8)))
    target = draw(st.sampled_from((84.5, 84.5, 39.6, 234.0, None)))
    near = ladder.rungs[-3:] if ladder.declared else (ladder.start_s, 45.0, ladder.shortest_s)
    rung = ladder.rung(draw(st.sampled_from(near)))  # often near the shortest rung
    effort = draw(st.integers(3, 7))
    rise = draw(st.sampled_from((0.0, 0.0, 0.5, 1.0)))
    older_log = _mostly(draw, False, True, one_in=4)
    history: list[Outcome] = []
    for i in range(draw(st.integers(0, 8))):
        change = _mostly(draw, "none", "down", "up", "target", "reps", one_in=3)
        if change == "down":
            rung = ladder.shorter(rung) or rung
        elif change == "up":
            rung = ladder.longer(rung) or rung
        elif change == "target" and target is not None:
            target = round(target * draw(st.sampled_from((0.98, 0.99, 1.01))), 1)
        elif change == "reps":
            reps += 2
        judged = min(10, round(effort + rise * i))
        history.append(draw(_session(reps, target, rung, judged, older_log)))
    return ladder, history


histories = st.one_of(progressions(), progressions(), progressions(),
                      st.tuples(st.sampled_from(LADDERS),
                                st.lists(outcomes(), min_size=0, max_size=8)))
"""Three in four walk a ladder, the rest are any sessions at all."""


def _last(history: list[Outcome]) -> tuple[Outcome | None, Outcome | None, bool]:
    """The last session not flagged, the one before it, and whether the newest is flagged."""
    counted = [o for o in history if counts(o)][-20:]
    plain = [o for o in counted if not o.flagged]
    newest_flagged = bool(counted) and counted[-1].flagged
    last = plain[-1] if plain else None
    before = plain[-2] if len(plain) >= 2 else None
    return last, before, newest_flagged


def _devs(outcome: Outcome) -> list[float]:
    return [(s - t) / t * 100 for s, t in zip(outcome.splits_s, outcome.targets_s, strict=True)
            if s is not None and t is not None]


def _plainly_blown(outcome: Outcome) -> bool:
    """A blow-up that needs no rule to see: a rep skipped, a rep planned not run, a rep more
    than 3.5 % slow."""
    short = outcome.reps_planned is not None and len(outcome.splits_s) < outcome.reps_planned
    return (None in outcome.splits_s or short or any(d > 3.5 + 1e-6 for d in _devs(outcome)))


def _plainly_clean(outcome: Outcome) -> bool:
    """What clean needs, read from the splits: every rep run, on targets, none over +1.2 %."""
    devs = _devs(outcome)
    return (not _plainly_blown(outcome) and None not in outcome.targets_s
            and all(d <= 1.2 + 1e-6 for d in devs))


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
    if _plainly_blown(last):
        assert blown and advice.action not in FORWARD, (advice.action, kinds)
    if advice.action in FORWARD:
        # Two clean sessions of the same work on this rung, read here from the figures.
        assert before is not None and _plainly_clean(last) and _plainly_clean(before)
        assert ladder.rung(before.rung_s or 0.0) == rung
        assert before.reps_of_work == last.reps_of_work
        assert before.mean_target_s is not None and last.mean_target_s is not None
        assert abs(before.mean_target_s - last.mean_target_s) <= 0.006 * last.mean_target_s
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
        assert advice.rest_s == ladder.shorter(rung) and advice.reps == last.reps_told
    if advice.action in ("reps", "pace", "hold"):
        assert advice.rest_s == rung
    if advice.action == "reps":
        assert ladder.then is not None and advice.reps == last.reps_of_work + ladder.then.reps
    if advice.action in ("pace", "hold", "lengthen"):
        # The reps as the last session told them; never a stopped set's count as a plan.
        assert advice.reps == last.reps_told
        assert advice.reps is None or advice.reps >= last.reps_run
    if last.reps_planned is None and (None in last.splits_s or last.status != "completed"):
        assert advice.reps is None  # an older log's set stopped short tells no plan


def _even(rung_s: float, **kwargs: object) -> Outcome:
    """Eight reps 0.3 % slow at effort 7 on ``rung_s``: clean, unless ``kwargs`` change it."""
    fields: dict[str, object] = {
        "splits_s": (84.75,) * 8, "targets_s": (84.5,) * 8, "efforts": (7,) * 8,
        "rung_s": rung_s, "reps_planned": 8, "rests_s": (rung_s,) * 7}
    fields.update(kwargs)
    return Outcome(**fields)  # type: ignore[arg-type]


PINNED = (
    (LADDERS[0], [_even(30.0), _even(30.0)]),  # the shortest rung held twice: then reps +2
    (LADDERS[1], [_even(60.0), _even(60.0)]),  # ... and then pace -1s
    (LADDERS[3], [_even(60.0, reps_planned=None),  # an older log: a rep skipped is no clean
                  _even(60.0, reps_planned=None, splits_s=(84.75,) * 7 + (None,))]),
    (LADDERS[3], [_even(60.0, reps_planned=None, splits_s=(84.75,) * 5, targets_s=(84.5,) * 5,
                        efforts=(7,) * 5, status="abandoned")]),  # stopped: no reps told
)
"""Histories every run checks, whatever Hypothesis draws: the branches the rarest draws
reach."""


@settings(max_examples=EXAMPLES, deadline=None)
@given(histories)
def test_the_advice_keeps_coaching_invariants(case: tuple[Ladder, list[Outcome]]) -> None:
    ladder, history = case
    _check(advise(history, ladder), ladder, history)


@pytest.mark.parametrize(("ladder", "history"), PINNED)
def test_pinned_histories_keep_the_invariants(ladder: Ladder, history: list[Outcome]) -> None:
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


@pytest.mark.parametrize("what", ["shorten", "reps", "pace", "lengthen", "effort_rising",
                                  "new work"])
def test_the_histories_reach_what_the_invariants_are_about(what: str) -> None:
    """The generator walks into every branch the invariants guard, so none holds vacuously:
    each action, a rising effort after two clean sessions, two clean sessions of new work."""
    def reaches(case: tuple[Ladder, list[Outcome]]) -> bool:
        ladder, history = case
        advice = advise(history, ladder)
        if what == "effort_rising":
            return "effort_rising" in advice.verdict.kinds and "two clean" in advice.sentence
        if what == "new work":
            return "one change at a time" in advice.sentence
        return advice.action == what

    assert find(progressions(), reaches, settings=settings(max_examples=5000, deadline=None))
