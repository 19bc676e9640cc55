"""The login limit counts failures only and does not lock out a lecture hall (issue 14.3)."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, make_user

LIMITED = pytest.mark.app_config(RATELIMIT_ENABLED=True)


def post_login(client, email: str, password: str = PASSWORD, address: str = "10.0.0.1"):
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_overrides={"REMOTE_ADDR": address},
    )


@LIMITED
def test_150_students_behind_one_address_all_log_in_within_a_minute(app):
    emails = [make_user(email=f"student{n}@school.test").email for n in range(150)]
    statuses = [post_login(app.test_client(), email).status_code for email in emails]
    assert statuses == [302] * 150


@LIMITED
def test_the_sixth_correct_login_of_one_account_in_a_minute_succeeds(app):
    make_user(email="noor@example.test")
    statuses = [post_login(app.test_client(), "noor@example.test").status_code for _ in range(6)]
    assert statuses == [302] * 6


@LIMITED
def test_five_failures_from_one_address_block_that_account_there(app):
    make_user(email="noor@example.test")
    client = app.test_client()
    failures = [post_login(client, "noor@example.test", "geraden").status_code for _ in range(5)]
    assert failures == [200] * 5
    assert post_login(client, "noor@example.test").status_code == 429
    # The same account from another address, and another account from this one, still work.
    assert post_login(app.test_client(), "noor@example.test", address="10.0.0.2").status_code == 302
    make_user(email="sam@example.test")
    assert post_login(app.test_client(), "sam@example.test").status_code == 302


@pytest.mark.app_config(
    RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT_PER_ACCOUNT_ANY_ADDRESS="8 per minute"
)
def test_failures_for_one_account_from_many_addresses_are_counted_together(app):
    make_user(email="noor@example.test")
    statuses = [
        post_login(app.test_client(), "noor@example.test", "geraden", f"10.0.1.{n}").status_code
        for n in range(9)
    ]
    assert statuses == [200] * 8 + [429]


def test_the_defaults_are_generous_for_a_campus_network(app):
    assert app.config["LOGIN_RATE_LIMIT_PER_ADDRESS"] == "120 per minute;1000 per hour"
    assert app.config["LOGIN_RATE_LIMIT_PER_ACCOUNT"] == "5 per minute;20 per hour"
