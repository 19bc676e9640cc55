"""Classes (klassen) and teams: creating them, joining with a code, managing members."""

from flask import Blueprint

bp = Blueprint("groups", __name__)

from learn.groups import personal_data, routes  # noqa: E402,F401  (they attach themselves)
