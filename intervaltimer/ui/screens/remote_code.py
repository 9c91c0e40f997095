"""The phone page's address as a QR code, over the preview, until a phone comes.

Scanning the code with the phone's camera opens the page; once it is
connected this screen closes by itself. On a terminal too small for the code
the address is shown as text only.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import ModalScreen

from intervaltimer.ui.widgets.line import Line
from intervaltimer.ui.widgets.qr_code import QrCode

HOW_TO = "Phone on its hotspot, laptop joined to it: scan with the phone's camera."
TALLER = "make the window taller for the code"
CODE_HEIGHT = 24  # a terminal lower than this gets the address without the code
FRAME_CELLS = 4  # the dialog's border and padding, left and right


def broken(url: str, width: int) -> str:
    """`url` in lines of at most `width` cells, broken anywhere (an address has no spaces to
    wrap at): shown whole on a narrow terminal, never cut."""
    width = max(8, width)
    return "\n".join(url[start:start + width] for start in range(0, len(url), width))


class RemoteCodeScreen(ModalScreen[None]):
    """The QR code of `qr_data` with the address `url` as text, and a `note` on how the
    address was picked; esc, enter or r closes it."""

    CSS_PATH = "remote_code.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,r", "close", "Close", id="remote_code.close"),
    ]

    def __init__(self, url: str, qr_data: str, note: str = "") -> None:
        super().__init__()
        self.url = url
        self.qr_data = qr_data
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Line("Phone as the lap button · esc closes", id="remote-title")
            with Center():
                yield QrCode(self.qr_data)
            yield Line(TALLER, id="remote-taller")
            yield Line(self.url, id="remote-url")
            yield Line(HOW_TO, id="remote-how")
            yield Line(self.note, id="remote-note")

    def on_mount(self) -> None:
        """Leave the code out when the terminal is too low for it."""
        self.query_one("#remote-note", Line).display = bool(self.note)
        self._fit()

    def on_resize(self) -> None:
        """Keep the code only while it fits; the address always whole."""
        self._fit()

    def _fit(self) -> None:
        size = self.app.size
        self.set_class(size.height < CODE_HEIGHT, "-small")
        self.query_one("#remote-url", Line).show(broken(self.url, size.width - FRAME_CELLS))

    def action_close(self) -> None:
        """Back to the preview."""
        self.dismiss(None)
