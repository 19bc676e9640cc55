"""Demo accounts, class and team for trying Kring out. Loading twice changes nothing."""

from __future__ import annotations

from sqlalchemy import select

from learn.auth.models import User
from learn.extensions import db
from learn.groups.models import Group, GroupKind, Role
from learn.intervision.demo import load_demo_sessions
from learn.live.demo import load_demo_live
from learn.trainers.demo import load_demo_results

DEMO_PASSWORD = "kring-demo"  # noqa: S105  (documented demo password, never in production)

DEMO_ACCOUNTS = [
    # email, display name, is_trainer, is_admin, description for the console
    ("student@kring.test", "Noor Bakker", False, False, "student in the demo class"),
    ("trainer@kring.test", "Joris Visser", True, False, "trainer of the demo class"),
    ("team@kring.test", "Esra Yilmaz", False, False, "begeleider of the demo team"),
    ("admin@kring.test", "Beheer Kring", False, True, "admin"),
]
DEMO_CLASS = "Demo-klas Sociaal Werk"
DEMO_TEAM = "Demo-team De Haven"


def _account(email: str, name: str, is_trainer: bool, is_admin: bool) -> User:
    user = User.by_email(email)
    if user is None:
        user = User(email=email, display_name=name, is_trainer=is_trainer, is_admin=is_admin)
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    elif not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
    user.active = True
    return user


def _group(kind: GroupKind, name: str, members: list[tuple[User, Role]]) -> Group:
    group = db.session.scalar(select(Group).where(Group.kind == kind, Group.name == name))
    if group is None:
        group = Group(kind=kind, name=name, description="Demo")
        db.session.add(group)
        db.session.flush()
    for user, role in members:
        if group.membership_of(user) is None:
            group.add_member(user, role)
    return group


def load_demo() -> list[tuple[str, str]]:
    """Create or repair the demo data; returns (email, description) per account."""
    users = {
        email: _account(email, name, trainer, admin)
        for email, name, trainer, admin, _ in DEMO_ACCOUNTS
    }
    db.session.flush()
    demo_class = _group(
        GroupKind.CLASS,
        DEMO_CLASS,
        [(users["trainer@kring.test"], Role.TRAINER), (users["student@kring.test"], Role.STUDENT)],
    )
    team = _group(
        GroupKind.TEAM,
        DEMO_TEAM,
        [(users["team@kring.test"], Role.BEGELEIDER), (users["student@kring.test"], Role.LID)],
    )
    db.session.flush()
    load_demo_sessions(team, users["team@kring.test"], users["student@kring.test"])
    db.session.commit()
    load_demo_results(demo_class, users["trainer@kring.test"])
    load_demo_live(
        demo_class, users["trainer@kring.test"],
        team, users["team@kring.test"], users["student@kring.test"],
    )  # fmt: skip
    return [(email, description) for email, *_, description in DEMO_ACCOUNTS]
