"""The modules on disk, loaded once per app and process and reloaded when content changes.

Module files are read at first use. `kring content sync` bumps the content version in the
database when a module file changed; every instance looks at that version at most every
`CONTENT_CHECK_SECONDS` and then reads the modules again, so several instances behind a
load balancer all follow a sync without a restart. A module folder with errors is left out
and logged, so one broken file does not take the others down.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from flask import abort, current_app

from learn.casesim.services import content_version
from learn.content.modules import Module, load_modules


@dataclass
class ModuleCache:
    modules: dict[str, Module] = field(default_factory=dict)
    version: int = -1  # the content version the modules were read at
    checked_at: float = float("-inf")  # monotonic time of the last version lookup


def all_modules() -> dict[str, Module]:
    cache = current_app.extensions.setdefault("kring_modules", ModuleCache())
    now = time.monotonic()
    if now - cache.checked_at >= current_app.config["CONTENT_CHECK_SECONDS"]:
        version, cache.checked_at = content_version(), now
        if version != cache.version:
            cache.modules, cache.version = _read_modules(), version
    return cache.modules


def _read_modules() -> dict[str, Module]:
    modules, report = load_modules(
        Path(current_app.config["MODULES_DIR"]), Path(current_app.config["CASES_DIR"])
    )
    for problem in report.errors:
        current_app.logger.error("module content: %s", problem.format())
    return {m.id: m for m in modules}


def module_or_404(module_id: str) -> Module:
    module = all_modules().get(module_id)
    if module is None:
        abort(404)
    return module


def triade_case_slug(module_id: str, case_id: str) -> str:
    """How a module's triadic case is named among the cases in the database."""
    return f"{module_id}--{case_id}"
