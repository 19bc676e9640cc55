"""Display names: no hidden direction or zero-width characters, tidy spaces (issue 14.7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learn.auth.models import User
from learn.extensions import db
from learn.names import clean_name
from tests.factories import make_user

STRONG = "elke dinsdag naar de markt"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Noor   Bakker ", "Noor Bakker"),
        ("Noor\tBakker\n", "Noor Bakker"),
        ("Noor\u00a0Bakker", "Noor Bakker"),  # no-break space
        ("\u202eNoor Bakker", "Noor Bakker"),  # right-to-left override
        ("Noor\u2066 Bakker\u2069", "Noor Bakker"),  # isolates
        ("No\u200bor\u200c Bak\u200dker\ufeff", "Noor Bakker"),  # zero-width
        ("Noor\u200e\u200f", "Noor"),  # direction marks
        ("\u200b\u202e ", ""),
        ("Zoë Çelik-Ünal", "Zoë Çelik-Ünal"),
        ("محمد العلي", "محمد العلي"),  # right-to-left script itself stays
    ],
)
def test_clean_name(typed, kept):
    assert clean_name(typed) == kept


def test_clean_name_leaves_none_alone():
    assert clean_name(None) is None


@given(st.text())
def test_a_clean_name_has_no_format_characters_and_single_spaces(text):
    name = clean_name(text)
    assert name == name.strip()
    assert "  " not in name
    assert not any(ch in name for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not any(ch in name for ch in "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f")
    assert clean_name(name) == name


def account_form(display_name: str, email: str) -> dict[str, str]:
    """What the sign-up form and the admin's new-account form post."""
    return {"display_name": display_name, "email": email, "password": STRONG, "confirm": STRONG}


def test_register_stores_the_clean_name(client):
    client.post("/register", data=account_form("\u202e Sam \u200b de  Wit ", "sam@example.test"))
    assert User.by_email("sam@example.test").display_name == "Sam de Wit"


def test_profile_stores_the_clean_name_and_refuses_an_invisible_one(login):
    user = make_user()
    client = login(user)
    client.post("/account", data={"display_name": " Noor\u2067  B ", "language": "nl"})
    db.session.refresh(user)
    assert user.display_name == "Noor B"
    response = client.post("/account", data={"display_name": "\u200b\u202e", "language": "nl"})
    assert "Vul je naam in." in response.get_data(as_text=True)


def test_admin_creates_an_account_with_a_clean_name(login):
    admin = login(make_user(admin=True))
    admin.post("/admin/users/new", data=account_form("Kees\u202e  Jansen", "kees@example.test"))
    assert User.by_email("kees@example.test").display_name == "Kees Jansen"


def test_group_names_are_cleaned_too(login):
    client = login(make_user(trainer=True))
    client.post("/classes/new", data={"name": " Klas\u202e   2B ", "description": ""})
    from learn.groups.models import Group

    assert db.session.scalar(db.select(Group.name)) == "Klas 2B"


def test_the_command_line_cleans_the_name(runner):
    result = runner.invoke(
        args=["user", "create", "--email", "c@example.test", "--name", " Cli\u200b  Naam "],
        input=f"{STRONG}\n{STRONG}\n",
    )
    assert result.exit_code == 0, result.output
    assert User.by_email("c@example.test").display_name == "Cli Naam"
