"""Account management for admins: create, (de)activate, grant roles, reset links."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from learn.admin import routes  # noqa: E402,F401  (routes attach themselves to bp)
