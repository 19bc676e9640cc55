"""Haakjes after checking (issue 14, item 14): each line annotated, the result in view."""

from __future__ import annotations

import re

from tests.factories import make_user

PAGE_2 = "/modules/mini-module/02-oefenen"
LINES = {
    "Rustig.": "geen haakje",
    "Zaterdag heb ik bij mijn neef naar de voetbal gekeken.": "gevonden haakje",
    "Ajax, natuurlijk. Het regende wel de hele dag.": "gemarkeerd, maar geen haakje",
    "Mijn telefoon gaat trouwens de hele tijd.": "gemist haakje",
}

VERDICT = r'<span class="verdict[^"]*">(?:<span aria-hidden="true">.</span> )?([^<]*)</span>'


def fragment_items(page: str) -> dict[str, str]:
    """Each transcript line's text -> the verdict shown on that line ('' when none)."""
    items = re.findall(r'<li class="fragment[^"]*">(.*?)</li>', page, re.S)
    lines = {}
    for item in items:
        says = re.search(r'<span class="says" lang="nl">(.*?)</span>', item).group(1)
        verdict = re.search(
            r'<span class="verdict[^"]*">(?:<span aria-hidden="true">.</span> )?([^<]*)</span>',
            item,
        )
        lines[says] = verdict.group(1).strip() if verdict else ""
    return lines


def test_checking_lands_on_the_result_and_annotates_every_line(login):
    client = login(make_user())
    response = client.post(
        "/modules/mini-module/exercises/maandagochtend", data={"fragment": ["3", "5"]}
    )
    assert response.headers["Location"].endswith(f"{PAGE_2}#resultaat-maandagochtend")
    page = client.get(PAGE_2).get_data(as_text=True)
    lines = fragment_items(page)
    assert len(lines) == 8
    for says, verdict in LINES.items():
        assert lines[says] == verdict, says
    assert list(lines.values()).count("geen haakje") == 5  # all lines that are no hook, unmarked
    result = page.index('id="resultaat-maandagochtend"')
    assert result < page.index('class="transcript"')  # the score comes first, then the lines
    assert "Je vond 1 van de 2 haakjes." in page[result:]


def test_before_checking_no_line_has_a_verdict(login):
    page = login(make_user()).get(PAGE_2).get_data(as_text=True)
    assert set(fragment_items(page).values()) == {""}
    assert 'id="resultaat-maandagochtend"' not in page


def test_the_instruction_fits_checkboxes_and_tapping(login):
    page = login(make_user()).get(PAGE_2).get_data(as_text=True)
    assert '<span class="hooks-plain">Vink elk fragment aan dat een haakje is.</span>' in page
    assert (
        '<span class="hooks-rich">Tik op elk fragment dat een haakje is, of selecteer de tekst '
        "met muis of vinger. Nog eens tikken haalt de markering weg.</span>" in page
    )


def test_other_kinds_still_land_on_the_exercise(login):
    client = login(make_user())
    response = client.post("/modules/mini-module/exercises/wie-eerst", data={"option": "1"})
    assert response.headers["Location"].endswith(
        "/modules/mini-module/01-waarom#oefening-wie-eerst"
    )
