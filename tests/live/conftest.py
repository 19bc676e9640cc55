from __future__ import annotations

from dataclasses import dataclass

import pytest

from learn.casesim.models import Case
from learn.extensions import db
from learn.groups.models import Group
from learn.live.models import LiveSession
from learn.live.services import start_session
from tests.casesim.conftest import cases_dir, synced_case  # noqa: F401  (shared fixtures)
from tests.factories import make_class, make_team, make_user


@dataclass
class Room:
    trainer: object
    students: list
    outsider: object
    group: Group
    case: Case


@pytest.fixture
def room(app, synced_case) -> Room:  # noqa: F811
    trainer = make_user("Trainer Tineke", trainer=True)
    students = [make_user(f"Student {n}") for n in range(3)]
    group = make_class(trainer, students, name="Klas Live")
    outsider = make_user("Buiten Staander")
    make_class(make_user(trainer=True), [outsider])
    return Room(trainer, students, outsider, group, synced_case)


@pytest.fixture
def team_room(app, synced_case):  # noqa: F811
    begeleider = make_user("Begeleider Bas")
    member = make_user("Teamlid Tom")
    return begeleider, member, make_team(begeleider, [member], name="Team Live")


def new_session(room: Room, *, guests: bool = False, named: bool = False) -> LiveSession:
    return start_session(
        room.group,
        room.case.current_version,
        room.trainer,
        allow_guests=guests,
        named=named,
        expiry_minutes=60,
    )


def reload(live: LiveSession) -> LiveSession:
    db.session.expire_all()
    return db.session.get(LiveSession, live.id)
