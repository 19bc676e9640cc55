"""Team sessions: intervisie and casuïstiekbespreking with methods, timer, notes and actions."""

from flask import Blueprint

bp = Blueprint("intervision", __name__, cli_group="intervision")

from learn.intervision import commands, routes  # noqa: E402,F401  (attach to bp)
