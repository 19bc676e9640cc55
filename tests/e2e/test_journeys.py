"""Main journeys from login to result, in a real browser, on desktop and phone sizes."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from learn.casesim.engine import strongest_choice
from learn.config import PROJECT_ROOT
from learn.content import load_cases
from learn.content.modules import load_modules
from learn.exercises import mapdraw
from tests.e2e.conftest import log_in, register_new_learner, screenshot, take_case_step


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
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {name}")
    screenshot(page, f"home-{email.split('@')[0]}-en")
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")  # the account is Dutch again


def library_case(case_id: str):
    loaded, _report = load_cases(PROJECT_ROOT / "cases")
    return next(c for _path, _text, c in loaded if c.id == case_id)


def test_student_plays_a_case_to_its_debrief(page):
    register_new_learner(page)  # its own account: no earlier attempt decides what is shown
    page.get_by_role("link", name="Casussen").first.click()
    page.wait_for_url(page.base_url + "/cases")
    page.get_by_role("link", name="Tien jaar bij zijn zus").click()
    page.wait_for_url(page.base_url + "/cases/zus-kan-niet-meer")
    page.get_by_role("button", name="Start de casus").click()
    page.wait_for_url(re.compile(r"/attempts/\d+$"))
    case = library_case("zus-kan-niet-meer")
    for _ in range(40):
        if "/debrief" in page.url:
            break
        take_case_step(page, case=case)  # options are shuffled: pick by value
    assert "/debrief" in page.url
    assert page.get_by_role("heading", name="Je score per competentie").is_visible()
    assert page.get_by_role("img", name="Kaart van de casus").is_visible()
    assert page.locator(".score-table tbody tr").count() == len(case.competences)
    screenshot(page, "case-debrief")


def first_exercise(module_id: str, kind: str):
    """(module, page id, exercise) of the first exercise of `kind` in a shipped module."""
    modules, _report = load_modules(PROJECT_ROOT / "modules", PROJECT_ROOT / "cases")
    module = next(m for m in modules if m.id == module_id)
    page_id, exercise = next(
        (p.id, module.exercises[e])
        for p in module.pages
        for e in p.exercises
        if module.exercises[e].type == kind
    )
    return module, page_id, exercise


def test_student_marks_hooks_by_selecting_text(page):
    module, page_id, exercise = first_exercise("haakjes-zoeken", "haakjes")
    hooks = [f for f in exercise.fragments if f.hook]
    register_new_learner(page)
    page.goto(f"{page.base_url}/modules/{module.id}/{page_id}")
    # Select the text of two hook fragments with the mouse, as a reader would.
    for fragment in hooks[:2]:
        says = page.locator(f"#frag-{exercise.id}-{fragment.index} + label .says")
        says.scroll_into_view_if_needed()
        # The first line of the text (on a phone a fragment wraps over several lines).
        line = says.evaluate(
            "el => { const r = el.getClientRects()[0];"
            " return {x: r.x, y: r.y, w: r.width, h: r.height}; }"
        )
        page.mouse.move(line["x"] + 2, line["y"] + line["h"] / 2)
        page.mouse.down()
        page.mouse.move(line["x"] + line["w"] - 2, line["y"] + line["h"] / 2, steps=5)
        page.mouse.up()
        assert page.locator(f"#frag-{exercise.id}-{fragment.index}").is_checked()
    page.locator(f"#oefening-{exercise.id} button[type=submit]").click()
    page.wait_for_url(re.compile(f"#resultaat-{exercise.id}$"))
    section = page.locator(f"#oefening-{exercise.id}")  # result and missed hooks
    expect(section).to_contain_text(f"Je vond 2 van de {len(hooks)} haakjes")
    expect(section).to_contain_text("Haakjes die je miste")
    screenshot(page, "haakjes-feedback")


def test_student_drags_people_onto_the_network_map(page):
    module, page_id, exercise = first_exercise("zwakke-banden", "netwerkkaart")
    register_new_learner(page)
    page.goto(f"{page.base_url}/modules/{module.id}/{page_id}")
    svg = page.locator(f"[data-map-dnd={exercise.id}] svg.network-map")  # not the legend's
    svg.scroll_into_view_if_needed()
    for person in exercise.people:
        token = page.locator(f"[data-map-dnd={exercise.id}] g[data-person={person.id}]")
        start = token.bounding_box()
        box = svg.bounding_box()
        scale = box["width"] / mapdraw.SIZE
        angle = mapdraw.math.radians(mapdraw.SECTOR_START[person.sector] + 45)
        radius = mapdraw.ring_middle(person.ring)
        target_x = box["x"] + scale * (mapdraw.CENTRE + radius * mapdraw.math.cos(angle))
        target_y = box["y"] + scale * (mapdraw.CENTRE + radius * mapdraw.math.sin(angle))
        page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
        page.mouse.down()
        page.mouse.move(target_x, target_y, steps=8)
        page.mouse.up()
        fields = f"#sector-{exercise.id}-{person.id}"
        assert page.locator(fields).input_value() == person.sector
        assert page.locator(f"#ring-{exercise.id}-{person.id}").input_value() == str(person.ring)
        page.select_option(f"#tie-{exercise.id}-{person.id}", person.tie)
        page.select_option(f"#valence-{exercise.id}-{person.id}", person.valence)
    page.locator(f"#oefening-{exercise.id} button[type=submit]").click()
    page.wait_for_url(re.compile(f"#oefening-{exercise.id}$"))
    expect(page.locator(f"#oefening-{exercise.id}")).to_contain_text("100% overeen")
    screenshot(page, "netwerkkaart-saved")
    page.get_by_role("link", name="Dagboek").first.click()
    page.wait_for_url(page.base_url + "/journal")
    expect(page.get_by_role("heading", name=exercise.title)).to_be_visible()


TRIADE_STEP_DONE = """([id, before]) => {
  const section = document.getElementById(id);
  const step = section && section.querySelector('input[name=step]');
  return section && (section.querySelector('.balance-meter') || (step && step.value !== before));
}"""


def test_student_holds_a_triadic_conversation_and_sees_the_balance(page):
    module, page_id, exercise = first_exercise("triadisch-gesprek", "triade")
    case = module.cases[exercise.case_id]
    register_new_learner(page)
    page.goto(f"{page.base_url}/modules/{module.id}/{page_id}")
    section = page.locator(f"#oefening-{exercise.id}")
    section.get_by_role("button", name="Begin het gesprek").click()
    expect(section.locator("input[name=step]")).to_have_value("1")
    path = []
    for _ in range(20):
        if section.locator(".balance-meter").count():
            break
        before = section.locator("input[name=step]").get_attribute("value")
        title = section.locator(".scene h3").inner_text()
        scene = next(s for s in case.scenes.values() if s.title == title)
        if section.get_by_role("radio").count():
            # Options are shuffled: pick the strongest by its value, not by its place.
            choice = strongest_choice(scene)
            section.locator(f'input[name=choice][value="{choice.index}"]').check()
            section.get_by_role("button", name="Kies").click()
            path.append((scene, choice))
        else:
            section.get_by_role("button", name="Verder").click()
        page.wait_for_function(TRIADE_STEP_DONE, arg=[f"oefening-{exercise.id}", before])
    balance = section.locator(".balance-meter")
    expect(balance).to_be_visible()
    counts = {"client": 0, "naaste": 0, "beiden": 0}
    for scene, choice in path:
        if scene.triadic and choice.addresses:
            counts[choice.addresses] += 1
    expect(balance).to_contain_text(
        f"Je richtte je {counts['client']} keer vooral tot de cliënt, {counts['naaste']} keer "
        f"tot de naaste en {counts['beiden']} keer tot beiden."
    )
    regie = sum(choice.scores.get("regie", 0) for _, choice in path)
    verdict = (
        "De regie bleef bij de cliënt." if regie >= 0 else "De regie schoof weg van de cliënt."
    )
    expect(balance).to_contain_text(f"{verdict} (regie-score {regie})")
    screenshot(page, "triade-balance")


def test_trainer_assigns_student_completes_trainer_sees_the_distribution(page):
    name = f"Reis {page.viewport_name} {uuid.uuid4().hex[:4]}"
    log_in(page, "trainer@kring.test")
    page.get_by_role("link", name="Sets en opdrachten").click()
    page.get_by_label("Naam van de set").fill(name)
    page.get_by_role("button", name="Set aanmaken").click()
    page.get_by_label("Casus of module").select_option(label="Casus: Tien jaar bij zijn zus")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    page.get_by_label("Inleveren uiterlijk").fill((date.today() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Opgeven", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    matrix_url = page.url
    screenshot(page, "trainer-matrix-before")
    page.get_by_role("link", name="Klas", exact=True).first.click()
    join_url = page.locator("#join-url").input_value()
    page.context.clear_cookies()

    register_new_learner(page)  # a fresh student, so the case is not done yet
    page.goto(join_url)
    page.get_by_role("button", name="Aansluiten").click()
    expect(page.get_by_text(re.compile("^Welkom in "))).to_be_visible()  # joined
    page.goto(page.base_url + "/")
    assert page.get_by_role("heading", name="Je opdrachten").is_visible()
    page.get_by_role("link", name=re.compile(f"Verder waar je was.*{name}")).click()
    page.get_by_role("button", name="Start de casus").click()
    page.wait_for_url(re.compile(r"/attempts/\d+$"))
    for _ in range(40):
        if "/debrief" in page.url:
            break
        take_case_step(page, case=library_case("zus-kan-niet-meer"))
    assert "/debrief" in page.url
    page.goto(page.base_url + "/")
    card = page.locator(".assignment-card", has_text=name)
    assert card.locator(".status-done, .status-late").count() == 1
    page.context.clear_cookies()

    log_in(page, "trainer@kring.test")
    page.goto(matrix_url)
    assert page.locator("tr", has_text="Nieuwe Leerling").locator(".status-done").count() >= 1
    page.get_by_role("link", name="Tien jaar bij zijn zus").first.click()
    assert page.get_by_role("heading", name=re.compile("Keuzes van de klas")).is_visible()
    assert page.locator("progress").count() > 2
    screenshot(page, "trainer-distribution")
    page.get_by_role("link", name="Projecteren in de klas").click()
    assert "Nieuwe Leerling" not in page.content()
    screenshot(page, "trainer-projection")
