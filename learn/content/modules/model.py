"""Module folders: the data model and the fixed lists of docs/authoring-modules.md.

A module is a folder: ``module.yaml`` (the manifest), Markdown pages with front matter,
``exercises.yaml`` and, for exercises that play a case, short case files. What an exercise
holds is in learn.exercises.model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from learn.content.cases.model import Case
from learn.content.entry import Entry
from learn.exercises.model import Exercise

MANIFEST = "module.yaml"
EXERCISES_FILE = "exercises.yaml"
GOALS_RANGE = (2, 5)
MINUTES_RANGE = (1, 600)
MAX_PAGE_WORDS = 900  # the doc asks for 350-600; warn only well past that

MODULE_FIELDS = {
    "id": "the module id, equal to the folder name",
    "title": "a short title",
    "summary": "a few sentences for the module card",
    "goals": "2 to 5 things the learner can do afterwards",
    "minutes": "the study time in whole minutes",
    "theme": "a theme key from vocabulary.yaml",
    "sources": "a list of report sections, each starting with a title from vocabulary.yaml",
    "pages": "the page files in reading order, e.g. [01-waarom.md]",
    "practice_cases": "the ids of cases in cases/ that practise this skill, or []",
}
PAGE_FIELDS = {
    "title": "the page title",
    "sources": "a list of report sections, each starting with a title from vocabulary.yaml",
    "exercises": "ids from exercises.yaml, e.g. [eigen-kring]",
}
PAGE_REQUIRED = ("title", "sources")


@dataclass(frozen=True)
class Page:
    id: str  # the file name without .md, e.g. "01-waarom"
    title: str
    sources: tuple[str, ...]
    exercises: tuple[str, ...]  # exercise ids, shown after the text
    body: str  # the Markdown below the front matter


@dataclass(frozen=True)
class Module(Entry):
    """A valid module. Mappings are plain dicts in file order: do not mutate."""

    goals: tuple[str, ...]
    minutes: int
    theme: str
    sources: tuple[str, ...]
    pages: tuple[Page, ...]
    exercises: Mapping[str, Exercise]
    practice_cases: tuple[str, ...]
    cases: Mapping[str, Case]  # the triade case files, by case id
    figures: Mapping[str, bytes]  # checked SVG figures the pages show, by name (figures.py)
