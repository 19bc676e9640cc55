"""Every rule of docs/authoring-modules.md, one broken copy of the fixture module at a time.

Each case edits one file of a copy of tests/content/fixtures/modules/mini-module and expects
one problem: its message, the file it is in and the line (the real line, also for the front
matter of a page).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from learn.content.modules import load_module
from learn.content.problems import Problem

from .support import FIXTURES, VOCABULARY, only

MINI = FIXTURES / "modules" / "mini-module"
KNOWN_CASES = {"geen-netwerk-whatsapp", "geen-netwerk-kort"}


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    folder = tmp_path / "mini-module"
    shutil.copytree(MINI, folder)
    return folder


def change(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` (which must occur exactly ``count`` times) in one file."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(folder: Path) -> list[Problem]:
    module, problems = load_module(folder, VOCABULARY, KNOWN_CASES)
    assert (module is None) == any(p.severity == "error" for p in problems)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1, problem.format()
        assert problem.hint, problem.format()  # every problem says what to do
    return problems


def expect(folder: Path, fragment: str, name: str, line: int, severity: str = "error") -> Problem:
    problem = only(check(folder), fragment)
    assert (Path(problem.path).name, problem.line, problem.severity) == (name, line, severity), (
        problem.format()
    )
    assert Path(problem.path).parent == folder
    return problem


@dataclass(frozen=True)
class Rule:
    file: str
    old: str
    new: str
    fragment: str  # in the message
    line: int
    where: str = ""  # the file the problem is in, if not ``file``
    severity: str = "error"
    hint: str = ""  # in the hint
    count: int = 1


GOAL = "  - Je houdt de regie bij de cliënt als er een naaste meepraat.\n"
MODULE_SOURCES = (
    "sources:\n  - Social Network First? (2024), §4.3\n"
    "  - Krachtgerichte ondersteuning van sociale netwerken (2017), §1.3\n"
)
SECOND_OPTION = (
    "    - text: Ik bel de moeder.\n      correct: false\n"
    "      feedback: Zonder toestemming deel je al informatie.\n"
)
SECOND_HOOK = (
    "      hook:\n        label: de telefoon\n        why: Iemand probeert hem te bereiken.\n"
    "        follow_up: Populair vandaag! Wie zit er achter je aan?\n        tone: brutaal\n"
)
LAST_FRAGMENTS = (
    "    - who: werker\n      says: Zullen we koffie halen?\n"
    "    - who: rob\n      says: Goed plan.\n"
)
BEGELEIDER = (
    "    - id: begeleider\n      name: Anouk\n      sector: professionals\n      ring: 1\n"
    "      tie: sterk\n      valence: ambivalent\n"
)
BODY_02 = (
    "Nu ga je zelf aan de slag: haakjes zoeken, een netwerkkaart tekenen en een gesprek met een\n"
    "cliënt en zijn moeder.\n\n### Tip\n\nLet op wie er belt.\n"
)

RULES = {
    # - module.yaml -
    "required field": Rule(
        "module.yaml", "minutes: 20\n", "", "the module has no 'minutes'", 1, hint="add 'minutes:'"
    ),
    "unknown field": Rule(
        "module.yaml",
        "minutes: 20\n",
        "minutes: 20\nminuten: 20\n",
        "unknown field 'minuten' in the module",
        10,
        hint="did you mean 'minutes'?",
    ),
    "id is a slug": Rule(
        "module.yaml", "id: mini-module", "id: Mini Module", "characters that are not allowed", 1
    ),
    "id equals the folder name": Rule(
        "module.yaml",
        "id: mini-module",
        "id: andere-module",
        "id 'andere-module' does not match the folder name 'mini-module'",
        1,
        hint="rename the folder to 'andere-module'",
    ),
    "at least two goals": Rule("module.yaml", GOAL, "", "the module has 1 goal: give 2 to 5", 6),
    "at most five goals": Rule(
        "module.yaml", GOAL, GOAL * 5, "the module has 6 goals: give 2 to 5", 6
    ),
    "goals are texts": Rule("module.yaml", GOAL, "  - ''\n", "a goal is empty", 8),
    "minutes at least 1": Rule(
        "module.yaml", "minutes: 20", "minutes: 0", "'minutes' must be from 1 to 600, not 0", 9
    ),
    "minutes at most 600": Rule(
        "module.yaml", "minutes: 20", "minutes: 601", "must be from 1 to 600, not 601", 9
    ),
    "minutes is a number": Rule(
        "module.yaml", "minutes: 20", "minutes: veel", "'minutes' must be a whole number", 9
    ),
    "theme from the vocabulary": Rule(
        "module.yaml",
        "theme: haakjes",
        "theme: haakje",
        "unknown theme 'haakje'",
        10,
        hint="did you mean 'haakjes'?",
    ),
    "at least one source": Rule(
        "module.yaml", MODULE_SOURCES, "sources: []\n", "the module has no sources", 11
    ),
    "source starts with a known title": Rule(
        "module.yaml",
        "Social Network First? (2024), §4.3",
        "Social Network Last (2024), §4.3",
        "does not start with a known title",
        12,
        hint="did you mean 'Social Network First? (2024)'?",
    ),
    "source names a section": Rule(
        "module.yaml",
        "Social Network First? (2024), §4.3",
        "Social Network First? (2024)",
        "names no section",
        12,
    ),
    "at least one page": Rule(
        "module.yaml",
        "pages:\n  - 01-waarom.md\n  - 02-oefenen.md\n",
        "pages: []\n",
        "the module has no pages",
        14,
    ),
    "page file exists": Rule(
        "module.yaml",
        "  - 02-oefenen.md",
        "  - 02-oefen.md",
        "page '02-oefen.md' not found in the module folder",
        16,
        hint="did you mean '02-oefenen.md'?",
    ),
    "page listed once": Rule(
        "module.yaml",
        "  - 02-oefenen.md\n",
        "  - 02-oefenen.md\n  - 01-waarom.md\n",
        "'01-waarom.md' is listed twice in 'pages'",
        17,
    ),
    "page is markdown": Rule(
        "module.yaml", "  - 02-oefenen.md", "  - 02-oefenen.txt", "is not a Markdown file", 16
    ),
    "page is in the folder": Rule(
        "module.yaml",
        "  - 02-oefenen.md",
        "  - pages/02-oefenen.md",
        "must be a file name in this folder",
        16,
    ),
    "page name is a slug": Rule(
        "module.yaml",
        "  - 02-oefenen.md",
        "  - 02 Oefenen.md",
        "page file name '02 Oefenen.md' has characters that are not allowed",
        16,
    ),
    "practice cases are known": Rule(
        "module.yaml",
        "  - geen-netwerk-whatsapp",
        "  - geen-netwerk-whatsap",
        "practice case 'geen-netwerk-whatsap' is not in the case library",
        18,
        severity="warning",
        hint="did you mean 'geen-netwerk-whatsapp'?",
    ),
    "practice cases is a list": Rule(
        "module.yaml",
        "practice_cases:\n  - geen-netwerk-whatsapp",
        "practice_cases: geen-netwerk-whatsapp",
        "'practice_cases' must be a list",
        17,
        hint="[geen-netwerk-whatsapp]",
    ),
    "practice cases is required": Rule(
        "module.yaml",
        "practice_cases:\n  - geen-netwerk-whatsapp\n",
        "",
        "the module has no 'practice_cases'",
        1,
        hint="or []",
    ),
    "practice case listed once": Rule(
        "module.yaml",
        "  - geen-netwerk-whatsapp\n",
        "  - geen-netwerk-whatsapp\n  - geen-netwerk-whatsapp\n",
        "'geen-netwerk-whatsapp' is listed twice in 'practice_cases'",
        19,
    ),
    # - page front matter: problems at the line in the .md file -
    "front matter fields are known": Rule(
        "02-oefenen.md",
        "exercises:\n  - maandagochtend",
        "exercise:\n  - maandagochtend",
        "unknown field 'exercise' in the front matter",
        6,
        hint="did you mean 'exercises'?",
    ),
    "page source starts with a known title": Rule(
        "02-oefenen.md",
        "  - Krachtgerichte ondersteuning van sociale netwerken (2017), §1.3",
        "  - Krachtig (2017), §1.3",
        "source 'Krachtig (2017), §1.3' does not start with a known title",
        5,
    ),
    "front matter is YAML": Rule(
        "02-oefenen.md",
        "title: Oefenen",
        "title: Oefenen: nu echt",
        "cannot read the YAML",
        2,
        hint="must be in quotes",
    ),
    "page has a title": Rule(
        "02-oefenen.md", "title: Oefenen\n", "", "the front matter has no 'title'", 2
    ),
    "page title is text": Rule(
        "02-oefenen.md", "title: Oefenen", "title: [Oefenen]", "'title' must be text", 2
    ),
    "page has sources": Rule(
        "02-oefenen.md",
        "sources:\n  - Social Network First? (2024), §4.3.3\n"
        "  - Krachtgerichte ondersteuning van sociale netwerken (2017), §1.3\n",
        "sources: []\n",
        "the page has no sources",
        3,
    ),
    "page exercises exist": Rule(
        "02-oefenen.md",
        "  - kaart-rob",
        "  - kaart-bob",
        "unknown exercise 'kaart-bob'",
        8,
        hint="did you mean 'kaart-rob'?",
    ),
    "page exercises is a list": Rule(
        "01-waarom.md",
        "exercises: [eigen-kring, wie-eerst]",
        "exercises: {eigen-kring: 1}",
        "'exercises' must be a list",
        5,
    ),
    "page lists an exercise once": Rule(
        "01-waarom.md",
        "exercises: [eigen-kring, wie-eerst]",
        "exercises: [eigen-kring, wie-eerst, eigen-kring]",
        "exercise 'eigen-kring' is listed twice",
        5,
    ),
    "an exercise is on one page": Rule(
        "02-oefenen.md",
        "  - moeder-triade\n",
        "  - moeder-triade\n  - wie-eerst\n",
        "exercise 'wie-eerst' is also shown on page '01-waarom.md'",
        10,
    ),
    "page has text": Rule(
        "02-oefenen.md", BODY_02, "\n\n", "the page has no text below the front matter", 10
    ),
    "page is not too long": Rule(
        "02-oefenen.md",
        BODY_02,
        "woord " * 950,
        "the page has 950 words (more than 900)",
        11,
        severity="warning",
        hint="split it in two",
    ),
    "headings are ## and ###": Rule(
        "02-oefenen.md",
        "### Tip",
        "# Tip",
        "a level-1 heading ('#') in the page text",
        14,
        severity="warning",
    ),
    "headings are not ####": Rule(
        "02-oefenen.md",
        "### Tip",
        "#### Tip",
        "a level-4 heading",
        14,
        severity="warning",
    ),
    # - exercises.yaml -
    "exercise id is a slug": Rule(
        "exercises.yaml",
        "wie-eerst:\n",
        "Wie Eerst:\n",
        "exercise id 'Wie Eerst' has characters that are not allowed",
        9,
    ),
    "exercise type is known": Rule(
        "exercises.yaml",
        "type: reflectie",
        "type: reflextie",
        "unknown exercise type 'reflextie'",
        3,
        hint="did you mean 'reflectie'?",
    ),
    "exercise has a type": Rule(
        "exercises.yaml", "  type: reflectie\n", "", "exercise 'eigen-kring' has no 'type'", 2
    ),
    "exercise has a title": Rule(
        "exercises.yaml",
        "  title: Jouw eigen kring\n",
        "",
        "exercise 'eigen-kring' has no 'title'",
        2,
    ),
    "exercise is a mapping": Rule(
        "exercises.yaml",
        "moeder-triade:\n  type: triade\n  title: De moeder aan tafel\n  case: triade-mini\n",
        "moeder-triade: triade-mini\n",
        "Exercise 'moeder-triade' must be a mapping, not text",
        86,
    ),
    "every exercise is shown": Rule(
        "01-waarom.md",
        "exercises: [eigen-kring, wie-eerst]",
        "exercises: [wie-eerst]",
        "exercise 'eigen-kring' is not shown on any page",
        2,
        where="exercises.yaml",
        severity="warning",
    ),
    "exercise fields are known": Rule(
        "exercises.yaml",
        "  hint: Er is geen goed of fout antwoord.\n",
        "  hint: Er is geen goed of fout antwoord.\n  options: []\n",
        "unknown field 'options' in exercise 'eigen-kring'",
        8,
        hint="'options' belongs in meerkeuze exercises",
    ),
    "exercise source is checked where given": Rule(
        "exercises.yaml",
        "  hint: Er is geen goed of fout antwoord.\n",
        "  hint: Er is geen goed of fout antwoord.\n  source: Social Network First? (2024)\n",
        "names no section",
        8,
    ),
    # reflectie
    "reflectie has a question": Rule(
        "exercises.yaml",
        "  question: |\n    Denk aan de laatste keer dat jij hulp nodig had. Wie belde je eerst?\n",
        "",
        "exercise 'eigen-kring' has no 'question'",
        2,
    ),
    # meerkeuze
    "meerkeuze has one correct option, not none": Rule(
        "exercises.yaml",
        "correct: true",
        "correct: false",
        "exercise 'wie-eerst' has 0 correct options: exactly one must have 'correct: true'",
        14,
    ),
    "meerkeuze has one correct option, not two": Rule(
        "exercises.yaml", "correct: false", "correct: true", "has 2 correct options", 14
    ),
    "meerkeuze has two options": Rule(
        "exercises.yaml",
        SECOND_OPTION,
        "",
        "exercise 'wie-eerst' has 1 option: it needs at least two",
        14,
    ),
    "option has feedback": Rule(
        "exercises.yaml",
        "      feedback: Zonder toestemming deel je al informatie.\n",
        "",
        "option 2 of exercise 'wie-eerst' has no 'feedback'",
        18,
    ),
    "correct is true or false": Rule(
        "exercises.yaml",
        "correct: false",
        "correct: nee",
        "'correct' must be true or false",
        19,
    ),
    "meerkeuze has a source": Rule(
        "exercises.yaml",
        "  source: Social Network First? (2024), §4.5.3\n",
        "",
        "exercise 'wie-eerst' has no 'source'",
        9,
    ),
    "meerkeuze options is a list": Rule(
        "exercises.yaml",
        "  options:\n",
        "  options: geen\n  opties:\n",
        "'options' must be a list",
        14,
    ),
    # haakjes
    "haakjes has parties": Rule(
        "exercises.yaml",
        "  parties:\n    werker: {name: Jij, role: professional}\n"
        "    rob: {name: Rob, role: cliënt}\n",
        "",
        "exercise 'maandagochtend' has no 'parties'",
        22,
    ),
    "party role is known": Rule(
        "exercises.yaml",
        "role: professional}",
        "role: werker}",
        "unknown role 'werker'",
        28,
        hint="roles: cliënt, naaste",
    ),
    "fragment speaker is a party": Rule(
        "exercises.yaml",
        "    - who: werker\n      says: Wie won er?",
        "    - who: werkr\n      says: Wie won er?",
        "unknown party 'werkr' in 'who'",
        42,
        hint="did you mean 'werker'?",
    ),
    "fragment says something": Rule(
        "exercises.yaml", "      says: Rustig.\n", "", "fragment 2 of exercise", 33
    ),
    "hook has a follow-up question": Rule(
        "exercises.yaml",
        "        follow_up: Hoe vaak zie je je neef eigenlijk?\n",
        "",
        "the hook of fragment 3 has no 'follow_up'",
        37,
    ),
    "hook tone is brutaal or gevoelig": Rule(
        "exercises.yaml",
        "tone: gevoelig",
        "tone: voorzichtig",
        "unknown tone 'voorzichtig'",
        41,
        hint="tones: brutaal, gevoelig",
    ),
    "haakjes has two hooks": Rule(
        "exercises.yaml",
        SECOND_HOOK,
        "",
        "exercise 'maandagochtend' has 1 hook: it needs at least 2",
        30,
    ),
    "haakjes has eight fragments": Rule(
        "exercises.yaml",
        LAST_FRAGMENTS,
        "",
        "the transcript of exercise 'maandagochtend' has only 6 fragments",
        30,
        severity="warning",
    ),
    "haakjes has a transcript": Rule(
        "exercises.yaml",
        "  transcript:\n",
        "  transcript: []\n  fragments:\n",
        "the transcript of exercise 'maandagochtend' is empty",
        30,
    ),
    # netwerkkaart
    "map has three people": Rule(
        "exercises.yaml",
        BEGELEIDER,
        "",
        "exercise 'kaart-rob' has 2 people: a map needs at least 3",
        65,
    ),
    "person ids are unique": Rule(
        "exercises.yaml", "id: begeleider", "id: neef", "person id 'neef' is used twice", 72
    ),
    "weak tie has a question": Rule(
        "exercises.yaml",
        "      question: Wie woonde er naast je in je vorige straat?\n",
        "",
        "person 'oud-buurman' is a weak tie without a 'question'",
        78,
    ),
    "ring is 1 to 3": Rule(
        "exercises.yaml", "ring: 3", "ring: 4", "'ring' must be from 1 to 3, not 4", 81
    ),
    "ring is a number": Rule(
        "exercises.yaml", "ring: 3", "ring: ver", "'ring' must be a whole number", 81
    ),
    "sector is known": Rule(
        "exercises.yaml",
        "sector: familie",
        "sector: famillie",
        "unknown sector 'famillie'",
        68,
        hint="did you mean 'familie'?",
    ),
    "tie is sterk or zwak": Rule(
        "exercises.yaml",
        "ring: 1\n      tie: sterk",
        "ring: 1\n      tie: los",
        "unknown tie 'los'",
        76,
    ),
    "valence is known": Rule(
        "exercises.yaml",
        "valence: ambivalent",
        "valence: gemengd",
        "unknown valence 'gemengd'",
        77,
    ),
    "map has a weak tie": Rule(
        "exercises.yaml",
        "tie: zwak",
        "tie: sterk",
        "the map of exercise 'kaart-rob' has no weak tie",
        65,
        severity="warning",
    ),
    "description names every person": Rule(
        "exercises.yaml",
        "begeleider Anouk spreekt",
        "begeleider spreekt",
        "the description does not mention 'Anouk'",
        73,
        severity="warning",
    ),
    # triade
    "triade case file exists": Rule(
        "exercises.yaml",
        "case: triade-mini",
        "case: triade-maxi",
        "case file 'triade-maxi.yaml' not found in the module folder",
        89,
        hint="did you mean 'triade-mini'?",
    ),
    "triade case is not the manifest": Rule(
        "exercises.yaml", "case: triade-mini", "case: module", "cannot name a case file", 89
    ),
    "triade case is checked as a case": Rule(
        "triade-mini.yaml", "who: ria", "who: rita", "unknown party 'rita' in 'who'", 38
    ),
    "triade case id equals its file name": Rule(
        "triade-mini.yaml",
        "id: triade-mini",
        "id: triade-andere",
        "id 'triade-andere' does not match the file name 'triade-mini.yaml'",
        1,
    ),
    "triade case scores regie": Rule(
        "triade-mini.yaml",
        "regie",
        "relatie",
        "the triade case 'triade-mini' does not score 'regie'",
        10,
        count=7,
    ),
}


@pytest.mark.parametrize("rule", RULES.values(), ids=RULES.keys())
def test_rule(mini: Path, rule: Rule) -> None:
    change(mini, rule.file, rule.old, rule.new, rule.count)
    problem = expect(mini, rule.fragment, rule.where or rule.file, rule.line, rule.severity)
    assert rule.hint in problem.hint, problem.format()


# --- rules that need more than one edit ------------------------------------------------------


def test_page_without_front_matter(mini: Path) -> None:
    (mini / "01-waarom.md").write_text("# Waarom\n\nTekst zonder front matter.\n")
    problem = expect(mini, "the page has no front matter", "01-waarom.md", 1)
    assert problem.hint.startswith("start the file with a front matter block:\n")
    assert "          ---\n          title: ...\n          sources:\n" in problem.hint


def test_front_matter_must_be_closed(mini: Path) -> None:
    change(mini, "01-waarom.md", "exercises: [eigen-kring, wie-eerst]\n---\n", "")
    expect(mini, "the front matter is not closed", "01-waarom.md", 1)


def test_front_matter_starts_on_the_first_line(mini: Path) -> None:
    path = mini / "01-waarom.md"
    path.write_text("\n" + path.read_text())
    expect(mini, "the front matter must start on the first line", "01-waarom.md", 1)


def test_empty_front_matter(mini: Path) -> None:
    (mini / "01-waarom.md").write_text("---\n# niets\n---\nTekst.\n")
    problem = expect(mini, "the front matter is empty", "01-waarom.md", 1)
    assert "title: ..." in problem.hint


def test_front_matter_with_windows_line_ends(mini: Path) -> None:
    path = mini / "02-oefenen.md"
    path.write_bytes(path.read_text().replace("  - kaart-rob", "  - kaart-bob").encode())
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    expect(mini, "unknown exercise 'kaart-bob'", "02-oefenen.md", 8)


def test_headings_in_code_blocks_are_fine(mini: Path) -> None:
    change(mini, "02-oefenen.md", "### Tip\n", "```\n# geen kop\n```\n")
    assert check(mini) == []


def test_every_page_is_listed(mini: Path) -> None:
    (mini / "03-extra.md").write_text("---\ntitle: Extra\n---\nTekst.\n")
    problem = expect(
        mini,
        "page '03-extra.md' is not listed in 'pages' in module.yaml",
        "03-extra.md",
        1,
        "warning",
    )
    assert "reading order" in problem.hint


def test_module_yaml_is_required(mini: Path) -> None:
    (mini / "module.yaml").unlink()
    module, problems = load_module(mini, VOCABULARY, KNOWN_CASES)
    assert module is None
    [problem] = problems
    assert (problem.path, problem.line) == (str(mini / "module.yaml"), 1)
    assert problem.message == "module.yaml not found: every module folder needs one"


def test_module_yaml_cannot_be_empty_or_a_list(mini: Path) -> None:
    (mini / "module.yaml").write_text("# nog leeg\n")
    expect(mini, "the file is empty", "module.yaml", 1)
    (mini / "module.yaml").write_text("- id: mini-module\n")
    expect(mini, "The module must be a mapping, not a list", "module.yaml", 1)


def test_module_folder_must_exist(tmp_path: Path) -> None:
    module, [problem] = load_module(tmp_path / "weg", VOCABULARY)
    assert module is None
    assert problem.message == "module folder not found"


def test_page_that_is_not_utf8(mini: Path) -> None:
    (mini / "01-waarom.md").write_bytes(b"---\ntitle: caf\xe9\n---\nTekst.\n")
    problem = expect(mini, "the file is not UTF-8 text", "01-waarom.md", 2)
    assert problem.column == 11


def test_exercises_yaml_is_needed_when_pages_list_exercises(mini: Path) -> None:
    (mini / "exercises.yaml").unlink()
    problem = expect(mini, "unknown exercise 'eigen-kring'", "01-waarom.md", 5)
    assert "there is no exercises.yaml" in problem.hint
    # Without exercises.yaml, the triade case file is not used by anything either.
    expect(mini, "'triade-mini.yaml' is not used by any exercise", "triade-mini.yaml", 1, "warning")


def test_a_module_without_exercises_gets_a_warning(mini: Path) -> None:
    (mini / "exercises.yaml").unlink()
    (mini / "triade-mini.yaml").unlink()
    change(mini, "01-waarom.md", "exercises: [eigen-kring, wie-eerst]\n", "")
    change(
        mini,
        "02-oefenen.md",
        "exercises:\n  - maandagochtend\n  - kaart-rob\n  - moeder-triade\n",
        "",
    )
    expect(mini, "the module has no exercises", "module.yaml", 1, "warning")


def test_exercises_yaml_must_be_a_mapping(mini: Path) -> None:
    (mini / "exercises.yaml").write_text("- eigen-kring\n- wie-eerst\n")
    problems = check(mini)
    problem = only(problems, "exercises.yaml must map exercise ids to exercises, not a list")
    assert (Path(problem.path).name, problem.line) == ("exercises.yaml", 1)
    # Which exercises exist is unknown, so the pages' references are not reported as well.
    assert [p.message for p in problems if p.path.endswith(".md")] == []


def test_haakjes_needs_a_fragment_that_is_not_a_hook(mini: Path) -> None:
    hook = (
        "      hook:\n        label: iets\n        why: Omdat.\n"
        "        follow_up: Wie dan?\n        tone: gevoelig\n"
    )
    path = mini / "exercises.yaml"
    text = path.read_text()
    lines = text.split("\n")
    start = lines.index("  transcript:") + 1
    end = lines.index("kaart-rob:") - 1
    fragments = [f"    - who: rob\n      says: Zin {n}.\n{hook}" for n in range(8)]
    path.write_text("\n".join([*lines[:start], "".join(fragments), *lines[end:]]))
    expect(mini, "every fragment of exercise 'maandagochtend' is a hook", "exercises.yaml", 30)


def test_triade_case_needs_a_triadic_scene(mini: Path) -> None:
    change(mini, "triade-mini.yaml", "    triadic: true\n", "")
    change(mini, "triade-mini.yaml", "        addresses: client\n", "")
    change(mini, "triade-mini.yaml", "        addresses: naaste\n", "")
    problem = expect(
        mini, "the triade case 'triade-mini' has no triadic scene", "triade-mini.yaml", 15
    )
    assert "triadic: true" in problem.hint


def test_triade_case_needs_two_decisions(mini: Path) -> None:
    path = mini / "triade-mini.yaml"
    lines = path.read_text().split("\n")
    start = lines.index("    choices:")
    end = lines.index("  aan-tafel:")
    path.write_text("\n".join([*lines[:start], "    next: aan-tafel", *lines[end:]]))
    expect(
        mini,
        "the triade case 'triade-mini' has 1 decision scene: it needs at least 2",
        "triade-mini.yaml",
        15,
    )


def test_case_files_nobody_uses(mini: Path) -> None:
    shutil.copy(mini / "triade-mini.yaml", mini / "triade-oud.yaml")
    problem = expect(
        mini, "'triade-oud.yaml' is not used by any exercise", "triade-oud.yaml", 1, "warning"
    )
    assert "'case: triade-oud'" in problem.hint


def test_yml_files_are_skipped_with_a_warning(mini: Path) -> None:
    (mini / "extra.yml").write_text("id: extra\n")
    expect(mini, "this file is skipped: module files end in .yaml", "extra.yml", 1, "warning")


def test_problems_come_in_file_then_line_order(mini: Path) -> None:
    change(mini, "exercises.yaml", "tone: gevoelig", "tone: x")
    change(mini, "exercises.yaml", "ring: 3", "ring: 9")
    change(mini, "02-oefenen.md", "title: Oefenen", "title: ''")
    change(mini, "01-waarom.md", "title: Waarom het netwerk ertoe doet", "title: ''")
    change(mini, "module.yaml", "minutes: 20", "minutes: 0")
    problems = check(mini)
    assert [(Path(p.path).name, p.line) for p in problems] == [
        ("module.yaml", 9),
        ("01-waarom.md", 2),
        ("02-oefenen.md", 2),
        ("exercises.yaml", 41),
        ("exercises.yaml", 81),
    ]
