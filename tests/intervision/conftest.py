"""A team with a planned incidentmethode session, and people around it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from learn.config import PROJECT_ROOT
from learn.content.methods import load_methods
from learn.extensions import db
from learn.intervision.models import TeamSession
from learn.intervision.services import plan_session
from tests.factories import make_class, make_team, make_user

METHODS = load_methods(PROJECT_ROOT / "methods")


@dataclass
class Team:
    leader: object  # begeleider
    chair: object
    presenter: object
    scribe: object
    outsider: object  # member of another team
    classmate: object  # student in a class with the chair
    team: object
    session: TeamSession


def make_session(team, planner, method="incidentmethode", **fields) -> TeamSession:
    values = {"title": "Intervisie december", "scheduled_at": datetime(2026, 12, 3, 14, 0)}
    session = plan_session(team, METHODS[method], planner, **{**values, **fields})
    db.session.commit()
    return session


@pytest.fixture
def world(app) -> Team:
    leader = make_user("Esra Begeleider")
    chair, presenter, scribe = (make_user(n) for n in ("Chris Leider", "Ina Brenger", "Nout Ulist"))
    outsider, classmate = make_user("Olaf Buiten"), make_user("Klaas Klas")
    team = make_team(leader, [chair, presenter, scribe], name="Team De Haven")
    make_team(outsider, name="Ander team")
    make_class(make_user(trainer=True), [chair, classmate])
    session = make_session(
        team, chair, chair_id=chair.id, presenter_id=presenter.id, scribe_id=scribe.id
    )
    return Team(leader, chair, presenter, scribe, outsider, classmate, team, session)
