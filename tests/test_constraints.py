"""constraints.txt pins every dependency pyproject.toml names, inside the range it allows."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def pins() -> dict[str, str]:
    """name -> version from constraints.txt."""
    found: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not NAME==VERSION"
            found[canonicalize_name(name)] = version
    return found


def declared() -> list[Requirement]:
    """Every requirement of the project: runtime and each extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        texts.extend(extra)
    return [Requirement(text) for text in texts]


def test_every_dependency_is_pinned_within_its_range() -> None:
    pinned = pins()
    missing = [str(req) for req in declared() if canonicalize_name(req.name) not in pinned]
    assert not missing, f"not in constraints.txt (run `make lock`): {missing}"
    outside = [f"{req} but {pinned[canonicalize_name(req.name)]}" for req in declared()
               if not req.specifier.contains(pinned[canonicalize_name(req.name)],
                                             prereleases=True)]
    assert not outside, f"constraints.txt is outside pyproject's range (run `make lock`): {outside}"


# The snapshots were drawn with these, and the private names the README lists (Textual's
# driver and footer internals, Rich's column widths) are read from them: the installed
# version must be the pinned one, or the snapshots and those names are untested.
GUARDED_BY_THE_PIN = ("textual", "rich")


def test_textual_and_rich_are_installed_at_their_pins() -> None:
    pinned = pins()
    installed = {name: metadata.version(name) for name in GUARDED_BY_THE_PIN}
    assert installed == {name: pinned[name] for name in GUARDED_BY_THE_PIN}
