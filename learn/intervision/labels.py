"""The words pages and downloads show for stored values, in the reader's language.

The database keeps Dutch keys (``PointStatus``) and NULL for a deleted account; these turn
them into text through the catalogue, so the team page, home page, session page, summary and
Markdown download all say the same thing. Outside a request they give the Dutch source text.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from learn.auth.models import User
from learn.auth.personal_data import FORMER_MEMBER
from learn.intervision.models import ActionPoint, TeamSession
from learn.intervision.rules import PointStatus

NO_OWNER = _l("nog niemand")
NO_HOLDER = _l("nog niet gekozen")

POINT_STATUS = {
    PointStatus.OPEN: _l("open"),
    PointStatus.DONE: _l("gedaan"),
    PointStatus.DROPPED: _l("vervallen"),
}


def credit(user: User | None) -> str:
    """Who wrote something: their name, or "voormalig lid" once the account is gone."""
    return user.display_name if user is not None else str(FORMER_MEMBER)


def point_owner(point: ActionPoint) -> str:
    """Who takes a point: "nog niemand" when never chosen, "voormalig lid" when deleted."""
    return credit(point.owner) if point.owner_chosen else str(NO_OWNER)


def role_holder(session: TeamSession, role: str) -> str:
    """Who holds a session role (``chair``, ``presenter``, ``scribe``): "nog niet gekozen"
    when nobody was given it, "voormalig lid" when its holder deleted their account."""
    chosen = getattr(session, f"{role}_chosen")
    return credit(getattr(session, role)) if chosen else str(NO_HOLDER)


def point_status(status: str) -> str:
    return str(POINT_STATUS.get(status, status))
