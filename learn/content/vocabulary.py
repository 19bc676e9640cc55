"""The shared vocabulary (cases/vocabulary.yaml): the only keys cases may use.

Keeping competences, themes, phases and source titles in one file lets the debrief and the
library show consistent labels, and lets the checker catch typos in every case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import read_text
from .problems import Problem
from .schema import SLUG, SLUG_HINT, Validator, read_fields
from .yamlsource import KeyPath

# Score dictionaries use "total" next to the competence keys.
RESERVED_KEYS = frozenset({"total"})

_FIELDS = {
    "competences": "a mapping from key to {label, description}",
    "themes": "a mapping from key to label",
    "phases": "a mapping from key to label",
    "sources": "a list of report titles",
    "categories": "a mapping from intervention-category key to label (Social Network First? ch. 4)",
}
_REQUIRED = [key for key in _FIELDS if key != "categories"]
_COMPETENCE_FIELDS = {"label": "a short label", "description": "one sentence"}


@dataclass(frozen=True)
class Vocabulary:
    """Competence key -> (label, description); theme and phase key -> label; titles."""

    competences: Mapping[str, tuple[str, str]]
    themes: Mapping[str, str]
    phases: Mapping[str, str]
    sources: tuple[str, ...]
    categories: Mapping[str, str] = field(default_factory=dict)

    def source_title(self, source: str) -> str | None:
        """The known title a source reference starts with, if any."""
        return next((t for t in self.sources if source == t or source.startswith(t + ", ")), None)


def load_vocabulary(path: Path) -> tuple[Vocabulary | None, list[Problem]]:
    """Read and check the vocabulary file; None when it has errors."""
    if not path.exists():
        return None, [
            Problem(
                str(path),
                1,
                1,
                "error",
                "vocabulary file not found",
                "cases need cases/vocabulary.yaml next to them",
            )
        ]
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse_vocabulary(text, str(path))


def parse_vocabulary(text: str, path: str) -> tuple[Vocabulary | None, list[Problem]]:
    read = read_fields(text, path, what="the vocabulary", allowed=_FIELDS, required=_REQUIRED)
    if isinstance(read, list):
        return None, read
    check, root = read
    competences: dict[str, tuple[str, str]] = {}
    for key, value in _entries(check, root, "competences"):
        entry = check.fields(
            value,
            ("competences", key),
            what=f"competence {key!r}",
            allowed=_COMPETENCE_FIELDS,
            required=_COMPETENCE_FIELDS,
        )
        if entry is not None:
            label = check.text(entry, "label", ("competences", key))
            description = check.text(entry, "description", ("competences", key))
            if label is not None and description is not None:
                competences[key] = (label, description)
    themes = _labels(check, root, "themes")
    phases = _labels(check, root, "phases")
    categories = _labels(check, root, "categories")
    sources = check.key_list(
        root, "sources", (), allowed=None, item="source title", what="report titles"
    )
    if check.has_errors or sources is None:
        return None, check.problems
    vocabulary = Vocabulary(competences, themes, phases, tuple(sources), categories)
    return vocabulary, check.problems


def _entries(check: Validator, root: dict[Any, Any], section: str) -> list[tuple[str, Any]]:
    """The (key, value) pairs of one section, after checking each key is a usable slug."""
    value = root.get(section)
    where: KeyPath = (section,)
    if section not in root:
        return []
    if not isinstance(value, dict) or not value:
        if isinstance(value, dict):
            check.error(
                where, f"{section!r} is empty", f"add at least one of the {section}", at_key=True
            )
        else:
            check.wrong_type(where, f"{section!r}", "a mapping", value)
        return []
    entries = []
    for key, item in value.items():
        if not isinstance(key, str) or not SLUG.match(key):
            check.error(
                (*where, key), f"{key!r} cannot be a key in {section!r}", SLUG_HINT, at_key=True
            )
        elif key in RESERVED_KEYS:
            check.error((*where, key), f"{key!r} is reserved", "choose another key", at_key=True)
        else:
            entries.append((key, item))
    return entries


def _labels(check: Validator, root: dict[Any, Any], section: str) -> dict[str, str]:
    labels = {}
    for key, value in _entries(check, root, section):
        label = check.text_value(value, (section, key), f"the label of {key!r}")
        if label is not None:
            labels[key] = label
    return labels
