"""Tests audit §6.1: random answers reach every exercise parser (not only the reflection the
route matrix uses): each kind answers 302 (saved) or 400 (refused), never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_user
from tests.security.test_form_fuzz import VALUES

PEOPLE = ("neef", "begeleider", "oud-buurman", "onbekend", "neef-2")
MAP_FIELDS = [
    f"{kind}-{person}" for kind in ("sector", "ring", "tie", "valence") for person in PEOPLE
]
FIELDS = ["text", "option", "fragment", *MAP_FIELDS]
PLAUSIBLE = st.one_of(
    VALUES,
    st.sampled_from(["familie", "vrienden", "maatschappelijk", "professionals", "3", "sterk"]),
    st.sampled_from(["zwak", "steunend", "belastend", "ambivalent", "8"]),
)
FORMS = st.dictionaries(
    st.sampled_from(FIELDS), st.one_of(PLAUSIBLE, st.lists(PLAUSIBLE, max_size=4)), max_size=14
)


@pytest.mark.parametrize("exercise", ["eigen-kring", "wie-eerst", "maandagochtend", "kaart-rob"])
def test_random_answers_to_each_exercise_kind_are_saved_or_refused(login, exercise):
    client = login(make_user())
    seen: set[int] = set()

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(FORMS)
    def post_random(form):
        response = client.post(f"/modules/mini-module/exercises/{exercise}", data=form)
        assert response.status_code in (302, 400), (exercise, form)
        seen.add(response.status_code)

    post_random()
    assert 400 in seen  # the parser was reached and refused something
