"""Accounts: register, log in and out, profile, password change and reset."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from learn.auth import routes  # noqa: E402,F401  (routes attach themselves to bp)
