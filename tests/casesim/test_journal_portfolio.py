"""The journal as a portfolio (issue 14, item 16): finished cases with path, scores and
the choices the learner would now make differently; on the page and in the download."""

from __future__ import annotations

from tests.casesim.test_play_routes import start, step
from tests.factories import make_user

ASK_KIM = "Je vraagt Kim wat zij wil dat er vandaag besproken wordt."
ASK_ANS = "Je vraagt Ans wat haar zorgen zijn."


def play(client, choices):
    attempt_id = start(client, token=f"{len(choices)}{choices}".ljust(24, "x"))
    step(client, attempt_id, 1)
    for number, choice in enumerate(choices, start=2):
        step(client, attempt_id, number, choice)
    return attempt_id


def test_a_detour_shows_its_route_scores_and_the_stronger_choices(login, synced_case):
    client = login(make_user())
    play(client, [2, 2])  # Ans first, then close the conversation
    page = client.get("/journal").get_data(as_text=True)
    assert "Oefencasus triade" in page and "einde: Dicht" in page
    assert 'Aan tafel</span>: <span class="choice-text" lang="nl">' + ASK_ANS in page
    differently = page.split("Wat je nu anders zou kiezen", 1)[1].split("</article>", 1)[0]
    assert ASK_ANS in differently and ASK_KIM in differently
    assert "Triadisch werken" in page  # the score table
    download = client.get("/journal/download").get_data(as_text=True)
    assert "## Casussen" in download and "### Oefencasus triade (" in download
    assert "Einde: Dicht" in download
    assert f"1. Aan tafel: {ASK_ANS}" in download
    assert f"- Aan tafel: in plaats van “{ASK_ANS}” de sterkste keuze “{ASK_KIM}”" in download
    assert "| totaal | 0% |" in download


def test_the_strongest_route_leaves_nothing_to_choose_differently(login, synced_case):
    client = login(make_user())
    play(client, [1, 1])
    page = client.get("/journal").get_data(as_text=True)
    assert "Niets: je volgde bij elke keuze de sterkste route." in page
    download = client.get("/journal/download").get_data(as_text=True)
    assert "- niets: je volgde bij elke keuze de sterkste route" in download
    assert "| totaal | 100% |" in download
    assert "| Triadisch werken | 100% |" in download


def test_unfinished_and_other_learners_cases_stay_out(login, synced_case):
    other = login(make_user(email="ander@example.test"))
    play(other, [1, 1])
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 1)
    page = client.get("/journal").get_data(as_text=True)
    assert "Jouw route" not in page and "Oefencasus triade" not in page
    assert "## Casussen" not in client.get("/journal/download").get_data(as_text=True)


def test_the_journal_offers_printing_as_pdf(login, synced_case):
    page = login(make_user()).get("/journal").get_data(as_text=True)
    assert '<button type="button" class="button" data-print hidden>' in page
    assert "kies bij Afdrukken in je browser ‘Opslaan als pdf’." in page
