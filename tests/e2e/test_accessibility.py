"""axe-core over every page each role can reach, plus the pages inside a case and the
exercises of every module: no serious or critical violations. The list of pages checked
is printed (run with -s to see it)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    log_in,
    register_new_learner,
    take_case_step,
)
from tests.e2e.test_journeys import first_exercise

AXE = Axe()
PAGE_LIST = SCREENSHOTS.parent / "accessibility-pages.txt"


@pytest.fixture(scope="module", autouse=True)
def page_list():
    """Every page the sweep checked, written for CI to print (.ci/run)."""
    PAGE_LIST.parent.mkdir(parents=True, exist_ok=True)
    PAGE_LIST.write_text("")
    yield


def record(title: str, pages) -> None:
    with PAGE_LIST.open("a") as out:
        out.write(f"{title}: {len(pages)} pages\n")
        out.writelines(f"  {page}\n" for page in sorted(pages))


SKIP = ("/static/", "/logout", "/journal/download", "/account/data")
DOWNLOADS = (".md",)  # the session summary download
ROLES = {
    "anonymous": None,
    "student": "student@kring.test",
    "trainer": "trainer@kring.test",
    "team": "team@kring.test",
    "admin": "admin@kring.test",
}
# Pages a role reaches only deep in the crawl: start there too, so the page limit never
# leaves them out.
FIRST_PAGES = {"admin": ["/admin/users", "/admin/classes"]}


def serious(page) -> list[str]:
    """The serious and critical axe violations of the page as it is now.

    Live pages reload themselves when the session changes; if that happens while axe runs,
    axe runs again on the page as it then is (at most twice more)."""
    for attempt in range(3):
        try:
            results = AXE.run(page, options={"resultTypes": ["violations"]})
            break
        except PlaywrightError as error:
            if "context was destroyed" not in str(error) or attempt == 2:
                raise
            page.wait_for_load_state()
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def crawl_and_check(page, base_url: str, start: list[str], limit: int = 60) -> dict[str, list]:
    checked: dict[str, list] = {}
    queue = list(start)
    while queue and len(checked) < limit:
        path = queue.pop(0)
        if path in checked or path.startswith(SKIP) or path.endswith(DOWNLOADS):
            continue
        response = page.goto(base_url + path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        checked[path] = serious(page)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(href)
            if parts.netloc == urlsplit(base_url).netloc:
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in checked:
                    queue.append(target)
    return checked


@pytest.fixture
def desktop_page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    page.base_url = live_server.url
    page.viewport_name = "desktop"
    yield page
    context.close()


@pytest.mark.parametrize("role", ROLES)
def test_no_serious_accessibility_violations_on_any_reachable_page(desktop_page, role):
    page = desktop_page
    if ROLES[role]:
        log_in(page, ROLES[role])
    start = ["/", "/login", "/register", *FIRST_PAGES.get(role, [])]
    checked = crawl_and_check(page, page.base_url, start)
    record(f"axe as {role}", checked)
    assert len(checked) >= 3
    failures = {path: found for path, found in checked.items() if found}
    assert failures == {}


def test_no_serious_violations_inside_a_case_and_its_debrief(desktop_page):
    page = desktop_page
    register_new_learner(page)  # its own account: a fresh attempt from the first scene
    page.goto(page.base_url + "/cases/geen-netwerk-whatsapp")
    page.locator("form[action$=start] button").click()
    page.wait_for_url(re.compile(r"/attempts/\d+$"))
    checked = {}
    for step in range(40):
        checked[f"{page.url} (step {step + 1})"] = serious(page)
        if "/debrief" in page.url:
            break
        take_case_step(page, "last")
    record("axe inside a case", checked)
    assert any("/debrief" in url for url in checked)
    assert {url: found for url, found in checked.items() if found} == {}


def test_no_serious_violations_on_answered_exercises(desktop_page):
    """Exercise pages after answering, so the feedback, saved maps and meters are checked too."""
    page = desktop_page
    register_new_learner(page)  # its own account, so the demo student's answers stay as loaded
    page.goto(page.base_url + "/modules")
    module_links = page.eval_on_selector_all(".module-card h2 a", "els => els.map(e => e.href)")
    checked = {}
    for module_url in module_links:
        page.goto(module_url)
        for page_url in page.eval_on_selector_all(".page-list a", "els => els.map(e => e.href)"):
            page.goto(page_url)
            for form in page.locator("section.exercise form").all():
                if form.locator("select").count():  # a map: fill it in completely
                    for select in form.locator("select").all():
                        select.select_option(index=1)
                elif form.locator("textarea").count():
                    form.locator("textarea").fill("Mijn buurvrouw, en de man van de bakker.")
                elif form.locator("input[type=radio]").count():
                    form.locator("input[type=radio]").first.check()
                elif form.locator("input[type=checkbox]").count():
                    form.locator("input[type=checkbox]").first.check(force=True)
                else:
                    continue  # the triadic exercise's start button is checked before answering
                exercise = form.locator("xpath=ancestor::section[1]").get_attribute("id")
                form.locator("button[type=submit]").click()
                # saved: redirected back to the exercise or its result (a refusal would stay)
                page.wait_for_url(
                    re.compile(f"#(oefening|resultaat)-{exercise.removeprefix('oefening-')}$")
                )
            checked[page_url] = serious(page)
    record("axe on answered exercise pages", checked)
    assert len(checked) >= 15
    assert {url: found for url, found in checked.items() if found} == {}


def test_no_serious_violations_on_the_trainer_pages(desktop_page):
    """Sets, results matrix, per-case analytics (and projection), student, import, preview."""
    page = desktop_page
    log_in(page, "trainer@kring.test")
    results = page.get_by_role("link", name=re.compile("^Resultaten")).first.get_attribute("href")
    start = [results, "/sets", "/cases/moeder-bang-voor-terugval/preview"]
    checked = crawl_and_check(page, page.base_url, start, limit=40)
    record("axe on trainer pages", checked)
    visited = " ".join(checked)
    for part in ("/assignments/", "/cases/", "/students/", "/import", "/sets/", "/preview"):
        assert part in visited, part
    page.goto(page.base_url + next(p for p in checked if "/cases/" in p and "/classes/" in p))
    page.get_by_role("link", name="Projecteren in de klas").click()
    checked[page.url] = serious(page)
    assert {url: found for url, found in checked.items() if found} == {}


def test_no_serious_violations_on_team_session_pages(desktop_page):
    """The demo team's sessions, the planning form, an editor, and the pages the privacy
    guard and a version conflict show."""
    page = desktop_page
    log_in(page, "team@kring.test")
    page.get_by_role("link", name="Demo-team De Haven").click()
    page.get_by_role("link", name="Bijeenkomsten").click()
    start = urlsplit(page.url).path
    sessions = page.eval_on_selector_all(
        "table a[href*='/sessies/']", "els => els.map(e => new URL(e.href).pathname)"
    )
    assert len(sessions) >= 2
    paths = [start, start + "/nieuw"]
    for session in sessions:
        paths += [session, session + "/samenvatting", session + "/tekst/conclusies"]
    checked = {}
    for path in paths:
        page.goto(page.base_url + path)
        checked[path] = serious(page)
    page.goto(page.base_url + start)
    page.get_by_role("link", name="Casuïstiekbespreking: netwerk in beeld").click()
    page.get_by_role("link", name="Conclusies schrijven").click()
    editor = page.url
    page.get_by_label("Tekst (Markdown)").fill("BSN 111222333, bel 06-12345678.")
    page.get_by_role("button", name="Publiceren voor het team").click()
    page.get_by_role("heading", name="Mogelijk persoonsgegevens gevonden").wait_for()
    checked[f"{editor} (privacy findings)"] = serious(page)
    page.goto(editor)
    page.locator("input[name=base_version]").evaluate("el => el.value = '-1'")
    page.get_by_role(
        "button", name="Concept bewaren"
    ).click()  # an old base: next publish conflicts
    expect(page.get_by_text("Je concept is opgeslagen. Alleen jij ziet het.")).to_be_visible()
    page.get_by_label("Tekst (Markdown)").fill("Een versie.")
    page.locator("input[name=base_version]").evaluate("el => el.value = '99'")
    page.get_by_role("button", name="Publiceren voor het team").click()
    page.get_by_role("heading", name="Iemand anders heeft intussen opgeslagen").wait_for()
    checked[f"{editor} (conflict)"] = serious(page)
    page.get_by_role("button", name="Publiceren voor het team").click()  # merged: resolved
    page.wait_for_url(re.compile(r"#conclusies"))
    assert "Een versie." in page.locator("#conclusies--1").inner_text()
    record("axe on team sessions", checked)
    assert any("/samenvatting" in url for url in checked)
    assert {url: found for url, found in checked.items() if found} == {}


def test_no_serious_violations_on_the_network_map_on_a_phone(browser, live_server):
    """The drawing map on a touch phone: untouched, with a person chosen, and answered."""
    module, page_id, exercise = first_exercise("zwakke-banden", "netwerkkaart")
    context = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True, is_mobile=True)
    page = context.new_page()
    page.base_url = live_server.url
    log_in(page, "student@kring.test")
    url = f"{page.base_url}/modules/{module.id}/{page_id}"
    page.goto(url)
    checked = {f"{url} (phone)": serious(page)}
    page.locator(f"[data-map-dnd={exercise.id}] g[data-person]").first.tap()
    checked[f"{url} (phone, a person chosen)"] = serious(page)
    form = page.locator(f"#oefening-{exercise.id} form")
    for select in form.locator("select").all():
        select.select_option(index=1)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    checked[f"{url} (phone, answered)"] = serious(page)
    context.close()
    record("axe on the network map on a phone", checked)
    assert {url: found for url, found in checked.items() if found} == {}
