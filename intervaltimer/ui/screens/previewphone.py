"""The phone page as the preview shows it: opened with `r`, its code on the screen until a
phone comes, and a line saying how many phones are connected.

`PreviewPhone` does the page's part of the preview; the screen keeps what
only it knows (whether the run may start, `on_start`) and the lines it shows
(`say(line_id, text)`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from intervaltimer.workout.plantext import plan_summary

if TYPE_CHECKING:
    from intervaltimer.ui.phone import PhonePage
    from intervaltimer.ui.screens.base import AppScreen
    from intervaltimer.workout.plan import Plan

PHONE_LINE = "preview-remote"
PROBLEM_LINE = "preview-problem"


class PreviewPhone:
    """The phone page of `screen`'s app (if it has one), as the preview shows it."""

    def __init__(self, screen: AppScreen[None], say: Callable[[str, str], None],
                 on_start: Callable[[], str | None]) -> None:
        self.screen = screen
        self.say = say
        self.on_start = on_start

    @property
    def phone(self) -> PhonePage | None:
        """The app's phone page, if it has one."""
        return self.screen.services.phone

    def mount(self, name: str, plan: Plan | None) -> None:
        """Follow the phones coming and going; open the page now if the app was started
        with it (`--remote`)."""
        phone = self.phone
        self.show()
        if phone is not None:
            phone.watchers.append(self._phones_changed)
            if phone.at_start:
                phone.at_start = False
                self.remote(name, plan)

    def unmount(self, handed_over: bool) -> None:
        """Stop following the phones; close the page unless the run took it over."""
        phone = self.phone
        if phone is None:
            return
        if self._phones_changed in phone.watchers:
            phone.watchers.remove(self._phones_changed)
        if not handed_over:
            phone.close_soon()

    def remote(self, name: str, plan: Plan | None) -> None:
        """Open the phone page (its QR code on the screen), or show its code again."""
        phone = self.phone
        if phone is None:
            return
        if phone.url is not None:
            self.show_code()
        elif plan is not None:
            self.screen.run_worker(self._open(name, plan), group="phone", exclusive=True)

    async def _open(self, name: str, plan: Plan) -> None:
        phone = self.phone
        if phone is None:
            return
        problem = await phone.open(name, plan_summary(plan), on_start=self.on_start)
        if problem is not None:
            self.say(PROBLEM_LINE, f"no phone page: {problem}")
            return
        self.show()
        self.show_code()

    def show_code(self) -> None:
        """The page's address and QR code over the preview (not twice)."""
        from intervaltimer.ui.screens.remote_code import RemoteCodeScreen

        phone, app = self.phone, self.screen.app
        if phone is None or phone.url is None or isinstance(app.screen, RemoteCodeScreen):
            return
        app.push_screen(RemoteCodeScreen(phone.url, phone.qr_data, phone.address_note))

    def _phones_changed(self, count: int) -> None:
        """A phone came (the code's work is done: close it) or went."""
        from intervaltimer.ui.screens.remote_code import RemoteCodeScreen

        app = self.screen.app
        if count and isinstance(app.screen, RemoteCodeScreen):
            app.screen.dismiss(None)
        self.show()

    def show(self) -> None:
        """`phone page: 1 phone connected · r shows its code`, while the page is open."""
        phone = self.phone
        if phone is None or phone.url is None:
            self.say(PHONE_LINE, "")
            return
        count = phone.phones
        phones = f"{count} phone{'s' if count != 1 else ''} connected" if count else "no phone yet"
        self.say(PHONE_LINE, f"phone page: {phones} · r shows its code and address")
