"""Reading content files from disk, shared by the case and module checkers.

Lives apart from check.py because modules.py needs it too and check.py imports modules.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .problems import Problem, Severity


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A file's UTF-8 text, or a problem saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [file_problem(path, f"cannot read the file: {exc.strerror or exc}")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = Problem(
            str(path),
            line,
            column,
            "error",
            "the file is not UTF-8 text",
            "save it as UTF-8 in your editor",
        )
        return None, [problem]


def file_problem(path: Path, message: str, hint: str = "", severity: Severity = "error") -> Problem:
    """A problem with a whole file (it is missing, skipped, ...): placed at 1:1."""
    return Problem(str(path), 1, 1, severity, message, hint)


def folder_digest(folder: Path) -> str:
    """sha256 over every regular file below `folder` (names and bytes, in name order):
    equal digests mean nothing in the folder changed."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
