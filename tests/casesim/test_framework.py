"""The competence-to-category mapping and the page that explains CIMO and the categories."""

from __future__ import annotations

from learn.casesim.framework import CATEGORY_SECTIONS, COMPETENCE_CATEGORIES, Link, links
from tests.content.support import VOCABULARY
from tests.factories import make_user


def test_every_competence_and_category_of_the_vocabulary_is_mapped():
    assert set(COMPETENCE_CATEGORIES) == set(VOCABULARY.competences)
    assert set(CATEGORY_SECTIONS) == set(VOCABULARY.categories)
    used = {c for cats in COMPETENCE_CATEGORIES.values() for c in cats}
    assert used == set(CATEGORY_SECTIONS) - {"randvoorwaarden"}


def test_links_follow_the_given_row_orders():
    assert links(["bewustwording", "samen-beslissen"], ["regie", "haakjes", "triade"]) == [
        Link(1, 0),
        Link(0, 1),
        Link(1, 2),
    ]


def test_links_leave_out_keys_not_shown():
    assert links(["bewustwording"], ["kring", "onbekend"]) == []


def test_the_framework_page_explains_cimo_and_draws_the_mapping(login):
    page = login(make_user()).get("/competenties").get_data(as_text=True)
    assert "CIMO" in page and "Social Network First? (2024), §1.3" in page
    assert page.count('class="framework-link"') == sum(map(len, COMPETENCE_CATEGORIES.values()))
    assert "Bewustwording van het netwerk" in page and "Netwerk bespreekbaar maken" in page


def test_profile_links_to_the_framework_page(login):
    page = login(make_user()).get("/profile").get_data(as_text=True)
    assert 'href="/competenties"' in page


def test_the_framework_page_needs_a_login(client):
    assert client.get("/competenties").status_code == 302
