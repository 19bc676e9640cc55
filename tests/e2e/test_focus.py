"""Keyboard and screen-reader users land on what changed: the error after a failed submit."""

from __future__ import annotations


def test_a_failed_login_moves_focus_to_the_error(page):
    page.goto(page.base_url + "/login")
    page.get_by_label("E-mailadres").fill("student@kring.test")
    page.get_by_label("Wachtwoord", exact=True).fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    focused = page.evaluate("document.activeElement.className")
    assert any(name in focused for name in ("error-summary", "flash-error", "error-message"))


def test_focus_is_visible_with_a_dark_outer_ring(page):
    page.goto(page.base_url + "/login")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert outline == "rgb(29, 43, 42)"  # --ink: 13:1 on paper, far above 3:1
