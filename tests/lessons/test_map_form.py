"""The network map without JavaScript: one group of fields per person, and a form filled in
group by group is stored and scored exactly as before."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.factories import make_user
from tests.lessons.test_lessons_routes import PAGE_2, answer_row, map_form, post


class _PersonGroups(HTMLParser):
    """Per fieldset of the map form: its legend and the names of the selects inside it;
    `loose` collects map selects outside any person's fieldset."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[dict] = []
        self.loose: list[str] = []
        self._group: dict | None = None
        self._in_legend = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "fieldset" and "map-person-fields" in (attributes.get("class") or ""):
            self._group = {"person": attributes["data-person"], "legend": "", "selects": []}
            self.groups.append(self._group)
        elif tag == "legend" and self._group is not None:
            self._in_legend = True
        elif tag == "select" and attributes.get("name", "").split("-")[0] in FIELDS:
            (self._group["selects"] if self._group else self.loose).append(attributes["name"])

    def handle_endtag(self, tag):
        if tag == "fieldset":
            self._group = None
        elif tag == "legend":
            self._in_legend = False

    def handle_data(self, data):
        if self._in_legend:
            self._group["legend"] += data.strip()


FIELDS = ("sector", "ring", "tie", "valence")
PEOPLE = {"neef": "Neef Dave", "begeleider": "Anouk", "oud-buurman": "Oud-buurman Kees"}


def groups_on_page(client) -> _PersonGroups:
    parser = _PersonGroups()
    parser.feed(client.get(PAGE_2).get_data(as_text=True))
    return parser


def test_each_person_has_one_group_named_after_them_with_their_four_fields(login):
    parsed = groups_on_page(login(make_user()))
    assert parsed.loose == []
    assert [(g["person"], g["legend"]) for g in parsed.groups] == list(PEOPLE.items())
    for group in parsed.groups:
        assert group["selects"] == [f"{field}-{group['person']}" for field in FIELDS]


def test_a_form_filled_in_group_by_group_is_stored_and_scored_as_before(login):
    user = make_user()
    client = login(user)
    answers = map_form(**{"ring-oud-buurman": "2"})  # one ring off: half a point of twelve
    form = {
        name: answers[name] for group in groups_on_page(client).groups for name in group["selects"]
    }
    assert post(client, "kaart-rob", form).status_code == 302
    row = answer_row(user, "kaart-rob")
    assert row.result == {"percent": 96}
    assert row.answer["placements"]["oud-buurman"] == {
        "sector": "maatschappelijk", "ring": 2, "tie": "zwak", "valence": "steunend"
    }  # fmt: skip
    assert set(row.answer["placements"]) == set(PEOPLE)


def test_the_drawing_map_is_a_group_with_a_live_message_and_the_saved_map_an_image(login):
    client = login(make_user())
    post(client, "kaart-rob", map_form())
    page = client.get(PAGE_2).get_data(as_text=True)
    drawing, saved = page.split('data-map="drag-kaart-rob"')[0], page.split("saved-kaart-rob")[0]
    assert drawing.rsplit("<svg", 1)[1].count('role="group"') == 1
    assert saved.rsplit("<svg", 1)[1].count('role="img"') == 1
    assert 'aria-live="polite" data-map-status' in page
    assert 'data-placed="{name}: {sector}, kring {ring}."' in page
