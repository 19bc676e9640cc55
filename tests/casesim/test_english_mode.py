"""English mode (issue 14, item 9): content stays Dutch and says so; UI vocabulary is English."""

from __future__ import annotations

from html.parser import HTMLParser

from learn.config import PROJECT_ROOT
from learn.content.vocabulary import load_vocabulary
from tests.casesim.test_play_routes import start, step
from tests.factories import make_user

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Languages(HTMLParser):
    """Each piece of text with the language a screen reader would read it in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        in_head = any(tag == "head" for tag, _ in self.stack)  # <title> cannot mark parts
        if data.strip() and not in_head:
            self.texts.append((" ".join(data.split()), self.stack[-1][1] if self.stack else ""))


def language_of(page: str, text: str) -> set[str]:
    parser = _Languages()
    parser.feed(page)
    found = {lang for chunk, lang in parser.texts if text in chunk}
    assert found, f"{text!r} is not on the page"
    return found


def english_client(login):
    return login(make_user(language="en"))


def test_case_text_choices_and_feedback_are_marked_dutch_in_english_mode(login, synced_case):
    client = english_client(login)
    attempt_id = start(client)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert language_of(page, "Kim en haar moeder Ans zitten aan tafel.") == {"nl"}
    assert language_of(page, "Oefencasus triade") == {"nl"}
    assert language_of(page, "Progress") == {"en"}  # the interface keeps its own language
    step(client, attempt_id, 1)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert language_of(page, "Ik slaap er niet van.") == {"nl"}
    choice = page.split('for="choice-1"', 1)[1].split("</label>", 1)[0].split(">", 1)[1]
    assert language_of(page, choice.strip()) == {"nl"}
    step(client, attempt_id, 2, 1)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    chosen = page.split('class="choice-text" lang="nl">', 1)[1].split("</span>", 1)[0]
    assert chosen and language_of(page, chosen) == {"nl"}


def test_module_page_and_exercises_are_marked_dutch_in_english_mode(login):
    client = english_client(login)
    client.post("/modules/mini-module/exercises/wie-eerst", data={"option": "2"})
    client.post("/modules/mini-module/exercises/maandagochtend", data={"fragment": ["3"]})
    page = client.get("/modules/mini-module/01-waarom").get_data(as_text=True)
    for text in (
        "Een kleine module",
        "Wie spreek je eerst?",
        "Een moeder wil meepraten over haar zoon. Wat doe je eerst?",
        "Ik vraag de zoon of hij dat wil.",
        "Zonder toestemming deel je al informatie.",
    ):
        assert language_of(page, text) == {"nl"}, text
    assert language_of(page, "Check") == {"en"}
    page = client.get("/modules/mini-module/02-oefenen").get_data(as_text=True)
    assert language_of(page, "Zaterdag heb ik bij mijn neef naar de voetbal gekeken.") == {"nl"}
    assert language_of(page, "Populair vandaag! Wie zit er achter je aan?") == {"nl"}


def test_english_mode_says_the_course_content_is_dutch(login, synced_case):
    english = english_client(login).get("/cases/oefen-triade").get_data(as_text=True)
    assert (
        "Kring's course content (cases, modules and exercises) is in Dutch; "
        "the menus, buttons and labels are in English." in english.replace("&#39;", "'")
    )
    dutch = login(make_user(email="nl@example.test")).get("/cases/oefen-triade")
    assert "Nederlandstalig" not in dutch.get_data(as_text=True)


def test_ui_vocabulary_is_english_in_english_mode_and_dutch_by_default(login, synced_case):
    english = english_client(login).get("/cases/oefen-triade").get_data(as_text=True)
    assert "Triadic work" in english and "Triadisch werken" not in english
    assert "Triadic conversation" in english and "Triadisch gesprek" not in english
    page = login(make_user(email="lib@example.test", language="en")).get("/cases")
    assert "Finding hooks" in page.get_data(as_text=True)
    assert "Haakjes zoeken" not in page.get_data(as_text=True)
    dutch = login(make_user(email="nl@example.test")).get("/cases/oefen-triade")
    assert "Triadisch werken" in dutch.get_data(as_text=True)  # cached per language


def test_english_vocabulary_has_exactly_the_dutch_keys():
    dutch, _ = load_vocabulary(PROJECT_ROOT / "cases" / "vocabulary.yaml")
    english, problems = load_vocabulary(PROJECT_ROOT / "cases" / "vocabulary.en.yaml")
    assert problems == [] and dutch is not None and english is not None
    assert english.competences.keys() == dutch.competences.keys()
    assert english.themes.keys() == dutch.themes.keys()
    assert english.phases.keys() == dutch.phases.keys()
    assert english.categories.keys() == dutch.categories.keys()
    assert english.sources == dutch.sources
