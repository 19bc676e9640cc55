"""The rules for module.yaml, and the source rule every YAML part of a module shares."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from learn.content.cases.rules import CaseRules
from learn.content.schema import SLUG, SLUG_HINT, suggest
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import KeyPath, YamlDocument

from .model import GOALS_RANGE, MINUTES_RANGE, MODULE_FIELDS


@dataclass(frozen=True)
class PageUse:
    """A page showing an exercise: where, for the one-page-per-exercise rule."""

    exercise: str
    page: str
    path: str
    line: int
    column: int


class ModuleRules(CaseRules):
    """A Validator with the source rule of cases, for every YAML part of a module."""

    def sources(self, mapping: dict[Any, Any], where: KeyPath, what: str) -> tuple[str, ...] | None:
        items = self.sequence(mapping, "sources", where)
        if items is None:
            return None
        if not items:
            self.error(
                (*where, "sources"),
                f"{what} has no sources",
                "list at least one report section, e.g. 'Social Network First? (2024), §4.3'",
                at_key=True,
            )
            return None
        found = [
            self.source(item, (*where, "sources", i), "a source") for i, item in enumerate(items)
        ]
        return None if None in found else tuple(s for s in found if s is not None)


# --- module.yaml -------------------------------------------------------------------------------


class ManifestRules(ModuleRules):
    def __init__(self, doc: YamlDocument, path: str, vocabulary: Vocabulary | None) -> None:
        super().__init__(doc, path, vocabulary)
        self.values: dict[str, Any] = {}
        self.found: list[str] = []  # listed pages that exist, in order
        self.pages_found: list[str] | None = None  # None: 'pages' has an error
        self.listed: set[str] | None = None  # every text in 'pages'; None: not a list

    def parse(self, folder_name: str, names: set[str], known_case_ids: Collection[str]) -> None:
        root = self.fields(
            self.doc.value, (), what="the module", allowed=MODULE_FIELDS, required=MODULE_FIELDS
        )
        if root is None:
            return
        values = self.values
        values["id"] = self._module_id(root, folder_name)
        values["title"] = self.text(root, "title", ())
        values["summary"] = self.text(root, "summary", ())
        values["goals"] = self._goals(root)
        values["minutes"] = self.integer(
            root, "minutes", (), low=MINUTES_RANGE[0], high=MINUTES_RANGE[1]
        )
        values["theme"] = None
        if "theme" in root:
            themes = None if self.vocabulary is None else self.vocabulary.themes
            if themes is None:
                values["theme"] = self.text_value(root["theme"], ("theme",), "'theme'")
            else:
                values["theme"] = self.member_field(
                    root, "theme", (), allowed=themes, what="themes in vocabulary.yaml"
                )
        values["sources"] = self.sources(root, (), "the module")
        self.pages_found = self._pages(root, names)
        values["practice_cases"] = self._practice_cases(root, known_case_ids)

    def _module_id(self, root: dict[Any, Any], folder_name: str) -> str | None:
        if "id" not in root:
            return None
        value = self.text_value(root["id"], ("id",), "'id'")
        if value is None:
            return None
        if not SLUG.match(value):
            self.error(("id",), f"id {value!r} has characters that are not allowed", SLUG_HINT)
            return None
        if value != folder_name:
            self.error(
                ("id",),
                f"id {value!r} does not match the folder name {folder_name!r}",
                f"rename the folder to {value!r}, or change the id to {folder_name!r} if no "
                "learner has used this module yet",
            )
            return None
        return value

    def _goals(self, root: dict[Any, Any]) -> tuple[str, ...] | None:
        items = self.sequence(root, "goals", ())
        if items is None:
            return None
        low, high = GOALS_RANGE
        if not low <= len(items) <= high:
            self.error(
                ("goals",),
                f"the module has {len(items)} goal{'' if len(items) == 1 else 's'}: "
                f"give {low} to {high}",
                "a goal says what the learner can do afterwards, e.g. 'Je herkent haakjes in "
                "een alledaags gesprek.'",
                at_key=True,
            )
        goals = [text for _, text in self.text_items(items, "goals", "a goal")]
        if None in goals or not low <= len(goals) <= high:
            return None
        return tuple(g for g in goals if g is not None)

    def _pages(self, root: dict[Any, Any], names: set[str]) -> list[str] | None:
        items = self.sequence(root, "pages", ())
        if items is None:
            return None
        self.listed = set()
        if not items:
            self.error(
                ("pages",),
                "the module has no pages",
                "list the page files in reading order, e.g. [01-waarom.md]",
                at_key=True,
            )
            return None
        markdown = sorted(n for n in names if n.endswith(".md"))
        ok = True
        for at, name in self.text_items(items, "pages", "a page"):
            if name is None:
                ok = False
                continue
            self.listed.add(name)
            if "/" in name or "\\" in name:
                self.error(
                    at,
                    f"page {name!r} must be a file name in this folder",
                    "pages live next to module.yaml: write just the name, e.g. '01-waarom.md'",
                )
            elif not name.endswith(".md"):
                self.error(at, f"page {name!r} is not a Markdown file", "page files end in .md")
            elif not SLUG.match(name[: -len(".md")]):
                self.error(
                    at,
                    f"page file name {name!r} has characters that are not allowed",
                    "the name is part of the page's address: use lowercase letters, digits "
                    "and single hyphens before .md, e.g. '01-waarom.md'",
                )
            elif name in self.found:
                self.error(at, f"{name!r} is listed twice in 'pages'", "remove one of them")
            elif name not in names:
                problem = f"page {name!r} not found in the module folder"
                self.unknown(name, markdown, at, problem, "Markdown files in the folder")
            else:
                self.found.append(name)
                continue
            ok = False
        return self.found if ok else None

    def _practice_cases(
        self, root: dict[Any, Any], known_case_ids: Collection[str]
    ) -> tuple[str, ...] | None:
        found = self.key_list(
            root, "practice_cases", (), allowed=None, item="a practice case", what="cases",
            allow_empty=True,
        )  # fmt: skip
        if found is None:
            return None
        for i, case_id in enumerate(found):
            if known_case_ids and case_id not in known_case_ids:
                self.warning(
                    ("practice_cases", i),
                    f"practice case {case_id!r} is not in the case library",
                    suggest(case_id, sorted(known_case_ids), "cases in cases/")
                    + "; it is left out of the module page until the case exists",
                )
        return tuple(found)
