"""A team session in a real browser: plan, run with the timer, the privacy guard, action
points on another member's home page, the summary download, and two people editing the same
notes at once. Desktop and phone."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from tests.e2e.conftest import log_in, screenshot

NOTE = "Cliënt belde met BSN 111222333 en vroeg terug te bellen op 06-12345678."
POINTS = ("Ecogram van cliënt A bijwerken", "Gesprek met naaste B apart plannen")


def other_member(browser, page):
    context = browser.new_context(viewport=page.viewport_size, locale="nl-NL")
    other = context.new_page()
    other.set_default_timeout(10_000)
    other.base_url = page.base_url
    other.viewport_name = page.viewport_name
    log_in(other, "student@kring.test")
    return other


def test_a_team_runs_an_incidentmethode_session(page, browser):
    title = f"Intervisie {uuid.uuid4().hex[:6]}"
    log_in(page, "team@kring.test")
    page.get_by_role("link", name="Demo-team De Haven").click()
    page.get_by_role("link", name="Bijeenkomsten").click()
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_label("Datum en tijd").fill("2027-01-10T10:00")
    page.get_by_label("Methode", exact=True).select_option("incidentmethode")
    page.get_by_label("Gespreksleider").select_option(label="Esra Yilmaz")
    page.get_by_label("Inbrenger").select_option(label="Noor Bakker")
    page.get_by_label("Notulist").select_option(label="Esra Yilmaz")
    page.get_by_role("button", name="Plannen").click()
    page.get_by_role("heading", name=title).wait_for()
    session_url = page.url

    # The timer: started on the server, counted down by the script, the same for everyone.
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Pauze").wait_for()
    clock = page.locator(".clock")
    first = clock.inner_text()
    page.wait_for_function(
        "([el, before]) => el.textContent !== before", arg=[clock.element_handle(), first]
    )
    page.get_by_role("button", name="Volgende fase").click()
    page.get_by_role("heading", name=re.compile("Fase 2 van 6")).wait_for()
    assert page.get_by_text("Alleen vragen, geen adviezen en geen meningen.").is_visible()

    # The privacy guard stops the note, marks what it found, and pseudonymises on one click.
    page.get_by_label("Notities bij deze fase (Markdown)").fill(NOTE)
    page.get_by_role("button", name="Publiceren voor het team").click()
    page.get_by_role("heading", name="Mogelijk persoonsgegevens gevonden").wait_for()
    assert page.locator("mark.finding").count() == 2
    screenshot(page, "intervision-guard")
    page.get_by_role("button", name="Vervang door pseudoniemen").click()
    page.wait_for_url(re.compile(re.escape(session_url)))
    assert page.locator("#notities-1 .prose").get_by_text("Cliënt belde met BSN [BSN]").is_visible()
    assert "111222333" not in page.content()

    for what in POINTS:
        page.get_by_label("Wat", exact=True).fill(what)
        page.get_by_label("Wie", exact=True).select_option(label="Noor Bakker")
        page.get_by_label("Uiterlijk").fill("2027-01-24")
        page.get_by_role("button", name="Toevoegen").click()
        page.locator("#acties .point-what", has_text=what).wait_for()
    screenshot(page, "intervision-session")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download als Markdown").click()
    summary = Path(info.value.path()).read_text(encoding="utf-8")
    assert summary.startswith(f"# {title}") and all(what in summary for what in POINTS)
    assert "[BSN]" in summary and "111222333" not in summary

    other = other_member(browser, page)
    mine = other.get_by_role("region", name="Jouw actiepunten")
    assert all(mine.get_by_text(what).first.is_visible() for what in POINTS)

    # The next session opens with the open points.
    other.get_by_role("link", name="Demo-team De Haven").click()
    other.get_by_role("link", name="Bijeenkomsten").click()
    other.get_by_role("link", name="Casuïstiekbespreking: netwerk in beeld").click()
    agenda = other.locator("#agenda")
    assert all(agenda.get_by_text(what).first.is_visible() for what in POINTS)
    other.context.close()


def test_two_members_editing_the_same_notes_see_the_conflict(page, browser):
    log_in(page, "team@kring.test")
    page.get_by_role("link", name="Demo-team De Haven").click()
    page.get_by_role("link", name="Bijeenkomsten").click()
    page.get_by_role("link", name="Casuïstiekbespreking: netwerk in beeld").click()
    page.get_by_role("link", name="Conclusies schrijven").click()
    editor_url = page.url
    other = other_member(browser, page)
    other.goto(editor_url)

    marker = uuid.uuid4().hex[:6]
    page.get_by_label("Tekst (Markdown)").fill(f"Eerste versie {marker}")
    other.get_by_label("Tekst (Markdown)").fill(f"Tweede versie {marker}")
    # Autosave keeps each person's draft on the server without publishing it.
    saved = re.compile(r"^Concept bewaard \d")
    # Autosave runs every few seconds; a loaded CI machine may need longer than the default.
    other.locator(".autosave-status").filter(has_text=saved).wait_for(timeout=30_000)
    page.get_by_role("button", name="Publiceren voor het team").click()
    page.wait_for_url(re.compile(r"/sessies/\d+#conclusies"), timeout=30_000)
    other.get_by_role("button", name="Publiceren voor het team").click()
    other.get_by_role("heading", name="Iemand anders heeft intussen opgeslagen").wait_for(
        timeout=30_000
    )
    assert other.locator("pre.theirs").inner_text() == f"Eerste versie {marker}"
    assert other.get_by_label("Tekst (Markdown)").input_value() == f"Tweede versie {marker}"
    screenshot(other, "intervision-conflict")
    other.get_by_label("Tekst (Markdown)").fill(f"Eerste en tweede versie {marker}")
    other.get_by_role("button", name="Publiceren voor het team").click()
    other.wait_for_load_state()
    assert (
        other.locator("#conclusies--1 .prose").inner_text() == f"Eerste en tweede versie {marker}"
    )
    other.context.close()
