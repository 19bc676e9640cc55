"""The shared vocabulary file."""

from __future__ import annotations

from learn.content.vocabulary import parse_vocabulary

from .support import VOCABULARY, VOCABULARY_PATH


def test_the_shipped_vocabulary() -> None:
    assert VOCABULARY.competences["haakjes"][0] == "Netwerk bespreekbaar maken"
    assert VOCABULARY.themes["zwakke-banden"] == "Zwakke banden"
    assert VOCABULARY.phases["crisisopvang"] == "Crisisopvang"
    assert VOCABULARY.sources[0] == "Social Network First? (2024)"
    assert VOCABULARY.source_title("De kracht van het netwerk, ‘Inleiding’") == (
        "De kracht van het netwerk"
    )
    assert VOCABULARY.source_title("De kracht van het netwerkje, §1") is None


def test_problems_in_a_vocabulary() -> None:
    text = VOCABULARY_PATH.read_text(encoding="utf-8")
    text = text.replace("  relatie:\n    label: Relatie en tempo\n", "  relatie:\n    labl: x\n")
    text = text.replace("  haakjes: Haakjes zoeken", "  Haakjes_Zoeken: Haakjes zoeken")
    text = text.replace("  crisisopvang: Crisisopvang", "  total: Crisisopvang")
    text = text.replace(
        "  - De kracht van het netwerk\n", "  - De kracht van het netwerk\n  - 12\n"
    )
    vocabulary, problems = parse_vocabulary(text, "vocabulary.yaml")
    assert vocabulary is None
    found = {p.message: p.line for p in problems}
    line = text.splitlines().index
    assert found == {
        "unknown field 'labl' in competence 'relatie'": line("    labl: x") + 1,
        "competence 'relatie' has no 'label'": line("  relatie:") + 1,
        "'Haakjes_Zoeken' cannot be a key in 'themes'": line("  Haakjes_Zoeken: Haakjes zoeken")
        + 1,
        "'total' is reserved": line("  total: Crisisopvang") + 1,
        "source title must be text, not a whole number": line("  - 12") + 1,
    }


def test_vocabulary_that_is_not_a_mapping() -> None:
    vocabulary, [problem] = parse_vocabulary("- a\n", "vocabulary.yaml")
    assert vocabulary is None
    assert problem.message == "The vocabulary must be a mapping, not a list"
