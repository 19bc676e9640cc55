"""A class with a trainer, students, an assigned set (the fixture case and module)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import timedelta

import pytest

from learn.auth.models import User, utcnow
from learn.casesim.models import Attempt, Case
from learn.casesim.services import record_step, start_attempt, sync_cases
from learn.config import PROJECT_ROOT
from learn.extensions import db
from learn.groups.models import Group
from learn.trainers.models import Assignment, CaseSet, SetItem
from tests.conftest import FIXTURE_MODULES
from tests.factories import make_class, make_user

FIXTURE_CASE = PROJECT_ROOT / "tests" / "casesim" / "cases" / "oefen-triade.yaml"
GOOD_PATH = [None, 1, 1]  # begin → tafel (sterk) → afspraak (sterk) → einde-goed
RISKY_PATH = [None, 2, 2]  # begin → tafel → boos (riskant) → einde-dicht


@dataclass
class Classroom:
    trainer: User
    students: list[User]
    group: Group
    other_trainer: User
    other_group: Group
    case_set: CaseSet
    assignment: Assignment
    case: Case


def play(user: User, case: Case, choices: list[int | None], token: str) -> Attempt:
    attempt = start_attempt(user, case, token.ljust(20, "x"))
    for number, choice in enumerate(choices, start=1):
        record_step(attempt, number, choice)
    return attempt


@pytest.fixture
def classroom(app, tmp_path) -> Classroom:
    cases_dir = tmp_path / "cases"
    cases_dir.mkdir()
    shutil.copy(PROJECT_ROOT / "cases" / "vocabulary.yaml", cases_dir)
    shutil.copy(FIXTURE_CASE, cases_dir)
    sync_cases(cases_dir, FIXTURE_MODULES)
    case = db.session.scalar(db.select(Case).where(Case.slug == "oefen-triade"))
    trainer = make_user("Tessa Trainer", trainer=True)
    students = [make_user(f"Student {n}", email=f"student{n}@klas.test") for n in range(1, 5)]
    group = make_class(trainer, students, name="Klas 1A")
    other_trainer = make_user("Otto Ander", trainer=True)
    other_group = make_class(other_trainer, [make_user("Buiten Staander")], name="Klas 2B")
    case_set = CaseSet(owner_id=trainer.id, name="Week 1")
    case_set.items = [
        SetItem(position=1, kind="case", ref="oefen-triade", note="Let op de moeder."),
        SetItem(position=2, kind="module", ref="mini-module", note=""),
    ]
    assignment = Assignment(set=case_set, group_id=group.id, due_at=utcnow() + timedelta(days=7))
    db.session.add_all([case_set, assignment])
    db.session.commit()
    return Classroom(
        trainer, students, group, other_trainer, other_group, case_set, assignment, case
    )
