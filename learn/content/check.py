"""Checking content on disk: every format's checker, most specific first.

Modules (``modules/<name>/``) come first in ``checkers()``, ahead of the case checker, which
takes any ``.yaml`` file nobody else claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from learn.content.cases.checker import CaseChecker, load_cases
from learn.content.methods import MethodChecker
from learn.content.modules.checker import ModuleChecker
from learn.content.problems import Report
from learn.content.runner import VOCABULARY_FILE, ContentChecker, run_checks

__all__ = ["CaseChecker", "ModuleChecker", "check_paths", "checkers", "load_cases"]


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

    A folder means its ``*.yaml`` files, or the modules in it. ``modules_dir`` defaults to
    ``cases_dir/../modules``; ``vocabulary_path`` to ``cases_dir/vocabulary.yaml``.
    """
    vocabulary_path = vocabulary_path or cases_dir / VOCABULARY_FILE
    kinds = checkers(cases_dir, modules_dir, methods_dir)
    report, _, _ = run_checks(paths, kinds, vocabulary_path)
    return report
