"""Logging out ends the session on the server; copied cookies stop working (issue 14.1)."""

from __future__ import annotations

import pytest

from learn.extensions import db
from tests.factories import PASSWORD, make_user


def log_in(app, email: str, remember: bool = True):
    client = app.test_client()
    data = {"email": email, "password": PASSWORD, **({"remember": "y"} if remember else {})}
    assert client.post("/login", data=data).status_code == 302
    return client


def copy_cookie(source, name: str):
    """A second client holding only `name`, copied before logout (as a thief would)."""
    cookie = source.get_cookie(name)
    assert cookie is not None
    return cookie.value


def client_with(app, name: str, value: str):
    client = app.test_client()
    client.set_cookie(name, value)
    return client


@pytest.mark.parametrize("cookie", ["kring_session", "kring_remember"])
def test_a_cookie_copied_before_logout_no_longer_works(app, cookie):
    make_user(email="noor@example.test")
    client = log_in(app, "noor@example.test")
    value = copy_cookie(client, cookie)
    assert client_with(app, cookie, value).get("/account").status_code == 200
    client.post("/logout")
    assert client_with(app, cookie, value).get("/account").status_code == 302


@pytest.mark.app_config(REMEMBER_COOKIE_SECURE=True, REMEMBER_COOKIE_SAMESITE="Strict")
def test_logout_clears_the_remember_cookie_with_the_attributes_it_was_set_with(app):
    make_user(email="noor@example.test")
    client = log_in(app, "noor@example.test")
    response = client.post("/logout")
    cleared = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("kring_remember=")]
    assert len(cleared) == 1
    attributes = {part.strip().split("=")[0].lower() for part in cleared[0].split(";")}
    assert {"secure", "httponly", "samesite", "path", "expires"} <= attributes
    assert "SameSite=Strict" in cleared[0]


def test_logout_on_one_device_ends_the_others_too(app):
    """One token per account: ending it on the server ends every copy of it."""
    make_user(email="noor@example.test")
    phone, laptop = log_in(app, "noor@example.test"), log_in(app, "noor@example.test")
    phone.post("/logout")
    assert laptop.get("/account").status_code == 302


def test_log_out_everywhere_else_keeps_this_device(app):
    user = make_user(email="noor@example.test")
    phone, laptop = log_in(app, "noor@example.test"), log_in(app, "noor@example.test")
    stolen = copy_cookie(laptop, "kring_remember")
    token = user.session_token
    assert phone.post("/account/logout-everywhere").status_code == 302
    db.session.refresh(user)
    assert user.session_token != token
    assert phone.get("/account").status_code == 200
    assert laptop.get("/account").status_code == 302
    assert client_with(app, "kring_remember", stolen).get("/account").status_code == 302


def test_the_account_page_offers_log_out_everywhere(login):
    body = login(make_user()).get("/account").get_data(as_text=True)
    assert 'action="/account/logout-everywhere"' in body
