"""Network map (issue 14, items 9 and 12): one name per sector everywhere, a legend, English."""

from __future__ import annotations

import re
from html import unescape

from learn.exercises import mapdraw
from tests.factories import make_user
from tests.lessons.test_lessons_routes import PAGE_2, map_form, post

NAMES = ["Familie", "Vrienden en kennissen", "Buren, collega's en verenigingen", "Professionals"]
LEGEND = [
    "doorgetrokken lijn: sterke band",
    "gestippelde lijn: zwakke band",
    "groen: steunend",
    "rood: belastend",
    "oranje: ambivalent",
]


def sector_texts(page: str) -> list[str]:
    """The sector labels of the first map on the page; every other map must repeat them."""
    found = [unescape(t) for t in re.findall(r'<text class="map-sector"[^>]*>([^<]*)</text>', page)]
    assert found and found == found[:4] * (len(found) // 4)
    return found[:4]


def sector_options(page: str, person: str) -> list[str]:
    select = page.split(f'name="sector-{person}"', 1)[1].split("</select>", 1)[0]
    return [unescape(t) for t in re.findall(r'<option value="\w+"[^>]*>([^<]*)</option>', select)]


def test_map_selects_and_results_use_the_same_sector_names(login):
    client = login(make_user())
    post(client, "kaart-rob", map_form(**{"sector-neef": "vrienden"}))
    page = client.get(PAGE_2).get_data(as_text=True)
    assert sector_texts(page) == NAMES
    assert sector_options(page, "neef") == NAMES
    assert "✗ Familie" in page  # the neef belongs with the family
    journal = client.get("/journal").get_data(as_text=True)
    assert sector_texts(journal) == NAMES
    download = client.get("/journal/download").get_data(as_text=True)
    assert "| vrienden en kennissen |" in download
    assert "| buren, collega's en verenigingen |" in download


def test_the_map_has_a_legend_while_drawing_and_in_the_journal(login):
    client = login(make_user())
    page = client.get(PAGE_2).get_data(as_text=True)
    assert all(item in page for item in LEGEND)
    post(client, "kaart-rob", map_form())
    assert all(item in client.get("/journal").get_data(as_text=True) for item in LEGEND)


def test_sector_names_are_english_in_english_mode(login):
    page = login(make_user(language="en")).get(PAGE_2).get_data(as_text=True)
    english = ["Family", "Friends and acquaintances", "Neighbours, colleagues and associations"]
    assert sector_texts(page)[:3] == english
    assert sector_options(page, "neef")[:3] == english
    assert "solid line: strong tie" in page


def test_one_name_per_sector_key():
    assert list(mapdraw.SECTOR_NAMES) == ["familie", "vrienden", "maatschappelijk", "professionals"]
