"""Dutch by default; a complete English translation; switching per user and per visitor."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from learn.config import PROJECT_ROOT
from learn.extensions import db
from tests.factories import make_user

CATALOGUE = PROJECT_ROOT / "learn/translations/en/LC_MESSAGES/messages.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "_l": None,
    "N_": None,
}
METHOD_MAP = [("learn/**.py", "python"), ("templates/**.html", "jinja2")]
PLACEHOLDER = re.compile(r"%\(\w+\)\w")


def catalogue_messages():
    with CATALOGUE.open("rb") as po_file:
        return list(read_po(po_file))


def ui_strings() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        PROJECT_ROOT, METHOD_MAP, keywords=KEYWORDS
    ):
        if not any(part in _file for part in (".venv", "tests")):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_ui_string_has_an_english_translation():
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue_messages() if m.id
    }
    missing = sorted(s for s in ui_strings() if s not in translated or not translated[s].string)
    assert missing == [], f"untranslated (run `make messages` and translate): {missing[:10]}"


def test_translations_keep_their_placeholders():
    for message in catalogue_messages():
        if message.id and message.string:
            source = message.id if isinstance(message.id, str) else message.id[0]
            target = message.string if isinstance(message.string, str) else message.string[0]
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), (
                source
            )


def test_dutch_is_the_default(client):
    body = client.get("/login").get_data(as_text=True)
    assert '<html lang="nl">' in body
    assert "Inloggen" in body


def test_anonymous_visitor_switches_to_english_and_back(client):
    response = client.post("/language", data={"language": "en", "next": "/login"})
    assert response.headers["Location"] == "/login"
    body = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in body
    assert "Log in" in body and "Inloggen" not in body
    client.post("/language", data={"language": "nl"})
    assert '<html lang="nl">' in client.get("/login").get_data(as_text=True)


def test_language_switch_is_saved_for_a_user(login):
    user = make_user()
    client = login(user)
    response = client.post("/language", data={"language": "en", "next": "https://evil.example"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"  # not to another site
    db.session.refresh(user)
    assert user.language == "en"
    assert '<html lang="en">' in login(user).get("/").get_data(as_text=True)


def test_the_language_switch_returns_to_the_page_it_was_used_on(client):
    response = client.post("/language", data={"language": "en", "next": "/login?next=%2Fcases"})
    assert response.headers["Location"] == "/login?next=%2Fcases"


def test_an_unknown_language_is_ignored(client):
    client.post("/language", data={"language": "xx"})
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


def test_a_users_language_follows_them_to_a_new_device(client):
    make_user(email="en@example.test", language="en")
    from tests.factories import PASSWORD

    client.post("/login", data={"email": "en@example.test", "password": PASSWORD})
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_catalogue_is_not_committed_as_a_binary():
    tracked = Path(PROJECT_ROOT / ".gitignore").read_text()
    assert "*.mo" in tracked


def test_language_buttons_keep_their_visible_text_in_their_accessible_name(client):
    page = client.get("/login").get_data(as_text=True)
    buttons = re.findall(r'<button[^>]*name="language"[^>]*aria-label="([^"]+)"[^>]*>(\w+)<', page)
    assert sorted(buttons) == [("EN – English", "EN"), ("NL – Nederlands", "NL")]
    assert all(label.startswith(visible) for label, visible in buttons)


def test_no_message_is_in_the_catalogue_twice():
    """Branches append entries and the catalogue merges as a union: a string added on two
    branches must still be there once (a duplicate breaks compiling in other tools)."""
    ids = re.findall(r'^msgid "(.+)"$', CATALOGUE.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
