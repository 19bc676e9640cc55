"""Tests audit §6.2 and §6.6: boundaries asserted on the accepted side as well as the
refused side, and whole messages (with their parameters) instead of two-word substrings."""

from __future__ import annotations

import pytest

from tests.factories import make_user
from tests.lessons.test_lessons_routes import answer_row, post


def test_a_reflection_of_exactly_5000_characters_is_saved(login):
    user = make_user()
    text = "x" * 5000
    response = post(login(user), "eigen-kring", {"text": text})
    assert response.status_code == 302
    assert answer_row(user, "eigen-kring").text == text


def test_one_character_over_the_limit_names_the_limit(login):
    response = post(login(make_user()), "eigen-kring", {"text": "x" * 5001})
    assert response.status_code == 400
    assert "Je antwoord is te lang: hoogstens 5000 tekens." in response.get_data(as_text=True)


@pytest.mark.parametrize(("first", "last"), [("1", "8")])
def test_the_first_and_last_fragment_can_be_marked(login, first, last):
    user = make_user()
    response = post(login(user), "maandagochtend", {"fragment": [first, last]})
    assert response.status_code == 302
    assert answer_row(user, "maandagochtend").answer["marked"] == [1, 8]


@pytest.mark.parametrize("outside", ["0", "9"])
def test_just_outside_the_transcript_is_refused_with_the_whole_message(login, outside):
    user = make_user()
    response = post(login(user), "maandagochtend", {"fragment": [outside]})
    assert response.status_code == 400
    assert "Een gemarkeerd fragment bestaat niet." in response.get_data(as_text=True)
    assert answer_row(user, "maandagochtend") is None
