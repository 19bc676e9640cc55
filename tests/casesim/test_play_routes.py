"""Playing a case over HTTP: start, steps, resume, idempotency, debrief, privacy."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from learn.casesim.models import Attempt, AttemptStep
from learn.extensions import db
from tests.factories import make_user


def start(client, slug="oefen-triade", token="t" * 24):
    response = client.post(f"/cases/{slug}/start", data={"start_token": token})
    assert response.status_code == 302
    return int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))


def step(client, attempt_id, number, choice=None):
    data = {"step": number} | ({"choice": choice} if choice is not None else {})
    return client.post(f"/attempts/{attempt_id}/step", data=data)


def step_count(attempt_id):
    return db.session.scalar(
        select(func.count()).select_from(AttemptStep).where(AttemptStep.attempt_id == attempt_id)
    )


def test_library_lists_cases_with_status_and_filters(login, synced_case):
    client = login(make_user())
    page = client.get("/cases").get_data(as_text=True)
    assert "Oefencasus triade" in page and "Nieuw" in page
    assert "Oefencasus triade" not in client.get("/cases?theme=haakjes").get_data(as_text=True)
    assert "Oefencasus triade" in client.get("/cases?audience=team&length=kort").get_data(
        as_text=True
    )
    assert "Oefencasus triade" not in client.get("/cases?status=done").get_data(as_text=True)


def test_case_page_shows_sources_and_competences(login, synced_case):
    page = login(make_user()).get("/cases/oefen-triade").get_data(as_text=True)
    assert "Social Network First? (2024), §4.5.2" in page
    assert "Triadisch werken" in page and "Start de casus" in page


def test_unknown_case_is_404(login, synced_case):
    assert login(make_user()).get("/cases/bestaat-niet").status_code == 404


def test_play_to_the_end_shows_feedback_then_debrief(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Kim en haar moeder Ans zitten aan tafel." in page and "Verder" in page
    step(client, attempt_id, 1)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Ik slaap er niet van." in page and "Wat doe je?" in page
    step(client, attempt_id, 2, 1)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "De regie blijft bij Kim." in page  # feedback on the choice just made
    response = step(client, attempt_id, 3, 1)
    assert response.headers["Location"].endswith(f"/attempts/{attempt_id}/debrief")
    debrief = client.get(f"/attempts/{attempt_id}/debrief").get_data(as_text=True)
    assert "Een afspraak die klopt" in debrief
    assert "Over alle competenties samen: 100% van wat deze casus mogelijk maakt." in debrief
    assert "Je volgde de sterkste route door deze casus." in debrief
    assert "tot 4" not in debrief  # no raw point ranges
    assert "<svg" in debrief and "edge-learner" in debrief
    assert "1 keer vooral tot de cliënt" in debrief
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.finished and attempt.scores == {"triade": 1, "regie": 3, "total": 4}


def test_a_repeated_post_of_the_same_step_stores_it_once(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 1)
    for _ in range(3):
        assert step(client, attempt_id, 2, 2).status_code == 302
    assert step_count(attempt_id) == 2
    assert db.session.get(Attempt, attempt_id).current_scene == "boos"


def test_the_back_button_cannot_change_a_stored_choice(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 1)
    step(client, attempt_id, 2, 2)
    response = step(client, attempt_id, 2, 1)  # the old page, another choice
    assert response.status_code == 302
    follow = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Je had hier al gekozen" in follow
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt.current_scene == "boos" and step_count(attempt_id) == 2


def test_a_step_from_the_future_or_an_unknown_choice_changes_nothing(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 5)
    step(client, attempt_id, 1, 3)  # the narrative scene takes no choice
    assert step_count(attempt_id) == 0
    step(client, attempt_id, 1)
    response = step(client, attempt_id, 2, 99)
    assert "Kies eerst wat je doet." in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    assert step_count(attempt_id) == 1
    assert step(client, attempt_id, "twee").status_code == 400


def test_a_double_click_on_start_makes_one_attempt(login, synced_case):
    client = login(make_user())
    first, second = start(client, token="d" * 24), start(client, token="d" * 24)
    assert first == second
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_resume_after_closing_the_browser(login, synced_case):
    user = make_user()
    attempt_id = start(login(user))
    step(login(user), attempt_id, 1)
    step(login(user), attempt_id, 2, 1)
    fresh_browser = login(user)
    case_page = fresh_browser.get("/cases/oefen-triade").get_data(as_text=True)
    assert f"/attempts/{attempt_id}" in case_page and "Verder waar je was" in case_page
    assert "Een afspraak" in fresh_browser.get(f"/attempts/{attempt_id}").get_data(as_text=True)


def test_someone_elses_attempt_is_404(login, synced_case):
    owner = make_user()
    attempt_id = start(login(owner))
    other = login(make_user())
    assert other.get(f"/attempts/{attempt_id}").status_code == 404
    assert step(other, attempt_id, 1).status_code == 404
    assert other.get(f"/attempts/{attempt_id}/debrief").status_code == 404
    assert step_count(attempt_id) == 0


def test_another_users_start_token_is_refused(login, synced_case):
    first = make_user()
    attempt_id = start(login(first), token="s" * 24)
    other = make_user()
    response = login(other).post("/cases/oefen-triade/start", data={"start_token": "s" * 24})
    assert response.status_code == 400
    assert f"/attempts/{attempt_id}" not in response.get_data(as_text=True)
    owners = db.session.execute(select(Attempt.id, Attempt.user_id)).all()
    assert owners == [(attempt_id, first.id)]  # no attempt for the other user, none handed over


def test_replay_makes_a_new_attempt_and_all_attempts_are_listed(login, synced_case):
    client = login(make_user())
    first = start(client, token="a" * 24)
    for number, choice in ((1, None), (2, 2), (3, 2)):
        step(client, first, number, choice)
    second = start(client, token="b" * 24)
    assert second != first
    page = client.get("/cases/oefen-triade").get_data(as_text=True)
    assert attempt_rows(page) == [
        ("Bezig", "–", f"/attempts/{second}", "Verder"),
        ("Gedaan", "-2", f"/attempts/{first}/debrief", "Nabespreking"),
    ]  # newest first
    assert f'href="/attempts/{second}">Verder waar je was' in page


def attempt_rows(page):
    """(status, score, link, link text) per row of the case page's attempts table."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    cell = r"<td>\s*(?:<span[^>]*>)?([^<]*?)\s*(?:</span>)?\s*</td>"
    row = rf"<tr>\s*<td>[^<]*</td>\s*{cell}\s*{cell}\s*<td><a href=\"([^\"]+)\">([^<]+)</a></td>"
    return re.findall(row, body)


def test_competence_profile_shows_percentages(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    for number, choice in ((1, None), (2, 1), (3, 1)):
        step(client, attempt_id, number, choice)
    page = client.get("/profile").get_data(as_text=True)
    rows = re.findall(
        r'<th scope="row">([^<]+)<br>.*?</th>\s*<td>([^<]+)</td>\s*<td>(\d+)</td>', page, re.S
    )
    # the best possible triade and regie; competences no finished case scored say so
    assert rows == [
        ("Relatie en tempo", "nog niet geoefend", "0"),
        ("Netwerk bespreekbaar maken", "nog niet geoefend", "0"),
        ("De kring groter maken", "nog niet geoefend", "0"),
        ("Begrenzen", "nog niet geoefend", "0"),
        ("Overvraging voorkomen", "nog niet geoefend", "0"),
        ("Triadisch werken", "100%", "1"),
        ("Regie bij de cliënt", "100%", "1"),
        ("Wederkerigheid", "nog niet geoefend", "0"),
    ]
    assert '">Oefencasus triade</a>\n      — 1 poging</li>' in page


HX = {"HX-Request": "true"}


def hx_step(client, attempt_id, number, choice=None):
    data = {"step": number} | ({"choice": choice} if choice is not None else {})
    return client.post(f"/attempts/{attempt_id}/step", data=data, headers=HX)


def test_with_javascript_a_step_is_one_request_that_returns_the_next_scene(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    response = hx_step(client, attempt_id, 1)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["HX-Push-Url"] == f"/attempts/{attempt_id}"
    assert body.count('<div id="play">') == 1 and "<html" not in body
    assert "Ik slaap er niet van." in body and 'name="step" value="2"' in body
    assert step_count(attempt_id) == 1


@pytest.fixture
def at_first_decision(login, synced_case):
    """A learner who, with JavaScript, has read the opening scene: (client, attempt id)."""
    client = login(make_user())
    attempt_id = start(client)
    hx_step(client, attempt_id, 1)
    return client, attempt_id


def test_with_javascript_feedback_comes_with_the_next_scene(at_first_decision):
    client, attempt_id = at_first_decision
    body = hx_step(client, attempt_id, 2, 1).get_data(as_text=True)
    assert 'id="feedback-heading"' in body and "De regie blijft bij Kim." in body


def test_with_javascript_a_repeated_step_is_stored_once_and_a_stale_one_says_so(
    at_first_decision,
):
    client, attempt_id = at_first_decision
    hx_step(client, attempt_id, 2, 2)
    assert hx_step(client, attempt_id, 2, 2).status_code == 200
    stale = hx_step(client, attempt_id, 2, 1).get_data(as_text=True)
    assert step_count(attempt_id) == 2
    assert "Je had hier al gekozen" in stale and 'class="flashes"' in stale


def test_with_javascript_the_last_step_sends_the_browser_to_the_debrief(at_first_decision):
    client, attempt_id = at_first_decision
    hx_step(client, attempt_id, 2, 1)
    response = hx_step(client, attempt_id, 3, 1)
    assert response.headers["HX-Redirect"] == f"/attempts/{attempt_id}/debrief"
    assert db.session.get(Attempt, attempt_id).finished


def test_the_play_page_loads_htmx_from_this_server_only(login, synced_case):
    client = login(make_user())
    page = client.get(f"/attempts/{start(client)}").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert "/static/js/vendor/htmx.min.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)
    assert 'hx-post="/attempts/' in page
    response = client.get("/static/js/vendor/htmx.min.js")
    assert response.status_code == 200
    response.close()
