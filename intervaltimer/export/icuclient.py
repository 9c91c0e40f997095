"""The intervals.icu client: upload a session's FIT activity, set its effort, plan a workout.

    POST /api/v1/athlete/0/activities      multipart field `file`: the FIT activity
    PUT  /api/v1/activity/{id}             {"icu_rpe": N}: the session's effort
    POST /api/v1/athlete/0/events          {"category": "WORKOUT", ...}: a planned workout,
                                           which intervals.icu sends on to the watch

Athlete 0 is the owner of the key. Authentication is HTTP basic with the user
name `API_KEY` and the key as the password. The key is never printed, logged,
or put in an error: every failure is an `IcuError` whose message is one line
with the key scrubbed out, whatever the server or the network said.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp

DEFAULT_URL = "https://intervals.icu"
URL_ENV = "INTERVALTIMER_ICU_URL"
KEY_ENV = "INTERVALTIMER_ICU_KEY"
TIMEOUT_S = 30.0
USER = "API_KEY"
SHOWN_BODY = 120  # characters of a server's error text worth a line


class IcuError(Exception):
    """A push that failed, as one line for the runner (never holding the key)."""


@dataclass(frozen=True)
class Uploaded:
    """What intervals.icu made of an upload: the activity's id, and whether effort was set."""

    activity_id: str
    effort_set: bool


def base_url() -> str:
    """intervals.icu, or `$INTERVALTIMER_ICU_URL` (a test server, a proxy)."""
    return (os.environ.get(URL_ENV, "").strip() or DEFAULT_URL).rstrip("/")


def _scrub(text: str, key: str) -> str:
    """`text` on one line with the key (and anything after `Basic `) taken out."""
    one_line = " ".join(str(text).split())
    if key:
        one_line = one_line.replace(key, "***")
    return one_line


class IcuClient:
    """Calls intervals.icu with one key; every method raises `IcuError` on any failure."""

    def __init__(self, key: str, url: str | None = None, timeout_s: float = TIMEOUT_S) -> None:
        self._key = key
        self.url = (url or base_url()).rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)

    def __repr__(self) -> str:
        return f"IcuClient(url={self.url!r})"

    async def _call(self, method: str, path: str, *, data: Any = None,
                    payload: Mapping[str, Any] | None = None) -> Any:
        """One request; the decoded JSON answer (None when there is none)."""
        try:
            return await self._request(method, path, data, payload)
        except IcuError as error:
            raise IcuError(_scrub(str(error), self._key)) from None

    async def _request(self, method: str, path: str, data: Any,
                       payload: Mapping[str, Any] | None) -> Any:
        token = base64.b64encode(f"{USER}:{self._key}".encode()).decode("ascii")
        headers = {"Authorization": f"Basic {token}"}
        where = f"{method} {path}"
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, headers=headers) as http, \
                    http.request(method, self.url + path, data=data, json=payload) as answer:
                body = await answer.text()
                if answer.status in (401, 403):
                    raise IcuError(f"intervals.icu refused the API key ({answer.status} to "
                                   f"{where}): check it under Settings, Developer Settings")
                if answer.status >= 400:
                    said = _scrub(body, self._key)[:SHOWN_BODY]
                    raise IcuError(f"intervals.icu answered {answer.status} to {where}"
                                   + (f": {said}" if said else ""))
                if not body.strip():
                    return None
                try:
                    return json.loads(body)
                except ValueError:
                    raise IcuError(f"intervals.icu answered {where} with something that is "
                                   "not JSON") from None
        except IcuError:
            raise
        except TimeoutError:
            raise IcuError(f"intervals.icu did not answer {where} within "
                           f"{self._timeout.total:g} s") from None
        except aiohttp.ClientConnectionError as error:
            raise IcuError(f"cannot reach {self.url} ({where}): "
                           f"{_scrub(str(error), self._key) or type(error).__name__}") from None
        except (aiohttp.ClientError, OSError) as error:
            raise IcuError(f"{where} failed: "
                           f"{_scrub(str(error), self._key) or type(error).__name__}") from None

    async def upload_activity(self, fit: bytes, filename: str, rpe: int | None) -> Uploaded:
        """Upload a FIT activity, then set its effort (`icu_rpe`) when `rpe` is given."""
        form = aiohttp.FormData()
        form.add_field("file", fit, filename=filename, content_type="application/octet-stream")
        answer = await self._call("POST", "/api/v1/athlete/0/activities", data=form)
        activity_id = _activity_id(answer)
        if activity_id is None:
            raise IcuError("intervals.icu took the file but gave no activity id back")
        if rpe is None:
            return Uploaded(activity_id, effort_set=False)
        await self._call("PUT", f"/api/v1/activity/{activity_id}", payload={"icu_rpe": rpe})
        return Uploaded(activity_id, effort_set=True)

    async def plan_workout(self, date: str, name: str, text: str) -> str:
        """Put a workout on the calendar on `date` (YYYY-MM-DD); returns the event's id."""
        event = {"category": "WORKOUT", "type": "Run", "start_date_local": f"{date}T00:00:00",
                 "name": name, "description": text}
        answer = await self._call("POST", "/api/v1/athlete/0/events", payload=event)
        if isinstance(answer, Mapping) and answer.get("id") is not None:
            return str(answer["id"])
        raise IcuError("intervals.icu took the workout but gave no event id back")


def _activity_id(answer: Any) -> str | None:
    """The activity id in an upload's answer: `{"id": ...}` or `{"activities": [{"id": ...}]}`."""
    if isinstance(answer, Mapping):
        if answer.get("id") is not None:
            return str(answer["id"])
        activities = answer.get("activities")
        if isinstance(activities, list) and activities and isinstance(activities[0], Mapping):
            found = activities[0].get("id")
            return None if found is None else str(found)
    if isinstance(answer, list) and answer and isinstance(answer[0], Mapping):
        return _activity_id(answer[0])
    return None


def find_key(profile_key: str | None) -> str | None:
    """The API key: `$INTERVALTIMER_ICU_KEY`, else the profile's; None when neither has one."""
    return os.environ.get(KEY_ENV, "").strip() or (profile_key or "").strip() or None
