"""Reading content files from disk, shared by the case and module checkers.

Lives apart from check.py because modules.py needs it too and check.py imports modules.py.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from .problems import Problem, Severity

# Content files are text written by hand: the largest shipped case is about 40 kB, the
# 5,000-scene stress case 3.5 MB. Anything bigger is refused before it is read.
MAX_FILE_BYTES = 8 * 1024 * 1024


def unsafe_file(path: Path) -> str | None:
    """Why `path` must not be read as content, or None. Only regular files are read, and a
    symbolic link only when it stays inside the file's own folder: a FIFO would hang the
    reader, a device never ends, and a link to a system file would echo its lines."""
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(path.parent.resolve()):
                return "skipped: a symbolic link that leads outside the content folder"
        info = path.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "skipped: not a regular file (a pipe, device or folder)"
    if info.st_size > MAX_FILE_BYTES:
        return (
            f"skipped: {info.st_size / 1_048_576:.1f} MB, above the limit of "
            f"{MAX_FILE_BYTES // 1_048_576} MB for a content file"
        )
    return None


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """A file's UTF-8 text, or a problem saying why it cannot be read."""
    reason = unsafe_file(path)
    if reason is not None:
        return None, [
            file_problem(path, reason, "content files are plain text files, each in its own folder")
        ]
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grew meanwhile
    except OSError as exc:
        return None, [file_problem(path, f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_FILE_BYTES:
        return None, [file_problem(path, "skipped: the file grew above the size limit")]
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
        for path in sorted(p for p in folder.rglob("*") if unsafe_file(p) is None):
            digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
