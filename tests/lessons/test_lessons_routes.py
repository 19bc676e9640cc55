"""Modules over HTTP: progress, every exercise type, bad input, the journal."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from learn.casesim.models import Attempt
from learn.casesim.services import sync_cases
from learn.config import PROJECT_ROOT
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer, ModuleCompletion, PageProgress
from learn.lessons.services import save_answer
from tests.conftest import FIXTURE_MODULES
from tests.factories import make_user

PAGE_1 = "/modules/mini-module/01-waarom"
PAGE_2 = "/modules/mini-module/02-oefenen"


def post(client, exercise, data):
    return client.post(f"/modules/mini-module/exercises/{exercise}", data=data)


def answer_row(user, exercise):
    return db.session.scalar(
        select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == user.id, ExerciseAnswer.exercise_id == exercise
        )
    )


def map_form(**changes):
    form = {
        "sector-neef": "familie", "ring-neef": "2", "tie-neef": "sterk", "valence-neef": "steunend",
        "sector-begeleider": "professionals", "ring-begeleider": "1", "tie-begeleider": "sterk",
        "valence-begeleider": "ambivalent", "sector-oud-buurman": "maatschappelijk",
        "ring-oud-buurman": "3", "tie-oud-buurman": "zwak", "valence-oud-buurman": "steunend",
    }  # fmt: skip
    form.update(changes)
    return form


def test_overview_shows_progress_and_it_moves(login):
    user = make_user()
    client = login(user)
    page = client.get("/modules").get_data(as_text=True)
    assert "Een kleine module" in page and 'value="0" max="7"' in page
    assert "0 van 2 pagina's gelezen" in page and "0 van 5 oefeningen gedaan" in page
    response = client.post(f"{PAGE_1}/done")
    assert response.headers["Location"].endswith(PAGE_2)
    assert 'value="1" max="7"' in client.get("/modules").get_data(as_text=True)
    client.post(f"{PAGE_1}/done")  # a second click stores nothing twice
    assert db.session.scalar(select(func.count()).select_from(PageProgress)) == 1


def test_reading_every_page_without_the_exercises_does_not_finish_the_module(login):
    user = make_user()
    client = login(user)
    client.post(f"{PAGE_1}/done")
    response = client.post(f"{PAGE_2}/done")
    assert response.headers["Location"].endswith("/modules/mini-module")
    assert db.session.scalar(select(func.count()).select_from(ModuleCompletion)) == 0
    overview = client.get("/modules").get_data(as_text=True)
    assert "2 van 2 pagina's gelezen" in overview and "0 van 5 oefeningen gedaan" in overview
    assert "Afgerond op" not in overview


def test_plain_next_link_does_not_mark_the_page_read(login):
    client = login(make_user())
    page = client.get(PAGE_1).get_data(as_text=True)
    assert f'href="{PAGE_2}"' in page and "Volgende" in page
    assert db.session.scalar(select(func.count()).select_from(PageProgress)) == 0


def test_finishing_the_last_page_completes_the_module_once(login):
    user = make_user()
    client = login(user)
    save_answer(user, "mini-module", "eigen-kring", "reflectie", text="Mijn zus.")
    for exercise, kind in [("wie-eerst", "meerkeuze"), ("maandagochtend", "haakjes"),
                           ("kaart-rob", "netwerkkaart")]:  # fmt: skip
        save_answer(user, "mini-module", exercise, kind, result={"x": 1})
    save_answer(user, "mini-module", "moeder-triade", "triade", answer={"attempt_id": 1})
    client.post(f"{PAGE_1}/done")
    client.post(f"{PAGE_2}/done")
    assert db.session.scalar(select(func.count()).select_from(ModuleCompletion)) == 0
    save_answer(user, "mini-module", "moeder-triade", "triade", result={"regie": 1})
    response = client.post(f"{PAGE_2}/done")
    assert response.headers["Location"].endswith("/modules/mini-module#oefenen")
    client.post(f"{PAGE_2}/done")
    assert db.session.scalar(select(func.count()).select_from(ModuleCompletion)) == 1
    overview = client.get("/modules").get_data(as_text=True)
    assert "Afgerond op" in overview


def test_module_page_resumes_and_links_practice_cases(login, app):
    sync_cases(PROJECT_ROOT / "cases")
    client = login(make_user())
    client.post(f"{PAGE_1}/done")
    page = client.get("/modules/mini-module").get_data(as_text=True)
    assert f'href="{PAGE_2}"' in page and "Verder lezen" in page
    assert "/cases/geen-netwerk-whatsapp" in page


def test_unknown_module_page_or_exercise_is_404(login):
    client = login(make_user())
    assert client.get("/modules/bestaat-niet").status_code == 404
    assert client.get("/modules/mini-module/99-niets").status_code == 404
    assert post(client, "bestaat-niet", {}).status_code == 404


def test_reflection_is_saved_as_typed_and_shown_escaped(login):
    user = make_user()
    client = login(user)
    text = "Mijn zus <script>alert(1)</script>\nen de buurman"
    response = post(client, "eigen-kring", {"text": text})
    assert response.headers["Location"].endswith(f"{PAGE_1}#oefening-eigen-kring")
    assert answer_row(user, "eigen-kring").text == text
    journal = client.get("/journal").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in journal and "<script>alert" not in journal


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Schrijf eerst je antwoord."),
        ("x" * 5001, "Je antwoord is te lang: hoogstens 5000 tekens."),
    ],
)
def test_empty_or_oversized_reflection_keeps_the_saved_one_and_the_draft(login, text, message):
    user = make_user()
    client = login(user)
    post(client, "eigen-kring", {"text": "Eerste versie"})
    response = post(client, "eigen-kring", {"text": text})
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and message in body
    if text.strip():
        assert text in body  # the draft is shown again, not lost
    assert answer_row(user, "eigen-kring").text == "Eerste versie"


def test_meerkeuze_gives_feedback_for_the_chosen_option(login):
    user = make_user()
    client = login(user)
    post(client, "wie-eerst", {"option": "2"})
    page = client.get(PAGE_1).get_data(as_text=True)
    assert "Niet helemaal." in page and "Zonder toestemming deel je al informatie." in page
    assert 'Bron: <span lang="nl">Social Network First? (2024), §4.5.3</span>' in page
    assert answer_row(user, "wie-eerst").result == {"correct": False}
    post(client, "wie-eerst", {"option": "1"})
    assert answer_row(user, "wie-eerst").result == {"correct": True}
    assert db.session.scalar(select(func.count()).select_from(ExerciseAnswer)) == 1


@pytest.mark.parametrize("option", ["", "7", "een"])
def test_meerkeuze_without_a_valid_option_is_refused(login, option):
    user = make_user()
    response = post(login(user), "wie-eerst", {"option": option})
    assert response.status_code == 400 and "Kies een antwoord." in response.get_data(as_text=True)
    assert answer_row(user, "wie-eerst") is None


def test_haakjes_without_javascript_scores_and_names_missed_hooks(login):
    user = make_user()
    client = login(user)
    post(client, "maandagochtend", {"fragment": ["3", "5"]})
    assert answer_row(user, "maandagochtend").result == {"precision": 0.5, "recall": 0.5}
    page = client.get(PAGE_2).get_data(as_text=True)
    assert "Je vond 1 van de 2 haakjes" in page
    assert "Haakjes die je miste" in page and "Populair vandaag! Wie zit er achter je aan?" in page
    assert 'value="3" checked' in page  # the marks are kept on the form


@pytest.mark.parametrize("fragments", [["99"], ["x"], ["0"]])
def test_tampered_hook_indices_are_a_clear_400_and_lose_nothing(login, fragments):
    user = make_user()
    client = login(user)
    post(client, "maandagochtend", {"fragment": ["3"]})
    response = post(client, "maandagochtend", {"fragment": fragments})
    assert response.status_code == 400
    assert "Een gemarkeerd fragment bestaat niet." in response.get_data(as_text=True)
    assert answer_row(user, "maandagochtend").answer == {"marked": [3]}


def test_network_map_is_scored_saved_and_drawn(login):
    user = make_user()
    client = login(user)
    post(client, "kaart-rob", map_form(**{"tie-oud-buurman": "sterk", "ring-oud-buurman": "2"}))
    row = answer_row(user, "kaart-rob")
    assert row.answer["placements"]["oud-buurman"] == {
        "sector": "maatschappelijk", "ring": 2, "tie": "sterk", "valence": "steunend"
    }  # fmt: skip
    page = client.get(PAGE_2).get_data(as_text=True)
    assert "Zwakke banden die je over het hoofd zag" in page
    assert "Wie woonde er naast je in je vorige straat?" in page
    assert 'class="network-map"' in page
    journal = client.get("/journal").get_data(as_text=True)
    assert "Het netwerk van Rob" in journal and "Oud-buurman Kees" in journal


@pytest.mark.parametrize(
    "changes",
    [
        {"ring-neef": "9"},
        {"sector-neef": "buren"},
        {"sector-onbekend": "familie"},
        {"tie-neef": ""},
    ],
)
def test_tampered_map_answers_are_refused_and_the_saved_map_stays(login, changes):
    user = make_user()
    client = login(user)
    post(client, "kaart-rob", map_form())
    response = post(client, "kaart-rob", map_form(**changes))
    assert response.status_code == 400
    assert answer_row(user, "kaart-rob").result == {"percent": 100}


@pytest.mark.parametrize(
    ("pick", "result", "verdict"),
    [
        (
            "1",
            {"client": 1, "naaste": 0, "beiden": 0, "regie_points": 3, "regie_with_client": True},
            "De regie bleef bij de cliënt.",
        ),
        (
            "2",
            {"client": 0, "naaste": 1, "beiden": 0, "regie_points": -3, "regie_with_client": False},
            "De regie schoof weg van de cliënt.",
        ),
    ],
)
def test_triadic_exercise_plays_inside_the_page_and_shows_the_balance(
    login, app, pick, result, verdict
):
    sync_cases(PROJECT_ROOT / "cases", FIXTURE_MODULES)
    user = make_user()
    client = login(user)
    client.post(
        "/modules/mini-module/exercises/moeder-triade/start", data={"start_token": "m" * 24}
    )
    for number in ("1", "2"):  # the same choice (by its value, not its shown place) twice
        page = client.get(PAGE_2).get_data(as_text=True)
        assert f'name="step" value="{number}"' in page
        assert sorted(re.findall(r'name="choice" value="(\d+)"', page)) == ["1", "2"]
        response = client.post(
            "/modules/mini-module/exercises/moeder-triade/step",
            data={"step": number, "choice": pick},
        )
        assert response.status_code == 302
    page = client.get(PAGE_2).get_data(as_text=True)
    assert "Balans in je aandacht" in page
    client_n, naaste_n, beiden_n = result["client"], result["naaste"], result["beiden"]
    assert (
        f"Je richtte je {client_n} keer vooral tot de cliënt, {naaste_n} keer tot de naaste "
        f"en {beiden_n} keer tot beiden."
    ) in page
    assert verdict in page
    other = {"De regie bleef bij de cliënt.", "De regie schoof weg van de cliënt."} - {verdict}
    assert other.pop() not in page
    assert f"(regie-score {result['regie_points']})" in page
    assert answer_row(user, "moeder-triade").result == result


def test_triade_step_without_a_started_conversation_is_400(login, app):
    sync_cases(PROJECT_ROOT / "cases", FIXTURE_MODULES)
    user = make_user()
    response = login(user).post(
        "/modules/mini-module/exercises/moeder-triade/step", data={"step": "1", "choice": "1"}
    )
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in response.get_data(as_text=True)
    assert answer_row(user, "moeder-triade") is None
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_journal_lists_edits_and_downloads(login):
    user = make_user(name="Sam")
    client = login(user)
    post(client, "eigen-kring", {"text": "Mijn buurvrouw"})
    post(client, "kaart-rob", map_form())
    row = answer_row(user, "eigen-kring")
    response = client.post(f"/journal/{row.id}/edit", data={"text": "Mijn buurvrouw en haar hond"})
    assert response.status_code == 302
    db.session.refresh(row)
    assert row.text == "Mijn buurvrouw en haar hond"
    download = client.get("/journal/download")
    assert download.headers["Content-Disposition"] == 'attachment; filename="kring-dagboek.md"'
    text = download.get_data(as_text=True)
    assert text.startswith("# Dagboek van Sam")
    assert "Mijn buurvrouw en haar hond" in text and "| Oud-buurman Kees | buren" in text


def test_editing_a_reflection_to_empty_keeps_the_old_text(login):
    user = make_user()
    client = login(user)
    post(client, "eigen-kring", {"text": "Bewaard"})
    row = answer_row(user, "eigen-kring")
    response = client.post(f"/journal/{row.id}/edit", data={"text": " "})
    assert response.status_code == 400
    db.session.refresh(row)
    assert row.text == "Bewaard"


def test_another_learners_journal_entry_is_404(login):
    owner = make_user()
    post(login(owner), "eigen-kring", {"text": "Privé"})
    row = answer_row(owner, "eigen-kring")
    intruder = login(make_user())
    assert intruder.get(f"/journal/{row.id}/edit").status_code == 404
    assert (
        intruder.post(f"/journal/{row.id}/edit", data={"text": "overschreven"}).status_code == 404
    )
    assert "Privé" not in intruder.get("/journal").get_data(as_text=True)
    db.session.refresh(row)
    assert row.text == "Privé"


def shown_options(page: str, exercise_id: str) -> list[int]:
    return [int(v) for v in re.findall(rf'id="opt-{exercise_id}-(\d+)"', page)]


def test_quiz_options_keep_one_order_per_learner_and_differ_between_learners(login):
    orders = set()
    for n in range(8):
        client = login(make_user(email=f"quiz{n}@example.org"))
        first = shown_options(client.get(PAGE_1).get_data(as_text=True), "wie-eerst")
        assert first == shown_options(client.get(PAGE_1).get_data(as_text=True), "wie-eerst")
        assert sorted(first) == [1, 2]
        orders.add(tuple(first))
    assert len(orders) == 2


def test_a_page_shows_its_figure_which_is_served_as_checked_svg(client, login):
    anonymous = client.get("/modules/mini-module/figures/kring.svg")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    client = login(make_user())
    page = client.get(PAGE_1).get_data(as_text=True)
    assert (
        '<figure><img alt="Een cirkel met Rob in het midden: zijn kring." '
        'src="/modules/mini-module/figures/kring.svg"></figure>'
    ) in page
    response = client.get("/modules/mini-module/figures/kring.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.data == (FIXTURE_MODULES / "mini-module" / "figures" / "kring.svg").read_bytes()
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    for path in (
        "/modules/mini-module/figures/ander.svg",
        "/modules/mini-module/figures/..%2Fmodule.yaml.svg",
        "/modules/mini-module/figures/kring.png",
        "/modules/geen-module/figures/kring.svg",
        "/modules/mini-module/figures/%2E%2E/module.yaml",
    ):
        assert client.get(path).status_code == 404, path
