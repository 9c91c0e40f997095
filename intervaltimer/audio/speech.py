"""Spoken phrases: rendered by espeak-ng to WAV in a worker thread, cached on disk.

`Speech.prepare(text)` asks for a phrase; the worker renders it once with
`espeak-ng -w` (22050 Hz mono 16-bit), keeps the WAV in the user cache folder
under a name made from the voice, the speed and the text, and reads its
samples into a `SpokenClip` that the player plays at the WAV's own rate, sample
for sample. A phrase asked for again, in this run or a later one, is there at
once. Without espeak-ng, `Speech.problem` says so and nothing is rendered: the
cues are beeps only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ESPEAK = "espeak-ng"
DEFAULT_VOICE = "en"
DEFAULT_WORDS_PER_MINUTE = 175  # espeak-ng's own default speed
RENDER_TIMEOUT_S = 10.0
CACHE_LIMIT_BYTES = 32 * 1024 * 1024  # about 300 phrases; the least recently said go first
NOT_INSTALLED = "espeak-ng is not installed (apt install espeak-ng); cues are beeps only"


@dataclass(frozen=True)
class SpokenClip:
    """One rendered phrase: its samples as espeak-ng wrote them, and how long it plays."""

    text: str
    path: Path
    frames: bytes
    channels: int
    sample_width: int
    rate: int

    @property
    def length_s(self) -> float:
        """How long the phrase plays, in seconds (its trailing silence included)."""
        return len(self.frames) / (self.channels * self.sample_width * self.rate)


def speech_cache_dir() -> Path:
    """Where rendered phrases are kept: `speech/` in the user cache folder."""
    from intervaltimer.locations import cache_dir

    return cache_dir() / "speech"


def read_clip(text: str, path: Path) -> SpokenClip:
    """The clip stored at `path` (raises OSError, EOFError or wave.Error if unreadable)."""
    with wave.open(str(path), "rb") as sound:
        frames = sound.readframes(sound.getnframes())
        clip = SpokenClip(text, path, frames, sound.getnchannels(), sound.getsampwidth(),
                          sound.getframerate())
    if not clip.frames:
        raise wave.Error(f"{path.name}: no samples")
    return clip


class Speech:
    """Renders phrases with espeak-ng in one worker thread and keeps them, in memory and on disk.

    `espeak` is the program's path (default: `espeak-ng` found on PATH; None
    there means no speech, and `problem` says why). `on_ready(text)` is called
    from the worker when a phrase becomes ready (or fails), so a waiting voice
    can go on. Thread-safe.
    """

    def __init__(self, cache: Path | None = None, *, voice: str = DEFAULT_VOICE,
                 words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
                 espeak: str | None = None, find: bool = True,
                 on_ready: Callable[[str], None] | None = None) -> None:
        self.cache = speech_cache_dir() if cache is None else cache
        self.voice = voice
        self.words_per_minute = words_per_minute
        self.espeak = espeak if espeak is not None or not find else shutil.which(ESPEAK)
        self.problem: str | None = None if self.espeak is not None else NOT_INSTALLED
        self.on_ready = on_ready
        self._clips: dict[str, SpokenClip] = {}
        self._failed: set[str] = set()
        self._wanted: deque[str] = deque()
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False

    @property
    def available(self) -> bool:
        """espeak-ng was found: phrases can be spoken."""
        return self.espeak is not None

    def command(self, text: str, out: Path) -> list[str]:
        """The espeak-ng command that renders `text` to `out` with this voice and speed."""
        return [str(self.espeak), "-v", self.voice, "-s", str(self.words_per_minute),
                "-w", str(out), "--", text]

    def path_for(self, text: str) -> Path:
        """The cache file of `text` in this voice: `<voice>-<speed>-<hash of the text>.wav`."""
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        voice = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.voice)
        return self.cache / f"{voice}-{self.words_per_minute}-{digest}.wav"

    def clip(self, text: str) -> SpokenClip | None:
        """The rendered phrase, or None while it is not (yet) ready."""
        with self._lock:
            return self._clips.get(text)

    def failed(self, text: str) -> bool:
        """The phrase could not be rendered (or there is no espeak-ng): it will never be ready."""
        with self._lock:
            return not self.available or text in self._failed

    def prepare(self, texts: Iterable[str], *, urgent: bool = False) -> None:
        """Render these phrases in the worker (those not ready yet); `urgent` ones first."""
        if not self.available:
            return
        with self._lock:
            if self._closed:
                return
            fresh = [t for t in dict.fromkeys(texts)
                     if t not in self._clips and t not in self._failed]
            for text in fresh:
                if text in self._wanted:
                    self._wanted.remove(text)
            if urgent:
                self._wanted.extendleft(reversed(fresh))
            else:
                self._wanted.extend(fresh)
            if fresh and self._worker is None:
                self._worker = threading.Thread(target=self._work, name="speech", daemon=True)
                self._worker.start()
            self._lock.notify_all()

    def render_now(self, text: str) -> SpokenClip | None:
        """Render (or load from the cache) `text` in this thread; None if that fails."""
        if not self.available:
            return None
        clip = self.clip(text)
        if clip is None:
            clip = self._load_or_render(text)
            with self._lock:
                if clip is None:
                    self._failed.add(text)
                else:
                    self._clips[text] = clip
        return clip

    def close(self) -> None:
        """Stop the worker after the phrase it is rendering; nothing more is rendered."""
        with self._lock:
            self._closed = True
            self._wanted.clear()
            self._lock.notify_all()
            worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout=RENDER_TIMEOUT_S)

    # ---- the worker ---------------------------------------------------------------------

    def prune(self, limit_bytes: int = CACHE_LIMIT_BYTES) -> int:
        """Delete the least recently used phrases until the cache holds `limit_bytes` at most;
        how many were deleted. Run by the worker when it starts."""
        try:
            found = [(entry.stat().st_mtime, entry.stat().st_size, entry)
                     for entry in self.cache.glob("*.wav")]
        except OSError:
            return 0
        total = sum(size for _, size, _ in found)
        deleted = 0
        for _, size, entry in sorted(found, key=lambda item: item[0]):
            if total <= limit_bytes:
                break
            try:
                entry.unlink()
            except OSError:
                continue
            total -= size
            deleted += 1
        return deleted

    def _work(self) -> None:
        self.prune()
        while True:
            with self._lock:
                while not self._wanted and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                text = self._wanted.popleft()
            self.render_now(text)
            if self.on_ready is not None:
                try:
                    self.on_ready(text)
                except Exception:  # a listener's fault must not end the worker
                    pass

    @staticmethod
    def _new_file(folder: Path) -> Path:
        """A new empty file in `folder` (made if need be) to render into."""
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".render-", suffix=".wav", dir=folder)
        os.close(fd)
        return Path(name)

    def _load_or_render(self, text: str) -> SpokenClip | None:
        """The cached WAV if it reads; else render it, the file written whole or not at all."""
        path = self.path_for(text)
        try:
            clip = read_clip(text, path)
            os.utime(path)  # recently used: kept when the cache is pruned
            return clip
        except (OSError, EOFError, wave.Error):
            pass
        try:
            tmp = self._new_file(path.parent)
        except OSError:
            # The cache folder cannot be written (read-only, full): keep this run's phrases
            # in a private temporary folder instead, so the voice still speaks.
            try:
                self.cache = Path(tempfile.mkdtemp(prefix="intervaltimer-speech-"))
                path = self.path_for(text)
                tmp = self._new_file(self.cache)
            except OSError as error:
                self.problem = f"cannot write the speech cache: {error.strerror or error}"
                return None
        try:
            done = subprocess.run(self.command(text, tmp), stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=RENDER_TIMEOUT_S, check=False)
            if done.returncode != 0:
                said = done.stderr.decode(errors="replace").strip().splitlines()
                self.problem = f"espeak-ng failed: {said[-1] if said else done.returncode}"
                return None
            clip = read_clip(text, tmp)
            os.replace(tmp, path)
            return SpokenClip(text, path, clip.frames, clip.channels, clip.sample_width, clip.rate)
        except (OSError, EOFError, wave.Error, subprocess.SubprocessError) as error:
            self.problem = f"espeak-ng failed: {error}"
            return None
        finally:
            tmp.unlink(missing_ok=True)
