"""``kring intervision purge``: delete session notes past each team's retention period.

Meant for a daily cron job (see docs/intervision.md)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from learn.auth.models import utcnow
from learn.intervision.services import purge_expired


@click.command("purge")
@with_appcontext
def purge() -> None:
    """Delete the notes of sessions older than their team's retention period."""
    count = purge_expired(utcnow())
    click.echo(f"Purged the notes of {count} session(s).")
