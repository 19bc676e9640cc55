"""The privacy guard as sessions use it. Finding things is privacy.py's job (its own
tests measure it); this module only asks it with the team's names and shows the answer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup, escape

from learn.intervision import privacy

_MARK = Markup(
    '<mark class="finding" data-kind="{0}">{1}<span class="visually-hidden"> ({0})</span></mark>'
)


def scan(text: str, names: Iterable[str]) -> list[Any]:
    return privacy.scan(text, known_names=tuple(names))


def pseudonymise(text: str, findings: Sequence[Any], aliases: dict[str, str]) -> tuple[str, Any]:
    return privacy.pseudonymise(text, findings, aliases)


def highlight(text: str, findings: Sequence[Any]) -> Markup:
    """The text with every finding in a <mark> that says what it looks like."""
    parts: list[Markup | str] = []
    at = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < at:
            continue  # overlapping findings: the first one is marked
        parts.append(escape(text[at : finding.start]))
        parts.append(_MARK.format(finding.kind, text[finding.start : finding.end]))
        at = finding.end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)
