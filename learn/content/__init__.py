"""Content for Kring: reading, checking and scoring cases and modules.

Plain Python on purpose (no Flask, no SQLAlchemy): authors and CI can check content with
``python -m learn.content`` and the app imports the same code for ``kring content``.

Shared reading and problem reporting: ``yamlsource``, ``problems``, ``schema``, ``files``,
``vocabulary``, ``runner``. One package per format: ``cases``, ``modules`` (exercise kinds
are in learn.exercises). ``check`` runs every format's checker.

Names below stay importable from ``learn.content`` for scripts and tests. Those that need
the exercise kinds are loaded on first use, so that a kind can import ``learn.content.cases``
without importing itself back through this file.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .cases.graph import best_path, score_bounds
from .cases.jsonform import case_from_dict, case_to_dict, content_hash
from .cases.model import Case, Choice, Ending, Line, Party, Scene
from .cases.parser import parse_case
from .cases.scoring import effective_path, score, surviving_step_indices
from .problems import Problem, Report, print_report
from .vocabulary import Vocabulary, load_vocabulary

_LATER = {
    "check_paths": ".check",
    "load_cases": ".check",
    "Exercise": ".modules",
    "Module": ".modules",
    "Page": ".modules",
    "load_module": ".modules",
    "load_modules": ".modules",
}


def __getattr__(name: str) -> Any:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_LATER[name], __name__), name)


__all__ = [
    "Case",
    "Choice",
    "Ending",
    "Exercise",
    "Line",
    "Module",
    "Page",
    "Party",
    "Problem",
    "Report",
    "Scene",
    "Vocabulary",
    "best_path",
    "case_from_dict",
    "case_to_dict",
    "check_paths",
    "content_hash",
    "effective_path",
    "load_cases",
    "load_module",
    "load_modules",
    "load_vocabulary",
    "parse_case",
    "print_report",
    "score",
    "score_bounds",
    "surviving_step_indices",
]
