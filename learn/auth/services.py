"""Checking a login, free of Flask so the rules are easy to test."""

from __future__ import annotations

from enum import StrEnum

from werkzeug.security import check_password_hash, generate_password_hash

from learn.auth.models import User

# Checked when no account matches, so a wrong e-mail costs as long as a wrong password.
STAND_IN_HASH = generate_password_hash("kring-timing-equaliser")


class LoginResult(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # unknown e-mail or wrong password: one answer for both
    DEACTIVATED = "deactivated"  # right password, but an admin switched the account off


def check_login(user: User | None, password: str) -> LoginResult:
    """Exactly one hash check whatever the account, so timing tells nothing.

    A deactivated account is only named as such after its correct password, so
    the answer reveals nothing to someone who does not know it.
    """
    matches = check_password_hash(user.password_hash if user else STAND_IN_HASH, password)
    if user is None or not matches:
        return LoginResult.WRONG
    return LoginResult.OK if user.active else LoginResult.DEACTIVATED
