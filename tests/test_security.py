"""Headers, CSRF, login rate limit and redirects."""

from __future__ import annotations

import pytest

from learn.security import safe_next_url
from tests.factories import PASSWORD, make_class, make_user


@pytest.mark.parametrize("path", ["/", "/login", "/register", "/does-not-exist"])
def test_every_page_sends_strict_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_pages_of_logged_in_users_are_not_cached(login):
    assert login(make_user()).get("/").headers["Cache-Control"] == "no-store"


@pytest.mark.app_config(KRING_ENV="production", SECRET_KEY="p" * 40)
def test_production_sets_secure_cookie_flags_and_hsts(client):
    make_user(email="noor@example.test")
    response = client.post(
        "/login", data={"email": "noor@example.test", "password": PASSWORD, "remember": "y"}
    )
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in c and "HttpOnly" in c for c in cookies)
    assert "max-age=" in response.headers["Strict-Transport-Security"]


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_login_without_csrf_token_is_rejected(client):
    make_user(email="noor@example.test")
    response = client.post("/login", data={"email": "noor@example.test", "password": PASSWORD})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Dit formulier is verlopen" in body and "verstuur het opnieuw" in body


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_join_without_csrf_token_is_rejected(login):
    klas = make_class(make_user(trainer=True))
    user = make_user()
    response = login(user).post("/join", data={"code": klas.join_code})
    assert response.status_code == 400
    assert klas.membership_of(user) is None


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT_PER_ACCOUNT="3 per minute")
def test_login_is_rate_limited_per_account_and_address(client):
    make_user(email="noor@example.test")
    wrong = {"email": "noor@example.test", "password": "geraden wachtwoord"}
    assert [client.post("/login", data=wrong).status_code for _ in range(3)] == [200, 200, 200]
    blocked = client.post("/login", data={**wrong, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Even wachten" in blocked.get_data(as_text=True)
    # Another account from the same address is not blocked by this limit.
    make_user(email="sam@example.test")
    ok = client.post("/login", data={"email": "sam@example.test", "password": PASSWORD})
    assert ok.status_code == 302


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT_PER_ADDRESS="4 per minute")
def test_login_is_rate_limited_per_address(client):
    statuses = [
        client.post("/login", data={"email": f"x{i}@example.test", "password": "x"}).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/classes/1", "/classes/1"),
        ("/join?code=AB", "/join?code=AB"),
        ("https://evil.example", None),
        ("//evil.example", None),
        ("/\\evil.example", None),
        ("evil", None),
        ("/\x00x", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next_url(target, expected):
    assert safe_next_url(target) == expected


def test_errors_get_friendly_pages(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)
