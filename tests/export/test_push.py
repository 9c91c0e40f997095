"""Pushing to intervals.icu, against a local aiohttp test server standing in for it."""

from __future__ import annotations

import asyncio
import base64
import logging
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from click.testing import CliRunner, Result

from intervaltimer.cli import main
from intervaltimer.export.icuclient import KEY_ENV, URL_ENV
from intervaltimer.log.store import Store
from tests.helpers.fitkit import of

KEY = "k3y-Very-Secret-0123456789"
T0 = 1_746_115_200.0


@dataclass
class Seen:
    """What the fake intervals.icu was sent."""

    requests: list[tuple[str, str, str | None]] = field(default_factory=list)
    uploads: list[dict[str, Any]] = field(default_factory=list)
    json: list[Any] = field(default_factory=list)
    answer_status: int = 200
    answer_body: str | None = None


def _app(seen: Seen) -> web.Application:
    async def record(request: web.Request) -> web.Response | None:
        seen.requests.append((request.method, request.path,
                              request.headers.get("Authorization")))
        if seen.answer_status != 200:
            return web.Response(status=seen.answer_status, text=seen.answer_body or "")
        return None

    async def upload(request: web.Request) -> web.Response:
        failed = await record(request)
        if failed:
            return failed
        form = await request.post()
        part = form["file"]
        assert isinstance(part, web.FileField)
        seen.uploads.append({"fields": sorted(form), "filename": part.filename,
                             "data": part.file.read()})
        return web.json_response({"icu_athlete_id": "i1", "id": "i4242"})

    async def activity(request: web.Request) -> web.Response:
        failed = await record(request)
        if failed:
            return failed
        seen.json.append(await request.json())
        return web.json_response({"id": request.match_info["id"]})

    async def events(request: web.Request) -> web.Response:
        failed = await record(request)
        if failed:
            return failed
        seen.json.append(await request.json())
        return web.json_response({"id": 77, "category": "WORKOUT"})

    app = web.Application()
    app.router.add_post("/api/v1/athlete/0/activities", upload)
    app.router.add_put("/api/v1/activity/{id}", activity)
    app.router.add_post("/api/v1/athlete/0/events", events)
    return app


@pytest.fixture
def icu(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Seen]:
    """A fake intervals.icu on its own loop in a thread; the commands pointed at it."""
    seen = Seen()
    loop = asyncio.new_event_loop()
    server = TestServer(_app(seen), loop=loop)
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.start_server(), loop).result(10)
    monkeypatch.setenv(URL_ENV, str(server.make_url("")).rstrip("/"))
    monkeypatch.setenv(KEY_ENV, KEY)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    try:
        yield seen
    finally:
        asyncio.run_coroutine_threadsafe(server.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.sqlite3"
    with Store.open(path) as store:
        session = store.start_session("8 x 400 m at mile pace", "src", {}, 17, started_at=T0)
        for index in (1, 2):
            start = T0 + 600 + 150 * index
            store.record_rep(session, index, step_index=2 * index, label=f"Rep {index}/8",
                             split_s=84.5, started_at=start, ended_at=start + 84.5,
                             distance_m=400.0, rest_s=60.0, rpe=6 + index)
        store.finish_session(session, "completed", ended_at=T0 + 1200)
        store.set_session_rpe(session, 7)
    return path


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def assert_no_key(result: Result, caplog: pytest.LogCaptureFixture) -> None:
    texts = [result.output, caplog.text, repr(result.exception), str(result.exception)]
    assert all(KEY not in text for text in texts)
    assert "Traceback" not in result.output


AUTH = "Basic " + base64.b64encode(f"API_KEY:{KEY}".encode()).decode()


def test_push_uploads_the_fit_then_sets_the_effort(icu: Seen, log: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    result = run("push", "last", "--icu", "--db", str(log))
    assert result.exit_code == 0, result.output
    assert result.output == "pushed session 1 to intervals.icu: activity i4242, effort 7 set\n"
    assert icu.requests == [("POST", "/api/v1/athlete/0/activities", AUTH),
                            ("PUT", "/api/v1/activity/i4242", AUTH)]
    [upload] = icu.uploads
    assert upload["fields"] == ["file"]
    assert upload["filename"].endswith(".fit")
    assert [lap["total_elapsed_time"] for lap in of(upload["data"], "lap")] == [84.5, 60.0] * 2
    assert icu.json == [{"icu_rpe": 7}]
    assert_no_key(result, caplog)


def test_push_workout_plans_it_on_the_calendar(icu: Seen, caplog: pytest.LogCaptureFixture
                                               ) -> None:
    caplog.set_level(logging.DEBUG)
    result = run("push-workout", "8x400-mile", "--icu", "--date", "2025-05-06",
                 "--race", "mile=5:40")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("planned 8 x 400 m at mile pace on 2025-05-06 in "
                                  "intervals.icu (event 77)\n")
    assert icu.requests == [("POST", "/api/v1/athlete/0/events", AUTH)]
    [event] = icu.json
    assert event["category"] == "WORKOUT" and event["type"] == "Run"
    assert event["start_date_local"] == "2025-05-06T00:00:00"
    assert event["name"] == "8 x 400 m at mile pace"
    assert "\n7x\n- Run: on the beep" in event["description"]
    assert not event["description"].startswith("8 x 400")  # the name is the event's own
    assert_no_key(result, caplog)


@pytest.mark.parametrize(("status", "body", "said"), [
    (401, "", "Error: intervals.icu refused the API key (401 to POST "
              "/api/v1/athlete/0/activities): check it under Settings, Developer Settings\n"),
    (500, f"boom: key {KEY} rejected\ntrace...", "Error: intervals.icu answered 500 to POST "
          "/api/v1/athlete/0/activities: boom: key *** rejected trace...\n"),
])
def test_a_refusal_is_one_line_without_the_key(icu: Seen, log: Path, status: int, body: str,
                                               said: str, caplog: pytest.LogCaptureFixture
                                               ) -> None:
    caplog.set_level(logging.DEBUG)
    icu.answer_status, icu.answer_body = status, body
    result = run("push", "last", "--icu", "--db", str(log))
    assert result.exit_code == 1
    assert result.output == said
    assert_no_key(result, caplog)


def test_no_server_is_one_line_without_the_key(log: Path, monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv(URL_ENV, f"http://127.0.0.1:9/{KEY}")
    monkeypatch.setenv(KEY_ENV, KEY)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    result = run("push", "last", "--icu", "--db", str(log))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach http://127.0.0.1:9/")
    assert result.output.count("\n") == 1
    assert_no_key(result, caplog)


def test_without_a_key_it_says_where_to_put_one(log: Path, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv("INTERVALTIMER_CONFIG", str(tmp_path / "config"))
    result = run("push", "last", "--icu", "--db", str(log))
    assert result.exit_code == 1
    assert "no intervals.icu API key: set $INTERVALTIMER_ICU_KEY" in result.output


def test_the_saved_key_is_private_and_used(icu: Seen, log: Path, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path, caplog: pytest.LogCaptureFixture
                                           ) -> None:
    monkeypatch.delenv(KEY_ENV)
    saved = run("icu-key", stdin=KEY + "\n")
    assert saved.exit_code == 0, saved.output
    profile = tmp_path / "config" / "profile.yaml"
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600
    assert KEY in profile.read_text()
    assert_no_key(saved, caplog)
    pushed = run("push", "last", "--icu", "--db", str(log))
    assert pushed.exit_code == 0, pushed.output
    assert icu.requests[0][2] == AUTH
    from intervaltimer.workout.profile import load_profile

    assert KEY not in repr(load_profile(profile))
    assert run("icu-key", "--forget").exit_code == 0
    assert KEY not in profile.read_text()
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600


def test_saving_races_keeps_the_saved_key(tmp_path: Path) -> None:
    from intervaltimer.workout.profile import Profile, load_profile, save_profile
    from intervaltimer.workout.races import parse_race

    path = tmp_path / "profile.yaml"
    save_profile(Profile(icu_key=KEY), path)
    save_profile(Profile((parse_race("mile=5:40"),)), path)  # a form that knows only races
    loaded = load_profile(path)
    assert loaded is not None and loaded.icu_key == KEY and len(loaded.races) == 1


def test_the_client_never_shows_its_key() -> None:
    from intervaltimer.export.icuclient import IcuClient

    assert KEY not in repr(IcuClient(KEY, url="http://example.invalid"))
