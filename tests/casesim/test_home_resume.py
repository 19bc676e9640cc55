"""Home page (issue 14, item 10): the most recent place wins, down to the scene of a case."""

from __future__ import annotations

from tests.casesim.test_play_routes import start, step
from tests.factories import make_user
from tests.test_home_progress import learning_section


def test_resume_goes_to_the_scene_of_the_case_played_last(login, synced_case):
    client = login(make_user())
    client.post("/modules/mini-module/01-waarom/done")
    attempt_id = start(client)
    step(client, attempt_id, 1)
    section = learning_section(client)
    assert f'href="/attempts/{attempt_id}">Verder waar je was</a>' in section
    assert '<span lang="nl">Oefencasus triade</span> · <span lang="nl">Aan tafel</span>' in section
    assert 'href="/cases/oefen-triade" lang="nl">Oefencasus triade</a>' in section
    assert "Bezig" in section.split("Je casussen", 1)[1]
    client.post("/modules/mini-module/02-oefenen/done")  # reading again makes the module latest
    section = learning_section(client)
    assert f'href="/attempts/{attempt_id}">Verder waar je was</a>' not in section
