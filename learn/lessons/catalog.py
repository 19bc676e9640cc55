"""The modules on disk, loaded once per app and process.

Module files are read at first use; after editing a module, restart Kring (or
run `kring content check` to see problems first). A module folder with errors
is left out and logged, so one broken file does not take the others down.
"""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app

from learn.content.modules import Module, load_modules


def all_modules() -> dict[str, Module]:
    cached = current_app.extensions.get("kring_modules")
    if cached is None:
        modules, report = load_modules(
            Path(current_app.config["MODULES_DIR"]), Path(current_app.config["CASES_DIR"])
        )
        for problem in report.errors:
            current_app.logger.error("module content: %s", problem.format())
        cached = current_app.extensions["kring_modules"] = {m.id: m for m in modules}
    return cached


def module_or_404(module_id: str) -> Module:
    module = all_modules().get(module_id)
    if module is None:
        abort(404)
    return module


def triade_case_slug(module_id: str, case_id: str) -> str:
    """How a module's triadic case is named among the cases in the database."""
    return f"{module_id}--{case_id}"
