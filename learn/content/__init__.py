"""Content for Kring: reading, checking and scoring cases and modules.

Plain Python on purpose (no Flask, no SQLAlchemy): authors and CI can check content with
``python -m learn.content`` and the app imports the same code for ``kring content``.
"""

from .cases import (
    Case,
    Choice,
    Ending,
    Line,
    Party,
    Scene,
    case_from_dict,
    case_to_dict,
    content_hash,
    parse_case,
)
from .check import check_paths, load_cases
from .graph import best_path, score_bounds
from .modules import (
    Exercise,
    Fragment,
    Hook,
    MapPerson,
    Module,
    Option,
    Page,
    load_module,
    load_modules,
)
from .problems import Problem, Report, print_report
from .scoring import effective_path, score, surviving_step_indices
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "Case",
    "Choice",
    "Ending",
    "Exercise",
    "Fragment",
    "Hook",
    "Line",
    "MapPerson",
    "Module",
    "Option",
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
