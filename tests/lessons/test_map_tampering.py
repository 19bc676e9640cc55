"""Tests audit §6.5: the network map's tamper checks per field kind. Every kind of field
(sector, ring, tie, valence) naming someone who is not in the description, and every field
left out, gives its own clear message; person ids may contain hyphens."""

from __future__ import annotations

import pytest

from learn.exercises.base import AnswerError
from learn.exercises.model import MapPerson
from learn.exercises.netwerkkaart import Placement, parse_placements
from tests.factories import make_user
from tests.lessons.test_lessons_routes import answer_row, map_form, post
from tests.lessons.test_scoring import PEOPLE, placements

KINDS = ("sector", "ring", "tie", "valence")
VALID = {"sector": "familie", "ring": "2", "tie": "sterk", "valence": "steunend"}
STRANGER = "Op de kaart staat iemand die niet in de beschrijving voorkomt."
INCOMPLETE = "Plaats %(name)s helemaal: sector, kring, band en lading."
# "neef-2" is unknown although "neef" is known: the id is everything after the first hyphen.
UNKNOWN = ("onbekend", "neef-2", "kees-neef")


@pytest.mark.parametrize("person", UNKNOWN)
@pytest.mark.parametrize("kind", KINDS)
def test_any_field_for_someone_not_in_the_description_is_refused(kind, person):
    form = placements(**{f"{kind}-{person}": VALID[kind]})
    with pytest.raises(AnswerError) as refused:
        parse_placements(form, PEOPLE)
    assert (refused.value.message, refused.value.params) == (STRANGER, {})


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_field_names_the_person_to_place(kind):
    form = placements()
    del form[f"{kind}-neef"]
    with pytest.raises(AnswerError) as refused:
        parse_placements(form, PEOPLE)
    assert (refused.value.message, refused.value.params) == (INCOMPLETE, {"name": "Neef Dave"})


def test_a_person_id_with_hyphens_is_read_whole():
    people = (
        *PEOPLE,
        MapPerson("oud-buurman", "Kees", "maatschappelijk", 3, "zwak", "steunend", "?"),
    )
    form = placements(
        **{"sector-oud-buurman": "vrienden", "ring-oud-buurman": "1",
           "tie-oud-buurman": "zwak", "valence-oud-buurman": "belastend"}
    )  # fmt: skip
    parsed = parse_placements(form, people)
    assert parsed["oud-buurman"] == Placement("vrienden", 1, "zwak", "belastend")
    assert set(parsed) == {"neef", "kees", "oud-buurman"}


# --- the same over HTTP: a clear 400 on the page, nothing stored or overwritten ----------------


@pytest.mark.parametrize("person", ["onbekend", "neef-2"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_tampered_map_is_a_clear_400_and_stores_nothing(login, kind, person):
    user = make_user()
    response = post(login(user), "kaart-rob", map_form(**{f"{kind}-{person}": VALID[kind]}))
    assert response.status_code == 400
    assert STRANGER in response.get_data(as_text=True)
    assert answer_row(user, "kaart-rob") is None


@pytest.mark.parametrize("kind", KINDS)
def test_a_field_left_out_names_the_person_and_keeps_the_saved_map(login, kind):
    user = make_user()
    client = login(user)
    post(client, "kaart-rob", map_form())
    form = map_form(**{"ring-begeleider": "3"})
    del form[f"{kind}-oud-buurman"]
    response = post(client, "kaart-rob", form)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Plaats Oud-buurman Kees helemaal: sector, kring, band en lading." in page
    row = answer_row(user, "kaart-rob")
    assert row.result == {"percent": 100}
    assert row.answer["placements"]["begeleider"]["ring"] == 1


def test_a_person_with_a_hyphenated_id_is_saved_under_that_id(login):
    user = make_user()
    response = post(login(user), "kaart-rob", map_form(**{"valence-oud-buurman": "belastend"}))
    assert response.status_code == 302
    placed = answer_row(user, "kaart-rob").answer["placements"]
    assert set(placed) == {"neef", "begeleider", "oud-buurman"}
    assert placed["oud-buurman"]["valence"] == "belastend"
