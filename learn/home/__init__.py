"""The start page: a short introduction for visitors, a personal home for users."""

from flask import Blueprint

bp = Blueprint("home", __name__)

from learn.home import routes  # noqa: E402,F401  (routes attach themselves to bp)
