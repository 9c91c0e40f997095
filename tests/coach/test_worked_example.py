"""The README's worked example, replayed: ten sessions of 8x400-mile written into a real log,
``next 8x400-mile --json`` after each, against the README's table row by row, and the
``next`` text it quotes after the tenth. The README says what the code prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from intervaltimer.cli import main
from intervaltimer.log.store import Store
from tests.helpers.coachkit import TARGET_400, log_session, next_json

ROOT = Path(__file__).resolve().parents[2]
MILE = "8 x 400 m at mile pace"
CLEAN = [TARGET_400 + d for d in (0.3, 0.5, 0.4, 0.6, 0.7, 0.5, 0.6, -2.0)]
"""Every rep within +0.7 s, a kick on the last; the rep before it at effort 8."""
CLEAN_EFFORTS = [6, 6, 7, 7, 7, 8, 8, 9]
BLOW_UP = [TARGET_400 + d for d in (0.2, 0.4, 0.9, 1.5, 2.0, 2.6, 3.1, 3.9)]
"""The last rep +3.9 s (+4.6 %), a fade of 3.8 points."""
HOT = [TARGET_400 + 3.2] * 8
SESSIONS = [
    (90.0, CLEAN, CLEAN_EFFORTS, ()), (90.0, CLEAN, CLEAN_EFFORTS, ()),
    (75.0, CLEAN, CLEAN_EFFORTS, ()), (75.0, CLEAN, CLEAN_EFFORTS, ()),
    (60.0, CLEAN, CLEAN_EFFORTS, ()), (60.0, CLEAN, CLEAN_EFFORTS, ()),
    (45.0, BLOW_UP, [7, 7, 8, 8, 9, 9, 9, 9], ()),
    (60.0, HOT, [8, 8, 9, 9, 9, 9, 9, 9], ("heat",)),
    (60.0, CLEAN, CLEAN_EFFORTS, ()), (60.0, CLEAN, CLEAN_EFFORTS, ()),
]


def _readme_rows() -> list[tuple[float, str, float, list[str]]]:
    """The example table's rows: the rest run, then the advice's action, rest and kinds."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| (\d+) s \| [^|]+ \| (\w+) (\d+) s \| ([\w_, ]+) \|$",
                      text, flags=re.MULTILINE)
    return [(float(rest), action, float(advised), [k.strip() for k in kinds.split(",")])
            for _, rest, action, advised, kinds in rows]


def test_the_worked_example_is_what_the_code_advises(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    db = tmp_path / "log.sqlite3"
    source = (ROOT / "workouts" / "8x400-mile.yaml").read_text(encoding="utf-8")
    rows = _readme_rows()
    assert len(rows) == len(SESSIONS) == 10
    said = []
    for day, ((rest, splits, efforts, flags), row) in enumerate(zip(SESSIONS, rows,
                                                                    strict=True)):
        assert row[0] == rest
        with Store.open(db) as store:
            log_session(store, MILE, source, 2 * day, rest, splits, efforts, conditions=flags)
        advice = next_json(db, "8x400-mile")
        assert (advice["action"], advice["rest_s"], advice["verdict_kinds"]) == row[1:]
        said.append(advice["summary"])
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f'"{said[6]}"' in readme and f'"{said[7]}"' in readme
    printed = CliRunner().invoke(main, ["next", "8x400-mile", "--db", str(db)]).output
    block = printed.strip()
    assert f"$ intervaltimer next 8x400-mile\n{block}\n```" in (ROOT / "README.md").read_text(
        encoding="utf-8")
