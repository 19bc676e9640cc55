"""Learning modules: pages, exercises, progress and the reflection journal."""

from flask import Blueprint

bp = Blueprint("lessons", __name__)

from learn.lessons import personal_data, routes  # noqa: E402,F401  (they attach themselves)
