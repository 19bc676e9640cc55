"""Home page (issue 14, item 10): where you were (the exact page or scene), progress per
module and case, and the next suggested step."""

from __future__ import annotations

import re

from tests.factories import make_user


def learning_section(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return page.split('id="learning-heading"', 1)[1].split("</section>", 1)[0]


def test_a_new_learner_gets_a_first_step_and_no_resume(login):
    section = learning_section(login(make_user()))
    assert "Verder waar je was" not in section
    assert "Voorgestelde volgende stap:" in section
    assert 'href="/modules/mini-module/01-waarom"' in section


def test_resume_goes_to_the_next_unread_page_with_module_progress(login):
    client = login(make_user())
    client.post("/modules/mini-module/01-waarom/done")
    section = learning_section(client)
    resume = r'<a class="button button-primary" href="/modules/mini-module/02-oefenen">Verder'
    assert re.search(resume, section)
    assert "Een kleine module" in section
    assert "1 van 2 pagina's gelezen, 0 van 5 oefeningen gedaan" in section.replace("&#39;", "'")
