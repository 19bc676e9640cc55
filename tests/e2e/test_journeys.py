"""Main journeys from login to result, in a real browser, on desktop and phone sizes."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import log_in, screenshot


@pytest.mark.parametrize(
    ("email", "name"),
    [
        ("student@kring.test", "Noor Bakker"),
        ("trainer@kring.test", "Joris Visser"),
        ("team@kring.test", "Esra Yilmaz"),
        ("admin@kring.test", "Beheer Kring"),
    ],
)
def test_each_demo_user_sees_their_home_in_dutch_then_english(page, email, name):
    log_in(page, email)
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == f"Welkom, {name}"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == f"Welcome, {name}"
    screenshot(page, f"home-{email.split('@')[0]}-en")
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_student_plays_a_case_to_its_debrief(page):
    log_in(page, "student@kring.test")
    page.get_by_role("link", name="Casussen").first.click()
    page.get_by_role("link", name="Tien jaar bij zijn zus").click()
    page.get_by_role("button", name=re.compile("Start de casus|Opnieuw beginnen")).click()
    for _ in range(40):
        if "/debrief" in page.url:
            break
        choices = page.get_by_role("radio")
        if choices.count():
            choices.first.check()
            page.get_by_role("button", name="Kies").click()
        else:
            page.get_by_role("button", name="Verder").click()
        page.wait_for_load_state()
    assert "/debrief" in page.url
    assert page.get_by_role("heading", name="Je score per competentie").is_visible()
    assert page.get_by_role("img", name="Kaart van de casus").is_visible()
    assert page.locator(".score-table tbody tr").count() == 4
    screenshot(page, "case-debrief")
