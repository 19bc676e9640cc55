"""No account enumeration by timing; guessing the current password is limited (issue 14.4)."""

from __future__ import annotations

import pytest

from learn.auth import services
from tests.factories import PASSWORD, make_user


@pytest.fixture
def hash_checks(monkeypatch) -> list[str]:
    """Every password-hash check made while logging in, counted instead of timed."""
    calls: list[str] = []
    real = services.check_password_hash

    def counting(stored: str, password: str) -> bool:
        calls.append(stored)
        return real(stored, password)

    monkeypatch.setattr(services, "check_password_hash", counting)
    return calls


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("noor@example.test", PASSWORD),  # right
        ("noor@example.test", "verkeerd wachtwoord"),  # wrong password
        ("niemand@example.test", PASSWORD),  # unknown account
        ("weg@example.test", PASSWORD),  # deactivated, right password
        ("weg@example.test", "verkeerd wachtwoord"),  # deactivated, wrong password
    ],
)
def test_every_login_costs_exactly_one_password_hash(client, hash_checks, email, password):
    make_user(email="noor@example.test")
    make_user(email="weg@example.test", active=False)
    client.post("/login", data={"email": email, "password": password})
    assert len(hash_checks) == 1


def test_the_stand_in_hash_uses_the_same_method_as_real_passwords():
    from werkzeug.security import generate_password_hash

    method = generate_password_hash("x").split("$", 1)[0]
    assert services.STAND_IN_HASH.split("$", 1)[0] == method


@pytest.mark.app_config(RATELIMIT_ENABLED=True, PASSWORD_CHANGE_RATE_LIMIT="3 per minute")
def test_guessing_the_current_password_is_rate_limited(login):
    client = login(make_user())
    guess = {"current_password": "geraden", "password": "x" * 12, "confirm": "x" * 12}
    statuses = [client.post("/account/password", data=guess).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.app_config(RATELIMIT_ENABLED=True, PASSWORD_CHANGE_RATE_LIMIT="3 per minute")
def test_only_a_wrong_current_password_counts_towards_that_limit(login):
    client = login(make_user())
    weak = {"current_password": PASSWORD, "password": "kort", "confirm": "kort"}
    statuses = [client.post("/account/password", data=weak).status_code for _ in range(4)]
    assert statuses == [200] * 4
