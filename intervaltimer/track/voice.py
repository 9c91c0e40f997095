"""The voice: a face of the runner that says the split after each lap, "last one", and in
`full` mode the rep and its target at GO, the rest's last thirty and ten seconds and the
time at halfway.

It follows the runner through `Runner.add_listener`, so a lap from the keyboard,
the phone or a clicker is said the same way. Phrases are queued in order; each
plays only when no beep is due within its length (a beep is never delayed or
talked over: the phrase waits until the beep has sounded), and a phrase that is
no longer true is dropped: a split once the next rep has begun or the lap was
undone, "thirty seconds" once the rest is over, or any timed phrase that could
not start within a couple of seconds of its moment.

The voice's own thread (`start()`) plays what is due on the runner's clock; tests
call `pump()` on a fake clock instead. What to say is in `phrases.py`; how it
sounds is `audio/speech.py` and the player.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from intervaltimer.audio.cues import CUE_NAMES, cue_duration_s
from intervaltimer.engine.events import Event, EventKind, Phase, State
from intervaltimer.track import phrases
from intervaltimer.workout.profile import VoiceMode

if TYPE_CHECKING:
    from intervaltimer.audio.speech import SpokenClip
    from intervaltimer.track.runner import Runner
    from intervaltimer.workout.plan import PlannedStep

BEEP_GAP_S = 0.05  # kept clear before and after each beep
THIRTY_S = 30
THIRTY_MIN_REST_S = 40.0  # "thirty seconds" only in rests longer than this
TIMED_PHRASE_LATE_S = 2.5  # a phrase tied to a moment is dropped if it cannot start by then
IDLE_WAKE_S = 0.5  # the voice's thread looks again at least this often


class SpeechSource(Protocol):
    """What the voice needs of the renderer (`audio.speech.Speech`, or a fake in tests)."""

    problem: str | None
    on_ready: Callable[[str], None] | None

    def clip(self, text: str) -> SpokenClip | None:
        """The rendered phrase, or None while it is not ready."""
        ...

    def failed(self, text: str) -> bool:
        """The phrase will never be ready."""
        ...

    def prepare(self, texts: Iterable[str], *, urgent: bool = False) -> None:
        """Render these in the background."""
        ...


@dataclass(frozen=True)
class Phrase:
    """A phrase waiting to be said: not before `due_at`; true while its generation holds.

    `per_rep`: it stays true until the next rep begins (a split, "last one");
    else until the step it was said in ends. `expires_at`: dropped if it has not
    started by then. `key` names timed phrases so a changed moment replaces them.
    """

    text: str
    due_at: float
    generation: int
    per_rep: bool
    expires_at: float | None = None
    key: str = ""


class Voice:
    """Says the run's phrases through the runner's player, never over a beep.

    `mode` (off, short, full) comes from the profile; `cycle()` is the `v` key.
    `speech` None or without espeak-ng: the voice is silent and `problem` says why.
    """

    def __init__(self, runner: Runner, speech: SpeechSource | None,
                 mode: VoiceMode = VoiceMode.SHORT, *,
                 beep_s: Mapping[str, float] | None = None) -> None:
        self.runner = runner
        self.speech = speech
        self.mode = mode
        self.clock = runner.clock
        self.beep_s = ({cue: cue_duration_s(cue) for cue in CUE_NAMES}
                       if beep_s is None else dict(beep_s))
        self._longest_beep_s = max(self.beep_s.values(), default=0.0)
        self._lock = threading.Condition()
        self._queue: list[Phrase] = []
        self._rep_generation = 0
        self._step_generation = 0
        self._announced: set[int] = set()  # last reps already announced ("last one")
        self._spoken_keys: set[str] = set()
        self._played_beeps: list[tuple[float, float]] = []  # (start, end) of cues just played
        self._due_beeps: list[tuple[float, float]] = []  # (start, end) of cues still due
        self.said: list[tuple[str, float]] = []  # (text, clock instant) of each phrase played
        self._speaking: Phrase | None = None
        self._speaking_until = float("-inf")
        self._poked = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._noticed = False
        runner.add_listener(self.on_events)

    # ---- for the faces ------------------------------------------------------------------

    @property
    def problem(self) -> str | None:
        """Why nothing is said although the mode asks for speech; None when all is well."""
        if self.mode is VoiceMode.OFF:
            return None
        if self.speech is None:
            return "no speech on this machine; cues are beeps only"
        return self.speech.problem

    @property
    def status(self) -> str:
        """One line: "voice: short", "voice: off", or the mode with the problem."""
        problem = self.problem
        return f"voice: {self.mode.value}" + (f" ({problem})" if problem else "")

    def take_notice(self) -> str | None:
        """The problem, the first time it is asked for (a face says it once), else None."""
        problem = self.problem
        if problem is None or self._noticed:
            return None
        self._noticed = True
        return problem

    def cycle(self) -> VoiceMode:
        """The `v` key: off -> short -> full -> off; returns the new mode."""
        with self._lock:
            self.mode = self.mode.next()
            if self.mode is VoiceMode.OFF:
                self._queue.clear()
            self._poke()
        if self.mode is not VoiceMode.OFF:
            self.prerender()
        return self.mode

    def prerender(self) -> None:
        """Ask the renderer for every fixed phrase this session can need in this mode, so each
        is instant when its moment comes (splits are rendered as they are lapped)."""
        if self.speech is None or self.mode is VoiceMode.OFF:
            return
        texts = [phrases.LAST_ONE]
        if self.mode is VoiceMode.FULL:
            texts += [phrases.seconds_left_phrase(THIRTY_S), phrases.seconds_left_phrase(10)]
        for step in self.runner.session.plan.steps if self.mode is VoiceMode.FULL else ():
            said = phrases.go_phrase(step) if step.is_work else None
            if said is not None:
                texts.append(said)
            half = phrases.halfway_s(step)
            if half is not None:
                texts.append(phrases.halfway_phrase(half, phrases.in_seconds(step.distance_m)))
        self.speech.prepare(texts)

    def pending(self) -> list[str]:
        """The phrases waiting, in the order they will be said (for tests and faces)."""
        with self._lock:
            return [phrase.text for phrase in self._queue]

    # ---- following the runner -----------------------------------------------------------

    def on_events(self, events: list[Event]) -> None:
        """The runner's listener: queue what these events call for, note the beeps."""
        view = self.runner.session
        now = self.clock()
        with self._lock:
            if self._closed:
                return
            for event in events:
                if event.cue is not None:
                    self._played_beeps.append((now, now + self._length_s(event.cue)))
                self._follow(event, now)
            self._time_phrases(now)
            self._due_beeps = [(at, at + self._length_s(cue)) for at, cue in view.cue_times()]
            self._played_beeps = [b for b in self._played_beeps if b[1] + BEEP_GAP_S >= now]
            self._drop_stale(now)
            wanted = [phrase.text for phrase in self._queue]
            self._poke()
        if wanted and self.speech is not None:
            self.speech.prepare(wanted, urgent=True)

    def _follow(self, event: Event, now: float) -> None:
        steps = self.runner.session.plan.steps
        step = steps[event.step_index - 1] if 0 < event.step_index <= len(steps) else None
        kind = event.kind
        if kind in (EventKind.STEP_FINISHED, EventKind.SKIPPED, EventKind.LEAD_IN,
                    EventKind.SEND_OFF_REST):
            self._step_generation += 1
        if kind is EventKind.STEP_FINISHED and event.split is not None:
            self._add(phrases.split_phrase(event.split), now, per_rep=True)
        elif kind is EventKind.LAP_UNDONE:
            self._rep_generation += 1
            self._step_generation += 1
            self._announced = {i for i in self._announced if i < event.step_index}
        elif kind is EventKind.STEP_STARTED and step is not None:
            self._step_generation += 1
            if step.is_work:
                self._rep_generation += 1
                said = phrases.go_phrase(step)
                if said is not None and self.mode is VoiceMode.FULL:
                    self._add(said, now, per_rep=False)
                self._last_one(step, now, per_rep=False)
            else:
                self._last_one(phrases.rep_after(steps, event.step_index), now, per_rep=True)
        elif kind in (EventKind.LEAD_IN, EventKind.SEND_OFF_REST):
            self._last_one(phrases.rep_after(steps, event.step_index - 1), now, per_rep=True)
        elif (kind is EventKind.TEN_SECONDS and self.mode is VoiceMode.FULL
              and self.runner.session.phase is Phase.REST):
            self._add(phrases.seconds_left_phrase(10), now, per_rep=False,
                      expires_at=event.at + TIMED_PHRASE_LATE_S)

    def _last_one(self, step: PlannedStep | None, now: float, per_rep: bool) -> None:
        """Announce the last rep of a repeat once, before it (or at its GO if lapped into)."""
        if step is None or not phrases.is_last_rep(step) or step.index in self._announced:
            return
        self._announced.add(step.index)
        if self.mode is not VoiceMode.OFF:
            self._add(phrases.LAST_ONE, now, per_rep=per_rep)

    def _time_phrases(self, now: float) -> None:
        """(Re)place the phrases tied to a moment of the step: thirty seconds, halfway."""
        view = self.runner.session
        self._queue = [p for p in self._queue if not p.key]
        if self.mode is not VoiceMode.FULL or view.state is not State.RUNNING:
            return
        step = view.current
        ends = view.ends_at()
        if view.phase is Phase.REST and ends is not None:
            key = f"thirty:{self._step_generation}"
            rest_s = view.elapsed_s() + (view.remaining_s() or 0.0)
            due = ends - THIRTY_S
            if (rest_s > THIRTY_MIN_REST_S and due >= now - TIMED_PHRASE_LATE_S
                    and key not in self._spoken_keys):
                self._add(phrases.seconds_left_phrase(THIRTY_S), due, per_rep=False,
                          expires_at=due + TIMED_PHRASE_LATE_S, key=key)
        elif view.phase is Phase.WORK and step is not None and not view.waiting:
            half = phrases.halfway_s(step)
            key = f"halfway:{self._step_generation}"
            if half is not None and key not in self._spoken_keys:
                due = now + half - view.elapsed_s()
                if due >= now - TIMED_PHRASE_LATE_S:
                    said = phrases.halfway_phrase(half, phrases.in_seconds(step.distance_m))
                    self._add(said, due, per_rep=False,
                              expires_at=due + TIMED_PHRASE_LATE_S, key=key)

    def _add(self, text: str, due_at: float, *, per_rep: bool,
             expires_at: float | None = None, key: str = "") -> None:
        if self.mode is VoiceMode.OFF:  # nothing is queued (or rendered) while off
            return
        generation = self._rep_generation if per_rep else self._step_generation
        phrase = Phrase(text, due_at, generation, per_rep, expires_at, key)
        at = len(self._queue)
        while at > 0 and self._queue[at - 1].due_at > due_at:
            at -= 1
        self._queue.insert(at, phrase)

    def _untrue(self, phrase: Phrase) -> bool:
        """The rep (or step) the phrase was about is over."""
        current = self._rep_generation if phrase.per_rep else self._step_generation
        return phrase.generation != current

    def _stale(self, phrase: Phrase, now: float) -> bool:
        late = phrase.expires_at is not None and now > phrase.expires_at
        return self._untrue(phrase) or late

    def _drop_stale(self, now: float) -> None:
        """Forget phrases no longer true or too late; cut short the one playing if untrue."""
        self._queue = [p for p in self._queue if not self._stale(p, now)]
        speaking = self._speaking
        if speaking is not None and self._speaking_until > now and self._untrue(speaking):
            if self.runner.player is not None:
                self.runner.player.hush()
            self._speaking = None
            self._speaking_until = now

    # ---- saying it ----------------------------------------------------------------------

    def pump(self) -> float | None:
        """Say what is due now if no beep is near; the clock instant to look again, or None
        (nothing waits on the clock: a phrase being rendered pokes the voice when ready)."""
        with self._lock:
            while True:
                now = self.clock()
                self._drop_stale(now)
                if self._closed or self.mode is VoiceMode.OFF or not self._queue:
                    return None
                head = self._queue[0]
                if head.due_at > now:
                    return head.due_at
                if self._speaking_until > now:
                    return self._speaking_until
                clip = self.speech.clip(head.text) if self.speech is not None else None
                if clip is None:
                    if self.speech is None or self.speech.failed(head.text):
                        self._queue.pop(0)
                        continue
                    return None
                start = self._slot(now, clip.length_s)
                if start > now:
                    return start
                self._queue.pop(0)
                if head.key:
                    self._spoken_keys.add(head.key)
                if self.runner.player is not None and self.runner.player.say(clip):
                    self._speaking = head
                    self._speaking_until = now + clip.length_s
                    self.said.append((head.text, now))

    def _length_s(self, cue: str | None) -> float:
        """How long a cue sounds; an unknown one (a step's end) as long as the longest."""
        return self._longest_beep_s if cue is None else self.beep_s.get(cue, self._longest_beep_s)

    def _slot(self, now: float, length_s: float) -> float:
        """The first instant from `now` at which `length_s` of speech touches no beep."""
        start = now
        for begin, end in sorted(self._played_beeps + self._due_beeps):
            if start < end + BEEP_GAP_S and start + length_s > begin - BEEP_GAP_S:
                start = end + BEEP_GAP_S
        return start

    def _poke(self) -> None:
        """Wake the voice's thread (the lock is held)."""
        self._poked = True
        self._lock.notify_all()

    def poke(self, _text: str = "") -> None:
        """Look again now (a phrase became ready): the renderer's `on_ready`."""
        with self._lock:
            self._poke()

    def start(self) -> None:
        """Say phrases from a thread of the voice's own, on the runner's clock, until `close()`.

        The renderer wakes the thread when a phrase it waits for is ready.
        """
        if self.speech is not None:
            self.speech.on_ready = self.poke
        self.prerender()
        with self._lock:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            wake = self.pump()
            with self._lock:
                if self._closed:
                    return
                if not self._poked:
                    wait = IDLE_WAKE_S if wake is None else wake - self.clock()
                    if wait > 0:
                        self._lock.wait(min(wait, IDLE_WAKE_S))
                self._poked = False

    def close(self) -> None:
        """Stop following the runner and saying anything."""
        self.runner.remove_listener(self.on_events)
        with self._lock:
            self._closed = True
            self._queue.clear()
            self._poke()
            thread = self._thread
        if self.speech is not None and self.speech.on_ready == self.poke:
            self.speech.on_ready = None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)

