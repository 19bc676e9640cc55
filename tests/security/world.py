"""A small world of users, groups and an attempt for the route-wide sweeps.

Roles (besides anonymous): a student in class A and team A who owns an attempt;
the trainer of class A; the begeleider of team A; a student and trainer of
class B; a member of team B; an admin in no group; a guest (no account) who joined
the live session of class A.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from learn.auth.models import PasswordReset, User
from learn.casesim.models import Case
from learn.casesim.services import record_step, start_attempt, sync_cases
from learn.config import PROJECT_ROOT
from learn.content.methods import load_methods
from learn.extensions import db
from learn.groups.models import Group
from learn.intervision.services import add_action_point, plan_session
from learn.lessons.services import save_answer
from learn.live.demo import play_through
from learn.live.loading import GUEST_KEY
from learn.live.models import LiveSession
from learn.live.services import join_guest, join_member, start_session
from learn.trainers.models import Assignment, CaseSet, SetItem
from tests.conftest import FIXTURE_MODULES
from tests.factories import make_class, make_team, make_user

ROLES = [
    "anonymous",
    "student",
    "trainer",
    "begeleider",
    "other_student",
    "other_trainer",
    "other_team_member",
    "admin",
    "guest",
]
FIXTURE_CASE = PROJECT_ROOT / "tests" / "casesim" / "cases" / "oefen-triade.yaml"


@dataclass
class World:
    users: dict[str, User]
    class_a: Group
    class_b: Group
    team_a: Group
    team_b: Group
    attempt_id: int
    reset_token: str
    reflection_id: int
    set_id: int
    item_id: int
    assignment_id: int
    session_id: int
    point_id: int
    live_sessions: dict[str, LiveSession]  # by section: "classes" (guests allowed), "teams"
    live_participants: dict[str, int]  # the student's participation, by section
    guest_participant_id: int

    def sees(self, role: str) -> set[str]:
        """Roles whose names `role` may see: itself and the people in its groups."""
        together = {
            "student": {"trainer", "begeleider"},
            "trainer": {"student"},
            "begeleider": {"student"},
            "other_student": {"other_trainer"},
            "other_trainer": {"other_student"},
        }
        return {role} | together.get(role, set())


def build_world(tmp_path: Path) -> World:
    users = {
        role: make_user(
            name=f"Persoon {role.replace('_', ' ')} Zichtbaar",
            email=f"{role.replace('_', '-')}@wereld.test",
            trainer=role in ("trainer", "other_trainer"),
            admin=role == "admin",
        )
        for role in ROLES
        if role not in ("anonymous", "guest")
    }
    class_a = make_class(users["trainer"], [users["student"]], name="Klas A")
    class_b = make_class(users["other_trainer"], [users["other_student"]], name="Klas B")
    team_a = make_team(users["begeleider"], [users["student"]], name="Team A")
    team_b = make_team(users["other_team_member"], name="Team B")

    cases_dir = tmp_path / "cases"
    cases_dir.mkdir(exist_ok=True)
    shutil.copy(PROJECT_ROOT / "cases" / "vocabulary.yaml", cases_dir)
    shutil.copy(FIXTURE_CASE, cases_dir)
    sync_cases(cases_dir, FIXTURE_MODULES)
    case = db.session.scalar(db.select(Case).where(Case.slug == "oefen-triade"))
    attempt = start_attempt(users["student"], case, "wereld-" + "w" * 20)
    record_step(attempt, 1, None)

    reflection = save_answer(
        users["student"], "mini-module", "eigen-kring", "reflectie", text="Mijn zus, altijd."
    )
    _reset, token = PasswordReset.issue(users["student"], users["admin"], hours=1)
    case_set = CaseSet(owner_id=users["trainer"].id, name="Set A")
    case_set.items = [
        SetItem(position=1, kind="case", ref="oefen-triade", note=""),
        SetItem(position=2, kind="module", ref="mini-module", note=""),
    ]
    assignment = Assignment(set=case_set, group_id=class_a.id)
    db.session.add_all([case_set, assignment])
    db.session.commit()
    method = load_methods(PROJECT_ROOT / "methods")["incidentmethode"]
    session = plan_session(
        team_a,
        method,
        users["student"],
        title="Intervisie A",
        scheduled_at=datetime(2027, 1, 5),
        chair_id=users["student"].id,
        presenter_id=users["student"].id,
    )
    point = add_action_point(session, "Ecogram maken", users["student"], None, users["student"])
    db.session.commit()
    version = case.current_version
    live_sessions = {
        section: start_session(
            group, version, leader, allow_guests=guests, named=False, expiry_minutes=60
        )
        for section, group, leader, guests in [
            ("classes", class_a, users["trainer"], True),
            ("teams", team_a, users["begeleider"], False),
        ]
    }
    participations = {
        section: join_member(live, users["student"]).id for section, live in live_sessions.items()
    }
    guest = join_guest(live_sessions["classes"], "Persoon gast Zichtbaar")
    # A finished session of class A with a hostile note: the trainer's results show it.
    discussed = start_session(
        class_a, version, users["trainer"], allow_guests=False, named=False, expiry_minutes=60
    )
    voter = join_member(discussed, users["student"])
    hostile = {"tafel": "<script>alert('kx55')</script> {{7*7}}kx55"}
    play_through(discussed, [voter], lambda _scene, _number: 2, hostile)
    return World(
        users, class_a, class_b, team_a, team_b, attempt.id, token, reflection.id,
        case_set.id, case_set.items[0].id, assignment.id, session.id, point.id,
        live_sessions, participations, guest.id,
    )  # fmt: skip


def guest_client(app, world: World):
    """A browser holding the signed guest cookie of class A's live session."""
    client = app.test_client()
    with client.session_transaction() as session:
        session[GUEST_KEY] = {str(world.live_sessions["classes"].id): world.guest_participant_id}
    return client
