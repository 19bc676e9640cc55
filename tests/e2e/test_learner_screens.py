"""Issue 14's learner screens in a real browser, on desktop and phone: Haakjes annotated
and scrolled into view, the journal as a printable portfolio, English mode; axe on each."""

from __future__ import annotations

from tests.e2e.conftest import register_new_learner, screenshot, take_case_step
from tests.e2e.test_accessibility import serious

HAAKJES = "/modules/haakjes-zoeken/03-haakjes"


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
    )


def test_haakjes_result_is_in_view_and_every_line_annotated(page):
    register_new_learner(page)
    page.goto(page.base_url + HAAKJES)
    form = page.locator("form[data-hooks]")
    assert form.locator(".hooks-rich").is_visible()  # with JavaScript: tap or select
    assert not form.locator(".hooks-plain").is_visible()
    form.locator(".fragment label").first.click()
    assert form.locator("input[type=checkbox]").first.is_checked()
    form.get_by_role("button", name="Controleer mijn haakjes").click()
    page.wait_for_load_state()
    assert "#resultaat-telefoon-trilt" in page.url
    assert in_viewport(page, "#resultaat-telefoon-trilt")
    lines = page.locator(".transcript .fragment")
    assert lines.count() == page.locator(".transcript .verdict").count() > 3
    assert page.locator(".transcript .verdict-missed").count() >= 1
    screenshot(page, "haakjes-annotated")
    assert serious(page) == []


def test_journal_shows_a_finished_case_and_prints_without_navigation(page):
    register_new_learner(page)
    page.goto(page.base_url + "/cases/geen-netwerk-whatsapp")
    page.locator("form[action$=start] button").click()
    for _ in range(40):
        if "/debrief" in page.url:
            break
        take_case_step(page, "last")
    page.goto(page.base_url + "/journal")
    case = page.locator(".journal-case").first
    assert case.get_by_role("heading", name="Wat je nu anders zou kiezen").is_visible()
    assert page.get_by_role("button", name="Afdrukken of opslaan als pdf").is_visible()
    assert serious(page) == []
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Afdrukken of opslaan als pdf").is_visible()
    assert case.is_visible()
    screenshot(page, "journal-print")


def test_english_mode_notice_and_dutch_content(page):
    register_new_learner(page)
    page.locator("button[name=language][value=en]").click()
    page.wait_for_load_state()
    page.goto(page.base_url + "/cases/geen-netwerk-whatsapp")
    assert page.locator(".content-language").is_visible()
    assert page.locator("h1").get_attribute("lang") == "nl"
    assert page.locator("html").get_attribute("lang") == "en"
    assert serious(page) == []


def test_home_page_resumes_where_the_learner_was(page):
    register_new_learner(page)
    page.goto(page.base_url + "/")
    assert page.get_by_text("Voorgestelde volgende stap:").is_visible()
    page.goto(page.base_url + "/modules/haakjes-zoeken/01-waarom")
    page.get_by_role("button", name="Gelezen, naar de volgende pagina").click()
    page.wait_for_url("**/02-ecogram")
    page.goto(page.base_url + "/")
    resume = page.get_by_role("link", name="Verder waar je was").first
    assert resume.get_attribute("href").endswith("/modules/haakjes-zoeken/02-ecogram")
    screenshot(page, "home-learning")
    assert serious(page) == []
