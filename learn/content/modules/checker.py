"""Finding and checking module folders, and loading the valid ones for the app."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from learn.content.files import file_problem
from learn.content.problems import Problem, Report
from learn.content.runner import (
    VOCABULARY_FILE,
    VOCABULARY_FILES,
    Loaded,
    Outcome,
    run_checks,
    subfolders,
)
from learn.content.vocabulary import Vocabulary

from .loader import load_module
from .model import MANIFEST, Module


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
                or any((sub / MANIFEST).is_file() for sub in subfolders(path))
            )
        return self._is_module(path.parent)

    def discover(self, folder: Path | None) -> tuple[list[Path], list[Problem]]:
        if folder is None:
            folder = self.modules_dir
            if not folder.is_dir():
                if not self.required:
                    return [], []
                return [], [
                    file_problem(
                        folder,
                        "modules folder not found",
                        "run the check from the project folder or pass --modules-dir",
                    )
                ]
        if self._is_module(folder):
            return self._module_files(folder)
        files: list[Path] = []
        notes: list[Problem] = []
        for sub in subfolders(folder):
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
                file_problem(
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
        return {p.stem for p in self.cases_dir.glob("*.yaml") if p.name not in VOCABULARY_FILES}


def load_modules(modules_dir: Path, cases_dir: Path) -> tuple[list[Module], Report]:
    """Every valid module in ``modules_dir``, for the app, and the report of all problems.

    Folders with errors are left out (the report says why); nothing is loaded when the
    vocabulary in ``cases_dir`` is broken, since then no module could be fully checked.
    """
    checker = ModuleChecker(modules_dir, cases_dir, required=True)
    report, loaded, vocabulary = run_checks(None, [checker], cases_dir / VOCABULARY_FILE)
    if vocabulary is None:
        return [], report
    return [x.item for x in loaded if isinstance(x.item, Module)], report
