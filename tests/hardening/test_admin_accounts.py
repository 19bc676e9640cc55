"""Admin: confirmed deactivation, deleting accounts, filtering the list (issue 14.15)."""

from __future__ import annotations

from learn.auth.models import User
from learn.extensions import db
from tests.factories import make_class, make_user


def test_deactivating_asks_first_and_says_who_can_no_longer_log_in(login):
    admin, user = make_user(admin=True), make_user(name="Noor Bakker", email="noor@example.test")
    client = login(admin)
    page = client.get(f"/admin/users/{user.id}/deactivate").get_data(as_text=True)
    assert "Noor Bakker (noor@example.test) kan daarna niet meer inloggen" in page
    db.session.refresh(user)
    assert user.active  # asking changed nothing
    users_client = login(user)
    assert client.post(f"/admin/users/{user.id}/deactivate").status_code == 302
    db.session.refresh(user)
    assert not user.active
    assert users_client.get("/account").status_code == 302


def test_an_admin_reactivates_an_account(login):
    admin, user = make_user(admin=True), make_user(active=False)
    login(admin).post(f"/admin/users/{user.id}/activate")
    db.session.refresh(user)
    assert user.active


def test_an_admin_cannot_deactivate_or_delete_themselves(login):
    admin = make_user(admin=True)
    client = login(admin)
    client.post(f"/admin/users/{admin.id}/deactivate")
    client.post(f"/admin/users/{admin.id}/delete")
    db.session.refresh(admin)
    assert admin.active


def test_an_admin_deletes_an_account_after_confirming(login):
    admin, user = make_user(admin=True), make_user(name="Kees Jansen")
    client = login(admin)
    page = client.get(f"/admin/users/{user.id}/delete").get_data(as_text=True)
    assert "Kees Jansen" in page
    user_id = user.id
    assert client.post(f"/admin/users/{user_id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user_id) is None


def test_admin_delete_names_what_blocks_it(login):
    admin, trainer = make_user(admin=True), make_user(trainer=True)
    make_class(trainer, [make_user()], name="Klas 3C")
    response = login(admin).post(f"/admin/users/{trainer.id}/delete")
    assert "Klas 3C" in response.get_data(as_text=True)
    assert db.session.get(User, trainer.id) is not None


def test_users_are_filtered_by_role_and_status(login):
    admin = make_user(admin=True, name="Ada Beheer")
    make_user(trainer=True, name="Tom Trainer")
    make_user(trainer=True, active=False, name="Tineke Weg")
    make_user(name="Sam Student")
    client = login(admin)

    def names(**query) -> set[str]:
        body = client.get("/admin/users", query_string=query).get_data(as_text=True)
        return {n for n in ("Ada Beheer", "Tom Trainer", "Tineke Weg", "Sam Student") if n in body}

    assert names(role="trainer") == {"Tom Trainer", "Tineke Weg"}
    assert names(role="trainer", status="active") == {"Tom Trainer"}
    assert names(status="inactive") == {"Tineke Weg"}
    assert names(role="admin") == {"Ada Beheer"}
    assert names(role="none") == {"Sam Student"}
    assert names() == {"Ada Beheer", "Tom Trainer", "Tineke Weg", "Sam Student"}
    assert client.get("/admin/users", query_string={"role": "koning"}).status_code == 200
