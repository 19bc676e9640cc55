"""Admin: accounts, roles, deactivation, one-time reset links."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from learn.auth.models import PasswordReset, User, utcnow
from learn.extensions import db
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "de tram naar centraal station"


@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/new"])
def test_admin_pages_are_forbidden_for_other_users(login, path):
    assert login(make_user(trainer=True)).get(path).status_code == 403


def test_admin_pages_send_anonymous_visitors_to_login(client):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fadmin%2Fusers"


def test_admin_lists_and_searches_accounts(login):
    admin = make_user(admin=True)
    make_user(name="Fatima Amrani", email="fatima@example.test")
    make_user(name="Kees Jansen")
    page = login(admin).get("/admin/users", query_string={"q": "fati"}).get_data(as_text=True)
    assert "Fatima Amrani" in page
    assert "Kees Jansen" not in page


def test_admin_creates_an_account_with_roles(login):
    admin = make_user(admin=True)
    response = login(admin).post(
        "/admin/users/new",
        data={
            "display_name": "Nieuwe Trainer",
            "email": "nieuw@example.test",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
            "is_trainer": "y",
        },
    )
    assert response.status_code == 302
    user = User.by_email("nieuw@example.test")
    assert user.is_trainer and not user.is_admin
    assert user.check_password(NEW_PASSWORD)


def test_admin_deactivates_an_account_which_logs_it_out(login):
    admin, user = make_user(admin=True), make_user()
    users_client = login(user)
    assert users_client.get("/account").status_code == 200
    login(admin).post(f"/admin/users/{user.id}/deactivate")
    db.session.refresh(user)
    assert not user.active
    assert users_client.get("/account").status_code == 302


def test_admin_cannot_lock_themselves_out(login):
    admin = make_user(admin=True)
    login(admin).post(f"/admin/users/{admin.id}", data={"is_admin": "y"})
    db.session.refresh(admin)
    assert admin.active and admin.is_admin


def issue_reset_link(login, admin, user) -> str:
    page = login(admin).post(f"/admin/users/{user.id}/reset-link").get_data(as_text=True)
    return re.search(r'value="http://localhost(/reset/[^"]+)"', page).group(1)


def test_reset_link_works_once_and_stores_only_a_hash(login, client):
    admin, user = make_user(admin=True), make_user()
    path = issue_reset_link(login, admin, user)
    token = path.rsplit("/", 1)[1]
    stored = db.session.scalar(db.select(PasswordReset))
    assert token not in stored.token_hash
    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)
    assert client.get(path).status_code == 404
    assert client.post(path, data={"password": PASSWORD, "confirm": PASSWORD}).status_code == 404


def test_an_expired_reset_link_does_not_work(login, client):
    admin, user = make_user(admin=True), make_user()
    path = issue_reset_link(login, admin, user)
    reset = db.session.scalar(db.select(PasswordReset))
    reset.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in response.get_data(as_text=True)
    assert 'name="password"' not in response.get_data(as_text=True)  # no form to set one


def test_a_reset_link_checks_the_new_password(login, client):
    admin, user = make_user(admin=True), make_user()
    path = issue_reset_link(login, admin, user)
    response = client.post(path, data={"password": "kort", "confirm": "kort"})
    assert "Gebruik minstens 10 tekens." in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_a_random_reset_token_is_404(client):
    assert client.get("/reset/not-a-real-token").status_code == 404


def test_account_page_shows_times_in_dutch_local_time(login):
    """Stored UTC, read in Europe/Amsterdam: 22:30 UTC on 1 July is 00:30 the next day there."""
    from datetime import datetime

    admin = make_user(admin=True)
    user = make_user(name="Kees Jansen")
    user.created_at = datetime(2026, 7, 1, 22, 30)
    user.last_login_at = datetime(2026, 1, 15, 9, 5)
    db.session.commit()
    page = login(admin).get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "02-07-2026" in page  # the Dutch day of creation, not 01-07
    assert "15-01-2026 10:05" in page  # winter: UTC+1
