"""Before the run: the plan with each rep's target and the estimated duration; enter starts.

`-` and `+` step today's rest through the workout's rest ladder (shorter,
longer, as they shorten and lengthen a rest on the run screen); only the main
set's rests change, and the workout keeps its name.

Also where a run of the same workout left unfinished by a crash is offered
for resuming (see resume.py), and where a log that cannot take the session is
reported, before the runner sets off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from intervaltimer.log.resume import abandon
from intervaltimer.track.runlog import Resume
from intervaltimer.track.start import RunClocks, resume_point, start_run, unfinished
from intervaltimer.ui.runflow import ensure_player, leave_run_flow
from intervaltimer.ui.screens.base import AppScreen
from intervaltimer.ui.widgets.fit_line import FitLine
from intervaltimer.ui.widgets.keys_footer import KeysFooter
from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.plan_table import PlanTable, targets_summary
from intervaltimer.workout.ladder import rest_text
from intervaltimer.workout.mainset import with_main_rest
from intervaltimer.workout.model import Workout, WorkoutError
from intervaltimer.workout.plan import Plan, expand
from intervaltimer.workout.plantext import plan_summary
from intervaltimer.workout.profile import AskEffort

if TYPE_CHECKING:
    from intervaltimer.log.records import SessionRecord
    from intervaltimer.ui.screens.resume import ResumeChoice

NO_PROFILE = ("No race times, so the reps have no targets: give one with --race mile=5:40, "
              "or save yours with `intervaltimer profile`.")

REST_KEYS = "- a shorter rest, + a longer one"


def summary_variants(plan: Plan, lead_in: str) -> tuple[str, ...]:
    """The plan's one-line summary, longest first, for a line that shows the longest that
    fits: `≈ 11 min · 8 reps · 8 steps · 3 s lead-in` down to `≈ 11 min`."""
    length, reps, steps = plan_summary(plan).split(" · ")
    return tuple(" · ".join(parts) for parts in (
        (length, reps, steps, lead_in), (length, reps, lead_in), (length, reps), (length,)))


class PreviewScreen(AppScreen[None]):
    """The plan of `workout` as it will run, with its targets; `enter` (or space) starts it."""

    CSS_PATH = "preview.tcss"
    # Under 20 rows (`-short`) the description and the rest keys' hint give way to the plan;
    # under 12 (`-tiny`) the sound and log line too.
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (12, "-short"), (20, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", priority=True, id="preview.start"),
        Binding("space", "start", "Start", show=False, priority=True),
        Binding("r", "remote", "Phone", id="preview.remote"),
        Binding("q,escape", "back", "Back", id="preview.back"),
        Binding("minus", "rung(1)", "Shorter rest", key_display="-", id="preview.shorter"),
        Binding("plus,equals_sign", "rung(-1)", "Longer rest", key_display="+",
                id="preview.longer"),
    ]

    def __init__(self, workout: Workout, chosen: bool = False) -> None:
        super().__init__()
        self.base = workout  # as loaded (or as --rest set it); a rung is set on a copy
        self.workout = workout
        self.plan: Plan | None = None
        self.crashed: SessionRecord | None = None
        self._unlogged_ok = False
        self._handed_over = False
        self._advised: tuple[float, int | None] | None = None  # the Today line's rest, reps
        self._stepped = chosen  # today's rest was chosen (-, +, --rest): enter keeps it

    def compose(self) -> ComposeResult:
        yield Line(self.workout.name, id="preview-title")
        yield Line(self.workout.description, id="preview-description")
        yield FitLine(id="preview-summary")
        yield Line(id="preview-advice")
        yield Line(NO_PROFILE, id="preview-profile")
        yield Line(id="preview-rest")
        yield Line(REST_KEYS, id="preview-rest-keys")
        yield FitLine(id="preview-targets")
        yield Line(id="preview-problem")
        yield Line(id="preview-status")
        yield Line(id="preview-remote")
        yield PlanTable(id="preview-plan", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Expand the plan, fill the screen, and offer a crashed session for resuming."""
        try:
            self.plan = expand(self.workout, self.services.profile)
        except WorkoutError as error:
            self._line("preview-problem", "\n".join(str(p) for p in error.problems))
        self._fill()
        self.crashed = self._find_crashed()
        if self.crashed is not None:
            self.call_after_refresh(self.offer_resume)
        phone = self.services.phone
        self._show_phone()
        if phone is not None:
            phone.watchers.append(self._phones_changed)
            if phone.at_start:
                phone.at_start = False
                self.action_remote()

    def on_unmount(self) -> None:
        """Leaving the preview other than for the run closes the phone page with it."""
        phone = self.services.phone
        if phone is None:
            return
        if self._phones_changed in phone.watchers:
            phone.watchers.remove(self._phones_changed)
        if not self._handed_over:
            phone.close_soon()

    def _line(self, widget_id: str, text: str) -> None:
        """Set one line of the screen; an empty line takes no room."""
        line = self.query_one(f"#{widget_id}", Line)
        line.show(text)
        line.set_class(not text, "-empty")  # a class, so that the breakpoints can hide it too

    def _fit_line(self, widget_id: str, *variants: str) -> None:
        """Set a line shown in the longest of its `variants` that fits; none takes no room."""
        line = self.query_one(f"#{widget_id}", FitLine)
        line.show(*variants)
        line.set_class(not variants, "-empty")

    def _fill(self) -> None:
        """Show the plan, its length and how the run will be heard and logged."""
        plan = self.plan
        self._line("preview-description", self.workout.description)
        problem = self.query_one("#preview-problem", Line)
        problem.set_class(not problem.text, "-empty")
        table = self.query_one(PlanTable)
        table.show_plan(plan)
        table.display = plan is not None
        if plan is None:
            self._fit_line("preview-summary")
            self._line("preview-profile", "")
            self._line("preview-rest-keys", "")
            self._fit_line("preview-targets")
            return
        lead_in = self.services.lead_in_s
        lead_in_s = plan.lead_in_s if lead_in is None else lead_in
        self._fit_line("preview-summary", *summary_variants(plan, f"{lead_in_s:g} s lead-in"))
        self._line("preview-profile", "" if plan.has_profile else NO_PROFILE)
        self._line("preview-advice", self._advice(plan))
        self._line("preview-rest", rest_text(plan))
        self._line("preview-rest-keys", REST_KEYS if plan.progression is not None else "")
        self._fit_line("preview-targets", *self._targets(plan))
        self._line("preview-status", self._status())

    def _advice(self, plan: Plan) -> str:
        """Today's rung and the advice from the log ("" for a main set with no timed rest)."""
        from intervaltimer.log.coach import advice_for, today_line

        store = self.services.store
        if store is None or (plan.progression is None and plan.main_rest_s is None):
            return ""
        try:
            advice = advice_for(store, self.workout.name, self.base)
        except Exception as error:  # a damaged log must not stop the run
            return f"no advice: {error}"
        self._advised = (advice.rest_s, advice.reps)
        return today_line(advice, plan.main_rest_s, plan.main_reps or None,
                          takes=not self._stepped)

    def _take_advice(self) -> None:
        """Enter takes the Today line's rest and reps, unless the runner chose them (`-`/`+`,
        or `--rest`, `--reps` or a quick text's rest on the command line)."""
        plan, advised = self.plan, self._advised
        if self._stepped or plan is None or advised is None:
            return
        rest_s, reps = advised
        if reps is not None and reps != plan.main_reps:
            from intervaltimer.workout.mainset import with_main_reps

            try:
                self.base = with_main_reps(self.base, reps)
            except WorkoutError:
                pass  # a main set --reps cannot set: today's reps stay as written
        if abs((plan.main_rest_s or -1.0) - rest_s) >= 0.5 or self.base is not self.workout:
            self.set_main_rest(rest_s)

    def _targets(self, plan: Plan) -> tuple[str, ...]:
        """The reps' targets, when steps without one (a warm-up, strides) open the plan and
        push the reps below the fold (none when the table opens with them): longest first,
        `Targets: 8 × 400 m @ mile 1:24.5`, then without `Targets:`, then a group a line."""
        first = plan.steps[0] if plan.steps else None
        summary = targets_summary(plan)
        if first is None or first.target_s is not None or not summary:
            return ()
        groups = summary.removeprefix("Targets: ")
        return summary, groups, "\n".join(groups.split(" · "))

    def set_main_rest(self, rest_s: float) -> bool:
        """Make today's main-set rest `rest_s` and show the plan again; False if it cannot be."""
        try:
            workout = with_main_rest(self.base, rest_s)
            plan = expand(workout, self.services.profile)
        except WorkoutError as error:
            self.notify(error.problems[0].message, severity="warning")
            return False
        self.workout, self.plan = workout, plan
        self._fill()
        return True

    def _status(self) -> str:
        """`sound: on · log: /path/log.sqlite3 · enter to start`."""
        player = self.services.player
        sound = player.status if player is not None else "sound: checked at the start"
        store = self.services.store
        log = f"log: {store.path}" if store is not None else "not logging (no log)"
        return f"{sound} · {log}"

    # ---- the phone page (ui/phone.py) ------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`r` is there only in an app with a phone page."""
        if action == "remote":
            return self.services.phone is not None
        return True

    def action_remote(self) -> None:
        """Open the phone page (its QR code on the screen), or show its code again."""
        phone = self.services.phone
        if phone is None:
            return
        if phone.url is not None:
            self._show_code()
        elif self.plan is not None:
            self.run_worker(self._open_phone(), group="phone", exclusive=True)

    async def _open_phone(self) -> None:
        phone, plan = self.services.phone, self.plan
        if phone is None or plan is None:
            return
        problem = await phone.open(self.workout.name, plan_summary(plan),
                                   on_start=self._phone_start)
        if problem is not None:
            self._line("preview-problem", f"no phone page: {problem}")
            return
        self._show_phone()
        self._show_code()

    def _show_code(self) -> None:
        from intervaltimer.ui.screens.remote_code import RemoteCodeScreen

        phone = self.services.phone
        if phone is None or phone.url is None or isinstance(self.app.screen, RemoteCodeScreen):
            return
        self.app.push_screen(RemoteCodeScreen(phone.url, phone.qr_data, phone.address_note))

    def _phones_changed(self, count: int) -> None:
        """A phone came (the code's work is done: close it) or went."""
        from intervaltimer.ui.screens.remote_code import RemoteCodeScreen

        if count and isinstance(self.app.screen, RemoteCodeScreen):
            self.app.screen.dismiss(None)
        self._show_phone()

    def _phone_start(self) -> str | None:
        """START on the phone: as enter here, whatever is on the laptop's screen (the phone's
        code is closed first), or why not: None when the run starts."""
        from intervaltimer.ui.screens.remote_code import RemoteCodeScreen

        if self.plan is None:
            return "the workout has a problem: see the laptop"
        top = self.app.screen
        if top is not self and not isinstance(top, RemoteCodeScreen):
            return "a question is open on the laptop: answer it there first"
        if self.crashed is not None:
            return "an unfinished session waits on the laptop: resume or close it there"
        if isinstance(top, RemoteCodeScreen):
            top.dismiss(None)
            self.call_after_refresh(self.action_start)
        else:
            self.action_start()
        return None

    def _show_phone(self) -> None:
        """`phone page: 1 phone connected · r shows its code`, while the page is open."""
        phone = self.services.phone
        if phone is None or phone.url is None:
            self._line("preview-remote", "")
            return
        count = phone.phones
        phones = f"{count} phone{'s' if count != 1 else ''} connected" if count else "no phone yet"
        self._line("preview-remote", f"phone page: {phones} · r shows its code and address")

    def _find_crashed(self) -> SessionRecord | None:
        """The newest session of this workout a crash left running, or quit before its main
        set was done not long ago (see track/start.py), if any."""
        try:
            return unfinished(self.services.store, self.workout.name,
                              self.services.wall_clock())
        except Exception as error:  # a damaged log must not stop the run
            self._line("preview-problem", f"cannot look for unfinished sessions: {error}")
            return None

    # ---- actions ----------------------------------------------------------------------

    def offer_resume(self) -> None:
        """Ask what to do with the crashed session: resume it, or close it."""
        from intervaltimer.ui.screens.resume import ResumeScreen

        record, plan = self.crashed, self.plan
        if record is None or plan is None:
            return
        store = self.services.store
        try:
            stored = resume_point(store, record).reps_stored if store is not None else 0
        except Exception:
            stored = 0
        self.app.push_screen(ResumeScreen(record, plan, stored), self._resume_answer)

    def _resume_answer(self, choice: ResumeChoice | None) -> None:
        """Act on the answer to the resume offer."""
        record, store = self.crashed, self.services.store
        if choice is None or record is None or store is None:
            return
        if choice == "abandon":
            try:
                abandon(store, record.id)
            except Exception as error:
                self._line("preview-problem", f"cannot close the unfinished session: {error}")
                return
            self.crashed = None
            self.notify("The unfinished session was closed as abandoned; its reps are kept.")
            return
        try:
            resume = resume_point(store, record)
        except Exception as error:
            self._line("preview-problem", f"cannot read the unfinished session: {error}")
            return
        self.begin(resume)

    def action_start(self) -> None:
        """Start the run (after the resume offer, if a crashed session waits for an answer)."""
        if self.plan is None:
            self.app.bell()
            return
        if self.crashed is not None:
            self.offer_resume()
            return
        self._take_advice()
        self.begin(None)

    def action_rung(self, step: int) -> None:
        """Today's rest one rung shorter (`step` 1) or longer (-1), round the ladder's ends."""
        plan, ladder = self.plan, self.workout.progression
        if plan is None or ladder is None:
            self.app.bell()
            self.notify("This workout has no rest ladder (progression: in its file).")
            return
        now = plan.main_rest_s
        if step > 0:
            rung = ladder.longest_s if now is None else ladder.shorter(now) or ladder.longest_s
        else:
            rung = ladder.shortest_s if now is None else ladder.longer(now) or ladder.shortest_s
        self._stepped = self.set_main_rest(rung)

    def action_back(self) -> None:
        """Back to the library, or out of the app."""
        leave_run_flow(self.app)

    def begin(self, resume: Resume | None) -> None:
        """Set the run off (track/start.py) and switch to the run screen.

        A session to resume that cannot be taken over is reported here, before the
        run; a second `enter` then runs without logging. A new session never waits
        for the log: a locked log is written once it frees.
        """
        from intervaltimer.ui.screens.run import RunScreen

        plan = self.plan
        if plan is None:
            return
        services = self.services
        profile = services.profile
        try:
            runner = start_run(
                plan, self.workout, store=None if self._unlogged_ok else services.store,
                clocks=RunClocks(services.clock, services.wall_clock),
                player=ensure_player(self.app), lead_in_s=services.lead_in_s, resume=resume,
                ask_unpaced=profile is not None and profile.ask_effort is AskEffort.ALL)
        except Exception as error:  # StoreError, or a log damaged in some other way
            self._unlogged_ok = True
            self._line("preview-problem", f"cannot log this run: {error}. Press enter again to "
                                          f"run it without logging, or q to stop.")
            return
        services.run_logs.append(runner.log)
        if services.phone is not None:
            services.phone.attach(runner, on_screen=lambda: services.active_run is runner)
        self._handed_over = True
        self.app.switch_screen(RunScreen(runner, title=self.workout.name))
