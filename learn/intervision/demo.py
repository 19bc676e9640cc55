"""The demo team's sessions: one finished (notes, conclusions, two open action points) and
one planned, so the team page shows the whole cycle. Loading twice changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from learn.auth.models import User, utcnow
from learn.content.methods import load_methods
from learn.extensions import db
from learn.groups.models import Group
from learn.intervision.models import TeamSession
from learn.intervision.rules import Status
from learn.intervision.services import add_action_point, plan_session, publish

FINISHED = "Intervisie: de zus die niet meer kan"
PLANNED = "Casuïstiekbespreking: netwerk in beeld"
NOTES = [
    "Cliënt A (52) woont al tien jaar bij zijn zus. Zij geeft aan dat ze het niet meer "
    "volhoudt. Op het moment van kiezen: zeg ik tegen de zus dat opvang een optie is?",
    "Vragen gingen over wat de zus zelf wil, en of cliënt A weet hoe zwaar het voor haar is.",
    "De meesten zouden het gesprek met de zus eerst apart voeren, met toestemming van "
    "cliënt A; twee collega's zouden meteen een gesprek met beiden plannen.",
    "De inbrenger sprak eerst de zus apart en bood daarna een triadisch gesprek aan.",
    "Overvraging van de naaste is een reden om juist het netwerk te beschermen "
    "(Social Network First? (2024), §4.2.3).",
    "Twee actiepunten afgesproken.",
]
CONCLUSIONS = (
    "- Een plek in de opvang kan het netwerk versterken als de naaste overvraagd is.\n"
    "- Spreek naasten eerst apart, met toestemming van de cliënt."
)


def load_demo_sessions(team: Group, begeleider: User, member: User) -> None:
    methods = load_methods(Path(current_app.config["METHODS_DIR"]))
    existing = set(
        db.session.scalars(select(TeamSession.title).where(TeamSession.team_id == team.id))
    )
    now = utcnow().replace(second=0, microsecond=0)
    if FINISHED not in existing:
        session = plan_session(
            team,
            methods["incidentmethode"],
            begeleider,
            title=FINISHED,
            scheduled_at=now - timedelta(days=14),
            chair_id=begeleider.id,
            presenter_id=member.id,
            scribe_id=begeleider.id,
        )
        db.session.flush()
        for index, text in enumerate(NOTES):
            publish(session, index, "notities", begeleider, text, 0)
        publish(session, -1, "conclusies", begeleider, CONCLUSIONS, 0)
        session.status = Status.FINISHED
        session.current_phase = len(session.phases) - 1
        session.finished_at = session.scheduled_at + timedelta(hours=1)
        add_action_point(
            session,
            "Gesprek met de zus van cliënt A apart voeren",
            member,
            (now + timedelta(days=7)).date(),
            begeleider,
        )
        add_action_point(
            session,
            "Ecogram van cliënt A samen bijwerken",
            begeleider,
            (now + timedelta(days=14)).date(),
            begeleider,
        )
    if PLANNED not in existing:
        plan_session(
            team,
            methods["casuistiekbespreking-netwerkondersteuning"],
            begeleider,
            title=PLANNED,
            scheduled_at=now + timedelta(days=7),
            chair_id=begeleider.id,
            presenter_id=member.id,
            scribe_id=member.id,
        )
