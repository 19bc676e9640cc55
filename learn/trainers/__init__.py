"""Trainers: sets of cases and modules, assignments with due dates, class results and exports."""

from flask import Blueprint

bp = Blueprint("trainers", __name__)

from learn.trainers import classroom, results, routes  # noqa: E402,F401  (routes attach themselves to bp)
