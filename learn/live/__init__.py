"""Live sessions: a class or team walks a case together, votes at each decision, discusses."""

from flask import Blueprint

bp = Blueprint("live", __name__)

from learn.live import follow, participate, routes  # noqa: E402,F401  (routes attach to bp)
