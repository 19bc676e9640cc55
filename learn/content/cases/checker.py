"""Finding and checking the case files in a folder, each named after its id."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from learn.content.files import file_problem, read_text
from learn.content.problems import Problem, Report
from learn.content.runner import VOCABULARY_FILE, VOCABULARY_FILES, Loaded, Outcome, run_checks
from learn.content.vocabulary import Vocabulary

from .model import Case
from .parser import read_case


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
                file_problem(
                    folder,
                    "cases folder not found",
                    "run the check from the project folder or pass --cases-dir",
                )
            ]
        files = sorted(p for p in folder.glob("*.yaml") if p.name not in VOCABULARY_FILES)
        notes = [
            file_problem(
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
