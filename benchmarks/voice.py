"""The voice on the real clock: lap -> first sample of the spoken split, and cue lateness
while the voice speaks, against the same workout run with the voice off.

Runs the real app headless (`make_app(...)` + `app.run_test()`) on the real monotonic clock
with the real player (simpleaudio through ALSA; on a machine with no sound card, or by
default, ALSA's default device is pointed at a `file` PCM over `null` in a temporary HOME,
so the samples really go through ALSA), real espeak-ng rendering into an empty temporary
cache, and the voice in `full` mode. Five 60 m reps at mile pace (pacer beeps at 30 m,
8 s rests with 3-2-1) are lapped at target + an offset, so splits 1, 3 and 5 are new
phrases (rendered when lapped) and 2 and 4 repeat 1 and 3 (from the cache).

"Lap -> first sample" is from the lap (the instant the engine took it) to the return of the
player's `say` (simpleaudio has opened the device and queued the first samples); "key" is
from the space key sent, so it adds the UI's handling of the key. Both include the lap's own
chirp (the `lap` cue, 155 ms), which the phrase must wait for; "after the beep" is the voice's
own part. Cue lateness is each clock-driven cue's play call against its planned instant.

Goals: lap -> first sample of the spoken split, median under 300 ms; worst cue under
20 ms late with the voice on. Prints PASS or FAIL and exits 0 either way (a speed goal is not a
test).

    .venv/bin/python benchmarks/voice.py [--real-device]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_VOICE_MS = 300.0
GOAL_CUE_MS = 20.0
OFFSETS_S = (0.3, 0.3, -0.3, -0.3, 0.6)  # lap at target + this: 2 and 4 repeat 1 and 3
WORKOUT = f"""\
name: voice timing
lead_in: 3s
steps:
  - repeat: {len(OFFSETS_S)}
    steps:
      - run: 60m
        pace: mile
        pacer: 30m
      - rest: 8s
"""


def use_a_file_device(home: Path) -> None:
    """Point ALSA's default device at a `file` PCM over `null` (read at the first open)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / ".asoundrc").write_text(
        'pcm.!default {\n  type file\n  slave.pcm "null"\n  file "/dev/null"\n'
        '  format "raw"\n}\n')
    os.environ["HOME"] = str(home)


class TimedPlayer:
    """The real player, with the instant of each cue's play call and each phrase's start."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.played: list[tuple[str, float]] = []
        self.said: list[tuple[str, float, float]] = []  # (text, asked, returned)

    @property
    def status(self) -> str:
        return str(self.inner.status)

    @property
    def muted(self) -> bool:
        return bool(self.inner.muted)

    def play(self, cue: str) -> None:
        self.played.append((cue, time.monotonic()))
        self.inner.play(cue)

    def say(self, clip: Any) -> bool:
        asked = time.monotonic()
        started = bool(self.inner.say(clip))
        if started:
            self.said.append((clip.text, asked, time.monotonic()))
        return started

    def hush(self) -> None:
        self.inner.hush()

    def toggle_mute(self) -> bool:
        return bool(self.inner.toggle_mute())

    def close(self) -> None:
        self.inner.close()


async def run_workout(voice_mode: str, cache: Path) -> dict[str, Any]:
    """Run the workout once; what was played, said and lapped, and the planned cue instants."""
    from intervaltimer.audio.player import make_player
    from intervaltimer.audio.speech import Speech
    from intervaltimer.engine.events import Event
    from intervaltimer.ui.app import Start, make_app
    from intervaltimer.workout.loader import parse_workout
    from intervaltimer.workout.profile import Profile, VoiceMode
    from intervaltimer.workout.races import parse_race

    player = TimedPlayer(make_player())
    speech = Speech(cache)
    profile = Profile((parse_race("mile=5:40"),), VoiceMode(voice_mode))
    app = make_app(player=player, speech=speech, profile=profile,  # type: ignore[arg-type]
                   start=Start(screen="run", workout=parse_workout(WORKOUT, "voice.yaml")))
    heard: list[tuple[Event, float]] = []  # each cue's event and its play call
    unpaired: list[int] = []
    laps: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        runner = None
        while runner is None:
            await asyncio.sleep(0.02)
            runner = app.runs.active
        seen = len(player.played)

        def pair(events: list[Event]) -> None:
            """The runner plays a tick's cues, then calls its listeners: pair them up."""
            nonlocal seen
            plays, seen = player.played[seen:], len(player.played)
            cued = [e for e in events if e.cue is not None]
            if len(plays) != len(cued):
                unpaired.append(len(cued) - len(plays))
            heard.extend((e, at) for e, (_, at) in zip(cued, plays, strict=False))

        runner.add_listener(pair)
        lapped = 0
        while not runner.finished:
            view = runner.session
            step = view.current
            if (step is not None and step.is_work and step.target_s is not None
                    and not view.waiting and lapped < len(OFFSETS_S)
                    and len(view.splits) == lapped):
                due = step.target_s + OFFSETS_S[lapped] - view.elapsed_s()
                if due > 0:
                    await asyncio.sleep(min(due, 0.2) if due > 0.02 else due)
                    continue
                laps.append(time.monotonic())
                await pilot.press("space")
                lapped += 1
                continue
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
    speech.close()
    player.close()
    return {"played": player.played, "said": player.said, "laps": laps, "heard": heard,
            "unpaired": unpaired,
            "splits": [split_text(s) for s in runner.session.splits],
            "taken": [s.ended_at for s in runner.session.splits]}


def split_text(split: Any) -> str:
    from intervaltimer.track.phrases import split_phrase

    return str(split_phrase(split))


def lateness_ms(run: dict[str, Any]) -> list[float]:
    """Each clock-driven cue's play call against its planned instant (lap cues left out)."""
    laps = run["laps"]
    return [(played - event.at) * 1000 for event, played in run["heard"]
            if not any(abs(event.at - lap) < 0.05 for lap in laps)]


def report(voiced: dict[str, Any], quiet: dict[str, Any], render_ms: list[float]) -> None:
    """The tables and the verdicts."""
    print(f"{'rep':>3}  {'split said':34}{'key->sample':>12}{'lap->sample':>12}"
          f"{'after beep':>11}  source")
    from intervaltimer.audio.cues import cue_duration_s
    from intervaltimer.track.voice import BEEP_GAP_S

    lap_beep_s = cue_duration_s("lap")
    seen: set[str] = set()
    own: dict[str, list[float]] = {"rendered": [], "cached": []}
    totals: dict[str, list[float]] = {"rendered": [], "cached": []}
    rows = zip(voiced["splits"], voiced["laps"], voiced["taken"], strict=False)
    for rep, (text, key, lap) in enumerate(rows, 1):
        said = next((s for s in voiced["said"] if s[0] == text and s[1] >= lap), None)
        source = "cached" if text in seen else "rendered"
        seen.add(text)
        if said is None:
            print(f"{rep:3}  {text:34}{'not said':>12}")
            continue
        total = (said[2] - lap) * 1000
        after = total - lap_beep_s * 1000
        totals[source].append(total)
        own[source].append(after)
        print(f"{rep:3}  {text:34}{(said[2] - key) * 1000:10.0f}ms{total:10.0f}ms"
              f"{after:9.0f}ms  {source}")
    print("(key: the space key sent; lap: the engine took the lap and its chirp started; "
          f"after the beep: from the end of that {lap_beep_s * 1000:.0f} ms cue, including the "
          f"{BEEP_GAP_S * 1000:.0f} ms kept clear after every cue)")
    for source in ("rendered", "cached"):
        if totals[source]:
            print(f"{source}: lap -> first sample median {statistics.median(totals[source]):.0f} "
                  f"ms, after the lap's beep {statistics.median(own[source]):.0f} ms")
    print(f"espeak-ng alone, one split rendered: median {statistics.median(render_ms):.0f} ms")
    late_on, late_off = lateness_ms(voiced), lateness_ms(quiet)
    print(f"{'cue lateness':24}{'cues':>6}{'median':>10}{'worst':>10}")
    for name, late in (("voice full", late_on), ("voice off (peer)", late_off)):
        print(f"{name:24}{len(late):6}{statistics.median(late):8.2f}ms{max(late):8.2f}ms")
    for name, run in (("voice full", voiced), ("voice off", quiet)):
        if run["unpaired"]:
            print(f"warning ({name}): {len(run['unpaired'])} ticks whose cues were not all played")
    every_total = totals["rendered"] + totals["cached"]
    if every_total:
        print(f"all splits: lap -> first sample median {statistics.median(every_total):.0f} ms, "
              f"worst {max(every_total):.0f} ms")
    ok_voice = bool(every_total) and statistics.median(every_total) < GOAL_VOICE_MS
    ok_cues = max(late_on) < GOAL_CUE_MS and min(late_on) >= 0
    print(f"goal: lap -> first sample of the split, median under {GOAL_VOICE_MS:g} ms: "
          f"{'PASS' if ok_voice else 'FAIL'}")
    print(f"goal: worst cue under {GOAL_CUE_MS:g} ms late with the voice on (none early): "
          f"{'PASS' if ok_cues else 'FAIL'}")


def time_espeak(cache: Path) -> list[float]:
    """espeak-ng rendering fresh splits (no cache), the renderer's own cost."""
    from intervaltimer.audio.speech import Speech

    speech = Speech(cache)
    out = []
    for tenth in range(5):
        started = time.perf_counter()
        speech.render_now(f"eighty-{tenth + 1} {tenth}, {tenth + 2} tenths slow")
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-device", action="store_true",
                        help="play on ALSA's real default device instead of a null file PCM")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="voice-bench-") as tmp:
        root = Path(tmp)
        if not args.real_device:
            use_a_file_device(root / "home")
        voiced = asyncio.run(run_workout("full", root / "cache"))
        quiet = asyncio.run(run_workout("off", root / "cache-off"))
        render_ms = time_espeak(root / "cache-espeak")
    report(voiced, quiet, render_ms)


if __name__ == "__main__":
    main()
