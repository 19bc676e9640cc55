"""Register, log in and out, profile, password change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from learn.auth.models import User
from learn.extensions import db
from tests.factories import PASSWORD, make_user

STRONG = "elke dinsdag naar de markt"


def register(client, **fields):
    data = {
        "display_name": "Sam de Wit",
        "email": "sam@example.test",
        "password": STRONG,
        "confirm": STRONG,
    }
    data.update(fields)
    return client.post("/register", data=data)


def test_register_creates_account_hashes_password_and_logs_in(client):
    response = register(client, email="  Sam@Example.TEST ")
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "sam@example.test"))
    assert user is not None
    assert user.password_hash.startswith("scrypt:")
    assert STRONG not in user.password_hash
    home = client.get("/")
    assert "Welkom, Sam de Wit" in home.get_data(as_text=True)


def test_register_with_duplicate_email_says_so_on_the_field(client):
    make_user(email="sam@example.test")
    response = register(client, email="SAM@example.test")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres" in body
    assert 'aria-invalid="true"' in body
    assert db.session.scalar(select(db.func.count()).select_from(User)) == 1


def test_register_with_weak_password_names_every_reason(client):
    response = register(client, password="sam12", confirm="sam12")
    body = response.get_data(as_text=True)
    assert "Gebruik minstens 10 tekens." in body
    assert User.by_email("sam@example.test") is None


def test_register_with_mismatched_confirmation(client):
    response = register(client, confirm=STRONG + "!")
    assert "De twee wachtwoorden zijn niet gelijk." in response.get_data(as_text=True)
    assert User.by_email("sam@example.test") is None


def test_register_keeps_what_was_typed_after_an_error(client):
    response = register(client, email="not-an-email")
    body = response.get_data(as_text=True)
    assert "Dit is geen geldig e-mailadres." in body
    assert 'value="Sam de Wit"' in body


def test_login_with_right_password(client):
    user = make_user(email="noor@example.test")
    response = client.post("/login", data={"email": "Noor@example.test", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    db.session.refresh(user)
    assert user.last_login_at is not None


@pytest.mark.parametrize(
    ("email", "password"),
    [("noor@example.test", "verkeerd wachtwoord"), ("niemand@example.test", PASSWORD)],
)
def test_login_failure_gives_one_message_for_unknown_account_and_wrong_password(
    client, email, password
):
    make_user(email="noor@example.test")
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar." in response.get_data(as_text=True)
    assert client.get("/account").status_code == 302  # still logged out


def test_deactivated_account_cannot_log_in_and_is_sent_to_the_admin(client):
    make_user(email="weg@example.test", active=False)
    response = client.post("/login", data={"email": "weg@example.test", "password": PASSWORD})
    body = response.get_data(as_text=True)
    assert "Je account is uitgeschakeld. Neem contact op met de beheerder van Kring." in body
    assert client.get("/account").status_code == 302


def test_a_deactivated_account_is_only_named_after_its_right_password(client):
    make_user(email="weg@example.test", active=False)
    response = client.post("/login", data={"email": "weg@example.test", "password": "geraden!"})
    body = response.get_data(as_text=True)
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar." in body
    assert "uitgeschakeld" not in body


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "http:/evil",
    ],
)
def test_login_never_redirects_off_site(client, target):
    make_user(email="noor@example.test")
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "noor@example.test", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_follows_a_local_next(client):
    make_user(email="noor@example.test")
    response = client.post(
        "/login",
        query_string={"next": "/join?code=ABCD"},
        data={"email": "noor@example.test", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/join?code=ABCD"


def test_remember_me_sets_a_long_lived_cookie(client):
    make_user(email="noor@example.test")
    client.post(
        "/login", data={"email": "noor@example.test", "password": PASSWORD, "remember": "y"}
    )
    cookie = client.get_cookie("kring_remember")
    assert cookie is not None and cookie.expires is not None
    lifetime = cookie.expires - datetime.now(UTC)
    assert timedelta(days=29, hours=23) < lifetime <= timedelta(days=30)  # 30 days, as configured
    assert cookie.http_only


def test_without_remember_me_there_is_no_remember_cookie(client):
    make_user(email="noor@example.test")
    client.post("/login", data={"email": "noor@example.test", "password": PASSWORD})
    assert client.get_cookie("kring_remember") is None


def test_logout_is_a_post_and_ends_the_session(login):
    client = login(make_user())
    assert client.get("/account").status_code == 200
    assert client.get("/logout").status_code == 405
    client.post("/logout")
    assert client.get("/account").status_code == 302


def test_pages_for_users_redirect_anonymous_visitors_to_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_profile_change_name_and_language(login):
    user = make_user(name="Oud")
    client = login(user)
    response = client.post("/account", data={"display_name": "Nieuw", "language": "en"})
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.display_name, user.language) == ("Nieuw", "en")
    assert 'lang="en"' in client.get("/account").get_data(as_text=True)


def test_profile_refuses_unknown_language_and_empty_name(login):
    user = make_user(name="Oud")
    response = login(user).post("/account", data={"display_name": "  ", "language": "fr"})
    body = response.get_data(as_text=True)
    assert "Vul je naam in." in body
    assert "Ongeldige keuze." in body
    db.session.refresh(user)
    assert user.display_name == "Oud"


def test_change_password_needs_current_password(login):
    user = make_user()
    client = login(user)
    response = client.post(
        "/account/password",
        data={"current_password": "fout fout fout", "password": STRONG, "confirm": STRONG},
    )
    assert "Dit is niet je huidige wachtwoord." in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_change_password_logs_out_other_devices_but_not_this_one(login):
    user = make_user()
    this_device, other_device = login(user), login(user)
    response = this_device.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": STRONG, "confirm": STRONG},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(STRONG)
    assert this_device.get("/account").status_code == 200
    assert other_device.get("/account").status_code == 302
