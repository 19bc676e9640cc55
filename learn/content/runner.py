"""Running checkers: the vocabulary first, then every file to the checker that owns it.

Each format (cases, modules) has a ContentChecker that says which paths it owns, which files
it finds in a folder, and how to check them. ``learn.content.check`` puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from learn.content.files import file_problem
from learn.content.problems import Problem, Report
from learn.content.vocabulary import Vocabulary, load_vocabulary

VOCABULARY_FILE = "vocabulary.yaml"
# English labels for the same keys (English mode); not a case.
VOCABULARY_EN_FILE = "vocabulary.en.yaml"
VOCABULARY_FILES = frozenset({VOCABULARY_FILE, VOCABULARY_EN_FILE})


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


def subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


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
            report.problems.append(file_problem(path, "no such file or folder", "check the path"))
        elif owner is None:
            report.problems.append(
                file_problem(path, "not a content file", "content files end in .yaml")
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
