"""Case files (docs/authoring-cases.md): model, parser, graph analysis, scoring, JSON form.

``model`` holds the data; ``parser`` reads a file (its rules in ``rules`` and ``scenes``);
``graph`` analyses the scenes; ``scoring`` scores a played path; ``jsonform`` stores a case
in the database; ``checker`` finds and checks the case files in a folder.
"""

from .jsonform import case_from_dict, case_to_dict, content_hash
from .model import (
    ADDRESSEES,
    AUDIENCES,
    CASE_FIELDS,
    FORMAT_VERSION,
    PARTY_FIELDS,
    QUALITIES,
    ROLES,
    SCORE_RANGE,
    TONES,
    Case,
    Choice,
    Ending,
    Line,
    Party,
    Scene,
    TrainerNotes,
)
from .parser import CaseResult, parse_case, read_case
from .rules import CaseRules

__all__ = [
    "ADDRESSEES",
    "AUDIENCES",
    "CASE_FIELDS",
    "FORMAT_VERSION",
    "PARTY_FIELDS",
    "QUALITIES",
    "ROLES",
    "SCORE_RANGE",
    "TONES",
    "Case",
    "CaseResult",
    "CaseRules",
    "Choice",
    "Ending",
    "Line",
    "Party",
    "Scene",
    "TrainerNotes",
    "case_from_dict",
    "case_to_dict",
    "content_hash",
    "parse_case",
    "read_case",
]
