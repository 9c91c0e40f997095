"""intervals.icu workout text: written ready to paste, read back to the same reps and targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.export.icuread import read_icu_text
from intervaltimer.export.icutext import icu_text
from intervaltimer.export.steps import SEND_OFF_NOTE, export_blocks
from intervaltimer.export.yamlout import workout_yaml
from intervaltimer.workout.loader import load_workout, parse_workout
from intervaltimer.workout.model import Ends, StepKind, WorkoutError
from intervaltimer.workout.plan import Plan, PlannedStep, expand
from intervaltimer.workout.profile import Profile
from intervaltimer.workout.races import parse_race
from tests.helpers.fitkit import PROFILE, SHIPPED

HALF_SECOND_PER_KM = 0.5 / 1000  # an absolute pace is written to the whole second per km


def round_trip(path: Path, profile: Profile | None = PROFILE) -> tuple[Plan, Plan, list[str]]:
    """The plan of a shipped workout, and the plan of its icu text read back (as YAML)."""
    workout = load_workout(path)
    plan = expand(workout, profile)
    text = icu_text(workout.name, export_blocks(workout, plan))
    back, lost = read_icu_text(text, "back.txt", "back")
    again = parse_workout(workout_yaml(back), "back.yaml")
    return plan, expand(again, None), lost


def _speed(step: PlannedStep) -> float | None:
    if step.distance_m and step.target_s:
        return step.distance_m / step.target_s
    return None if not step.pace_s_per_m else 1 / step.pace_s_per_m


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_workout_comes_back_with_the_same_reps_and_targets(path: Path) -> None:
    plan, back, lost = round_trip(path)
    assert lost == []
    steps = [s for s in back.steps if s.note != SEND_OFF_NOTE]
    assert len(steps) == len(plan.steps)
    assert len([s for s in steps if s.is_work]) == len(plan.work_steps)
    for got, want in zip(steps, plan.steps, strict=True):
        where = f"step {want.index} ({want.label})"
        assert (got.kind, got.ends, got.distance_m, got.reps, got.activity, got.exercise) == (
            want.kind, want.ends, want.distance_m, want.reps, want.activity, want.exercise), where
        if want.duration_s is not None:
            assert got.duration_s == pytest.approx(want.duration_s, abs=0.5), where
        if want.target_s is not None and want.distance_m is not None:
            assert got.target_s is not None, where
            assert abs(got.target_s - want.target_s) <= (
                want.distance_m * HALF_SECOND_PER_KM + 1e-6), where
        wanted = _speed(want) if want.kind is not StepKind.REST else None
        if wanted is None:
            assert got.target_s is None and got.pace_s_per_m is None, where
        else:
            speed = _speed(got)
            assert speed is not None and speed == pytest.approx(wanted, rel=0.005), where
        # a number stuck to a word gets a space ("5k" -> "5 k"), nothing else changes
        assert (got.note or "").replace(" ", "") == (want.note or "").replace(" ", ""), where


def test_the_text_is_what_the_builder_reads() -> None:
    path = next(p for p in SHIPPED if p.stem == "8x400-mile")
    workout = load_workout(path)
    plan = expand(workout, PROFILE)
    lines = icu_text(workout.name, export_blocks(workout, plan)).splitlines()
    assert lines[0] == workout.name
    rep = next(s for s in plan.steps if s.pace_text == "mile")
    assert rep.target_s is not None
    per_km = round(rep.target_s / 400 * 1000)
    pace = f"{per_km // 60}:{per_km % 60:02d}/km Pace"
    main = lines.index("7x")
    assert lines[main - 1] == "" and lines[main + 3] == ""  # blank lines around the repeat
    assert lines[main + 1] == f"- Run: on the beep at every 100 m - not ahead of it 400mtr {pace}"
    assert lines[main + 2] == "- Rest stand 1m"
    assert f"- Run: LAST ONE: drive the arms, open the stride 400mtr {pace}" in lines
    assert "- Rest walk: walk back, tap space at the line 1m press lap" in lines
    assert lines[2] == ("- Warm-up: easy jog, then drills (A-skips, high knees, heel flicks) 15m")
    assert not any(" 400m " in line or line.endswith(" 400m") for line in lines)


def test_paces_follow_the_runners_races() -> None:
    path = next(p for p in SHIPPED if p.stem == "6x400-mile")
    workout = load_workout(path)

    def text(mile: str) -> str:
        plan = expand(workout, Profile((parse_race(f"mile={mile}"),)))
        return icu_text(workout.name, export_blocks(workout, plan))

    assert "3:31/km Pace" in text("5:40") and "3:31/km Pace" not in text("5:00")
    assert "3:06/km Pace" in text("5:00")


def test_numbers_in_notes_cannot_pass_for_amounts() -> None:
    workout = parse_workout("name: N\nsteps:\n  - run: 200m\n    note: relax at 150m, 5k feel\n")
    text = icu_text(workout.name, export_blocks(workout, expand(workout, None)))
    assert "- Run: relax at 150 m, 5 k feel 200mtr" in text


def test_text_from_the_builder_reads_with_a_line_for_what_cannot_carry() -> None:
    text = """\
Warmup
- 10m Z1 Pace

Main set 6x
- 800mtr 3:50-3:40/km Pace
- Recovery jog 2m 50%

Cooldown
- 1.5km
- 5' press lap
"""
    workout, lost = read_icu_text(text, "tuesday.txt", "tuesday")
    plan = expand(parse_workout(workout_yaml(workout)), None)
    assert workout.name == "tuesday"
    kinds = [(s.kind, s.ends, s.duration_s, s.distance_m) for s in plan.steps]
    assert kinds[0] == (StepKind.WARMUP, Ends.TIME, 600.0, None)
    assert kinds[1:3] == [(StepKind.RUN, Ends.LAP, None, 800.0),
                          (StepKind.REST, Ends.TIME, 120.0, None)]
    assert len(plan.steps) == 1 + 12 + 2
    middle_speed = (1000 / 230 + 1000 / 220) / 2  # the middle of 3:50 to 3:40 per km
    assert plan.steps[1].target_s == pytest.approx(800 / middle_speed, abs=0.01)
    assert plan.steps[2].activity == "jog"
    assert kinds[-2:] == [(StepKind.COOLDOWN, Ends.LAP, None, 1500.0),
                          (StepKind.COOLDOWN, Ends.LAP, None, None)]
    assert lost == ["line 2: target `Z1` not carried over (only absolute paces, like 3:30/km "
                    "Pace, are)",
                    "line 2: target `Pace` not carried over (only absolute paces, like "
                    "3:30/km Pace, are)",
                    "line 6: target `50%` not carried over (only absolute paces, like 3:30/km "
                    "Pace, are)"]


def test_text_with_no_steps_is_refused_with_the_file_named() -> None:
    with pytest.raises(WorkoutError) as caught:
        read_icu_text("just a title\n\nand words\n", "empty.txt", "empty")
    assert str(caught.value).startswith("empty.txt: no steps found")


def test_a_repeat_beyond_a_hundred_is_refused_at_its_line() -> None:
    with pytest.raises(WorkoutError) as caught:
        read_icu_text("T\n\n500x\n- 100mtr\n", "big.txt", "big")
    assert str(caught.value) == "big.txt:3:1: a repeat of 500: repeats run 1 to 100 times"


def test_a_name_that_ends_like_a_repeat_stays_a_name() -> None:
    workout = parse_workout("name: Tempo 3x\nsteps:\n  - run: 10min\n")
    text = icu_text(workout.name, export_blocks(workout, expand(workout, None)))
    assert text.splitlines()[0] == "Tempo 3x (workout)"
    back, _ = read_icu_text(text, "t.txt", "t")
    assert back.name == "Tempo 3x (workout)" and len(back.steps) == 1
