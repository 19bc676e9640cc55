"""Intervision and casuïstiekbespreking: sessions, notes, action points and the privacy guard."""

from flask import Blueprint

bp = Blueprint("intervision", __name__, cli_group="intervision")

from learn.intervision import personal_data, routes  # noqa: E402,F401  (attach to bp)
from learn.intervision.commands import purge  # noqa: E402

bp.cli.add_command(purge)
