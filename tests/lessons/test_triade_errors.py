"""Tests audit §6.8: the error paths of the triadic exercise played inside a module page
(the same rules as /attempts/..., reached through lessons/routes.py): what the learner is
told, and that nothing is stored or changed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from learn.casesim.models import Attempt, AttemptStep
from learn.casesim.services import sync_cases
from learn.config import PROJECT_ROOT
from learn.extensions import db
from learn.lessons.services import save_answer
from tests.conftest import FIXTURE_MODULES
from tests.factories import make_user
from tests.lessons.test_lessons_routes import PAGE_2, answer_row

EXERCISE = "/modules/mini-module/exercises/moeder-triade"
BACK = f"{PAGE_2}#oefening-moeder-triade"
BAD_REQUEST = "Het formulier of de link was niet volledig. Ga terug en probeer het opnieuw."


@pytest.fixture
def synced(app):
    sync_cases(PROJECT_ROOT / "cases", FIXTURE_MODULES)


def started(login, user):
    client = login(user)
    response = client.post(f"{EXERCISE}/start", data={"start_token": "m" * 24})
    assert response.status_code == 302 and response.headers["Location"] == BACK
    return client, db.session.get(Attempt, answer_row(user, "moeder-triade").answer["attempt_id"])


def stored_steps(attempt):
    db.session.expire_all()
    steps = db.session.scalars(
        select(AttemptStep).where(AttemptStep.attempt_id == attempt.id).order_by(AttemptStep.number)
    )
    return [(s.number, s.scene_id, s.choice_index) for s in steps]


def test_a_step_without_a_choice_is_sent_back_with_the_error_on_the_page(login, synced):
    user = make_user()
    client, attempt = started(login, user)
    response = client.post(f"{EXERCISE}/step", data={"step": "1"})
    assert response.headers["Location"] == BACK
    page = client.get(BACK).get_data(as_text=True)
    assert '<div class="flashes">' in page and "Kies eerst wat je doet." in page
    assert 'name="step" value="1"' in page  # still the first decision
    assert stored_steps(attempt) == []


def test_a_choice_that_does_not_exist_is_sent_back_with_the_error(login, synced):
    user = make_user()
    client, attempt = started(login, user)
    client.post(f"{EXERCISE}/step", data={"step": "1", "choice": "3"})
    assert "Kies eerst wat je doet." in client.get(BACK).get_data(as_text=True)
    assert stored_steps(attempt) == []


def test_choosing_again_on_an_earlier_step_keeps_the_first_choice(login, synced):
    user = make_user()
    client, attempt = started(login, user)
    client.post(f"{EXERCISE}/step", data={"step": "1", "choice": "1"})
    response = client.post(f"{EXERCISE}/step", data={"step": "1", "choice": "2"})
    assert response.headers["Location"] == BACK
    page = client.get(BACK).get_data(as_text=True)
    assert "Je had hier al gekozen. Je keuze staat vast." in page
    assert stored_steps(attempt) == [(1, "apart", 1)]


def test_a_repeated_post_of_the_same_choice_is_silent_and_stored_once(login, synced):
    user = make_user()
    client, attempt = started(login, user)
    for _ in range(2):
        client.post(f"{EXERCISE}/step", data={"step": "1", "choice": "1"})
    page = client.get(BACK).get_data(as_text=True)
    assert "Je had hier al gekozen" not in page and "Kies eerst" not in page
    assert stored_steps(attempt) == [(1, "apart", 1)]


@pytest.mark.parametrize("step", ["", "0", "twee"])
def test_a_step_without_a_valid_number_is_400(login, synced, step):
    user = make_user()
    client, attempt = started(login, user)
    response = client.post(f"{EXERCISE}/step", data={"step": step, "choice": "1"})
    assert response.status_code == 400
    assert BAD_REQUEST in response.get_data(as_text=True)
    assert stored_steps(attempt) == []


def test_a_step_on_someone_elses_attempt_is_404_and_changes_nothing(login, synced):
    owner = make_user()
    _, attempt = started(login, owner)
    intruder = make_user()
    save_answer(
        intruder, "mini-module", "moeder-triade", "triade", answer={"attempt_id": attempt.id}
    )
    response = login(intruder).post(f"{EXERCISE}/step", data={"step": "1", "choice": "1"})
    assert response.status_code == 404
    assert stored_steps(attempt) == []


@pytest.mark.parametrize("token", ["", "k" * 15, "k" * 65])
def test_a_start_token_of_the_wrong_length_is_400_and_starts_nothing(login, synced, token):
    user = make_user()
    response = login(user).post(f"{EXERCISE}/start", data={"start_token": token})
    assert response.status_code == 400
    assert answer_row(user, "moeder-triade") is None
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_starting_an_exercise_that_plays_no_case_is_400(login, synced):
    user = make_user()
    response = login(user).post(
        "/modules/mini-module/exercises/eigen-kring/start", data={"start_token": "m" * 24}
    )
    assert response.status_code == 400
    assert answer_row(user, "eigen-kring") is None


def test_starting_before_the_case_is_synced_is_404(login, app):
    user = make_user()
    response = login(user).post(f"{EXERCISE}/start", data={"start_token": "m" * 24})
    assert response.status_code == 404
    assert answer_row(user, "moeder-triade") is None


def test_a_triade_cannot_be_answered_as_a_form(login, synced):
    user = make_user()
    response = login(user).post(EXERCISE, data={"text": "klaar", "choice": "1"})
    assert response.status_code == 400
    assert answer_row(user, "moeder-triade") is None
