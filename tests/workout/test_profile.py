"""The runner's profile: `--race` values, profile.yaml (hostile ones too), merging, saving."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from intervaltimer.workout.model import WorkoutError
from intervaltimer.workout.paces import Race
from intervaltimer.workout.profile import (
    AskEffort,
    Profile,
    VoiceMode,
    dump_profile,
    load_profile,
    merge,
    read_profile_text,
    save_profile,
)
from intervaltimer.workout.races import parse_race
from intervaltimer.workout.units import UnitError

MILE_M = 1609.344


# --- parse_race ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "race"),
    [
        ("mile=5:40", Race("mile", MILE_M, 340.0)),
        ("5k=20:00", Race("5k", 5000.0, 1200.0)),
        ("10k=41:28", Race("10k", 10000.0, 2488.0)),
        ("marathon=3:11:17", Race("marathon", 42195.0, 11477.0)),
        ("half=1:29:59.5", Race("half", 21097.5, 5399.5)),
        ("800m=2:10", Race("800m", 800.0, 130.0)),
        ("5km=20:00", Race("5k", 5000.0, 1200.0)),
        ("1mi = 5:40", Race("mile", MILE_M, 340.0)),
        ("half marathon=1:30:00", Race("half", 21097.5, 5400.0)),
        ("1200m=3:50", Race("1200m", 1200.0, 230.0)),
        ("2mi=11:40", Race("2mi", 2 * MILE_M, 700.0)),
        ("5k=20min", Race("5k", 5000.0, 1200.0)),
    ],
)
def test_parse_race(text: str, race: Race) -> None:
    assert parse_race(text) == race


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mile", "not DIST=TIME"),
        ("mile=", "has no time"),
        ("mile=5:40=6", "not DIST=TIME"),
        ("mile=fast", "mile time"),
        ("5k=20", "no unit"),
        ("mlie=5:40", "not a race distance; use 800m, 1500m, mile"),
        ("threshold=20:00", "training pace, not a race"),
        ("marathon=3:11", "faster than the world record; did you mean 3:11:00"),
        ("mile=3:20", "faster than the world record"),
        ("200m=0:25", "too short"),
        ("5k=5:00:00", "slower than walking"),
    ],
)
def test_parse_race_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UnitError, match=message):
        parse_race(text)


def test_a_fast_400m_is_not_a_world_record() -> None:
    assert parse_race("400m=49.5s").time_s == 49.5


# --- merge --------------------------------------------------------------------------------

def test_flags_override_the_file_distance_by_distance() -> None:
    file = Profile((Race("mile", MILE_M, 350.0), Race("5k", 5000.0, 1200.0)))
    merged = merge(file, [parse_race("mile=5:40"), parse_race("800m=2:30")])
    assert merged.races == (
        Race("800m", 800.0, 150.0), Race("mile", MILE_M, 340.0), Race("5k", 5000.0, 1200.0),
    )
    assert merge(None, []) == Profile(())
    assert merged.race_at(MILE_M) == Race("mile", MILE_M, 340.0)
    assert merged.race_at(3000.0) is None


# --- reading profile.yaml -------------------------------------------------------------------

def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "profile.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(WorkoutError) as caught:
        load_profile(path)
    return [str(p).replace(str(path), "P") for p in caught.value.problems]


def test_missing_file_is_no_profile(tmp_path: Path) -> None:
    assert load_profile(tmp_path / "nope.yaml") is None


def test_unquoted_clock_times_are_read_as_text_not_base_60(tmp_path: Path) -> None:
    # PyYAML would construct the int 340 from 5:40; the loader reads the text and parses it.
    path = write(tmp_path, "races:\n  mile: 5:40\n  3k: 10:08.5\n  marathon: 3:11:17\n")
    profile = load_profile(path)
    assert profile == Profile((
        Race("mile", MILE_M, 340.0), Race("3k", 3000.0, 608.5),
        Race("marathon", 42195.0, 11477.0),
    ))


def test_a_bare_number_is_not_taken_as_seconds(tmp_path: Path) -> None:
    assert problems(tmp_path, "races:\n  mile: 340\n") == [
        "P:2:9: mile time: duration '340' has no unit; write 340s or 340min"
    ]


def test_a_one_digit_second_is_an_error_not_base_60(tmp_path: Path) -> None:
    # YAML 1.1 reads 5:4 as 5 * 60 + 4 = 304; a runner most likely meant 5:40.
    found = problems(tmp_path, "races:\n  mile: 5:4\n")
    assert found == ["P:2:9: mile time: '5:4' is not a duration; write minutes and seconds "
                     "with two digits, like 1:05"]


def test_list_forms(tmp_path: Path) -> None:
    path = write(tmp_path, 'races:\n  - 5k=20:00\n  - {distance: mile, time: "5:40"}\n')
    assert load_profile(path) == Profile((Race("mile", MILE_M, 340.0),
                                          Race("5k", 5000.0, 1200.0)))


def test_empty_file_and_empty_races_are_a_profile_without_results(tmp_path: Path) -> None:
    assert load_profile(write(tmp_path, "")) == Profile(())
    assert load_profile(write(tmp_path, "races:\n")) == Profile(())


def test_every_problem_is_reported_with_its_line_and_column(tmp_path: Path) -> None:
    text = "races:\n  mile: 5:40\n  mil: 5:00\n  5k: 3:00\n  1mi: 5:50\nshoes: fast\n"
    found = problems(tmp_path, text)
    assert found[0].startswith("P:3:3: 'mil' is not a race distance")
    assert found[1] == "P:4:7: a 3:00 5k is faster than the world record"
    assert found[2] == "P:5:3: a second mile result; keep one"
    assert found[3] == ("P:6:1: unknown key `shoes`; a profile holds `races:`, `voice:`, "
                        "`model:`, `lap_keys:`, `ask_effort:` and `intervals_icu_key:`")
    assert len(found) == 4


@pytest.mark.parametrize(("line", "mode"), [
    ("voice: off", VoiceMode.OFF),  # YAML 1.1 would read a bare off as false
    ("voice: Off", VoiceMode.OFF),
    ('voice: "short"', VoiceMode.SHORT),
    ("voice: full", VoiceMode.FULL),
    ("", VoiceMode.SHORT),  # the default
])
def test_the_voice_setting(tmp_path: Path, line: str, mode: VoiceMode) -> None:
    profile = load_profile(write(tmp_path, f"races:\n  mile: 5:40\n{line}\n"))
    assert profile is not None and profile.voice is mode
    assert read_profile_text(dump_profile(profile)) == profile  # kept when saved
    assert merge(profile, [Race("5k", 5000.0, 1200.0)]).voice is mode  # and by --race


def test_a_voice_that_is_not_a_mode_is_reported_where_it_is(tmp_path: Path) -> None:
    assert problems(tmp_path, "voice: loud\n") == [
        "P:1:8: voice 'loud' is not one of off, short, full"]
    assert [VoiceMode.OFF.next(), VoiceMode.SHORT.next(), VoiceMode.FULL.next()] == [
        VoiceMode.SHORT, VoiceMode.FULL, VoiceMode.OFF]


def test_lap_keys_and_ask_effort(tmp_path: Path) -> None:
    """A clicker or a keyboard with its own lap key; effort asked of every rep."""
    profile = load_profile(write(tmp_path, "lap_keys: [Enter, l, f5, ctrl+l, l]\n"
                                           "ask_effort: All\n"))
    assert profile is not None
    assert profile.lap_keys == ("enter", "l", "f5", "ctrl+l")  # as Textual names them, once
    assert profile.ask_effort is AskEffort.ALL
    assert read_profile_text(dump_profile(profile)) == profile  # kept when saved
    one = load_profile(write(tmp_path, "lap_keys: down\n"))
    assert one is not None and one.lap_keys == ("down",) and one.ask_effort is AskEffort.PACED
    assert problems(tmp_path, "lap_keys: [l, '.', {a: b}]\nask_effort: strides\n") == [
        "P:1:15: lap key '.' is not a key's name; e.g. enter, down, f5, l, ctrl+l",
        "P:1:20: a lap key must be plain text, not a mapping",
        "P:2:13: ask_effort 'strides' is not paced (reps with a target) or all (every rep)"]


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    found = problems(tmp_path, "races: {}\nraces: {}\n")
    assert found == ["P:2:1: duplicate key `races` (first on line 1); each key appears once"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- mile=5:40\n", "P:1:1: a profile is a mapping"),
        ("races: 5k\n", "P:1:8: races go one a line"),
        ("races:\n  mile: [5, 40]\n", "P:2:9: a race time must be plain text"),
        ("races:\n  - {distance: mile}\n", "P:2:5: a race needs both distance and time"),
        ("races:\n  - {distance: mile, time: 5:40, pace: fast}\n", "P:2:34: unknown key `pace`"),
        ("races:\n  - 5k 20:00\n", "P:2:5: race '5k 20:00' is not DIST=TIME"),
        # read as workout files are (yamlnodes), with the same words for the same mistakes
        ("races:\n\tmile: 5:40\n", "P:2:1: a tab in the indentation"),
        ('races:\n  mile: "5:40\n', 'P:2:9: a quote (") opens here and is never closed'),
    ],
)
def test_malformed_profiles(tmp_path: Path, text: str, message: str) -> None:
    found = problems(tmp_path, text)
    assert len(found) == 1
    assert found[0].startswith(message)


def test_tags_that_would_construct_objects_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"races:\n  mile: !!python/object/apply:os.system ['touch {marker}']\n"
    found = problems(tmp_path, text)
    assert found == ["P:2:9: the tag `!!python/object/apply:os.system` is not allowed; "
                     "a profile holds plain values and nothing in it is constructed"]
    assert not marker.exists()


def test_binary_large_and_deep_files_are_clear_errors(tmp_path: Path) -> None:
    assert problems(tmp_path, b"\x89PNG\r\n\x1a\n\xff\xfe") == ["P:1:1: not a text file (UTF-8)"]
    assert problems(tmp_path, b"races:\x00") == ["P:1:1: not a text file (it holds NUL bytes)"]
    assert problems(tmp_path, "#" * (65 * 1024))[0].startswith("P:1:1: larger than 64 KiB")
    started = time.monotonic()
    assert problems(tmp_path, "races: " + "[" * 20000) != []
    assert time.monotonic() - started < 5  # generous: a stuck parser would hang, not be slow


def test_an_alias_bomb_is_not_walked(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        below = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([below] * 10)}]")
    lines.append("races: *a11")
    started = time.monotonic()
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert time.monotonic() - started < 5  # 10**12 leaves if walked; one level is walked
    assert found[0] == ("P:1:1: unknown key `a0`; a profile holds `races:`, `voice:`, "
                        "`model:`, `lap_keys:`, `ask_effort:` and `intervals_icu_key:`")
    # races: *a11 is a list of ten lists, all the node anchored on line 11: said once
    assert found[12:] == ["P:11:6: a race must be plain text, not a list"]


def test_read_profile_text_names_the_path() -> None:
    with pytest.raises(WorkoutError, match=r"^where\.yaml:2:9: "):
        read_profile_text("races:\n  mile: 1:00\n", "where.yaml")


# --- saving -------------------------------------------------------------------------------

def test_save_then_load_round_trips(tmp_path: Path) -> None:
    profile = Profile((Race("mile", MILE_M, 340.0), Race("1200m", 1200.0, 230.0),
                       Race("3k", 3000.0, 608.5), Race("marathon", 42195.0, 11477.0)))
    path = save_profile(merge(None, profile.races), tmp_path / "new" / "profile.yaml")
    assert load_profile(path) == merge(None, profile.races)
    assert 'mile: "5:40"' in path.read_text()
    assert os.listdir(path.parent) == ["profile.yaml"]


def test_save_replaces_the_file_and_uses_the_config_dir(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path))
    write(tmp_path, "races: {mile: 6:00}\n")
    save_profile(Profile((Race("5k", 5000.0, 1200.0),)))
    assert load_profile() == Profile((Race("5k", 5000.0, 1200.0),))


def test_a_failed_save_leaves_the_old_file_and_no_temp_file(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    path = write(tmp_path, "races: {mile: 6:00}\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_profile(Profile((Race("5k", 5000.0, 1200.0),)), path)
    assert path.read_text() == "races: {mile: 6:00}\n"
    assert os.listdir(tmp_path) == ["profile.yaml"]


def test_an_empty_profile_dumps_as_valid_yaml() -> None:
    assert read_profile_text(dump_profile(Profile(()))) == Profile(())


def test_a_bad_profile_raises_profile_error_a_kind_of_workout_error() -> None:
    from intervaltimer.workout.profile import ProfileError

    with pytest.raises(ProfileError) as caught:
        read_profile_text("races:\n  mile: soon\n", "p.yaml")
    assert isinstance(caught.value, WorkoutError)  # callers that catch WorkoutError still do
    assert str(caught.value.problems[0]).startswith("p.yaml:2:9: ")
    assert read_profile_text("# nothing yet\n") == read_profile_text("")  # empty is fine


def test_model_riegel_is_read_kept_by_merge_and_saved(tmp_path: Path) -> None:
    profile = read_profile_text('races:\n  5k: "20:00"\nmodel: riegel\n')
    assert profile.model == "riegel"
    assert read_profile_text('races:\n  5k: "20:00"\n').model == "vdot"
    merged = merge(profile, [parse_race("mile=5:40")])
    assert merged.model == "riegel" and len(merged.races) == 2
    path = save_profile(merged, tmp_path / "profile.yaml")
    assert load_profile(path) == merged


def test_a_model_that_is_not_one_is_reported_at_its_place() -> None:
    with pytest.raises(WorkoutError) as caught:
        read_profile_text('races:\n  5k: "20:00"\nmodel: mcmillan\n', "P")
    assert [str(p) for p in caught.value.problems] == [
        "P:3:8: model 'mcmillan' is not vdot or riegel"]
