"""A start token ties an exercise only to an attempt on the same case (issue 14.8)."""

from __future__ import annotations

import pytest

from learn.casesim.models import Case
from learn.casesim.services import start_attempt
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer
from tests.security.world import build_world

TRIADE_START = "/modules/mini-module/exercises/moeder-triade/start"


def test_a_token_from_another_cases_attempt_cannot_start_a_triade(login, tmp_path):
    world = build_world(tmp_path)
    student = world.users["student"]
    reused = "wereld-" + "w" * 20  # the token of the student's attempt on oefen-triade
    response = login(student).post(TRIADE_START, data={"start_token": reused})
    assert response.status_code == 400
    answer = db.session.scalar(
        db.select(ExerciseAnswer).where(ExerciseAnswer.exercise_id == "moeder-triade")
    )
    assert answer is None


def test_start_attempt_refuses_a_token_used_for_another_case(app, tmp_path):
    world = build_world(tmp_path)
    student = world.users["student"]
    other = db.session.scalars(db.select(Case).where(Case.slug != "oefen-triade")).first()
    with pytest.raises(PermissionError):
        start_attempt(student, other, "wereld-" + "w" * 20)


def test_the_same_token_on_the_same_case_still_finds_the_same_attempt(app, tmp_path):
    world = build_world(tmp_path)
    case = db.session.scalar(db.select(Case).where(Case.slug == "oefen-triade"))
    again = start_attempt(world.users["student"], case, "wereld-" + "w" * 20)
    assert again.id == world.attempt_id
