"""Reset links: one use even under parallel submits, newest link only, fixed base URL (14.2)."""

from __future__ import annotations

import re
import threading

import pytest

from learn.auth.models import PasswordReset
from learn.extensions import db
from learn.security import external_url
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "de tram naar centraal station"


def issue(login, admin, user, **kwargs) -> str:
    page = login(admin).post(f"/admin/users/{user.id}/reset-link", **kwargs)
    return re.search(r'value="([^"]+/reset/[^"]+)"', page.get_data(as_text=True)).group(1)


def path_of(link: str) -> str:
    return "/reset/" + link.rsplit("/reset/", 1)[1]


def test_consuming_a_reset_is_atomic_and_works_once(app):
    user = make_user()
    reset, _token = PasswordReset.issue(user, None, hours=1)
    db.session.commit()
    assert PasswordReset.consume(reset.id) is True
    assert PasswordReset.consume(reset.id) is False


def test_six_parallel_submits_of_one_link_set_the_password_once(app, login):
    admin, user = make_user(admin=True), make_user()
    path = path_of(issue(login, admin, user))
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def submit(n: int) -> None:
        client = app.test_client()
        barrier.wait()
        password = f"{NEW_PASSWORD} {n}"
        response = client.post(path, data={"password": password, "confirm": password})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [302] + [404] * 5


def test_a_new_link_invalidates_the_older_one(login, client):
    admin, user = make_user(admin=True), make_user()
    first = path_of(issue(login, admin, user))
    second = path_of(issue(login, admin, user))
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200


def test_issuing_a_link_leaves_only_that_one(app, login, client):
    """Older links are removed when a new one is made, so a used link is the last one."""
    admin, user = make_user(admin=True), make_user()
    PasswordReset.issue(user, admin, hours=1)
    db.session.commit()
    path = path_of(issue(login, admin, user))
    assert db.session.scalar(db.select(db.func.count()).select_from(PasswordReset)) == 1
    client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert client.get(path).status_code == 404


@pytest.mark.app_config(BASE_URL="https://kring.example.org/")
def test_the_admin_gets_a_link_on_the_configured_base_url(login):
    admin, user = make_user(admin=True), make_user()
    assert issue(login, admin, user).startswith("https://kring.example.org/reset/")


@pytest.mark.parametrize(
    ("env", "base", "expected"),
    [
        ("testing", "https://kring.example.org", "https://kring.example.org/reset/t"),
        ("production", "https://kring.example.org/", "https://kring.example.org/reset/t"),
        ("production", "", "/reset/t"),  # a path, never the sender's host
        ("development", "", "http://evil.example/reset/t"),
    ],
)
def test_links_ignore_the_host_header_once_a_base_url_is_set(app, env, base, expected):
    app.config.update(KRING_ENV=env, BASE_URL=base)
    with app.test_request_context("/", headers={"Host": "evil.example"}):
        assert external_url("auth.reset_password", token="t") == expected


def test_the_reset_page_is_never_cached(login, client):
    admin, user = make_user(admin=True), make_user()
    path = path_of(issue(login, admin, user))
    assert client.get(path).headers["Cache-Control"] == "no-store"
    assert client.get("/reset/nope").headers["Cache-Control"] == "no-store"


def test_the_old_password_still_works_until_the_link_is_used(login, app):
    admin, user = make_user(admin=True, email="a@example.test"), make_user(email="u@example.test")
    issue(login, admin, user)
    response = app.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
