"""The pure packages never read the clock or sleep: ruff's banned-api rule, scoped to them.

The ban lives in a `ruff.toml` in each pure package (workout/ lists it, the others
extend it). Here ruff checks a probe file as if it sat in each package, so a package
whose ban goes missing, or a new pure package without one, fails. Which modules the
pure packages may import is import-linter's part (`lint-imports`, pyproject.toml).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import intervaltimer

PACKAGE = Path(intervaltimer.__file__).parent
PURE = [name for name in ("workout", "engine", "coach") if (PACKAGE / name).is_dir()]
CALLS = {
    "time.sleep": "import time\n\ntime.sleep(1)\n",
    "time.monotonic": "from time import monotonic\n\nmonotonic()\n",
    "time.time": "import time\n\ntime.time()\n",
    "time.perf_counter": "import time\n\ntime.perf_counter()\n",
    "datetime.datetime.now": "from datetime import datetime\n\ndatetime.now()\n",
    "datetime.date.today": "import datetime\n\ndatetime.date.today()\n",
}


def _ruff(code: str, where: Path) -> str:
    """What ruff says of `code` checked as the file `where` (its folder's settings)."""
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "--stdin-filename", str(where), "-"],
        input=code, capture_output=True, text=True, cwd=PACKAGE.parent,
    )
    return out.stdout


@pytest.mark.parametrize("package", PURE)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_pure_package_may_not_read_the_clock(package: str, call: str) -> None:
    said = _ruff(CALLS[call], PACKAGE / package / "probe.py")
    assert f"TID251 `{call}` is banned" in said


def test_the_ban_is_only_in_the_pure_packages() -> None:
    """The runner drives the real clock: the same code there is fine."""
    said = _ruff(CALLS["time.monotonic"], PACKAGE / "track" / "probe.py")
    assert "TID251" not in said
