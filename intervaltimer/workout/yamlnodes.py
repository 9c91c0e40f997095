"""Reading YAML text into a node tree safely, and the helpers to read nodes as text.

Hostile text gets a `Problem`, never a traceback: files over 1 MiB, binary or
control characters, tabs in indentation, nesting deep enough to overflow a
recursive composer, more values than any workout needs, tags that would
construct objects, and YAML syntax errors (unclosed quotes, bad indentation,
several documents). Nothing is ever constructed: the node tree is composed
from the safe loader's parse events (the C parser when PyYAML has libyaml) in
one iterative pass, and every value is read from its source text
(`node.value`), so YAML 1.1 implicit typing never applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from intervaltimer.workout.model import Problem
from intervaltimer.workout.positions import MAX_FILE_BYTES as MAX_FILE_BYTES
from intervaltimer.workout.positions import position_of as position_of

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has libyaml

MAX_DEPTH = 40  # nesting of mappings and sequences; real workouts use under 15
MAX_NODES = 50_000  # values in a file; a real workout has a few hundred
MAX_PROBLEMS = 50
_TAG_PREFIX = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null",
                                                  "map", "seq"))
# Characters YAML allows (tab, newline, return, printable); anything else means not text.
_NOT_TEXT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)


class TooManyProblems(Exception):
    """Raised inside the loader once enough problems are found to stop reading."""


@dataclass
class Problems:
    """The problems found so far in one file; `add` records one at a line and column.

    `document` and `thing` name the file and what it holds in the messages ("a workout
    file", "a workout"; a profile is "a profile" both ways).
    """

    path: str
    found: list[Problem] = field(default_factory=list)
    document: str = "a workout file"
    thing: str = "a workout"

    def add(self, where: tuple[int, int], message: str) -> None:
        """Record a problem at (line, col), both 1-based; stop once there are too many."""
        problem = Problem(self.path, max(where[0], 1), max(where[1], 1), message)
        if problem in self.found:  # the same node met again through an alias
            return
        self.found.append(problem)
        if len(self.found) >= MAX_PROBLEMS:
            self.found.append(Problem(self.path, problem.line, problem.col,
                                      f"stopped after {MAX_PROBLEMS} problems"))
            raise TooManyProblems

    def __bool__(self) -> bool:
        return bool(self.found)


def at(node: yaml.Node, offset: int = 0) -> tuple[int, int]:
    """(line, col), 1-based, where `node` starts in the file, `offset` characters into it.

    The offset counts within the value's text; a quoted scalar's quote is skipped.
    """
    mark = node.start_mark
    col = mark.column + 1
    if offset and isinstance(node, yaml.ScalarNode):
        on_one_line = node.end_mark.line == mark.line
        if on_one_line:
            col += offset + (1 if node.style in ("'", '"') else 0)
    return mark.line + 1, col


def _check_text(text: str, problems: Problems) -> bool:
    """Check size, characters and indentation before any parsing; False if unreadable."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        problems.add(position_of(text, error.start),
                     "this is not text (it holds an unpaired surrogate); save it as UTF-8")
        return False
    if size > MAX_FILE_BYTES:
        problems.add((1, 1), f"the file is {size / 1024 / 1024:.1f} MiB; {problems.document} "
                             "must be under 1 MiB (is this the right file?)")
        return False
    bad = _NOT_TEXT.search(text)
    if bad is not None:
        char = bad.group()
        what = "a NUL byte" if char == "\0" else f"the control character U+{ord(char):04X}"
        problems.add(position_of(text, bad.start()),
                     f"this is not a text file ({what}); {problems.thing} is a YAML text file")
        return False
    for match in _TAB_INDENT.finditer(text):
        problems.add(position_of(text, match.end() - 1),
                     "a tab in the indentation; YAML indents with spaces only")
    return not problems


def _tag_text(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` -> `!!python/object`."""
    return "!!" + tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else tag


class _Refused(Exception):
    """The event stream holds something the loader will not read; the problem is recorded."""


def _where(event: yaml.Event) -> tuple[int, int]:
    """(line, col), 1-based, where an event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _new_node(event: yaml.Event, problems: Problems) -> yaml.Node:
    """The node an event starts, refusing tags that would construct objects."""
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _PLAIN_TAGS and tag != "!":
        problems.add(_where(event), f"the tag `{_tag_text(tag)}` is not allowed; "
                                    f"{problems.document} holds plain values and nothing in it "
                                    "is constructed")
    start: Any = event.start_mark  # the C parser's Mark has the same fields as yaml's
    end: Any = event.end_mark
    if isinstance(event, yaml.ScalarEvent):
        return yaml.ScalarNode(tag or "", event.value, start, end, style=event.style or None)
    if isinstance(event, yaml.SequenceStartEvent):
        return yaml.SequenceNode(tag or "", [], start, end, flow_style=event.flow_style)
    assert isinstance(event, yaml.MappingStartEvent)
    return yaml.MappingNode(tag or "", [], start, end, flow_style=event.flow_style)


def _compose(text: str, problems: Problems) -> yaml.Node | None:
    """Build the node tree from the parse events in one pass, with no recursion.

    This is `yaml.compose` with the safe loader, made iterative and bounded: it
    refuses object tags, nesting over MAX_DEPTH, more than MAX_NODES values and
    a second document as they stream by, and keeps every node's marks.
    """
    anchors: dict[str, yaml.Node] = {}
    stack: list[list[yaml.Node | None]] = []  # [collection, pending mapping key]
    root: yaml.Node | None = None
    documents = count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                problems.add(_where(event), f"a second document (`---`); {problems.document} holds "
                                            "one workout")
                raise _Refused
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()[0]
            assert done is not None
            done.end_mark = event.end_mark
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        count += 1
        if count > MAX_NODES:
            problems.add(_where(event), f"the file holds more than {MAX_NODES:,} values; a "
                                        "workout is a few dozen lines")
            raise _Refused
        if isinstance(event, yaml.AliasEvent):
            node = anchors.get(str(event.anchor))
            if node is None:
                problems.add(_where(event), f"an alias (`*{event.anchor}`) to an anchor that is "
                                            f"not defined before it (`&{event.anchor}`)")
                raise _Refused
        else:
            node = _new_node(event, problems)
            if event.anchor is not None:
                anchors[str(event.anchor)] = node
        if not stack:
            root = node
        else:
            parent = stack[-1]
            if isinstance(parent[0], yaml.SequenceNode):
                parent[0].value.append(node)
            elif parent[1] is None:
                parent[1] = node
            else:
                assert parent[0] is not None
                parent[0].value.append((parent[1], node))
                parent[1] = None
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([node, None])
            if len(stack) > MAX_DEPTH:
                problems.add(_where(event), f"nested more than {MAX_DEPTH} levels deep; a "
                                            "workout needs only a few levels")
                raise _Refused
    return root


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column of `text`, or "" if there is none."""
    lines = text.split("\n")
    if line >= len(lines):
        return ""
    return lines[line][column:column + 1]


def _yaml_problem(error: yaml.YAMLError, text: str, problems: Problems) -> None:
    """Turn a YAML syntax error into one problem with a message that suggests the fix."""
    if not isinstance(error, yaml.MarkedYAMLError):
        problems.add((1, 1), f"cannot read this as YAML: {error}")
        return
    problem = error.problem or "cannot read this as YAML"
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "quoted scalar" in context and error.context_mark is not None:
        quote_mark = error.context_mark
        quote = _char_at(text, quote_mark.line, quote_mark.column) or '"'
        problems.add((quote_mark.line + 1, quote_mark.column + 1),
                     f"a quote ({quote}) opens here and is never closed; add the closing {quote}")
    elif "mapping values are not allowed" in problem:
        problems.add(where, "a `:` here where no key can start; put quotes around a value "
                            "that holds `: `, or check the indentation")
    elif "block mapping" in context or "block collection" in context:
        problems.add(where, "this line does not line up with the keys above it; "
                            "check its indentation")
    elif "maximum nesting depth" in problem:
        problems.add(where, f"nested more than {MAX_DEPTH} levels deep; a workout needs only "
                            "a few levels")
    elif "cannot start any token" in problem and mark is not None \
            and _char_at(text, mark.line, mark.column) == "\t":
        problems.add(where, "a tab here; YAML indents and separates with spaces only")
    else:
        detail = f"{context}: {problem}" if context else problem
        problems.add(where, f"cannot read this as YAML ({detail})")


def compose_text(text: str, problems: Problems, *,
                 allow_empty: bool = False) -> yaml.Node | None:
    """The node tree of `text`, or None with the reasons added to `problems`.

    An empty document (nothing, or only comments) is a problem unless `allow_empty`.
    """
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # keep columns; a BOM is harmless
    if not _check_text(text, problems):
        return None
    try:
        node = _compose(text, problems)
    except yaml.YAMLError as error:
        _yaml_problem(error, text, problems)
        return None
    except _Refused:
        return None
    if problems:
        return None
    if node is None and not allow_empty:
        problems.add((1, 1), "the file is empty; a workout needs at least `name:` and `steps:`")
    return node


def scalar_text(node: yaml.Node) -> str | None:
    """A scalar's source text, stripped (`1:30` stays "1:30"); None for lists and mappings."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    return None


def kind_of(node: yaml.Node) -> str:
    """"a list", "a mapping" or "text", for messages."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "text"


def is_empty(node: yaml.Node) -> bool:
    """True for a key with nothing after it (`warmup:`), which YAML reads as null."""
    if not isinstance(node, yaml.ScalarNode) or node.style is not None:
        return False
    return node.value in ("", "~", "null", "Null", "NULL")


def mapping_items(
    node: yaml.MappingNode, problems: Problems
) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) of a mapping; duplicate and non-text keys are problems."""
    seen: dict[str, int] = {}
    items: list[tuple[str, yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        key = scalar_text(key_node)
        if key is None:
            problems.add(at(key_node), f"a key must be a plain word, not {kind_of(key_node)}")
            continue
        if key in seen:
            problems.add(at(key_node), f"duplicate key `{key}` (first on line {seen[key]}); "
                                       "each key appears once")
            continue
        seen[key] = key_node.start_mark.line + 1
        items.append((key, key_node, value_node))
    return items
