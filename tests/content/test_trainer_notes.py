"""The optional `trainer` section of a case, and the warning on a give-away option length."""

from __future__ import annotations

from learn.content.cases import case_from_dict, case_to_dict

from .support import EXAMPLE, check, edit, only

NOTES = """trainer:
  goals:
    - Een alledaags haakje herkennen en gebruiken.
  categories: [bewustwording]
  questions:
    - Wanneer is een brutale vraag op zijn plaats?
    - Wat doe je als de cliënt dichtklapt?
  normative: Mag je doorvragen over iemands netwerk als hij zegt dat hij niemand heeft?
  sources:
    - Social Network First? (2024), §4.3.3
start: kennismaking
"""


def with_notes(notes: str = NOTES) -> str:
    return edit(EXAMPLE, "start: kennismaking\n", notes)


def test_trainer_notes_are_read_and_survive_the_database_form():
    case, problems = check(with_notes())
    assert problems == []
    assert case.trainer.categories == ("bewustwording",)
    assert case.trainer.questions[1] == "Wat doe je als de cliënt dichtklapt?"
    assert case.trainer.sources == ("Social Network First? (2024), §4.3.3",)
    assert case_from_dict(case_to_dict(case)) == case


def test_a_case_without_trainer_notes_has_none_and_stored_old_versions_still_load():
    case, _problems = check(EXAMPLE)
    assert case.trainer is None
    data = case_to_dict(case)
    del data["trainer"]
    assert case_from_dict(data).trainer is None


def test_an_unknown_category_is_an_error_with_the_known_ones_as_hint():
    case, problems = check(with_notes(NOTES.replace("[bewustwording]", "[bewustzijn]")))
    problem = only(problems, "unknown category 'bewustzijn'")
    assert case is None and problem.line == 17
    assert "bewustwording" in problem.hint


def test_one_discussion_question_is_too_few():
    notes = NOTES.replace("    - Wat doe je als de cliënt dichtklapt?\n", "")
    case, problems = check(with_notes(notes))
    problem = only(problems, "1 discussion questions")
    assert case is None and "write 2 or 3" in problem.hint


def test_trainer_notes_need_a_normative_question():
    notes = "\n".join(line for line in NOTES.splitlines() if "normative" not in line) + "\n"
    case, problems = check(with_notes(notes))
    assert case is None
    assert "has no 'normative'" in only(problems, "normative").message


def test_a_trainer_source_must_name_a_section():
    notes = NOTES.replace(
        "    - Social Network First? (2024), §4.3.3\nstart",
        "    - Social Network First? (2024)\nstart",
    )
    case, problems = check(with_notes(notes))
    assert case is None
    assert "names no section" in only(problems, "names no section").message


def test_a_much_longer_sterk_option_is_warned_about_at_its_line():
    long_text = "Je telefoon gaat vaak. Wie appt je allemaal? " + "Ik vraag door, rustig. " * 6
    text = edit(EXAMPLE, '"Je telefoon gaat vaak. Wie appt je allemaal?"', f'"{long_text}"')
    case, problems = check(text)
    problem = only(problems, "times as long as the other choices")
    assert case is not None and problem.severity == "warning"
    assert problem.line == 24 and "scene 'kennismaking'" in problem.message
    assert "1.3 times their mean length" in problem.hint


def test_a_sterk_option_just_within_the_ratio_is_not_warned_about():
    case, problems = check(EXAMPLE)
    assert case is not None
    assert not [p for p in problems if "times as long" in p.message]
