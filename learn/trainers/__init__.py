"""Trainers: sets of cases and modules, assignments with due dates, class results and exports."""

from learn.trainers import routes  # noqa: F401  (routes attach themselves to bp)
from learn.trainers.blueprint import bp

__all__ = ["bp"]
