"""Problems found in content files, and the report that collects them.

Authors read these in a terminal or a CI log, so every problem says where it is
(path, line, column, all 1-based) and carries a hint that says what to do about it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Literal, TextIO

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth a look (warning) at one place in one file."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""

    def format(self) -> str:
        """Render as ``path:line:column: severity: message`` plus an indented hint line."""
        head = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class Report:
    """All problems of one check run, in file order, and how many files were read."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def exit_code(self) -> int:
        """1 when anything cannot be loaded, 0 when there are only warnings or nothing."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        """``2 errors, 1 warning in 13 files`` or ``no problems in 13 files``."""
        files = _count(self.files_checked, "file")
        parts = []
        if self.errors:
            parts.append(_count(len(self.errors), "error"))
        if self.warnings:
            parts.append(_count(len(self.warnings), "warning"))
        return f"{', '.join(parts) or 'no problems'} in {files}"


def print_report(report: Report, file: TextIO | None = None) -> None:
    """Print every problem, then the summary; shared by ``python -m`` and the Flask CLI."""
    out = file if file is not None else sys.stdout
    for problem in report.problems:
        print(problem.format(), file=out)
    print(report.summary(), file=out)
