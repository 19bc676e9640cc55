"""Password rules, following current NIST advice: length and a block list, no composition rules.

Plain Python: it returns problem codes; the forms turn them into translated messages.
"""

from __future__ import annotations

from enum import StrEnum

MIN_LENGTH = 10
MAX_LENGTH = 128

# Passwords that top every leaked-password list, plus Dutch and Kring-specific ones.
COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "1111111111",
        "0000000000",
        "1234512345",
        "12345678910",
        "123456789a",
        "qwertyuiop",
        "azertyuiop",
        "qwerty1234",
        "qwerty123456",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "password12",
        "password123",
        "password1234",
        "passw0rd12",
        "wachtwoord",
        "wachtwoord1",
        "wachtwoord12",
        "wachtwoord123",
        "welkom1234",
        "welkom12345",
        "welkomwelkom",
        "iloveyou12",
        "letmein123",
        "trustno1234",
        "abcdefghij",
        "abc1234567",
        "football12",
        "voetbal123",
        "winter2024",
        "lente12345",
        "kringkring",
        "kring12345",
        "kring-demo",
        "socialwork",
        "socialwerk",
        "sociaalwerk",
        "maatschappelijk",
        "administrator",
        "admin12345",
        "changeme12",
        "geheim1234",
        "geheimpje1",
    }
)


class PasswordProblem(StrEnum):
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    COMMON = "common"
    FEW_CHARACTERS = "few_characters"
    CONTAINS_EMAIL = "contains_email"
    CONTAINS_NAME = "contains_name"


def password_problems(password: str, *, email: str = "", name: str = "") -> list[PasswordProblem]:
    """Every reason `password` is too weak; an empty list means it is acceptable."""
    problems: list[PasswordProblem] = []
    if len(password) < MIN_LENGTH:
        problems.append(PasswordProblem.TOO_SHORT)
    if len(password) > MAX_LENGTH:
        problems.append(PasswordProblem.TOO_LONG)
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        problems.append(PasswordProblem.COMMON)
    if len(set(password)) < 4:
        problems.append(PasswordProblem.FEW_CHARACTERS)
    local_part = email.split("@", 1)[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        problems.append(PasswordProblem.CONTAINS_EMAIL)
    if len(name.strip()) >= 4 and name.strip().lower() in lowered:
        problems.append(PasswordProblem.CONTAINS_NAME)
    return problems
