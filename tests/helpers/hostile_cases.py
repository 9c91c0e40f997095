"""Hostile workout texts, made to size: shared by tests/workout/test_hostile.py (the messages)
and benchmarks/hostile_files.py (how long each takes to refuse)."""

from __future__ import annotations


def laughs_steps(levels: int) -> str:
    """Each level a repeat of ten aliases to the level below: 10**levels runs if walked."""
    lines = ["name: x", "steps:", "  - &s0 {run: 400m}"]
    for level in range(1, levels + 1):
        below = ", ".join([f"*s{level - 1}"] * 10)
        lines.append(f"  - &s{level} {{repeat: 1, steps: [{below}]}}")
    return "\n".join(lines) + "\n"


def classic_laughs() -> str:
    """The billion laughs: nine levels of nine aliases each, the last one as the steps."""
    lines = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        refs = ",".join([f"*{chr(96 + level)}"] * 9)
        lines.append(f"lol{level}: &{chr(97 + level)} [{refs}]")
    return "\n".join(lines + ["name: laughs", "steps: *i"]) + "\n"


def flow_lists(depth: int) -> str:
    """Steps nested `depth` flow lists deep: `[[[...]]]`."""
    return "name: x\nsteps: " + "[" * depth + "]" * depth + "\n"


def flow_maps(depth: int) -> str:
    """Steps nested `depth` flow mappings deep: `{a: {a: ...}}`."""
    return "name: x\nsteps: " + "{a: " * depth + "}" * depth + "\n"


def block_lists(depth: int) -> str:
    """Steps nested `depth - 1` block lists deep, each one indented further."""
    return "name: x\nsteps:\n" + "".join("  " * i + "- \n" for i in range(1, depth))


def block_maps(depth: int) -> str:
    """Steps nested `depth - 1` block mappings deep, each one indented further."""
    return "name: x\nsteps:\n" + "".join(" " * i + "a:\n" for i in range(1, depth))


def written_out_steps(count: int) -> str:
    """`count` steps written out one a line."""
    return "name: x\nsteps:\n" + "  - {run: lap}\n" * count


def multiplying_repeats(outer: int, inner: int) -> str:
    """A repeat of `outer` around a repeat of `inner` around a run and a rest."""
    return (f"name: x\nsteps:\n  - repeat: {outer}\n    steps:\n      - repeat: {inner}\n"
            "        steps:\n          - run: 100m\n          - rest: 30s\n")
