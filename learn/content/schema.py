"""Shape checks shared by every content kind (cases, the vocabulary, later modules).

Each check reports a Problem at the offending node and returns None instead of raising,
so one run shows an author every problem in a file at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from .problems import Problem, Severity
from .yamlsource import KeyPath, YamlDocument, load_yaml

# Lowercase letters and digits in hyphen-separated words: safe in file names and URLs.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SLUG_HINT = "use lowercase letters, digits and single hyphens, e.g. 'geen-netwerk'"


# How a value looks to an author, by type; bool before int, as True is also an int.
_DESCRIPTIONS: tuple[tuple[type, str], ...] = (
    (bool, "true/false"),
    (int, "a whole number"),
    (float, "a number with decimals"),
    (str, "text"),
    (list, "a list"),
    (dict, "a mapping"),
    (dt.date, "a date"),
)


def describe(value: Any) -> str:
    """How a value looks to an author, for 'must be X, not Y' messages."""
    if value is None:
        return "empty"
    found = (text for kind, text in _DESCRIPTIONS if isinstance(value, kind))
    return next(found, type(value).__name__)


def listing(options: Iterable[Any], limit: int = 8) -> str:
    """``a, b, c`` or ``a, b, … (20 in all)``: enough to jog memory, not a wall of text."""
    items = [str(o) for o in options]
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])}, … ({len(items)} in all)"


def suggest(word: Any, options: Collection[Any], what: str) -> str:
    """Hint with the closest option, if any, and the options themselves."""
    names = [str(o) for o in options]
    close = difflib.get_close_matches(str(word), names, n=1, cutoff=0.6)
    known = f"{what}: {listing(names)}" if names else f"there are no {what} yet"
    return f"did you mean {close[0]!r}? {known}" if close else known


def _type_hint(expected: str, value: Any) -> str:
    if expected == "text":
        if isinstance(value, bool):
            return "YAML reads yes, no, on and off as true/false: put the text in quotes"
        if isinstance(value, dict):
            return "text that contains ': ' must be in quotes"
        if isinstance(value, list):
            return "text that starts with '[' or '- ' must be in quotes"
        return "put it in quotes to make it text"
    if expected == "a whole number":
        return "write a whole number without quotes, e.g. 10"
    if expected == "a list":
        if isinstance(value, str | int) and not isinstance(value, bool):
            return f"write it as a list: [{value}]"
        return "put each item on a line of its own, starting with '- '"
    if expected == "a mapping":
        return "put the fields on their own lines below it, indented, as 'name: value'"
    if expected == "true or false":
        return "write true or false"
    return ""


class Validator:
    """Collects the problems of one file, placed by the positions in its YamlDocument."""

    def __init__(self, doc: YamlDocument, path: str) -> None:
        self.doc = doc
        self.path = path
        self.problems: list[Problem] = []

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def error_count(self) -> int:
        """Errors so far: a part is broken when the count grew while reading it."""
        return sum(p.severity == "error" for p in self.problems)

    def report(
        self,
        severity: Severity,
        where: KeyPath,
        message: str,
        hint: str = "",
        *,
        at_key: bool = False,
    ) -> None:
        line, column = self.doc.where_key(where) if at_key else self.doc.where(where)
        self.problems.append(Problem(self.path, line, column, severity, message, hint))

    def error(self, where: KeyPath, message: str, hint: str = "", *, at_key: bool = False) -> None:
        self.report("error", where, message, hint, at_key=at_key)

    def warning(
        self, where: KeyPath, message: str, hint: str = "", *, at_key: bool = False
    ) -> None:
        self.report("warning", where, message, hint, at_key=at_key)

    def wrong_type(self, where: KeyPath, label: str, expected: str, value: Any) -> None:
        self.error(
            where, f"{label} must be {expected}, not {describe(value)}", _type_hint(expected, value)
        )

    def fields(
        self,
        value: Any,
        where: KeyPath,
        *,
        what: str,
        allowed: Mapping[str, str],
        required: Iterable[str],
    ) -> dict[Any, Any] | None:
        """Check that ``value`` is a mapping with only ``allowed`` keys and all ``required``
        ones. ``allowed`` maps each field to a short description used in hints."""
        if not isinstance(value, dict):
            self.wrong_type(where, what[:1].upper() + what[1:], "a mapping", value)
            return None
        for key in value:
            if key not in allowed:
                self.error(
                    (*where, key),
                    f"unknown field {key!r} in {what}",
                    suggest(key, allowed, "allowed fields"),
                    at_key=True,
                )
        for name in required:
            if name not in value:
                self.error(
                    where,
                    f"{what} has no {name!r}",
                    f"add '{name}:' with {allowed[name]}",
                    at_key=True,
                )
        return value

    def text(
        self, mapping: dict[Any, Any], key: str, where: KeyPath, *, required: bool = True
    ) -> str | None:
        """A non-empty text field, stripped. Missing fields are reported by ``fields``."""
        if key not in mapping or (mapping[key] is None and not required):
            return None
        value = mapping[key]
        if isinstance(value, str) and (stripped := value.strip()):
            return stripped  # the usual case, without building a key path and label
        return self.text_value(value, (*where, key), f"{key!r}")

    def text_value(self, value: Any, where: KeyPath, label: str) -> str | None:
        if isinstance(value, str) and (stripped := value.strip()):
            return stripped
        if value is None or isinstance(value, str):
            self.error(where, f"{label} is empty", "write something here", at_key=True)
        else:
            self.wrong_type(where, label, "text", value)
        return None

    def integer(
        self,
        mapping: dict[Any, Any],
        key: str,
        where: KeyPath,
        *,
        low: int,
        high: int,
        label: str | None = None,
    ) -> int | None:
        if key not in mapping:
            return None
        value, at, label = mapping[key], (*where, key), label or f"{key!r}"
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(at, label, "a whole number", value)
            return None
        if not low <= value <= high:
            self.error(
                at,
                f"{label} must be from {low} to {high}, not {value}",
                f"use a whole number from {low} to {high}",
            )
            return None
        return value

    def boolean(self, mapping: dict[Any, Any], key: str, where: KeyPath) -> bool | None:
        value = mapping.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.wrong_type((*where, key), f"{key!r}", "true or false", value)
            return None
        return value

    def sequence(
        self, mapping: dict[Any, Any], key: str, where: KeyPath, *, required: bool = True
    ) -> list[Any] | None:
        """A list field; a missing optional list (or an empty value) is ``[]``."""
        if key not in mapping:
            return None if required else []
        value = mapping[key]
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.wrong_type((*where, key), f"{key!r}", "a list", value)
            return None
        return value

    def member(
        self, value: Any, where: KeyPath, *, allowed: Collection[str], label: str, what: str
    ) -> str | None:
        """A text that must be one of ``allowed``; ``what`` names them (plural) in the hint."""
        text = self.text_value(value, where, label)
        if text is None:
            return None
        if text not in allowed:
            self.error(where, f"unknown {label} {text!r}", suggest(text, allowed, what))
            return None
        return text

    def unknown(
        self,
        name: str,
        options: Collection[str],
        where: KeyPath,
        problem: str,
        what: str,
        *,
        at_key: bool = False,
    ) -> None:
        """Report a reference to something that is not there, with the closest of ``options``
        (``what`` names them) as the hint."""
        self.error(where, problem, suggest(name, options, what), at_key=at_key)

    def text_items(
        self, items: list[Any], key: str, label: str
    ) -> Iterator[tuple[KeyPath, str | None]]:
        """Each item of the list ``key`` with its key path, as text; None (reported) where an
        item is not text."""
        for i, value in enumerate(items):
            at = (key, i)
            yield at, self.text_value(value, at, label)

    def member_field(
        self,
        mapping: dict[Any, Any],
        key: str,
        where: KeyPath,
        *,
        allowed: Collection[str],
        what: str,
        label: str | None = None,
    ) -> str | None:
        """Field ``key`` of ``mapping`` as one of ``allowed``; None when it is absent (``fields``
        reports a required one) or not allowed (reported here)."""
        if key not in mapping:
            return None
        at = (*where, key)
        return self.member(mapping[key], at, allowed=allowed, label=label or key, what=what)

    def key_list(
        self,
        mapping: dict[Any, Any],
        key: str,
        where: KeyPath,
        *,
        allowed: Collection[str] | None,
        item: str,
        what: str,
        allow_empty: bool = False,
    ) -> list[str] | None:
        """A list of distinct keys, each in ``allowed`` (None: not checked); non-empty unless
        ``allow_empty``."""
        items = self.sequence(mapping, key, where)
        if items is None:
            return None
        if not items and not allow_empty:
            self.error(
                (*where, key), f"{key!r} is empty", f"list at least one of the {what}", at_key=True
            )
            return None
        result: list[str] = []
        ok = True
        for i, value in enumerate(items):
            at = (*where, key, i)
            if allowed is None:
                text = self.text_value(value, at, item)
            else:
                text = self.member(value, at, allowed=allowed, label=item, what=what)
            if text is None:
                ok = False
            elif text in result:
                self.error(at, f"{text!r} is listed twice in {key!r}", "remove one of them")
                ok = False
            else:
                result.append(text)
        return result if ok else None


def read_fields(
    text: str, path: str, *, what: str, allowed: Mapping[str, str], required: Iterable[str]
) -> tuple[Validator, dict[Any, Any]] | list[Problem]:
    """Read a file whose top level is a mapping of ``allowed`` fields: its Validator (with the
    problems so far) and that mapping, or the problems when there is no such mapping to read."""
    doc, problems = load_yaml(text, path)
    if doc is None:
        return problems
    check = Validator(doc, path)
    check.problems.extend(problems)
    top = check.fields(doc.value, (), what=what, allowed=allowed, required=required)
    return check.problems if top is None else (check, top)
