"""`export-workout` and `import-workout` on the command line: files out, workouts in."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.workout.loader import load_workout
from intervaltimer.workout.model import Ends, StepKind
from intervaltimer.workout.plan import expand
from tests.helpers.fitkit import PROFILE, SHIPPED, of, sdk_checks


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "config"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_a_fit_export_goes_to_a_new_file_here_and_says_what_has_no_fit_form(config: Path
                                                                            ) -> None:
    result = run("export-workout", "every-2-30", "--format", "fit", "--race", "mile=5:40")
    assert result.exit_code == 0, result.output
    written = Path("8x400m-every-2-30.fit")
    assert sdk_checks(written.read_bytes())
    assert of(written.read_bytes(), "workout")[0]["wkt_name"] == "8 x 400 m every 2:30"
    assert "note: every: 2:30 send-offs have no FIT form" in result.output
    assert "note: pacer beeps (every 100 m) have no FIT form" in result.output
    again = run("export-workout", "every-2-30", "--format", "fit", "--race", "mile=5:40")
    assert again.exit_code == 0 and Path("8x400m-every-2-30-2.fit").exists()


def test_without_races_it_says_the_targets_are_missing(config: Path) -> None:
    result = run("export-workout", "8x400-mile", "--format", "icu")
    assert result.exit_code == 0
    assert "note: no race times, so named paces have no target" in result.output
    assert "Pace" not in result.output


def test_a_bad_workout_is_reported_at_its_line(config: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Bad\nsteps:\n  - run: 400m\n    pace: mil\n")
    result = run("export-workout", str(bad), "--format", "fit")
    assert result.exit_code == 1
    assert result.output.startswith(f"{bad}:4:11: ")
    assert not list(tmp_path.glob("*.fit"))


@pytest.mark.parametrize("form", ["fit", "icu"])
@pytest.mark.parametrize("name", ["8x400-mile", "threshold-miles"])
def test_an_export_imports_back_into_the_workouts_folder(config: Path, tmp_path: Path,
                                                         form: str, name: str) -> None:
    out = tmp_path / f"out.{form}"
    assert run("export-workout", name, "--format", form, "--race", "mile=5:40",
               "--race", "5k=19:30", "-o", str(out)).exit_code == 0
    result = run("import-workout", str(out))
    assert result.exit_code == 0, result.output
    [made] = (config / "workouts").glob("*.yaml")
    assert f"wrote {made}\n" in result.output
    shipped_name = load_workout(next(p for p in SHIPPED if p.stem == name)).name
    assert load_workout(made).name == f"{shipped_name} (imported)"  # never hides the original
    assert f"note: the library has a workout called {shipped_name!r}" in result.output
    original = expand(load_workout(next(p for p in SHIPPED if p.stem == name)), PROFILE)
    back = expand(load_workout(made), None)
    assert [s.target_s is not None for s in back.work_steps] == [
        s.target_s is not None for s in original.work_steps]
    rests = [(s.duration_s, s.activity) for s in back.steps if s.kind is StepKind.REST]
    assert rests == [(s.duration_s, s.activity) for s in original.steps
                     if s.kind is StepKind.REST]
    for got, want in zip(back.work_steps, original.work_steps, strict=True):
        assert got.distance_m == want.distance_m
        if want.target_s is not None:
            assert got.target_s == pytest.approx(want.target_s, rel=0.01)


def test_import_never_writes_over_a_file(config: Path, tmp_path: Path) -> None:
    text = tmp_path / "tuesday.txt"
    text.write_text("Tuesday hills\n\n6x\n- Run 1m 3:30/km Pace\n- Rest jog 2m Z1\n")
    first = run("import-workout", str(text))
    assert first.exit_code == 0, first.output
    assert "not carried over: line 5: target `Z1` not carried over" in first.output
    made = config / "workouts" / "tuesday-hills.yaml"
    before = made.read_bytes()
    second = run("import-workout", str(text))
    assert second.exit_code == 0
    assert made.read_bytes() == before
    second_file = config / "workouts" / "tuesday-hills-imported.yaml"
    assert load_workout(made).name == "Tuesday hills"
    assert load_workout(second_file).name == "Tuesday hills (imported)"


def test_files_that_are_no_workout_are_one_line_and_exit_1(config: Path, tmp_path: Path
                                                           ) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    result = run("import-workout", str(junk))
    assert result.exit_code == 1
    assert result.output == f"Error: {junk}: neither a FIT file nor UTF-8 text\n"
    missing = run("import-workout", str(tmp_path / "nope.fit"))
    assert missing.exit_code == 1 and "no such file" in missing.output
    broken = tmp_path / "broken.fit"
    data = bytearray(Path(_export_fit(tmp_path)).read_bytes())
    data[-1] ^= 0xFF
    broken.write_bytes(bytes(data))
    damaged = run("import-workout", str(broken))
    assert damaged.exit_code == 1
    assert "a damaged FIT file" in damaged.output
    assert not (config / "workouts").exists() or not list((config / "workouts").iterdir())


def _export_fit(tmp_path: Path) -> str:
    out = tmp_path / "w.fit"
    assert run("export-workout", "strides", "--format", "fit", "-o", str(out)).exit_code == 0
    return str(out)


def test_a_file_of_the_same_file_name_is_left_alone(config: Path, tmp_path: Path) -> None:
    folder = config / "workouts"
    folder.mkdir(parents=True)
    mine = folder / "tuesday-hills.yaml"
    mine.write_text("name: Something else\nsteps:\n  - run: 1km\n")
    text = tmp_path / "tuesday.txt"
    text.write_text("Tuesday hills\n\n- Run 1m\n")
    result = run("import-workout", str(text))
    assert result.exit_code == 0, result.output
    assert mine.read_text() == "name: Something else\nsteps:\n  - run: 1km\n"
    assert load_workout(folder / "tuesday-hills-2.yaml").name == "Tuesday hills"


def test_a_watch_workout_with_heart_rate_steps_says_what_did_not_carry(
        config: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from garmin_fit_sdk import Encoder, Profile

    nums = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": nums["FILE_ID"], "type": "workout",
                        "manufacturer": "garmin", "product": 1,
                        "time_created": datetime(2025, 5, 1, tzinfo=UTC)})
    encoder.write_mesg({"mesg_num": nums["WORKOUT"], "sport": "running", "num_valid_steps": 4,
                        "wkt_name": "Hills"})
    steps = [
        {"duration_type": "hr_less_than", "duration_value": 120, "target_type": "open",
         "intensity": "warmup"},
        {"duration_type": "time", "duration_value": 90000, "target_type": "heart_rate",
         "target_value": 4, "intensity": "active"},
        {"duration_type": "distance", "duration_value": 20000, "target_type": "open",
         "intensity": "recovery"},
        {"duration_type": "repeat_until_steps_cmplt", "duration_value": 1, "target_value": 6},
    ]
    for index, step in enumerate(steps):
        encoder.write_mesg({"mesg_num": nums["WORKOUT_STEP"], "message_index": index, **step})
    path = tmp_path / "hills.fit"
    path.write_bytes(encoder.close())
    result = run("import-workout", str(path))
    assert result.exit_code == 0, result.output
    assert "not carried over: step 1: ends on `hr_less_than`, which has no form here: ends " \
           "on lap" in result.output
    assert "not carried over: step 2: a `heart_rate` target is not carried over" in result.output
    plan = expand(load_workout(config / "workouts" / "hills.yaml"), None)
    assert [(s.kind, s.ends, s.duration_s, s.distance_m, s.activity) for s in plan.steps][:3] == [
        (StepKind.WARMUP, Ends.LAP, None, None, None),
        (StepKind.RUN, Ends.TIME, 90.0, None, None),
        (StepKind.REST, Ends.LAP, None, 200.0, "jog")]
    assert len(plan.steps) == 1 + 12
