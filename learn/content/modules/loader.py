"""Checking one module folder in one pass, like ``parse_case`` does for a case, because
the rules cross files (a page shows exercises, an exercise plays a case file). It returns a
Module only when there is no error, so the app never shows a half-valid module.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from learn.content.cases.model import Case
from learn.content.cases.parser import read_case
from learn.content.files import file_problem, read_text
from learn.content.problems import Problem
from learn.content.schema import Validator
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import YamlDocument, load_yaml, paused_gc
from learn.exercises.base import ExerciseKind
from learn.exercises.model import Exercise

from .exercises import ExercisesFile
from .model import EXERCISES_FILE, MANIFEST, Module, Page
from .pages import PageReading
from .rules import ManifestRules, PageUse


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


class _ModuleLoader(PageReading):
    """One pass over a module folder; collects problems of every file in it."""

    def __init__(
        self, folder: Path, vocabulary: Vocabulary | None, known_case_ids: Collection[str]
    ) -> None:
        self.folder = folder
        self.vocabulary = vocabulary
        self.known_case_ids = known_case_ids
        self.problems: list[Problem] = []
        self.page_order: list[str] = []
        self.case_kinds: dict[str, ExerciseKind] = {}  # case file stem -> its kind

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
        uses: list[PageUse] = []
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

    def _manifest(self, names: set[str]) -> ManifestRules | None:
        path, doc = self._read_yaml(MANIFEST, "start with 'id: ...' (the folder name)")
        if doc is None:
            return None
        rules = ManifestRules(doc, path, self.vocabulary)
        rules.parse(self.folder.name, names, self.known_case_ids)
        self.problems.extend(rules.problems)
        self.page_order = list(rules.found)
        return rules

    def _exercises(
        self, names: set[str]
    ) -> tuple[dict[str, Exercise | None], ExercisesFile | None]:
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
        rules = ExercisesFile(doc, path, self.vocabulary, case_files)
        exercises = rules.parse()
        self.problems.extend(rules.problems)
        if exercises is None:
            return {}, None
        return exercises, rules

    def _check_uses(
        self, uses: list[PageUse], complete: bool, ex_rules: ExercisesFile | None
    ) -> None:
        """One page per exercise; and, when every page could be read, no unused exercise."""
        first: dict[str, PageUse] = {}
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

    def _cases(self, ex_rules: ExercisesFile | None) -> dict[str, Case | None]:
        """Every case file a triade exercise plays, checked as a case plus the triade rules."""
        cases: dict[str, Case | None] = {}
        self.case_kinds = ex_rules.case_kinds if ex_rules else {}
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
        self.case_kinds[name].check_case(name, case, check)
        self.problems.extend(check.problems)
        return None if check.has_errors else case

    def _unlisted(
        self, names: set[str], manifest: ManifestRules, ex_rules: ExercisesFile | None
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
