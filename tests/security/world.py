"""A small world of users, groups and an attempt for the route-wide sweeps.

Roles (besides anonymous): a student in class A and team A who owns an attempt;
the trainer of class A; the begeleider of team A; a student and trainer of
class B; a member of team B; an admin in no group.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from learn.auth.models import PasswordReset, User
from learn.casesim.models import Case
from learn.casesim.services import record_step, start_attempt, sync_cases
from learn.config import PROJECT_ROOT
from learn.extensions import db
from learn.groups.models import Group
from learn.lessons.services import save_answer
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
        if role != "anonymous"
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
    return World(
        users, class_a, class_b, team_a, team_b, attempt.id, token, reflection.id,
        case_set.id, case_set.items[0].id, assignment.id,
    )  # fmt: skip
