"""Branching case simulations: the library, playing a case, the debrief, the competence profile."""

from flask import Blueprint

bp = Blueprint("casesim", __name__)

from learn.casesim import personal_data, routes  # noqa: E402,F401  (they attach themselves)
