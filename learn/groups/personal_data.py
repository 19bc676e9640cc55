"""A person's class and team memberships in their own data; ended with the account."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import delete, select

from learn.auth.models import User
from learn.auth.personal_data import DataKind, register, timestamp
from learn.extensions import db
from learn.groups.models import Membership


def memberships_of(user: User) -> list[Membership]:
    return list(
        db.session.scalars(
            select(Membership).where(Membership.user_id == user.id).order_by(Membership.id)
        )
    )


def export_memberships(user: User) -> list[dict]:
    return [
        {
            "kind": m.group.kind,
            "group": m.group.name,
            "role": m.role,
            "joined_at": timestamp(m.joined_at),
        }
        for m in memberships_of(user)
    ]


def sole_leader_blockers(user: User) -> list[str]:
    """As when leaving: the only trainer or begeleider of a group with others in it stays."""
    return [
        _(
            "Enige trainer of begeleider van %(name)s: geef eerst iemand anders die rol.",
            name=m.group.name,
        )
        for m in memberships_of(user)
        if m.is_leader and len(m.group.leaders()) == 1 and len(m.group.memberships) > 1
    ]


def end_memberships(user: User) -> None:
    db.session.execute(delete(Membership).where(Membership.user_id == user.id))


register(DataKind("memberships", export_memberships, end_memberships, sole_leader_blockers))
