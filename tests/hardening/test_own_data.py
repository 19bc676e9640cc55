"""A user's own data: one JSON download, deleting the account (issue 11), admin delete (14.15)."""

from __future__ import annotations

import json

import pytest

from learn.auth.models import PasswordReset, User
from learn.auth.personal_data import (
    _KINDS,
    FORMAT,
    DataKind,
    delete_account,
    export_user_data,
    register,
)
from learn.casesim.models import Attempt, AttemptStep
from learn.extensions import db
from learn.groups.models import Membership
from learn.lessons.models import ExerciseAnswer
from tests.factories import PASSWORD, make_class, make_user
from tests.security.world import build_world


def count(model, **where) -> int:
    query = db.select(db.func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.session.scalar(query)


def test_the_export_holds_account_attempts_answers_journal_and_groups(app, tmp_path):
    world = build_world(tmp_path)
    data = export_user_data(world.users["student"])
    assert data["format"] == FORMAT
    assert data["account"]["email"] == "student@wereld.test"
    assert data["account"]["display_name"] == "Persoon student Zichtbaar"
    [attempt] = data["case_attempts"]
    assert attempt["case"] == "oefen-triade"
    assert [s["number"] for s in attempt["steps"]] == [1]
    [reflection] = data["modules"]["answers"]
    assert (reflection["kind"], reflection["text"]) == ("reflectie", "Mijn zus, altijd.")
    groups = {(m["kind"], m["group"], m["role"]) for m in data["memberships"]}
    assert groups == {("klas", "Klas A", "student"), ("team", "Team A", "lid")}
    json.dumps(data)  # all of it fits in one JSON file


def test_the_export_holds_nothing_of_other_people(app, tmp_path):
    world = build_world(tmp_path)
    text = json.dumps(export_user_data(world.users["trainer"]))
    assert "student@wereld.test" not in text
    assert "Mijn zus" not in text


def test_the_account_page_downloads_one_json_file(login, tmp_path):
    world = build_world(tmp_path)
    response = login(world.users["student"]).get("/account/data")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.get_json()["account"]["email"] == "student@wereld.test"
    page = login(world.users["student"]).get("/account").get_data(as_text=True)
    assert 'href="/account/data"' in page
    assert 'href="/account/delete"' in page


def test_deleting_ones_account_removes_the_personal_data(app, login, tmp_path):
    world = build_world(tmp_path)
    student = world.users["student"]
    user_id = student.id
    client = login(student)
    assert client.get("/account/delete").status_code == 200
    response = client.post("/account/delete", data={"current_password": PASSWORD})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user_id) is None
    assert User.by_email("student@wereld.test") is None
    for model in (Attempt, ExerciseAnswer, Membership, PasswordReset):
        assert count(model, user_id=user_id) == 0, model
    assert count(AttemptStep) == 0
    assert client.get("/account").status_code == 302  # logged out
    # Everyone else's data stays.
    assert world.class_a.membership_of(world.users["trainer"]) is not None


def test_deleting_needs_the_right_password(login):
    user = make_user()
    response = login(user).post("/account/delete", data={"current_password": "geraden"})
    assert "Dit is niet je huidige wachtwoord." in response.get_data(as_text=True)
    assert db.session.get(User, user.id) is not None


def test_the_only_trainer_of_a_class_with_students_must_hand_over_first(login):
    trainer, student = make_user(trainer=True), make_user()
    make_class(trainer, [student], name="Klas 3C")
    response = login(trainer).post("/account/delete", data={"current_password": PASSWORD})
    assert (
        "Enige trainer of begeleider van Klas 3C: geef eerst iemand anders die rol."
        in response.get_data(as_text=True)
    )
    assert db.session.get(User, trainer.id) is not None


def test_a_registered_kind_is_exported_and_asked_to_delete(app, monkeypatch):
    """Other features (team notes, trainer data) plug in the same way."""
    monkeypatch.setattr("learn.auth.personal_data._KINDS", dict(_KINDS))
    deleted: list[int] = []
    register(DataKind("notes", lambda u: [f"note of {u.email}"], lambda u: deleted.append(u.id)))
    user = make_user(email="n@example.test")
    assert export_user_data(user)["notes"] == ["note of n@example.test"]
    user_id = user.id
    delete_account(user)
    assert deleted == [user_id]


@pytest.mark.parametrize("role", ["student", "admin"])
def test_a_deleted_account_cannot_log_in_again(app, login, tmp_path, role):
    world = build_world(tmp_path)
    student = world.users["student"]
    if role == "admin":
        login(world.users["admin"]).post(f"/admin/users/{student.id}/delete")
    else:
        login(student).post("/account/delete", data={"current_password": PASSWORD})
    response = app.test_client().post(
        "/login", data={"email": "student@wereld.test", "password": PASSWORD}
    )
    assert "horen niet bij elkaar" in response.get_data(as_text=True)
