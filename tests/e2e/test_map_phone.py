"""The network map on a phone with a touch screen: tap a person, tap a place; and the same
map with the keyboard alone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from learn.auth.models import User
from learn.exercises import mapdraw
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer
from tests.e2e.conftest import PHONE, register_new_learner, screenshot
from tests.e2e.test_journeys import first_exercise


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.base_url = live_server.url
    page.viewport_name = "phone"
    yield page
    context.close()
    assert errors == [], f"browser errors: {errors}"


def open_map(page):
    module, page_id, exercise = first_exercise("zwakke-banden", "netwerkkaart")
    email = register_new_learner(page)
    page.goto(f"{page.base_url}/modules/{module.id}/{page_id}")
    svg = page.locator(f"[data-map-dnd={exercise.id}] svg.network-map")  # not the legend's
    svg.scroll_into_view_if_needed()
    return email, exercise, svg


def token(page, exercise, person):
    return page.locator(f"[data-map-dnd={exercise.id}] g[data-person={person.id}]")


def stored_answer(live_server, email, exercise_id):
    with live_server.app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        row = db.session.scalar(
            select(ExerciseAnswer).where(
                ExerciseAnswer.user_id == user.id, ExerciseAnswer.exercise_id == exercise_id
            )
        )
        answer = (row.answer, row.result)
        db.session.remove()
    return answer


def test_on_a_phone_people_are_placed_by_tapping_and_the_answer_is_stored(phone, live_server):
    page = phone
    email, exercise, svg = open_map(page)
    status = page.locator("[data-map-status]")
    for person in exercise.people:
        box = token(page, exercise, person).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (person.id, box)
    for person in exercise.people:
        token(page, exercise, person).tap()
        assert token(page, exercise, person).get_attribute("aria-pressed") == "true"
        assert status.inner_text() == f"{person.name} gekozen: tik nu op een plek op de kaart."
        box = svg.bounding_box()
        scale = box["width"] / mapdraw.SIZE
        # Towards the end of the sector's quarter, away from people placed there before.
        angle = mapdraw.math.radians(mapdraw.SECTOR_START[person.sector] + 80)
        radius = mapdraw.ring_middle(person.ring)
        page.touchscreen.tap(
            box["x"] + scale * (mapdraw.CENTRE + radius * mapdraw.math.cos(angle)),
            box["y"] + scale * (mapdraw.CENTRE + radius * mapdraw.math.sin(angle)),
        )
        sector = page.locator(f"#sector-{exercise.id}-{person.id}")
        assert sector.input_value() == person.sector
        ring = page.locator(f"#ring-{exercise.id}-{person.id}")
        assert ring.input_value() == str(person.ring)
        where = f"{sector.locator('option:checked').inner_text()}, kring"
        assert status.inner_text().startswith(f"{person.name}: {where} {person.ring}")
        page.select_option(f"#tie-{exercise.id}-{person.id}", person.tie)
        page.select_option(f"#valence-{exercise.id}-{person.id}", person.valence)
    for person in exercise.people:  # placed on the map, still at least 24 px
        box = token(page, exercise, person).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (person.id, box)
    screenshot(page, "netwerkkaart-tapped")
    page.locator(f"#oefening-{exercise.id} button[type=submit]").click()
    page.wait_for_load_state()
    assert "100% overeen" in page.locator(f"#oefening-{exercise.id}").inner_text()
    answer, result = stored_answer(live_server, email, exercise.id)
    assert result == {"percent": 100}
    assert answer == {
        "placements": {
            p.id: {"sector": p.sector, "ring": p.ring, "tie": p.tie, "valence": p.valence}
            for p in exercise.people
        }
    }


def test_the_map_works_with_the_keyboard_alone(phone):
    page = phone
    _email, exercise, _svg = open_map(page)
    person = exercise.people[0]
    first = token(page, exercise, person)
    first.focus()
    sector = page.locator(f"#sector-{exercise.id}-{person.id}")
    ring = page.locator(f"#ring-{exercise.id}-{person.id}")
    page.keyboard.press("ArrowUp")  # onto the map, outer ring of the first sector
    assert (sector.input_value(), ring.input_value()) == ("familie", "3")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    assert (sector.input_value(), ring.input_value()) == ("vrienden", "2")
    status = page.locator("[data-map-status]").inner_text()
    assert status == f"{person.name}: Vrienden en kennissen, kring 2."
    assert first.get_attribute("aria-label") == status
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowDown")
    assert (sector.input_value(), ring.input_value()) == ("professionals", "3")
    assert first.evaluate("el => el === document.activeElement")
