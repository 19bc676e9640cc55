"""Small factories for test data. Passwords use a cheap hash so tests stay fast."""

from __future__ import annotations

import itertools

from werkzeug.security import generate_password_hash

from learn.auth.models import User
from learn.extensions import db
from learn.groups.models import Group, GroupKind, Role

PASSWORD = "een lange zin als wachtwoord"
_FAST_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
_counter = itertools.count(1)


def make_user(
    name: str | None = None,
    *,
    email: str | None = None,
    trainer: bool = False,
    admin: bool = False,
    active: bool = True,
    language: str = "nl",
) -> User:
    n = next(_counter)
    user = User(
        email=email or f"user{n}@example.test",
        display_name=name or f"Gebruiker {n}",
        password_hash=_FAST_HASH,
        is_trainer=trainer,
        is_admin=admin,
        active=active,
        language=language,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_group(
    kind: GroupKind,
    leader: User,
    members: list[User] = (),
    name: str | None = None,
) -> Group:
    group = Group(kind=kind, name=name or f"{kind.value} {next(_counter)}")
    db.session.add(group)
    group.add_member(leader, group.leader_role)
    for member in members:
        group.add_member(member)
    db.session.commit()
    return group


def make_class(trainer: User, students: list[User] = (), name: str | None = None) -> Group:
    return make_group(GroupKind.CLASS, trainer, students, name)


def make_team(begeleider: User, members: list[User] = (), name: str | None = None) -> Group:
    return make_group(GroupKind.TEAM, begeleider, members, name)


__all__ = ["PASSWORD", "Role", "make_class", "make_group", "make_team", "make_user"]
