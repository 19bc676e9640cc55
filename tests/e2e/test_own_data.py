"""A learner downloads their data and deletes their account, in a real browser (desktop, phone)."""

from __future__ import annotations

import json

from tests.e2e.conftest import register_new_learner, screenshot
from tests.e2e.test_accessibility import serious

PASSWORD = "een lange zin als wachtwoord"


def test_learner_downloads_their_data_then_deletes_the_account(page):
    email = register_new_learner(page)
    page.goto(page.base_url + "/account")
    with page.expect_download() as download:
        page.get_by_role("link", name="Mijn gegevens downloaden (JSON)").click()
    data = json.loads(download.value.path().read_text())
    assert data["account"]["email"] == email

    page.get_by_role("link", name="Mijn account verwijderen").click()
    assert serious(page) == []
    page.get_by_label("Huidig wachtwoord").fill("niet mijn wachtwoord")
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    assert page.get_by_text("Dit is niet je huidige wachtwoord.").first.is_visible()
    screenshot(page, "delete-account-error")
    page.get_by_label("Huidig wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Mijn account definitief verwijderen").click()
    page.wait_for_url(page.base_url + "/")
    assert page.get_by_text("Je account en je gegevens zijn verwijderd.").is_visible()

    page.goto(page.base_url + "/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_text("Dit e-mailadres en wachtwoord horen niet bij elkaar.").is_visible()
