"""Checking content files on disk: which files, and the rules that span several files.

Each kind of content is a ContentChecker that says which paths it owns, which files it finds
in a folder, and how to check them. Modules (``modules/<name>/``) come first in
``checkers()``, ahead of the case checker, which takes any ``.yaml`` file nobody else claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .cases import Case, read_case
from .files import file_problem as _file_problem
from .files import read_text
from .methods import MethodChecker
from .modules import MANIFEST, load_module
from .problems import Problem, Report
from .vocabulary import Vocabulary, load_vocabulary

VOCABULARY_FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class Loaded:
    """A file that passed its checks: where it is, its text (for hashing) and the result."""

    path: Path
    text: str
    item: Any


@dataclass
class Outcome:
    loaded: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class ContentChecker(Protocol):
    def owns(self, path: Path) -> bool:
        """Whether a file or folder named on the command line is this checker's."""
        ...

    def discover(self, folder: Path | None) -> tuple[list[Path], list[Problem]]:
        """The files to check in ``folder`` (None: this kind's own folder), plus notes
        about files that look like content but will be skipped."""
        ...

    def check(self, files: Sequence[Path], vocabulary: Vocabulary | None) -> Outcome:
        """Check ``files``, including rules across them; ``vocabulary`` None if broken."""
        ...


class CaseChecker:
    """Case files: ``*.yaml`` in the cases folder, each named after its id."""

    def __init__(self, cases_dir: Path) -> None:
        self.cases_dir = cases_dir

    def owns(self, path: Path) -> bool:
        return path.is_dir() or path.suffix == ".yaml"

    def discover(self, folder: Path | None) -> tuple[list[Path], list[Problem]]:
        folder = self.cases_dir if folder is None else folder
        if not folder.is_dir():
            return [], [
                _file_problem(
                    folder,
                    "cases folder not found",
                    "run the check from the project folder or pass --cases-dir",
                )
            ]
        files = sorted(p for p in folder.glob("*.yaml") if p.name != VOCABULARY_FILE)
        notes = [
            _file_problem(
                p,
                "this file is skipped: case files end in .yaml",
                f"rename it to {p.stem}.yaml",
                severity="warning",
            )
            for p in sorted(folder.glob("*.yml"))
        ]
        return files, notes

    def check(self, files: Sequence[Path], vocabulary: Vocabulary | None) -> Outcome:
        outcome = Outcome()
        first_use: dict[str, Path] = {}
        for path in files:
            text, problems = read_text(path)
            if text is None:
                outcome.problems.extend(problems)
                continue
            result = read_case(text, str(path), vocabulary)
            problems = list(result.problems)
            if result.case_id is not None:
                problems.extend(
                    self._id_problems(path, result.case_id, result.id_position, first_use)
                )
                first_use.setdefault(result.case_id, path)
            problems.sort(key=lambda p: (p.line, p.column))
            outcome.problems.extend(problems)
            if result.case is not None and not any(p.severity == "error" for p in problems):
                outcome.loaded.append(Loaded(path, text, result.case))
        return outcome

    @staticmethod
    def _id_problems(
        path: Path, case_id: str, where: tuple[int, int], first_use: dict[str, Path]
    ) -> list[Problem]:
        problems = []
        if case_id != path.stem:
            problems.append(
                Problem(
                    str(path),
                    *where,
                    "error",
                    f"id {case_id!r} does not match the file name {path.name!r}",
                    f"rename the file to '{case_id}.yaml', or change the id to {path.stem!r} "
                    "if no learner has played this case yet",
                )
            )
        if case_id in first_use:
            problems.append(
                Problem(
                    str(path),
                    *where,
                    "error",
                    f"id {case_id!r} is also used by {first_use[case_id]}",
                    "every case needs its own id: give this one a new id (and file name)",
                )
            )
        return problems


class ModuleChecker:
    """Module folders: ``module.yaml`` with its pages, exercises and triade case files.

    A module is checked as a whole, because its rules cross files: naming one file of a
    module checks the module it is in.
    """

    def __init__(self, modules_dir: Path, cases_dir: Path, *, required: bool = False) -> None:
        self.modules_dir = modules_dir
        self.cases_dir = cases_dir
        # Not required: a project (or a test) without modules/ simply has no modules.
        self.required = required

    def owns(self, path: Path) -> bool:
        if path.is_dir():
            return (
                self._is_modules_dir(path)
                or self._is_module(path)
                or any((sub / MANIFEST).is_file() for sub in _subfolders(path))
            )
        return self._is_module(path.parent)

    def discover(self, folder: Path | None) -> tuple[list[Path], list[Problem]]:
        if folder is None:
            folder = self.modules_dir
            if not folder.is_dir():
                if not self.required:
                    return [], []
                return [], [
                    _file_problem(
                        folder,
                        "modules folder not found",
                        "run the check from the project folder or pass --modules-dir",
                    )
                ]
        if self._is_module(folder):
            return self._module_files(folder)
        files: list[Path] = []
        notes: list[Problem] = []
        for sub in _subfolders(folder):
            if self._is_module(sub):
                found, more = self._module_files(sub)
                files.extend(found)
                notes.extend(more)
        return files, notes

    def check(self, files: Sequence[Path], vocabulary: Vocabulary | None) -> Outcome:
        outcome = Outcome()
        folders = list(dict.fromkeys(file.parent for file in files))
        known = self._case_ids()
        for folder in folders:
            module, problems = load_module(folder, vocabulary, known)
            outcome.problems.extend(problems)
            if module is not None:
                outcome.loaded.append(Loaded(folder, "", module))
        return outcome

    def _is_modules_dir(self, folder: Path) -> bool:
        return folder.resolve() == self.modules_dir.resolve()

    def _is_module(self, folder: Path) -> bool:
        """A folder with a module.yaml, or any folder right inside the modules folder."""
        return (folder / MANIFEST).is_file() or (
            folder.is_dir() and self._is_modules_dir(folder.resolve().parent)
        )

    @staticmethod
    def _module_files(folder: Path) -> tuple[list[Path], list[Problem]]:
        if not (folder / MANIFEST).is_file():
            return [], [
                _file_problem(
                    folder,
                    "this module folder has no module.yaml",
                    "add module.yaml (see docs/authoring-modules.md), or move the folder "
                    "out of the modules folder",
                )
            ]
        files = [
            p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix in (".yaml", ".md")
        ]
        return files, []

    def _case_ids(self) -> set[str]:
        """The library's case ids, for practice_cases: file names, which equal the ids."""
        if not self.cases_dir.is_dir():
            return set()
        return {p.stem for p in self.cases_dir.glob("*.yaml") if p.name != VOCABULARY_FILE}


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def checkers(
    cases_dir: Path, modules_dir: Path | None = None, methods_dir: Path | None = None
) -> list[ContentChecker]:
    """Every content kind, most specific first: the first that owns a path checks it.

    ``modules_dir`` and ``methods_dir`` default to ``modules`` and ``methods`` next to the
    cases folder, and may then be absent.
    """
    modules = ModuleChecker(
        cases_dir.parent / "modules" if modules_dir is None else modules_dir,
        cases_dir,
        required=modules_dir is not None,
    )
    methods = MethodChecker(
        cases_dir.parent / "methods" if methods_dir is None else methods_dir,
        required=methods_dir is not None,
    )
    return [modules, methods, CaseChecker(cases_dir)]


def check_paths(
    paths: Sequence[Path] | None,
    *,
    cases_dir: Path,
    modules_dir: Path | None = None,
    methods_dir: Path | None = None,
    vocabulary_path: Path | None = None,
) -> Report:
    """Check the vocabulary and ``paths``: files or folders, or (None or empty) all content.

    A folder means its ``*.yaml`` files, or the modules in it. ``modules_dir`` and
    ``methods_dir`` default to ``cases_dir/../modules`` and ``cases_dir/../methods``;
    ``vocabulary_path`` to ``cases_dir/vocabulary.yaml``.
    """
    vocabulary_path = vocabulary_path or cases_dir / VOCABULARY_FILE
    kinds = checkers(cases_dir, modules_dir, methods_dir)
    report, _, _ = run_checks(paths, kinds, vocabulary_path)
    return report


def load_cases(cases_dir: Path) -> tuple[list[tuple[Path, str, Case]], Report]:
    """Every valid case as (path, text, case), for ``kring content sync``.

    Files with errors are left out (the report says why); nothing is loaded when the
    vocabulary itself is broken, since then no case could be fully checked.
    """
    vocabulary_path = cases_dir / VOCABULARY_FILE
    report, loaded, vocabulary = run_checks(None, [CaseChecker(cases_dir)], vocabulary_path)
    if vocabulary is None:
        return [], report
    return [(x.path, x.text, x.item) for x in loaded if isinstance(x.item, Case)], report


def run_checks(
    paths: Sequence[Path] | None, kinds: Sequence[ContentChecker], vocabulary_path: Path
) -> tuple[Report, list[Loaded], Vocabulary | None]:
    """Check the vocabulary, then give every file to the first checker that owns it.

    No ``paths`` (None or empty) means every file each checker finds in its own folder.
    """
    report = Report()
    vocabulary, problems = load_vocabulary(vocabulary_path)
    report.problems.extend(problems)
    report.files_checked += 1
    assigned: list[list[Path]] = [[] for _ in kinds]
    seen = {vocabulary_path.resolve()}

    def assign(kind: int, files: Sequence[Path]) -> None:
        for file in files:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                assigned[kind].append(file)

    if not paths:
        for kind, checker in enumerate(kinds):
            files, notes = checker.discover(None)
            report.problems.extend(notes)
            assign(kind, files)
    for path in paths or ():
        owner = next((i for i, checker in enumerate(kinds) if checker.owns(path)), None)
        if not path.exists():
            report.problems.append(_file_problem(path, "no such file or folder", "check the path"))
        elif owner is None:
            report.problems.append(
                _file_problem(path, "not a content file", "content files end in .yaml")
            )
        elif path.is_dir():
            files, notes = kinds[owner].discover(path)
            report.problems.extend(notes)
            assign(owner, files)
        else:
            assign(owner, [path])
    loaded: list[Loaded] = []
    for kind, checker in enumerate(kinds):
        outcome = checker.check(assigned[kind], vocabulary)
        report.problems.extend(outcome.problems)
        report.files_checked += len(assigned[kind])
        loaded.extend(outcome.loaded)
    return report, loaded, vocabulary
