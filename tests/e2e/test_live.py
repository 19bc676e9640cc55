"""A live session in three browsers: the demo trainer leads, a student votes on a phone
viewport (and reloads mid-vote), a guest joins with only a name. The pages follow the
session by themselves (live.js); axe checks the projector, control and participant views."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.conftest import DESKTOP, PHONE, log_in, screenshot
from tests.e2e.test_accessibility import record, serious


def new_page(browser, base_url, viewport, name):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = base_url
    page.viewport_name = name
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def control(leader, label):
    leader.get_by_role("button", name=label, exact=True).click()
    leader.wait_for_load_state()


def test_a_class_walks_a_case_live(browser, live_server):
    leader = new_page(browser, live_server.url, DESKTOP, "desktop")
    member = new_page(browser, live_server.url, PHONE, "phone")
    guest = new_page(browser, live_server.url, PHONE, "phone")
    checked = {}

    log_in(leader, "trainer@kring.test")
    leader.get_by_role("link", name="Demo-klas Sociaal Werk").first.click()
    leader.get_by_role("link", name="Live sessie starten").click()
    leader.get_by_label("Casus").select_option(label="De dag na de conferentie")
    leader.get_by_label(re.compile("Gasten zonder account")).check()
    leader.get_by_role("button", name="Sessie starten").click()
    code = leader.locator(".live-status strong").inner_text()
    checked["control"] = serious(leader)

    projector = leader.context.new_page()
    projector.viewport_name = "desktop"
    projector.goto(leader.url.replace("/control", "/screen"))
    assert projector.locator("svg.qr").is_visible()
    checked["projector (join screen)"] = serious(projector)

    log_in(member, "student@kring.test")
    member.goto(member.base_url + "/live")
    member.get_by_label("Sessiecode").fill(code.lower())
    member.get_by_role("button", name="Meedoen", exact=True).click()
    member.wait_for_url(re.compile(r"/live/\d+/vote"))

    guest.goto(f"{guest.base_url}/live/j/{code}")
    guest.get_by_label("Je naam").fill("Gast Gijs")
    guest.get_by_role("button", name="Meedoen als gast").click()
    guest.wait_for_url(re.compile(r"/live/\d+/vote"))
    assert guest.get_by_role("link", name="Casussen").count() == 0  # nothing of Kring
    checked["participant (waiting)"] = serious(member)

    decisions = 0
    for _scene in range(30):
        if leader.get_by_text("Dit is een einde van de casus").count():
            break
        if leader.get_by_role("button", name="Stemmen openen").count() == 0:
            control(leader, "Volgende scène")  # a narrative scene
            continue
        control(leader, "Stemmen openen")
        # The phones follow by themselves: the vote form appears without a reload.
        member.get_by_role("button", name="Stemmen").wait_for()
        guest.get_by_role("button", name="Stemmen").wait_for()
        member.get_by_role("radio").first.check()
        member.get_by_role("button", name="Stemmen").click()
        guest.get_by_role("radio").last.check()
        guest.get_by_role("button", name="Stemmen").click()
        chosen = member.locator("input[type=radio]:checked").get_attribute("value")
        member.reload()  # a refreshed phone keeps its vote
        assert member.locator("input[type=radio]:checked").get_attribute("value") == chosen
        projector.locator("[data-live-votes]", has_text="2").wait_for()  # only the count
        assert projector.locator(".live-bar").count() == 0
        if decisions == 0:
            checked["participant (voted)"] = serious(member)
            checked["projector (voting)"] = serious(projector)
            screenshot(member, "live-vote")
        control(leader, "Stemmen sluiten")
        control(leader, "Uitslag tonen")
        projector.locator(".live-bar").first.wait_for()
        leader.get_by_label("Notitie bij deze beslissing").fill(f"Besproken {decisions + 1}")
        control(leader, "Notitie bewaren")
        picks = leader.locator(".live-pick input[type=radio]")
        if leader.locator(".live-pick input[type=radio]:checked").count() == 0:
            picks.first.check()  # a tie: no group choice, the leader decides
        control(leader, "Deze keuze volgen en het gevolg tonen")
        member.get_by_role("heading", name="Wat deze keuze deed").wait_for()
        # The projector reloads itself for each new state: check it once it shows this one.
        projector.get_by_role("heading", name="Wat deze keuze deed").wait_for()
        if decisions == 0:
            checked["control (feedback)"] = serious(leader)
            checked["projector (feedback)"] = serious(projector)
            checked["participant (feedback)"] = serious(member)
            screenshot(projector, "live-projector")
        decisions += 1
        control(leader, "Volgende scène")
    assert decisions >= 1
    assert leader.get_by_text("Dit is een einde van de casus").count() == 1

    control(leader, "Sessie afsluiten")
    leader.wait_for_url(re.compile(r"/live/\d+/summary"))
    assert leader.get_by_text("Besproken 1").count() == 1
    checked["summary"] = serious(leader)
    with leader.expect_download() as download:
        leader.get_by_role("link", name="Download als Markdown").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Besproken 1" in text and "(gevolgd)" in text
    member.get_by_role("heading", name="De sessie is afgelopen").wait_for()

    record("axe in a live session", checked)
    assert {view: found for view, found in checked.items() if found} == {}
    for page in (leader, member, guest):
        page.context.close()
