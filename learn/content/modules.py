"""Module folders: the data model and the checker for docs/authoring-modules.md.

A module is a folder: ``module.yaml`` (the manifest), Markdown pages with front matter,
``exercises.yaml`` and, for ``triade`` exercises, short case files. ``load_module`` checks
the whole folder in one pass, like ``parse_case`` does for a case, because the rules cross
files (a page shows exercises, an exercise plays a case file). It returns a Module only
when there is no error, so the app never shows a half-valid module.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cases import PARTY_FIELDS, ROLES, Case, Party, _CaseParser, read_case
from .files import file_problem, read_text
from .problems import Problem, Report
from .schema import SLUG, SLUG_HINT, Validator, describe, listing, suggest
from .vocabulary import Vocabulary
from .yamlsource import KeyPath, YamlDocument, load_yaml, paused_gc

MANIFEST = "module.yaml"
EXERCISES_FILE = "exercises.yaml"

# Fixed lists from docs/authoring-modules.md: part of the format, not of the subject matter.
EXERCISE_TYPES = ("reflectie", "meerkeuze", "haakjes", "netwerkkaart", "triade")
SECTORS = ("familie", "vrienden", "maatschappelijk", "professionals")
RINGS = (1, 2, 3)
TIES = ("sterk", "zwak")
VALENCES = ("steunend", "belastend", "ambivalent")
HOOK_TONES = ("brutaal", "gevoelig")
GOALS_RANGE = (2, 5)
MINUTES_RANGE = (1, 600)
MAX_PAGE_WORDS = 900  # the doc asks for 350-600; warn only well past that
MIN_HOOKS = 2
MIN_FRAGMENTS = 8  # fewer is a warning: marking works, but there is little to look for
MIN_PEOPLE = 3
TRIADE_COMPETENCES = ("triade", "regie")  # the balance meter shows both
MIN_TRIADE_DECISIONS = 2

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
_PAGE_REQUIRED = ("title", "sources")
_COMMON_FIELDS = {
    "type": "one of " + ", ".join(EXERCISE_TYPES),
    "title": "a short title",
    "source": "the report section the exercise rests on",
}
TYPE_FIELDS: Mapping[str, Mapping[str, str]] = {
    "reflectie": {"question": "the open question", "hint": "a note shown with the question"},
    "meerkeuze": {
        "question": "the check question",
        "options": "two or more options, each with text, correct and feedback",
    },
    "haakjes": {
        "intro": "what the learner reads and does",
        "parties": "the people who speak, as id: {name: ..., role: ...}",
        "transcript": "the fragments, as a list of {who: ..., says: ...}",
    },
    "netwerkkaart": {
        "description": "the situation the learner reads before placing the people",
        "people": "the people on the map, each with id, name, sector, ring, tie and valence",
    },
    "triade": {"case": "the id of a case file in this folder (its name without .yaml)"},
}
_TYPE_REQUIRED: Mapping[str, tuple[str, ...]] = {
    "reflectie": ("question",),
    "meerkeuze": ("source", "question", "options"),
    "haakjes": ("source", "intro", "parties", "transcript"),
    "netwerkkaart": ("source", "description", "people"),
    "triade": ("case",),
}
_ANY_EXERCISE_FIELDS = {k: v for fields in TYPE_FIELDS.values() for k, v in fields.items()}
OPTION_FIELDS = {
    "text": "the answer the learner can choose",
    "correct": "true for the one right option, false for the others",
    "feedback": "why this option is right or wrong",
}
FRAGMENT_FIELDS = {
    "who": "the id of a party",
    "says": "what they say",
    "hook": "label, why, follow_up and tone, when this fragment is a hook",
}
HOOK_FIELDS = {
    "label": "a few words naming the hook",
    "why": "why this is a hook",
    "follow_up": "a good follow-up question",
    "tone": "brutaal or gevoelig",
}
PERSON_FIELDS = {
    "id": "a short id, e.g. neef",
    "name": "the name shown on the map",
    "sector": "one of " + ", ".join(SECTORS),
    "ring": "1 (closest), 2 or 3",
    "tie": "sterk or zwak",
    "valence": "one of " + ", ".join(VALENCES),
    "question": "the question that would bring a weak tie up",
}
_PERSON_REQUIRED = ("id", "name", "sector", "ring", "tie", "valence")

_FRONT_MATTER_HINT = (
    "start the file with a front matter block:\n"
    "          ---\n"
    "          title: ...\n"
    "          sources:\n"
    "            - Social Network First? (2024), §4.3\n"
    "          ---"
)
_HEADING = re.compile(r"(#{1,6})(?:[ \t]|$)")
_FENCE = re.compile(r"(```|~~~)")


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the person: any word of the name ("Oud-collega Wout" is
    mentioned as "Wout"), ignoring words of one or two letters such as "de"."""
    folded = text.casefold()
    words = [w for w in re.split(r"[\s()]+", name.casefold()) if len(w) > 2]
    return not words or any(w in folded for w in words)


# --- the data model --------------------------------------------------------------------------


@dataclass(frozen=True)
class Hook:
    label: str
    why: str
    follow_up: str
    tone: str  # one of HOOK_TONES


@dataclass(frozen=True)
class Fragment:
    index: int  # 1-based, in transcript order: the number learners tick without JavaScript
    who: str
    says: str
    hook: Hook | None


@dataclass(frozen=True)
class Option:
    index: int  # 1-based
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class MapPerson:
    id: str
    name: str
    sector: str  # one of SECTORS
    ring: int  # one of RINGS
    tie: str  # one of TIES
    valence: str  # one of VALENCES
    question: str | None  # always set for a weak tie


@dataclass(frozen=True)
class Exercise:
    """Any of the five types; fields that do not belong to ``type`` keep their defaults."""

    id: str
    type: str
    title: str
    source: str | None
    question: str = ""  # reflectie, meerkeuze
    hint: str = ""  # reflectie
    options: tuple[Option, ...] = ()  # meerkeuze
    intro: str = ""  # haakjes
    parties: Mapping[str, Party] = field(default_factory=dict)  # haakjes
    fragments: tuple[Fragment, ...] = ()  # haakjes
    description: str = ""  # netwerkkaart
    people: tuple[MapPerson, ...] = ()  # netwerkkaart
    case_id: str | None = None  # triade: a key of Module.cases


@dataclass(frozen=True)
class Page:
    id: str  # the file name without .md, e.g. "01-waarom"
    title: str
    sources: tuple[str, ...]
    exercises: tuple[str, ...]  # exercise ids, shown after the text
    body: str  # the Markdown below the front matter


@dataclass(frozen=True)
class Module:
    """A valid module. Mappings are plain dicts in file order: do not mutate."""

    id: str
    title: str
    summary: str
    goals: tuple[str, ...]
    minutes: int
    theme: str
    sources: tuple[str, ...]
    pages: tuple[Page, ...]
    exercises: Mapping[str, Exercise]
    practice_cases: tuple[str, ...]
    cases: Mapping[str, Case]  # the triade case files, by case id


# --- loading ---------------------------------------------------------------------------------


def load_module(
    folder: Path, vocabulary: Vocabulary | None, known_case_ids: Collection[str] = ()
) -> tuple[Module | None, list[Problem]]:
    """Check one module folder. The Module is None when there is any error.

    ``vocabulary`` None skips the vocabulary rules (used when vocabulary.yaml is broken).
    ``known_case_ids`` are the ids of the library cases; empty skips the practice_cases rule.
    """
    with paused_gc():
        loader = _ModuleLoader(folder, vocabulary, known_case_ids)
        module = loader.load()
    problems = loader.sorted_problems()
    if any(p.severity == "error" for p in problems):
        module = None
    return module, problems


def load_modules(modules_dir: Path, cases_dir: Path) -> tuple[list[Module], Report]:
    """Every valid module in ``modules_dir``, for the app, and the report of all problems.

    Folders with errors are left out (the report says why); nothing is loaded when the
    vocabulary in ``cases_dir`` is broken, since then no module could be fully checked.
    """
    from .check import VOCABULARY_FILE, ModuleChecker, run_checks  # check.py imports us

    checker = ModuleChecker(modules_dir, cases_dir, required=True)
    report, loaded, vocabulary = run_checks(None, [checker], cases_dir / VOCABULARY_FILE)
    if vocabulary is None:
        return [], report
    return [x.item for x in loaded if isinstance(x.item, Module)], report


@dataclass(frozen=True)
class _Use:
    """A page showing an exercise: where, for the one-page-per-exercise rule."""

    exercise: str
    page: str
    path: str
    line: int
    column: int


class _Rules(Validator):
    """A Validator with the source rule of cases, for every YAML part of a module."""

    def __init__(self, doc: YamlDocument, path: str, vocabulary: Vocabulary | None) -> None:
        super().__init__(doc, path)
        self.vocabulary = vocabulary
        # The case rule for a source (known title, ', ', section), reused as is: it reports
        # into our problem list.
        self._case_rules = _CaseParser(doc, path, vocabulary)
        self._case_rules.problems = self.problems

    def error_count(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    def source(self, value: Any, where: KeyPath, label: str = "'source'") -> str | None:
        return self._case_rules._source(value, where, label)

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


class _ModuleLoader:
    """One pass over a module folder; collects problems of every file in it."""

    def __init__(
        self, folder: Path, vocabulary: Vocabulary | None, known_case_ids: Collection[str]
    ) -> None:
        self.folder = folder
        self.vocabulary = vocabulary
        self.known_case_ids = known_case_ids
        self.problems: list[Problem] = []
        self.page_order: list[str] = []

    def sorted_problems(self) -> list[Problem]:
        """Manifest first, then pages in reading order, exercises, the other files."""
        rank = {MANIFEST: 0, EXERCISES_FILE: len(self.page_order) + 1}
        rank.update({name: i + 1 for i, name in enumerate(self.page_order)})

        def key(problem: Problem) -> tuple[int, str, int, int]:
            name = Path(problem.path).name
            return (rank.get(name, len(rank) + 1), name, problem.line, problem.column)

        return sorted(self.problems, key=key)

    def load(self) -> Module | None:
        names = self._listing()
        if names is None:
            return None
        manifest = self._manifest(names)
        if manifest is None:
            return None
        exercises, ex_rules = self._exercises(names)
        exercise_ids = None if ex_rules is None and EXERCISES_FILE in names else exercises.keys()
        pages: list[Page] = []
        uses: list[_Use] = []
        uses_complete = manifest.pages_found is not None
        for name in manifest.found:
            page, page_uses = self._page(name, exercise_ids)
            if page is None and page_uses is None:
                uses_complete = False
            if page is not None:
                pages.append(page)
            uses.extend(page_uses or ())
        self._check_uses(uses, uses_complete and ex_rules is not None, ex_rules)
        if EXERCISES_FILE not in names and not uses and uses_complete:
            self.problems.append(
                file_problem(
                    self.folder / MANIFEST,
                    "the module has no exercises",
                    "every module makes the learner do something: add exercises.yaml and "
                    "list its exercises in the pages' front matter",
                    severity="warning",
                )
            )
        cases = self._cases(ex_rules)
        self._unlisted(names, manifest, ex_rules)
        if any(p.severity == "error" for p in self.problems):
            return None
        values = manifest.values
        return Module(
            id=values["id"],
            title=values["title"],
            summary=values["summary"],
            goals=values["goals"],
            minutes=values["minutes"],
            theme=values["theme"],
            sources=values["sources"],
            pages=tuple(pages),
            exercises={k: v for k, v in exercises.items() if v is not None},
            practice_cases=values["practice_cases"],
            cases={case.id: case for case in cases.values() if case is not None},
        )

    # - files -

    def _listing(self) -> set[str] | None:
        if not self.folder.is_dir():
            self.problems.append(
                file_problem(self.folder, "module folder not found", "check the path")
            )
            return None
        try:
            names = {p.name for p in self.folder.iterdir() if p.is_file()}
        except OSError as exc:
            self.problems.append(
                file_problem(self.folder, f"cannot read the folder: {exc.strerror or exc}")
            )
            return None
        if MANIFEST not in names:
            self.problems.append(
                file_problem(
                    self.folder / MANIFEST,
                    "module.yaml not found: every module folder needs one",
                    "add module.yaml with id, title, summary, goals, minutes, theme, sources, "
                    "pages and practice_cases (see docs/authoring-modules.md)",
                )
            )
            return None
        return names

    def _read_yaml(self, name: str, empty_hint: str) -> tuple[str, YamlDocument | None]:
        path = str(self.folder / name)
        text, problems = read_text(self.folder / name)
        self.problems.extend(problems)
        if text is None:
            return path, None
        doc, problems = load_yaml(text, path)
        for problem in problems:
            if problem.message == "the file is empty":
                problem = Problem(path, 1, 1, "error", "the file is empty", empty_hint)
            self.problems.append(problem)
        return path, doc

    def _manifest(self, names: set[str]) -> _ManifestRules | None:
        path, doc = self._read_yaml(MANIFEST, "start with 'id: ...' (the folder name)")
        if doc is None:
            return None
        rules = _ManifestRules(doc, path, self.vocabulary)
        rules.parse(self.folder.name, names, self.known_case_ids)
        self.problems.extend(rules.problems)
        self.page_order = list(rules.found)
        return rules

    def _exercises(
        self, names: set[str]
    ) -> tuple[dict[str, Exercise | None], _ExerciseRules | None]:
        """The exercises by id (None: has errors), and the rules object (None: unreadable)."""
        if EXERCISES_FILE not in names:
            return {}, None
        path, doc = self._read_yaml(
            EXERCISES_FILE, "add exercises as 'id:' with 'type:' and 'title:' below it"
        )
        if doc is None:
            return {}, None
        case_files = sorted(
            name[: -len(".yaml")]
            for name in names
            if name.endswith(".yaml") and name not in (MANIFEST, EXERCISES_FILE)
        )
        rules = _ExerciseRules(doc, path, self.vocabulary, case_files)
        exercises = rules.parse()
        self.problems.extend(rules.problems)
        if exercises is None:
            return {}, None
        return exercises, rules

    def _page(
        self, name: str, exercise_ids: Collection[str] | None
    ) -> tuple[Page | None, list[_Use] | None]:
        """The page (None: has errors) and the exercises it shows (None: unknown)."""
        path = self.folder / name
        text, problems = read_text(path)
        self.problems.extend(problems)
        if text is None:
            return None, None
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            first = next((i for i, line in enumerate(lines) if line.strip()), None)
            if first is not None and lines[first].rstrip() == "---":
                self.problems.append(
                    file_problem(
                        path,
                        "the front matter must start on the first line",
                        "remove the empty lines above the first '---'",
                    )
                )
            else:
                self.problems.append(
                    file_problem(path, "the page has no front matter", _FRONT_MATTER_HINT)
                )
            return None, None
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if close is None:
            self.problems.append(
                file_problem(
                    path,
                    "the front matter is not closed",
                    "put a line with only '---' below the last front matter field, above the "
                    "page text",
                )
            )
            return None, None
        # The opening '---' becomes an empty line, so YAML positions are the file's lines.
        front = "\n" + "\n".join(lines[1:close])
        doc, problems = load_yaml(front, str(path))
        for problem in problems:
            if problem.message == "the file is empty":
                problem = Problem(
                    str(path), 1, 1, "error", "the front matter is empty", _FRONT_MATTER_HINT
                )
            self.problems.append(problem)
        body = "\n".join(lines[close + 1 :]).strip()
        self._check_body(path, body, close + 2, lines[close + 1 :])
        if doc is None:
            return None, None
        rules = _PageRules(doc, str(path), self.vocabulary)
        page, uses = rules.parse(name, body, exercise_ids)
        self.problems.extend(rules.problems)
        return page, uses

    def _check_body(self, path: Path, body: str, first_line: int, lines: list[str]) -> None:
        if not body:
            self.problems.append(
                Problem(
                    str(path),
                    first_line - 1,
                    1,
                    "error",
                    "the page has no text below the front matter",
                    "write the page in Markdown below the closing '---'",
                )
            )
            return
        words = len(body.split())
        if words > MAX_PAGE_WORDS:
            self.problems.append(
                Problem(
                    str(path),
                    first_line,
                    1,
                    "warning",
                    f"the page has {words:,} words (more than {MAX_PAGE_WORDS:,})",
                    "a page fits on two phone screens (about 350-600 words): split it in two",
                )
            )
        fenced = False
        for i, line in enumerate(lines):
            if _FENCE.match(line.lstrip()):
                fenced = not fenced
                continue
            heading = None if fenced else _HEADING.match(line)
            if heading is None:
                continue
            level = len(heading.group(1))
            if level == 1 or level > 3:
                self.problems.append(
                    Problem(
                        str(path),
                        first_line + i,
                        1,
                        "warning",
                        f"a level-{level} heading ('{heading.group(1)}') in the page text",
                        "the page title is the '#': use '##' and '###' for headings in a page",
                    )
                )

    def _check_uses(
        self, uses: list[_Use], complete: bool, ex_rules: _ExerciseRules | None
    ) -> None:
        """One page per exercise; and, when every page could be read, no unused exercise."""
        first: dict[str, _Use] = {}
        for use in uses:
            if use.exercise in first:
                self.problems.append(
                    Problem(
                        use.path,
                        use.line,
                        use.column,
                        "error",
                        f"exercise {use.exercise!r} is also shown on page "
                        f"{first[use.exercise].page!r}",
                        "an exercise belongs to one page (its answers are stored per exercise): "
                        "remove it here, or copy it under a new id",
                    )
                )
            else:
                first[use.exercise] = use
        if not complete or ex_rules is None:
            return
        for eid in ex_rules.ids:
            if eid not in first:
                ex_rules.warning(
                    (eid,),
                    f"exercise {eid!r} is not shown on any page",
                    "add its id to 'exercises:' in the front matter of a page, or remove it",
                    at_key=True,
                )
                self.problems.append(ex_rules.problems.pop())

    def _cases(self, ex_rules: _ExerciseRules | None) -> dict[str, Case | None]:
        """Every case file a triade exercise plays, checked as a case plus the triade rules."""
        cases: dict[str, Case | None] = {}
        for name in ex_rules.case_refs.values() if ex_rules else ():
            if name not in cases:
                cases[name] = self._case(name)
        return cases

    def _case(self, name: str) -> Case | None:
        path = self.folder / f"{name}.yaml"
        text, problems = read_text(path)
        self.problems.extend(problems)
        if text is None:
            return None
        result = read_case(text, str(path), self.vocabulary)
        self.problems.extend(result.problems)
        if result.case_id is not None and result.case_id != name:
            self.problems.append(
                Problem(
                    str(path),
                    *result.id_position,
                    "error",
                    f"id {result.case_id!r} does not match the file name {path.name!r}",
                    f"the exercise's 'case' is the file name without .yaml: make the id {name!r}",
                )
            )
            return None
        case = result.case
        if case is None:
            return None
        doc, _ = load_yaml(text, str(path))
        if doc is None:  # pragma: no cover - read_case just read it
            return None
        check = Validator(doc, str(path))
        if not any(scene.triadic for scene in case.scenes.values()):
            check.error(
                ("scenes",),
                f"the triade case {name!r} has no triadic scene",
                "mark a scene where the professional talks with client and naaste together "
                "with 'triadic: true'",
                at_key=True,
            )
        decisions = sum(scene.kind == "decision" for scene in case.scenes.values())
        if decisions < MIN_TRIADE_DECISIONS:
            check.error(
                ("scenes",),
                f"the triade case {name!r} has {decisions} decision scene"
                f"{'' if decisions == 1 else 's'}: it needs at least {MIN_TRIADE_DECISIONS}",
                "add a scene with 'choices:'",
                at_key=True,
            )
        for key in TRIADE_COMPETENCES:
            if key not in case.competences:
                check.error(
                    ("competences",),
                    f"the triade case {name!r} does not score {key!r}",
                    f"add {key!r} to 'competences' and score it in the choices: the balance "
                    "meter after the conversation shows 'triade' and 'regie'",
                    at_key=True,
                )
        self.problems.extend(check.problems)
        return None if check.has_errors else case

    def _unlisted(
        self, names: set[str], manifest: _ManifestRules, ex_rules: _ExerciseRules | None
    ) -> None:
        """Files in the folder that nothing uses: probably forgotten, so worth a warning."""
        used_cases = {f"{n}.yaml" for n in ex_rules.case_refs.values()} if ex_rules else set()
        for name in sorted(names):
            path = self.folder / name
            if name.endswith(".md") and manifest.listed is not None and name not in manifest.listed:
                self.problems.append(
                    file_problem(
                        path,
                        f"page {name!r} is not listed in 'pages' in module.yaml",
                        "add it to 'pages' where it belongs in the reading order, or remove it",
                        severity="warning",
                    )
                )
            elif (
                name.endswith(".yaml")
                and name not in (MANIFEST, EXERCISES_FILE)
                and name not in used_cases
                and (ex_rules is not None or EXERCISES_FILE not in names)
            ):
                self.problems.append(
                    file_problem(
                        path,
                        f"{name!r} is not used by any exercise",
                        "a case file in a module belongs to a triade exercise: add one with "
                        f"'case: {name[: -len('.yaml')]}', or remove the file",
                        severity="warning",
                    )
                )
            elif name.endswith(".yml"):
                self.problems.append(
                    file_problem(
                        path,
                        "this file is skipped: module files end in .yaml",
                        f"rename it to {path.stem}.yaml",
                        severity="warning",
                    )
                )


# --- module.yaml -------------------------------------------------------------------------------


class _ManifestRules(_Rules):
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
                values["theme"] = self.member(
                    root["theme"],
                    ("theme",),
                    allowed=themes,
                    label="theme",
                    what="themes in vocabulary.yaml",
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
        goals = [self.text_value(item, ("goals", i), "a goal") for i, item in enumerate(items)]
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
        for i, value in enumerate(items):
            at = ("pages", i)
            name = self.text_value(value, at, "a page")
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
                self.error(
                    at,
                    f"page {name!r} not found in the module folder",
                    suggest(name, markdown, "Markdown files in the folder"),
                )
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


# --- pages -------------------------------------------------------------------------------------


class _PageRules(_Rules):
    def parse(
        self, name: str, body: str, exercise_ids: Collection[str] | None
    ) -> tuple[Page | None, list[_Use] | None]:
        """The page (None: has errors) and the exercises it shows (None: unknown)."""
        root = self.fields(
            self.doc.value,
            (),
            what="the front matter",
            allowed=PAGE_FIELDS,
            required=_PAGE_REQUIRED,
        )
        if root is None:
            return None, None
        title = self.text(root, "title", ())
        sources = self.sources(root, (), "the page")
        uses = self._exercises(root, name, exercise_ids)
        if self.has_errors or title is None or sources is None or uses is None or not body:
            return None, uses
        page_id = name[: -len(".md")]
        return Page(page_id, title, sources, tuple(u.exercise for u in uses), body), uses

    def _exercises(
        self, root: dict[Any, Any], name: str, exercise_ids: Collection[str] | None
    ) -> list[_Use] | None:
        items = self.sequence(root, "exercises", (), required=False)
        if items is None:
            return None
        uses: list[_Use] = []
        ok = True
        for i, value in enumerate(items):
            at = ("exercises", i)
            eid = self.text_value(value, at, "an exercise id")
            if eid is None:
                ok = False
            elif any(u.exercise == eid for u in uses):
                self.error(at, f"exercise {eid!r} is listed twice", "remove one of them")
            elif exercise_ids is not None and eid not in exercise_ids:
                hint = (
                    suggest(eid, list(exercise_ids), "exercises in exercises.yaml")
                    if exercise_ids
                    else "there is no exercises.yaml (or it is empty): add the exercise there"
                )
                self.error(at, f"unknown exercise {eid!r}", hint)
            else:
                uses.append(_Use(eid, name, self.path, *self.doc.where(at)))
        return uses if ok else None


# --- exercises.yaml ----------------------------------------------------------------------------


class _ExerciseRules(_Rules):
    def __init__(
        self,
        doc: YamlDocument,
        path: str,
        vocabulary: Vocabulary | None,
        case_files: list[str],
    ) -> None:
        super().__init__(doc, path, vocabulary)
        self.case_files = case_files  # stems of the other .yaml files in the folder
        self.ids: list[str] = []  # every usable exercise id, in file order
        self.case_refs: dict[str, str] = {}  # triade exercise id -> existing case file stem

    def parse(self) -> dict[str, Exercise | None] | None:
        """Exercise id -> Exercise (None: has errors); None when the file is not a mapping."""
        root = self.doc.value
        if not isinstance(root, dict):
            self.error(
                (),
                f"exercises.yaml must map exercise ids to exercises, not {describe(root)}",
                "start each exercise with its id and a colon on a line of its own, e.g. "
                "'eigen-kring:'",
            )
            return None
        if not root:
            self.warning((), "exercises.yaml holds no exercises", "add one, or remove the file")
        exercises: dict[str, Exercise | None] = {}
        for eid, value in root.items():
            if not isinstance(eid, str) or not SLUG.match(eid):
                self.error(
                    (eid,),
                    f"exercise id {eid!r} has characters that are not allowed",
                    SLUG_HINT,
                    at_key=True,
                )
                continue
            self.ids.append(eid)
            exercises[eid] = self._exercise(eid, value)
        return exercises

    def _exercise(self, eid: str, value: Any) -> Exercise | None:
        where: KeyPath = (eid,)
        before = self.error_count()
        if not isinstance(value, dict):
            self.wrong_type(where, f"Exercise {eid!r}", "a mapping", value)
            return None
        kind = None
        if "type" not in value:
            self.error(
                where,
                f"exercise {eid!r} has no 'type'",
                f"add 'type:' with one of {listing(EXERCISE_TYPES)}",
                at_key=True,
            )
        else:
            kind = self.member(
                value["type"],
                (*where, "type"),
                allowed=EXERCISE_TYPES,
                label="exercise type",
                what="exercise types",
            )
        self._fields(eid, value, kind)
        title = self.text(value, "title", where)
        source = None
        source_required = kind is not None and "source" in _TYPE_REQUIRED[kind]
        if "source" in value and (value["source"] is not None or source_required):
            source = self.source(value["source"], (*where, "source"))
        if kind is None or title is None:
            return None
        read_details = {
            "reflectie": self._reflectie,
            "meerkeuze": self._meerkeuze,
            "haakjes": self._haakjes,
            "netwerkkaart": self._netwerkkaart,
            "triade": self._triade,
        }[kind]
        details = read_details(eid, value, where)
        if details is None or self.error_count() > before:
            return None
        return Exercise(id=eid, type=kind, title=title, source=source, **details)

    def _fields(self, eid: str, value: dict[Any, Any], kind: str | None) -> None:
        """Unknown and missing fields; a field of another type says which type it is for."""
        where: KeyPath = (eid,)
        allowed = {**_COMMON_FIELDS, **(TYPE_FIELDS[kind] if kind else _ANY_EXERCISE_FIELDS)}
        for key in value:
            if key in allowed:
                continue
            owners = [t for t, fields in TYPE_FIELDS.items() if key in fields]
            hint = (
                f"{key!r} belongs in {' and '.join(owners)} exercises: remove it, or change 'type'"
                if owners
                else suggest(key, allowed, "allowed fields")
            )
            message = f"unknown field {key!r} in exercise {eid!r}"
            self.error((*where, key), message, hint, at_key=True)
        required = ("title", *_TYPE_REQUIRED[kind]) if kind else ("title",)
        for name in required:
            if name not in value:
                self.error(
                    where,
                    f"exercise {eid!r} has no {name!r}",
                    f"add '{name}:' with {allowed[name]}",
                    at_key=True,
                )

    # - the five types: each returns the Exercise fields of its type, or None -

    def _reflectie(self, eid: str, value: dict[Any, Any], where: KeyPath) -> dict[str, Any] | None:
        question = self.text(value, "question", where)
        hint = self.text(value, "hint", where, required=False)
        return None if question is None else {"question": question, "hint": hint or ""}

    def _meerkeuze(self, eid: str, value: dict[Any, Any], where: KeyPath) -> dict[str, Any] | None:
        question = self.text(value, "question", where)
        items = self.sequence(value, "options", where)
        if items is None:
            return None
        at_options = (*where, "options")
        if len(items) < 2:
            self.error(
                at_options,
                f"exercise {eid!r} has {len(items)} option{'' if len(items) == 1 else 's'}: "
                "it needs at least two",
                "add options with text, correct and feedback",
                at_key=True,
            )
        options: list[Option] = []
        correct_count: int | None = 0
        for i, item in enumerate(items):
            at = (*at_options, i)
            entry = self.fields(
                item,
                at,
                what=f"option {i + 1} of exercise {eid!r}",
                allowed=OPTION_FIELDS,
                required=OPTION_FIELDS,
            )
            if entry is None:
                correct_count = None
                continue
            text = self.text(entry, "text", at)
            correct = self.boolean(entry, "correct", at) if "correct" in entry else None
            feedback = self.text(entry, "feedback", at)
            if correct is None:
                correct_count = None
            elif correct and correct_count is not None:
                correct_count += 1
            if text is not None and correct is not None and feedback is not None:
                options.append(Option(i + 1, text, correct, feedback))
        if correct_count is not None and len(items) >= 2 and correct_count != 1:
            self.error(
                at_options,
                f"exercise {eid!r} has {correct_count} correct options: exactly one must "
                "have 'correct: true'",
                "mark the one right answer 'correct: true' and the others 'correct: false'",
                at_key=True,
            )
        if question is None or len(options) != len(items):
            return None
        return {"question": question, "options": tuple(options)}

    def _haakjes(self, eid: str, value: dict[Any, Any], where: KeyPath) -> dict[str, Any] | None:
        intro = self.text(value, "intro", where)
        parties = self._parties(value, where)
        items = self.sequence(value, "transcript", where)
        if items is None:
            return None
        at_transcript = (*where, "transcript")
        if not items:
            self.error(
                at_transcript,
                f"the transcript of exercise {eid!r} is empty",
                "add fragments as '- who: ...' with 'says: ...'",
                at_key=True,
            )
            return None
        fragments = [
            self._fragment(eid, i, item, (*at_transcript, i), parties)
            for i, item in enumerate(items)
        ]
        hooks = sum(isinstance(item, dict) and "hook" in item for item in items)
        if hooks < MIN_HOOKS:
            self.error(
                at_transcript,
                f"exercise {eid!r} has {hooks} hook{'' if hooks == 1 else 's'}: it needs at "
                f"least {MIN_HOOKS}",
                "give the fragments that are hooks a 'hook:' with label, why, follow_up and "
                "tone (4-8 hooks work best)",
                at_key=True,
            )
        if hooks == len(items):
            self.error(
                at_transcript,
                f"every fragment of exercise {eid!r} is a hook",
                "add fragments that are not hooks (the weather, a tv programme), so that "
                "marking everything does not pay",
                at_key=True,
            )
        if len(items) < MIN_FRAGMENTS:
            self.warning(
                at_transcript,
                f"the transcript of exercise {eid!r} has only {len(items)} fragments",
                "give a transcript 12-25 fragments, so that there is something to look for",
                at_key=True,
            )
        if intro is None or parties is None or None in fragments:
            return None
        return {
            "intro": intro,
            "parties": parties,
            "fragments": tuple(f for f in fragments if f is not None),
        }

    def _parties(self, value: dict[Any, Any], where: KeyPath) -> dict[str, Party] | None:
        if "parties" not in value:
            return None
        raw, at = value["parties"], (*where, "parties")
        if not isinstance(raw, dict) or not raw:
            if isinstance(raw, dict):
                self.error(
                    at,
                    "'parties' is empty",
                    "add the speakers as id: {name: ..., role: ...}",
                    at_key=True,
                )
            else:
                self.wrong_type(at, "'parties'", "a mapping", raw)
            return None
        parties: dict[str, Party] = {}
        for pid, entry in raw.items():
            p_at = (*at, pid)
            if not isinstance(pid, str) or not pid.strip():
                self.error(p_at, f"party id {pid!r} must be text", SLUG_HINT, at_key=True)
                continue
            party = self.fields(
                entry, p_at, what=f"party {pid!r}", allowed=PARTY_FIELDS, required=PARTY_FIELDS
            )
            if party is None:
                continue
            name = self.text(party, "name", p_at)
            role = None
            if "role" in party:
                role = self.member(
                    party["role"], (*p_at, "role"), allowed=ROLES, label="role", what="roles"
                )
            if name is not None and role is not None:
                parties[pid] = Party(pid, name, role)
        return parties if len(parties) == len(raw) else None

    def _fragment(
        self, eid: str, i: int, item: Any, at: KeyPath, parties: dict[str, Party] | None
    ) -> Fragment | None:
        entry = self.fields(
            item,
            at,
            what=f"fragment {i + 1} of exercise {eid!r}",
            allowed=FRAGMENT_FIELDS,
            required=("who", "says"),
        )
        if entry is None:
            return None
        who = self.text(entry, "who", at)
        says = self.text(entry, "says", at)
        if who is not None and parties is not None and who not in parties:
            self.error(
                (*at, "who"), f"unknown party {who!r} in 'who'", suggest(who, parties, "parties")
            )
            who = None
        hook = None
        if "hook" in entry:
            hook = self._hook(entry["hook"], (*at, "hook"), f"the hook of fragment {i + 1}")
            if hook is None:
                return None
        if who is None or says is None:
            return None
        return Fragment(i + 1, who, says, hook)

    def _hook(self, value: Any, at: KeyPath, what: str) -> Hook | None:
        entry = self.fields(value, at, what=what, allowed=HOOK_FIELDS, required=HOOK_FIELDS)
        if entry is None:
            return None
        label = self.text(entry, "label", at)
        why = self.text(entry, "why", at)
        follow_up = self.text(entry, "follow_up", at)
        tone = None
        if "tone" in entry:
            tone = self.member(
                entry["tone"], (*at, "tone"), allowed=HOOK_TONES, label="tone", what="tones"
            )
        if label is None or why is None or follow_up is None or tone is None:
            return None
        return Hook(label, why, follow_up, tone)

    def _netwerkkaart(
        self, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        description = self.text(value, "description", where)
        items = self.sequence(value, "people", where)
        if items is None:
            return None
        at_people = (*where, "people")
        if len(items) < MIN_PEOPLE:
            self.error(
                at_people,
                f"exercise {eid!r} has {len(items)} "
                f"{'person' if len(items) == 1 else 'people'}: a map needs at least {MIN_PEOPLE}",
                "give a map 6-10 people, at least three of them weak ties",
                at_key=True,
            )
        people: list[tuple[int, MapPerson]] = []  # with their place in the list
        seen: set[str] = set()
        for i, item in enumerate(items):
            person = self._person(eid, i, item, (*at_people, i), seen)
            if person is not None:
                people.append((i, person))
        if items and len(people) == len(items) and not any(p.tie == "zwak" for _, p in people):
            self.warning(
                at_people,
                f"the map of exercise {eid!r} has no weak tie",
                "weak ties are what learners overlook: give the map at least three people "
                "with 'tie: zwak', each with a 'question'",
                at_key=True,
            )
        if description is not None:
            for i, person in people:
                if not _mentions(description, person.name):
                    self.warning(
                        (*at_people, i, "name"),
                        f"the description does not mention {person.name!r}",
                        "name every person in the description (a word of the name will do), "
                        "so that the learner can place them from what they read",
                    )
        if description is None or len(people) != len(items) or len(items) < MIN_PEOPLE:
            return None
        return {"description": description, "people": tuple(p for _, p in people)}

    def _person(self, eid: str, i: int, item: Any, at: KeyPath, seen: set[str]) -> MapPerson | None:
        entry = self.fields(
            item,
            at,
            what=f"person {i + 1} of exercise {eid!r}",
            allowed=PERSON_FIELDS,
            required=_PERSON_REQUIRED,
        )
        if entry is None:
            return None
        before = self.error_count()
        pid = self.text(entry, "id", at)
        if pid is not None and not SLUG.match(pid):
            message = f"person id {pid!r} has characters that are not allowed"
            self.error((*at, "id"), message, SLUG_HINT)
        elif pid is not None and pid in seen:
            message = f"person id {pid!r} is used twice"
            self.error((*at, "id"), message, "give every person their own id")
        elif pid is not None:
            seen.add(pid)
        name = self.text(entry, "name", at)
        choices = {"sector": SECTORS, "tie": TIES, "valence": VALENCES}
        chosen = {
            key: self.member(entry[key], (*at, key), allowed=allowed, label=key, what=f"{key}s")
            for key, allowed in choices.items()
            if key in entry
        }
        ring = self.integer(entry, "ring", at, low=RINGS[0], high=RINGS[-1])
        question = self.text(entry, "question", at, required=False)
        if chosen.get("tie") == "zwak" and question is None:
            self.error(
                at,
                f"person {pid or i + 1!r} is a weak tie without a 'question'",
                "add 'question:' with the question from the list for finding weak ties that "
                "would bring this person up",
                at_key=True,
            )
        if self.error_count() > before or pid is None or name is None or ring is None:
            return None
        sector, tie, valence = chosen.get("sector"), chosen.get("tie"), chosen.get("valence")
        if sector is None or tie is None or valence is None:  # pragma: no cover - reported
            return None
        return MapPerson(pid, name, sector, ring, tie, valence, question)

    def _triade(self, eid: str, value: dict[Any, Any], where: KeyPath) -> dict[str, Any] | None:
        if "case" not in value:
            return None
        at = (*where, "case")
        name = self.text_value(value["case"], at, "'case'")
        if name is None:
            return None
        if not SLUG.match(name) or name in ("module", "exercises"):
            self.error(
                at,
                f"'case' {name!r} cannot name a case file",
                "give the id of a case file in this folder, e.g. 'triade-moeder' for "
                "triade-moeder.yaml",
            )
            return None
        if name not in self.case_files:
            self.error(
                at,
                f"case file '{name}.yaml' not found in the module folder",
                suggest(name, self.case_files, "case files in the folder"),
            )
            return None
        self.case_refs[eid] = name
        return {"case_id": name}
