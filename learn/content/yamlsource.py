"""Read YAML into plain Python values while remembering where every value came from.

``yaml.safe_load`` forgets positions, and authors need ``path:line:column`` for every
problem. So we compose the node tree ourselves, build plain values from it, and keep the
tree to answer "where is this?" for a key path such as
``("scenes", "intake", "choices", 0, "next")`` (1-based line and column). Duplicate keys,
which PyYAML silently accepts, are reported. Nothing in here raises for bad content: it
all becomes a Problem.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import accumulate
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

KeyPath = tuple[Any, ...]
Position = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_MERGE = _TAG + "merge"
_STR = _TAG + "str"
_SEQ = _TAG + "seq"
_MAP = _TAG + "map"
_INT = _TAG + "int"
# Scores and minutes, written the plain way: what construct_yaml_int would make of them.
_SMALL_INTS = {str(i): i for i in range(-100, 1000)}
_CONSTRUCTOR = SafeConstructor()  # only its stateless scalar methods are used
_SCALAR_BUILDERS = {
    _TAG + "null": SafeConstructor.construct_yaml_null,
    _TAG + "bool": SafeConstructor.construct_yaml_bool,
    _TAG + "int": SafeConstructor.construct_yaml_int,
    _TAG + "float": SafeConstructor.construct_yaml_float,
    _TAG + "timestamp": SafeConstructor.construct_yaml_timestamp,
}
# Case files are a handful of levels deep; anything deeper is a mistake or an attack.
_MAX_DEPTH = 64
# PyYAML's C composer recurses in C once per nesting level and crashes the process (no
# exception) somewhere past 20,000 levels on an 8 MB stack, much sooner on a thread with a
# small stack. Texts that could nest deeper than this go through the pure-Python parser,
# which raises RecursionError instead. Real case files nest about six levels deep.
_C_PARSER_MAX_NESTING = 1_000
_BRACKETS = re.compile(r"[\[\]{}]")

_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "text that contains ': ' must be in quotes, e.g. says: \"Zeg het maar: wie?\"",
    ),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("undefined alias", "define the anchor (&name) before the alias (*name) that uses it"),
    ("single document", "a file holds one document: remove the extra '---' line"),
    (
        "could not find expected ':'",
        "every field needs 'name: value'; text over several lines starts with '|' or '>'",
    ),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
)
_DEFAULT_SYNTAX_HINT = "check the indentation and that text with a colon is quoted"


class YamlDocument:
    """Plain values of one YAML document, and where each of them came from.

    Positions are looked up from the node tree only when a problem needs one, so reading
    a valid file costs no bookkeeping per value.
    """

    def __init__(self, value: Any, root: Node) -> None:
        self.value = value
        self._root = root
        self._indexes: dict[int, dict[Any, tuple[Node, Node]]] = {}

    def where(self, path: KeyPath) -> Position:
        """Position of the value at ``path``, or of its nearest existing ancestor."""
        node, _, _ = self._locate(path)
        return _position(node)

    def where_key(self, path: KeyPath) -> Position:
        """Position of the key that introduces ``path``; for list items, of the item."""
        node, key_node, complete = self._locate(path)
        return _position(key_node if complete and key_node is not None else node)

    def _locate(self, path: KeyPath) -> tuple[Node, Node | None, bool]:
        node, key_node = self._root, None
        for step in path:
            if isinstance(node, MappingNode):
                entry = self._index(node).get(step)
                if entry is None:
                    return node, key_node, False
                key_node, node = entry
            elif (
                isinstance(node, SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                key_node, node = None, node.value[step]
            else:
                return node, key_node, False
        return node, key_node, True

    def _index(self, node: MappingNode, seen: frozenset[int] = frozenset()) -> dict[Any, Any]:
        """Key value -> (key node, value node), with the same rules as _Builder: the first
        of duplicate keys wins, and merged keys (``<<``) only fill gaps."""
        found = self._indexes.get(id(node))
        if found is not None:
            return found
        found = {}
        merges = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append((key_node, value_node))
            elif isinstance(key_node, ScalarNode):
                found.setdefault(_scalar_or_none(key_node), (key_node, value_node))
        seen = seen | {id(node)}
        for key_node, value_node in merges:
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode) and id(source) not in seen:
                    for key, (_, merged) in self._index(source, seen).items():
                        found.setdefault(key, (key_node, merged))
        self._indexes[id(node)] = found
        return found


def load_yaml(text: str, path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document; None (with a problem) when it cannot be read at all."""
    with paused_gc():
        return _load(text, path)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Parsing builds hundreds of thousands of nodes and values and no reference cycles
    worth collecting; with the collector running, a 5,000-scene case takes about four
    times as long. Only re-enables what was enabled, so nesting is safe.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(text: str, path: str) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        what = "; ".join(part for part in (exc.context, exc.problem) if part) or "unknown problem"
        hint = next((h for key, h in _SYNTAX_HINTS if key in str(exc)), _DEFAULT_SYNTAX_HINT)
        return None, [_error(path, where, f"cannot read the YAML: {what}", hint)]
    except yaml.reader.ReaderError as exc:
        return None, [
            _error(
                path,
                _offset_position(text, exc.position),
                f"cannot read the YAML: character {exc.character!r} is not allowed",
                "remove control characters; save the file as UTF-8 text",
            )
        ]
    except RecursionError:
        return None, [_error(path, (1, 1), "cannot read the YAML: it is nested too deeply", "")]
    except yaml.YAMLError as exc:
        return None, [_error(path, (1, 1), f"cannot read the YAML: {exc}", _DEFAULT_SYNTAX_HINT)]
    if root is None:
        return None, [_error(path, (1, 1), "the file is empty", "start with 'id: ...'")]
    builder = _Builder(path)
    value = builder.build(root, 0)
    return YamlDocument(value, root), builder.problems


# SafeLoader's implicit resolvers (null, bool, int, ...) by the first character they match.
_IMPLICIT_BY_FIRST = {k: tuple(v) for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """libyaml with a leaner tag resolver.

        The C parser calls the pure-Python resolver for every node, which was a sixth of
        the time for a large case. Same answers as SafeLoader's resolver (we add no path
        resolvers), with the per-call list building and path bookkeeping left out.
        """

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in _IMPLICIT_BY_FIRST.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is SequenceNode else _MAP

else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = None


def _compose(text: str) -> Node | None:
    if _FastLoader is None or _may_nest_deeply(text):
        return yaml.compose(text, Loader=yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except UnicodeEncodeError:
        # libyaml needs UTF-8; lone surrogates cannot be encoded. The Python reader turns
        # them into a proper ReaderError with a position.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _may_nest_deeply(text: str) -> bool:
    """Cheap upper bound on nesting depth: block nesting needs a character per level on
    one line or more indentation; flow nesting needs an open bracket per level."""
    if len(text) < _C_PARSER_MAX_NESTING:
        return False
    longest_line = max(map(len, text.split("\n")))
    if longest_line + text.count("[") + text.count("{") < _C_PARSER_MAX_NESTING:
        return False  # the usual answer, without following every bracket
    steps = (1 if c in "[{" else -1 for c in _BRACKETS.findall(text))
    flow_depth = max(accumulate(steps, lambda depth, step: max(0, depth + step)), default=0)
    return longest_line + flow_depth >= _C_PARSER_MAX_NESTING


def _offset_position(text: str, offset: int) -> Position:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return (line, column)


def _position(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _error(path: str, where: Position, message: str, hint: str) -> Problem:
    return Problem(path, where[0], where[1], "error", message, hint)


class _UnsupportedTag(ValueError):
    pass


def _scalar(node: ScalarNode) -> Any:
    """The Python value of a scalar; raises ValueError (or a YAMLError) if it has none."""
    tag = node.tag
    if tag in (_STR, _MERGE):
        return node.value
    if tag == _INT:
        small = _SMALL_INTS.get(node.value)
        if small is not None:
            return small
    build = _SCALAR_BUILDERS.get(tag)
    if build is None:
        raise _UnsupportedTag(node.tag)
    return build(_CONSTRUCTOR, node)


def _scalar_or_none(node: ScalarNode) -> Any:
    try:
        return _scalar(node)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return None


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, reporting what it can't."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._built: dict[int, Any] = {}  # id(node) -> value: aliases share one value
        self._building: set[int] = set()

    def _report(self, node: Node, message: str, hint: str = "") -> None:
        self.problems.append(_error(self.path, _position(node), message, hint))

    def build(self, node: Node, depth: int) -> Any:
        if isinstance(node, ScalarNode):
            return node.value if node.tag is _STR else self._scalar(node)
        key = id(node)
        if key in self._built:
            return self._built[key]
        if key in self._building:
            self._report(
                node,
                "an alias refers to the value that contains it",
                "a value cannot contain itself: copy the text instead",
            )
            return None
        if depth > _MAX_DEPTH:
            self._report(node, "the YAML is nested too deeply", "")
            return None
        self._building.add(key)
        if isinstance(node, SequenceNode):
            value = self._sequence(node, depth)
        else:
            value = self._mapping(node, depth)
        self._building.discard(key)
        self._built[key] = value
        return value

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            return _scalar(node)
        except _UnsupportedTag:
            self._report(node, f"unsupported YAML tag {node.tag!r}", "remove the tag (the '!...')")
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            kind = node.tag.rsplit(":", 1)[-1]
            self._report(
                node, f"cannot read {node.value!r} as {kind}", "put it in quotes if it is text"
            )
        return None

    def _sequence(self, node: SequenceNode, depth: int) -> Any:
        if node.tag != _SEQ:
            self._report(node, f"unsupported YAML tag {node.tag!r}", "remove the tag (the '!...')")
            return None
        return [
            item.value if item.tag is _STR else self.build(item, depth + 1) for item in node.value
        ]

    def _mapping(self, node: MappingNode, depth: int) -> Any:
        if node.tag != _MAP:
            self._report(node, f"unsupported YAML tag {node.tag!r}", "remove the tag (the '!...')")
            return None
        result: dict[Any, Any] = {}
        first: dict[Any, Node] = {}
        merges: list[Node] = []
        for key_node, value_node in node.value:
            if key_node.tag is _STR:  # the resolver's own constant: a plain text key
                key = key_node.value
            elif key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            elif not isinstance(key_node, ScalarNode):
                self._report(
                    key_node,
                    "a key must be plain text, not a list or mapping",
                    "keys are names such as 'title' or a scene id",
                )
                continue
            else:
                key = self._scalar(key_node)
            if key in first:
                self._report(
                    key_node,
                    f"duplicate key {key!r}",
                    f"{key!r} is already used on line {_position(first[key])[0]}; YAML keeps "
                    "only one of them: remove or rename one",
                )
                continue
            first[key] = key_node
            if value_node.tag is _STR:
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, depth + 1)
        for value_node in merges:
            self._merge(result, value_node, depth)
        return result

    def _merge(self, result: dict[Any, Any], value_node: Node, depth: int) -> None:
        """YAML merge keys (``<<: *defaults``): explicit keys win over merged ones."""
        sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        for source in sources:
            merged = self.build(source, depth + 1)
            if not isinstance(merged, dict):
                self._report(
                    value_node,
                    "'<<' must be followed by a mapping or a list of them",
                    "use '<<: *name' where '&name' marks a mapping",
                )
                continue
            for key, value in merged.items():
                result.setdefault(key, value)
