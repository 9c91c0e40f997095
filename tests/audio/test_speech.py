"""Phrases rendered by the real espeak-ng (the Makefile installs it), cached by text and voice."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from intervaltimer.audio.speech import NOT_INSTALLED, Speech, read_clip
from tests.helpers.speech import espeak_itself


def test_a_phrase_is_espeaks_own_rendering_kept_in_the_cache(tmp_path: Path) -> None:
    speech = Speech(tmp_path / "cache")
    clip = speech.render_now("last one")
    assert clip is not None
    assert clip.frames == espeak_itself(tmp_path, "last one")
    assert (clip.rate, clip.channels, clip.sample_width) == (22050, 1, 2)
    assert 0.5 < clip.length_s < 2.0
    assert clip.path.parent == tmp_path / "cache"
    assert read_clip("last one", clip.path).frames == clip.frames
    assert speech.problem is None


def test_the_cache_serves_a_later_run_without_espeak(tmp_path: Path) -> None:
    first = Speech(tmp_path, voice="en")
    made = first.render_now("one twenty-six")
    assert made is not None
    again = Speech(tmp_path, voice="en", espeak="/bin/false")  # would fail if it ran
    clip = again.render_now("one twenty-six")
    assert clip is not None and clip.frames == made.frames
    other_voice = Speech(tmp_path, voice="en-us", espeak="/bin/false")
    assert other_voice.render_now("one twenty-six") is None  # cached by text *and* voice
    assert other_voice.path_for("one twenty-six") != first.path_for("one twenty-six")


def test_the_worker_renders_urgent_phrases_first_and_says_when_ready(tmp_path: Path) -> None:
    ready: list[str] = []
    done = threading.Event()

    def on_ready(text: str) -> None:
        ready.append(text)
        if len(ready) == 3:
            done.set()

    speech = Speech(tmp_path, on_ready=on_ready)
    speech.prepare(["thirty seconds", "ten seconds"])
    speech.prepare(["eighty-six four, one second slow"], urgent=True)
    assert done.wait(30)
    speech.close()
    assert set(ready) == {"thirty seconds", "ten seconds", "eighty-six four, one second slow"}
    assert all(speech.clip(text) is not None for text in ready)


def test_without_espeak_there_is_nothing_to_say_and_it_says_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng on it
    speech = Speech(tmp_path / "cache")
    assert not speech.available
    assert speech.problem == NOT_INSTALLED
    speech.prepare(["last one"])
    assert speech.render_now("last one") is None
    assert speech.failed("last one")
    assert not (tmp_path / "cache").exists()


def test_a_failed_render_leaves_no_file_behind(tmp_path: Path) -> None:
    speech = Speech(tmp_path, espeak="/bin/false")
    assert speech.render_now("last one") is None
    assert speech.failed("last one")
    assert speech.problem is not None and speech.problem.startswith("espeak-ng failed")
    assert list(tmp_path.iterdir()) == []


def test_the_cache_is_pruned_least_recently_used_first(tmp_path: Path) -> None:
    speech = Speech(tmp_path)
    old, new = speech.path_for("old"), speech.path_for("new")
    for when, path in ((1_000_000, old), (2_000_000, new)):
        path.write_bytes(bytes(1000))
        os.utime(path, (when, when))
    assert speech.prune(limit_bytes=1500) == 1
    assert not old.exists() and new.exists()
    assert speech.prune(limit_bytes=1500) == 0


def test_a_cache_that_cannot_be_written_falls_back_to_a_private_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    speech = Speech(blocker / "speech")
    clip = speech.render_now("last one")
    assert clip is not None and clip.frames == espeak_itself(tmp_path, "last one")
    assert speech.problem is None
    assert clip.path.parent == speech.cache and speech.cache.name.startswith(
        "intervaltimer-speech-")
    shutil.rmtree(speech.cache)
