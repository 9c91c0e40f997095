"""The `last:` note (the coaching point of the session) is on the screen through the last
rep at every size: under the step line on a tall terminal; below 22 rows, where the step
note has no room, in place of what comes next and the last split."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervaltimer.ui.widgets.fit_line import FitLine
from intervaltimer.ui.widgets.last_split import LastSplit
from tests.helpers.deskkit import pilot_test
from tests.helpers.fakes import FakeClock
from tests.helpers.runkit import (
    LAST_NOTE,
    advance,
    paced_400s,
    press,
    run_file,
    screen_text,
    shown,
    start,
)

LAST_NOTE_3 = paced_400s(3, last_note=LAST_NOTE, then="cooldown: 10min")

pytestmark = pytest.mark.usefixtures("private_config")


@pytest.mark.parametrize("size", [(80, 24), (80, 20), (40, 15)],
                         ids=lambda size: f"{size[0]}x{size[1]}")
@pilot_test
async def test_the_last_note_shows_through_the_last_rep(fake_clock: FakeClock, tmp_path: Path,
                                                       size: tuple[int, int]) -> None:
    app = run_file(tmp_path / "last.yaml", LAST_NOTE_3, fake_clock, races=("mile=5:40",))
    async with app.run_test(size=size) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 84.0)
        await press(pilot, "space", "7")
        await advance(pilot, fake_clock, 60.0 + 30.0)  # rep 2, 30 s in: no note
        text = " ".join(screen_text(app).split())
        assert "drive the arms" not in text
        assert shown(screen)["next"].startswith("Next: Rest")  # what comes next, every size
        await advance(pilot, fake_clock, 54.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 60.0 + 20.0)  # the last rep, 20 s in
        assert shown(screen)["phase"] == "LAST REP"
        text = " ".join(screen_text(app).split())  # the note may wrap over two lines
        assert LAST_NOTE in text, screen_text(app)
        rep_note = screen.query_one("#rep-note", FitLine)
        if size[1] >= 22:  # under the step line; what comes next stays
            assert shown(screen)["step note"] == LAST_NOTE and rep_note.text == ""
            assert shown(screen)["next"] == "Next: Cool-down 10 min"
        else:  # in place of the next step and the last split
            assert rep_note.text.replace("\n", " ") == LAST_NOTE
            assert shown(screen)["next"] == "" and screen.query_one(LastSplit).text == ""
        await press(pilot, "space")  # the last lap: the cool-down, with no note
        assert "drive the arms" not in " ".join(screen_text(app).split())
        assert shown(screen)["last"] != ""  # the last split is back


@pilot_test
async def test_at_30x10_the_last_note_is_cut_between_words(fake_clock: FakeClock,
                                                           tmp_path: Path) -> None:
    app = run_file(tmp_path / "last.yaml", paced_400s(2, last_note=LAST_NOTE), fake_clock,
                   races=("mile=5:40",))
    async with app.run_test(size=(30, 10)) as pilot:
        screen = await start(pilot)
        await advance(pilot, fake_clock, 3.0 + 84.0)
        await press(pilot, "space")
        await advance(pilot, fake_clock, 60.0 + 20.0)
        assert screen.query_one("#rep-note", FitLine).text == "LAST ONE: drive the arms,…"
