"""A case step with JavaScript is one request swapped in place; reload, back, forward and
focus behave as without JavaScript, and without JavaScript the page still works."""

from __future__ import annotations

import re

from tests.e2e.conftest import log_in, take_case_step


def start_case(page, title: str = "Tien jaar bij zijn zus") -> None:
    page.get_by_role("link", name="Casussen").first.click()
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name=re.compile("Start de casus|Opnieuw beginnen")).click()
    page.wait_for_url(re.compile(r"/attempts/\d+$"))


def scene_title(page) -> str:
    return page.locator("#scene-heading").inner_text()


def test_a_step_is_one_request_and_focus_moves_to_the_feedback(page):
    log_in(page, "student@kring.test")
    start_case(page)
    while not page.locator("#play").get_by_role("radio").count():
        take_case_step(page)
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.resource_type)))
    take_case_step(page)
    # One POST answered with the next scene; no page load (a "document" request) follows.
    assert [r for r in requests if r[1] in ("document", "xhr", "fetch")] == [("POST", "xhr")]
    page.wait_for_function("document.activeElement.id === 'feedback-heading'")
    assert page.get_by_role("heading", name="Wat je keuze deed").is_visible()
    assert re.search(r"/attempts/\d+$", page.url)


def test_reload_back_and_forward_show_where_the_learner_is(page):
    log_in(page, "student@kring.test")
    start_case(page)
    take_case_step(page)
    take_case_step(page)
    here = scene_title(page)
    step = page.locator("#play input[name=step]").get_attribute("value")
    page.reload()
    assert scene_title(page) == here
    assert page.locator("#play input[name=step]").get_attribute("value") == step
    # The choice is stored: going back shows the current scene, as without JavaScript
    # (the page loads again, with its state from the server).
    for move in (page.go_back, page.go_forward):
        with page.expect_event("load"):  # htmx reloads the page: its state comes from the server
            move()
        assert page.locator("#play input[name=step]").get_attribute("value") == step
        assert scene_title(page) == here


def test_without_javascript_a_step_posts_and_redirects(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.base_url = live_server.url
    try:
        log_in(page, "student@kring.test")
        start_case(page)
        before = page.locator("input[name=step]").get_attribute("value")
        choices = page.get_by_role("radio")
        if choices.count():
            choices.first.check()
            page.get_by_role("button", name="Kies").click()
        else:
            page.get_by_role("button", name="Verder").click()
        page.wait_for_load_state()
        assert page.locator("input[name=step]").get_attribute("value") != before
        assert re.search(r"/attempts/\d+$", page.url)
    finally:
        context.close()
