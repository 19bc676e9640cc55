"""Every exercise kind by name: the one place that knows which kinds exist.

Adding a kind: a module beside this one, a template in templates/lessons/exercises/, a line
here, and its tests (see docs/architecture.md).
"""

from __future__ import annotations

from . import haakjes, meerkeuze, netwerkkaart, reflectie, triade
from .base import ExerciseKind
from .model import Exercise

KINDS: dict[str, ExerciseKind] = {
    kind.name: kind
    for kind in (reflectie.KIND, meerkeuze.KIND, haakjes.KIND, netwerkkaart.KIND, triade.KIND)
}
EXERCISE_TYPES = tuple(KINDS)  # in the order of docs/authoring-modules.md


def kind_named(name: str) -> ExerciseKind:
    """The kind of a stored answer (its ``kind`` column); KeyError for an unknown name."""
    return KINDS[name]


def kind_of(exercise: Exercise) -> ExerciseKind:
    return KINDS[exercise.type]


def shareable_kinds() -> tuple[str, ...]:
    """The kinds whose answers are the learner's own words, which a learner may share with
    their trainer (reflections)."""
    return tuple(name for name, kind in KINDS.items() if kind.edits_text)


def journal_kinds() -> tuple[str, ...]:
    """The kinds whose answers the learner's journal keeps."""
    return tuple(name for name, kind in KINDS.items() if kind.in_journal)
