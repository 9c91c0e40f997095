"""The preview's Today line: the advice's rest and reps, and today's when they differ."""

from __future__ import annotations

from intervaltimer.coach.advice import Advice
from intervaltimer.log.coach import today_line


def test_the_today_line_offers_the_advice_and_says_enter_takes_it() -> None:
    advice = Advice("reps", 30.0, ("2 clean sessions in a row on 30 s",), reps=10, sessions=4)
    assert today_line(advice, 30.0, 10) == (
        "Today: 30 s rest, 10 reps: 2 clean sessions in a row on 30 s")
    shown = today_line(advice, 45.0, 8)
    assert shown.startswith("Today: 45 s rest, 8 reps · advice: 30 s rest, 10 reps")
    assert shown.endswith("enter takes the advice")


def test_the_first_session_is_offered_at_the_first_rung() -> None:
    first = Advice("hold", 90.0, ("no session of this workout yet: start at 90 s",))
    assert today_line(first, 90.0) == (
        "Today: 90 s rest, the first rung: advice starts after this session")
    assert today_line(first, 60.0).endswith("after this session · enter takes the advice")
    assert today_line(first, 60.0, takes=False).endswith("after this session")
