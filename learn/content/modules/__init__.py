"""Module folders (docs/authoring-modules.md): model, loader, checker.

``model`` holds Module and Page; ``loader`` checks one folder (with ``rules`` for
module.yaml, ``pages`` for the Markdown pages and ``exercises`` for exercises.yaml, which
hands each exercise to its kind in learn.exercises); ``checker`` finds the module folders.
"""

from learn.exercises.model import Exercise

from .checker import ModuleChecker, load_modules
from .loader import load_module
from .model import EXERCISES_FILE, MANIFEST, Module, Page

__all__ = [
    "EXERCISES_FILE",
    "MANIFEST",
    "Exercise",
    "Module",
    "ModuleChecker",
    "Page",
    "load_module",
    "load_modules",
]
