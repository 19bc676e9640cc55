"""One broken case per rule in docs/authoring-cases.md ("What the checker reports").

Each test breaks the valid example (tests/content/fixtures/cases/geen-netwerk-kort.yaml) in
one place and checks the message and the line the author is sent to.
"""

from __future__ import annotations

import pytest

from learn.content.cases import parse_case

from .support import EXAMPLE, SOURCE, check, edit, only


def error_at(text: str, fragment: str, line: int, hint: str = "") -> None:
    case, problems = check(text)
    problem = only(problems, fragment)
    assert (problem.severity, problem.line) == ("error", line), problem.format()
    assert hint in problem.hint, problem.format()
    assert problem.column >= 1
    assert case is None


def test_the_example_from_the_docs_is_valid() -> None:
    case, problems = check(EXAMPLE)
    assert problems == []
    assert case is not None
    assert list(case.scenes) == [
        "kennismaking",
        "appgroep",
        "stilte",
        "einde-voetbal",
        "einde-stil",
    ]
    assert case.scenes["kennismaking"].choices[1].scores == {"haakjes": -1, "relatie": 1}
    assert case.scenes["appgroep"].kind == "narrative"
    assert case.scenes["einde-stil"].ending is not None
    assert case.parties["daan"].role == "cliënt"


# --- YAML that cannot be read ----------------------------------------------------------------


def test_yaml_syntax_error_points_at_the_colon() -> None:
    text = edit(EXAMPLE, "text: Daan wil de trainer", "text: Daan zegt: ik wil de trainer")
    case, problems = check(text)
    assert case is None
    [problem] = problems
    assert "cannot read the YAML: mapping values are not allowed" in problem.message
    assert (problem.line, problem.column) == (65, 20)
    assert "must be in quotes" in problem.hint


def test_bad_indentation_is_a_syntax_error() -> None:
    text = edit(EXAMPLE, "    title: De appgroep", "     title: De appgroep")
    [problem] = check(text)[1]
    assert problem.message.startswith("cannot read the YAML")
    assert problem.line == 41


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    text = edit(EXAMPLE, "    title: Stilte\n", "    title: Stilte\n    title: Nog eens\n")
    error_at(text, "duplicate key 'title'", 46, "already used on line 45")


def test_duplicate_scene_id() -> None:
    text = EXAMPLE + "  stilte:\n    title: X\n    text: Y\n    next: einde-stil\n"
    error_at(text, "duplicate key 'stilte'", 79, "line 44")


# --- missing, unknown, wrong type, empty ------------------------------------------------------


def test_missing_case_field_is_reported_on_the_mapping() -> None:
    error_at(edit(EXAMPLE, "title: Ik heb geen netwerk (kort)\n", ""), "has no 'title'", 1)


def test_missing_scene_field_is_reported_on_the_scene_key() -> None:
    text = edit(EXAMPLE, "    text: Daan wil de trainer van zijn oude team wel eens appen.\n", "")
    error_at(text, "scene 'einde-voetbal' has no 'text'", 63)


def test_unknown_field_suggests_the_right_one() -> None:
    text = edit(
        EXAMPLE,
        "        feedback: |\n          Een alledaags",
        "        feedbak: |\n          Een alledaags",
    )
    error_at(
        text,
        "unknown field 'feedbak' in choice 1 of scene 'kennismaking'",
        28,
        "did you mean 'feedback'?",
    )
    # ...and the choice now has no feedback at all.
    error_at(text, "choice 1 of scene 'kennismaking' has no 'feedback'", 24, "add 'feedback:'")


def test_unknown_top_level_field() -> None:
    error_at(
        edit(EXAMPLE, "minutes: 5", "minuten: 5"),
        "unknown field 'minuten'",
        6,
        "did you mean 'minutes'?",
    )


@pytest.mark.parametrize(
    ("old", "new", "fragment", "line", "hint"),
    [
        (
            "minutes: 5",
            "minutes: vijf",
            "'minutes' must be a whole number, not text",
            6,
            "without quotes",
        ),
        (
            "minutes: 5",
            "minutes: 5.5",
            "'minutes' must be a whole number, not a number with",
            6,
            "",
        ),
        ("minutes: 5", "minutes: 0", "'minutes' must be from 1 to 120, not 0", 6, ""),
        ("minutes: 5", "minutes: 121", "'minutes' must be from 1 to 120, not 121", 6, ""),
        (
            "audience: [student]",
            "audience: student",
            "'audience' must be a list, not text",
            5,
            "[student]",
        ),
        (
            "title: Ik heb geen netwerk (kort)",
            "title: 1984",
            "'title' must be text, not a whole",
            2,
            "quotes",
        ),
        (
            "        says: Ik heb echt niemand, hoor.",
            "        says: yes",
            "'says' must be text, not true/false",
            22,
            "put the text in quotes",
        ),
        ("    title: Stilte", "    title: [Stilte]", "'title' must be text, not a list", 45, ""),
        (
            "parties:\n  daan: {name: Daan, role: cliënt}",
            "parties: [daan]",
            "'parties' must be a mapping, not a list",
            12,
            "",
        ),
        (
            "scenes:\n  kennismaking:",
            "scenes: kennismaking\nxscenes:\n  kennismaking:",
            "'scenes' must be a mapping, not text",
            15,
            "",
        ),
        (
            "        scores: {haakjes: 2, relatie: 1}",
            "        scores: 2",
            "'scores' must be a mapping, not a whole number",
            27,
            "",
        ),
        (
            "        scores: {haakjes: 2, relatie: 1}",
            "        scores: {haakjes: twee, relatie: 1}",
            "the score for 'haakjes' must be a whole number, not text",
            27,
            "",
        ),
        (
            "        scores: {haakjes: 2, relatie: 1}",
            "        scores: {haakjes: 4, relatie: 1}",
            "the score for 'haakjes' must be from -3 to 3, not 4",
            27,
            "",
        ),
        (
            "    title: De appgroep",
            "    title: De appgroep\n    triadic: ja",
            "'triadic' must be true or false, not text",
            41,
            "true or false",
        ),
        (
            "      - who: daan\n        says: Ik heb echt niemand, hoor.",
            "      - daan: Ik heb echt niemand, hoor.",
            "unknown field 'daan' in a line",
            21,
            "",
        ),
        (
            '    choices:\n      - text: "Wie belt',
            '    choices:\n      - Wie belt je?\n      - text: "Wie belt',
            "Choice 1 of scene 'stilte' must be a mapping, not text",
            49,
            "",
        ),
    ],
)
def test_wrong_type(old: str, new: str, fragment: str, line: int, hint: str) -> None:
    error_at(edit(EXAMPLE, old, new), fragment, line, hint)


def test_a_case_must_be_a_mapping() -> None:
    case, problems = check("- id: x\n")
    assert case is None
    assert only(problems, "The case must be a mapping, not a list").line == 1


def test_scene_that_is_not_a_mapping_keeps_its_name() -> None:
    text = SMALL_HEADER + decision("begin", "Einde", "einde") + "  Einde: [x]\n" + ending("einde")
    error_at(text, "Scene 'Einde' must be a mapping, not a list", line_of(text, "  Einde: [x]"))


def test_empty_file() -> None:
    assert only(check("# nothing yet\n")[1], "the file is empty").line == 1


@pytest.mark.parametrize(
    ("old", "new", "fragment", "line"),
    [
        ("    title: De appgroep", '    title: ""', "'title' is empty", 40),
        ("    title: De appgroep", "    title:", "'title' is empty", 40),
        ("        says: Ik heb echt niemand, hoor.", '        says: "  "', "'says' is empty", 22),
        (
            "summary: >\n  Daan zegt dat hij niemand heeft, maar zijn telefoon zoemt het hele "
            "gesprek door.\n",
            "summary: >\n",
            "'summary' is empty",
            3,
        ),
    ],
)
def test_empty_text(old: str, new: str, fragment: str, line: int) -> None:
    error_at(edit(EXAMPLE, old, new), fragment, line, "write something")


# --- ids ------------------------------------------------------------------------------------


def test_id_with_capitals_or_underscores() -> None:
    error_at(
        edit(EXAMPLE, "id: geen-netwerk-kort", "id: Geen_Netwerk"),
        "id 'Geen_Netwerk' has characters that are not allowed",
        1,
        "lowercase",
    )


# (id versus file name and duplicate ids across files are in test_check_files.py.)


# --- references ----------------------------------------------------------------------------


def test_next_that_names_no_scene() -> None:
    error_at(
        edit(
            EXAMPLE,
            "next: appgroep\n        quality: sterk\n        scores: {haakjes: 2",
            "next: apgroep\n        quality: sterk\n        scores: {haakjes: 2",
        ),
        "unknown scene 'apgroep' in 'next'",
        25,
        "did you mean 'appgroep'?",
    )


def test_narrative_next_that_names_no_scene() -> None:
    error_at(
        edit(EXAMPLE, "    next: einde-voetbal", "    next: einde"),
        "unknown scene 'einde' in 'next'",
        43,
        "scenes: kennismaking, appgroep",
    )


def test_start_that_names_no_scene() -> None:
    error_at(
        edit(EXAMPLE, "start: kennismaking", "start: begin"),
        "unknown scene 'begin' in 'start'",
        14,
        "scenes: kennismaking",
    )


def test_broken_reference_does_not_also_report_unreachable_scenes() -> None:
    _, problems = check(edit(EXAMPLE, "    next: einde-voetbal", "    next: einde"))
    assert [p.message for p in problems] == ["unknown scene 'einde' in 'next'"]


def test_who_that_names_no_party() -> None:
    error_at(
        edit(EXAMPLE, "who: daan", "who: daaan"),
        "unknown party 'daaan' in 'who'",
        21,
        "did you mean 'daan'?",
    )


def test_who_without_any_parties() -> None:
    text = edit(EXAMPLE, "parties:\n  daan: {name: Daan, role: cliënt}\n", "")
    error_at(text, "unknown party 'daan' in 'who'", 19, "add the speaker under 'parties:'")


# --- the graph --------------------------------------------------------------------------------

SMALL_HEADER = f"""\
id: klein
title: Klein
summary: Een kleine casus.
audience: [student]
minutes: 5
themes: [haakjes]
sources: ["{SOURCE}"]
competences: [haakjes]
start: begin
scenes:
"""


def decision(sid: str, *targets: str, points: int = 1) -> str:
    choices = "".join(
        f"      - text: Keuze {i}\n        next: {target}\n        quality: sterk\n"
        f"        scores: {{haakjes: {points * i}}}\n        feedback: Omdat.\n"
        f'        source: "{SOURCE}"\n'
        for i, target in enumerate(targets, start=1)
    )
    return f"  {sid}:\n    title: {sid}\n    text: Tekst.\n    choices:\n{choices}"


def narrative(sid: str, target: str) -> str:
    return f"  {sid}:\n    title: {sid}\n    text: Tekst.\n    next: {target}\n"


def ending(sid: str) -> str:
    return (
        f"  {sid}:\n    title: {sid}\n    text: Tekst.\n    ending:\n      tone: gemengd\n"
        f'      debrief: Zo ging het.\n      source: "{SOURCE}"\n'
    )


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_small_builder_is_valid() -> None:
    text = (
        SMALL_HEADER
        + decision("begin", "einde", "verder")
        + narrative("verder", "einde")
        + (ending("einde"))
    )
    assert check(text) == (check(text)[0], [])
    assert check(text)[0] is not None


def test_scene_that_cannot_be_reached() -> None:
    text = SMALL_HEADER + decision("begin", "einde", "einde") + ending("einde") + ending("los")
    error_at(
        text,
        "scene 'los' cannot be reached from the start ('begin')",
        line_of(text, "  los:"),
        "let a choice or 'next:' lead to it",
    )


def test_loop_without_a_way_out() -> None:
    text = (
        SMALL_HEADER
        + decision("begin", "einde", "rond")
        + narrative("rond", "weer")
        + narrative("weer", "rond")
        + ending("einde")
    )
    error_at(
        text,
        "no ending can be reached from scene 'rond'",
        line_of(text, "  rond:"),
        "loop without a way out (rond → weer → rond)",
    )
    error_at(text, "no ending can be reached from scene 'weer'", line_of(text, "  weer:"))


def test_scene_that_leads_only_to_itself() -> None:
    text = (
        SMALL_HEADER
        + decision("begin", "einde", "vast")
        + narrative("vast", "vast")
        + (ending("einde"))
    )
    error_at(
        text,
        "no ending can be reached from scene 'vast'",
        line_of(text, "  vast:"),
        "(vast → vast)",
    )


def test_dead_end_that_leads_into_a_loop_gets_the_plain_hint() -> None:
    """Only the loop's own scenes are told they are in a loop; the scene before it is not."""
    text = (
        SMALL_HEADER
        + decision("begin", "einde", "dood")
        + narrative("dood", "rond")
        + narrative("rond", "weer")
        + narrative("weer", "rond")
        + ending("einde")
    )
    case, problems = check(text)
    assert case is None
    found = {p.message: (p.line, p.hint) for p in problems}
    loop_hint = (
        "it is in a loop without a way out (rond → weer → rond): "
        "give one of these scenes a choice that leads on"
    )
    assert found == {
        "no ending can be reached from scene 'dood'": (
            line_of(text, "  dood:"),
            "let it lead, directly or through other scenes, to a scene with 'ending:'",
        ),
        "no ending can be reached from scene 'rond'": (line_of(text, "  rond:"), loop_hint),
        "no ending can be reached from scene 'weer'": (line_of(text, "  weer:"), loop_hint),
    }


def test_loop_with_a_way_out_is_fine() -> None:
    text = SMALL_HEADER + decision("begin", "einde", "terug") + decision("terug", "begin", "einde")
    text += ending("einde")
    case, problems = check(text)
    assert problems == []
    assert case is not None


def test_loop_of_more_than_twelve_scenes() -> None:
    ring = [f"r{i}" for i in range(13)]
    text = SMALL_HEADER + decision("begin", "r0", "einde")
    for i, sid in enumerate(ring):
        text += decision(sid, ring[(i + 1) % len(ring)], "einde")
    text += ending("einde")
    error_at(text, "a loop of 13 scenes starts at scene 'r0'", line_of(text, "  r0:"), "r0, r1, r2")


def test_loop_of_twelve_scenes_is_allowed() -> None:
    ring = [f"r{i}" for i in range(12)]
    text = SMALL_HEADER + decision("begin", "r0", "einde")
    for i, sid in enumerate(ring):
        text += decision(sid, ring[(i + 1) % len(ring)], "einde")
    text += ending("einde")
    assert check(text)[1] == []


# --- scenes and choices -----------------------------------------------------------------------


def test_decision_with_one_choice() -> None:
    start = EXAMPLE.index("      - text: Het gesprek netjes afronden.")
    end = EXAMPLE.index("  einde-voetbal:")
    text = EXAMPLE[:start] + EXAMPLE[end:]
    error_at(
        text,
        "scene 'stilte' is a decision with 1 choice: it needs at least two",
        48,
        "add another choice",
    )


def test_decision_with_no_choices() -> None:
    text = SMALL_HEADER + "  begin:\n    title: B\n    text: T\n    choices: []\n" + ending("e")
    error_at(text, "is a decision with 0 choices", 14)


def test_scene_without_choices_next_or_ending() -> None:
    error_at(
        edit(EXAMPLE, "    next: einde-voetbal\n", ""),
        "scene 'appgroep' has no choices, next or ending",
        39,
        "a scene is a decision",
    )


def test_scene_with_both_next_and_ending() -> None:
    text = edit(EXAMPLE, "    next: einde-voetbal\n", "    next: einde-voetbal\n    ending: {}\n")
    error_at(text, "scene 'appgroep' has both 'next' and 'ending'", 44, "exactly one of")


@pytest.mark.parametrize(("field", "line"), [("feedback", 24), ("source", 24)])
def test_choice_without_feedback_or_source(field: str, line: int) -> None:
    start = EXAMPLE.index(f"        {field}:")
    end = EXAMPLE.index("\n        " if field == "feedback" else "\n", start + 10)
    if field == "feedback":
        end = EXAMPLE.index("        source:", start)
        text = EXAMPLE[:start] + EXAMPLE[end:]
    else:
        text = EXAMPLE[:start] + EXAMPLE[end + 1 :]
    error_at(text, f"choice 1 of scene 'kennismaking' has no '{field}'", line, f"add '{field}:'")


def test_ending_without_tone() -> None:
    error_at(
        edit(EXAMPLE, "      tone: hoopvol\n", ""),
        "the ending of scene 'einde-voetbal' has no 'tone'",
        66,
        "hoopvol, gemengd",
    )


# --- vocabulary, qualities, roles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "fragment", "line", "hint"),
    [
        (
            "competences: [haakjes, relatie]",
            "competences: [haakjes, relatie, netwerk]",
            "unknown competence 'netwerk'",
            11,
            "competences in vocabulary.yaml: relatie",
        ),
        (
            "themes: [haakjes]",
            "themes: [haakje]",
            "unknown theme 'haakje'",
            7,
            "did you mean 'haakjes'?",
        ),
        (
            "phase: crisisopvang",
            "phase: crisis",
            "unknown phase 'crisis'",
            8,
            "did you mean 'crisisopvang'?",
        ),
        (
            "quality: riskant",
            "quality: fout",
            "unknown quality 'fout'",
            58,
            "qualities: sterk, begrijpelijk, riskant",
        ),
        ("role: cliënt", "role: client", "unknown role 'client'", 13, "did you mean 'cliënt'?"),
        ("tone: zorgelijk", "tone: somber", "unknown tone 'somber'", 75, "hoopvol, gemengd"),
        (
            "audience: [student]",
            "audience: [studenten]",
            "unknown audience 'studenten'",
            5,
            "did you mean 'student'?",
        ),
        ("themes: [haakjes]", "themes: [haakjes, haakjes]", "'haakjes' is listed twice", 7, ""),
        ("themes: [haakjes]", "themes: []", "'themes' is empty", 7, ""),
    ],
)
def test_not_in_the_vocabulary(old: str, new: str, fragment: str, line: int, hint: str) -> None:
    error_at(edit(EXAMPLE, old, new), fragment, line, hint)


def test_score_key_not_in_the_case_competences() -> None:
    error_at(
        edit(EXAMPLE, "scores: {haakjes: 2, relatie: 1}", "scores: {haakjes: 2, regie: 1}"),
        "score key 'regie' is not in this case's competences",
        27,
        "add 'regie' to 'competences'",
    )


def test_score_key_that_is_no_competence_at_all() -> None:
    error_at(
        edit(EXAMPLE, "scores: {haakjes: 2, relatie: 1}", "scores: {haakjes: 2, relatei: 1}"),
        "unknown competence 'relatei' in 'scores'",
        27,
        "did you mean 'relatie'?",
    )


def test_competence_that_no_choice_scores() -> None:
    error_at(
        edit(EXAMPLE, "competences: [haakjes, relatie]", "competences: [haakjes, relatie, regie]"),
        "no choice scores competence 'regie'",
        11,
        "give at least one",
    )


def test_competence_scored_only_with_zero_counts_as_unscored() -> None:
    text = edit(EXAMPLE, "scores: {haakjes: -1, relatie: 1}", "scores: {haakjes: -1, relatie: 0}")
    text = edit(text, "scores: {haakjes: 2, relatie: 1}", "scores: {haakjes: 2, relatie: 0}")
    error_at(text, "no choice scores competence 'relatie'", 11)


# --- triadic scenes ---------------------------------------------------------------------------

TRIADIC = edit(
    EXAMPLE, "    title: Eerste gesprek\n", "    title: Eerste gesprek\n    triadic: true\n"
)


def test_triadic_choices_need_addresses() -> None:
    _, problems = check(TRIADIC)
    missing = [p for p in problems if "has no 'addresses' (the scene is triadic)" in p.message]
    assert [(p.line, p.severity) for p in missing] == [(25, "error"), (33, "error")]


def test_triadic_choices_with_addresses_are_valid() -> None:
    text = edit(
        TRIADIC,
        "        quality: sterk\n        scores: {haakjes: 2",
        "        quality: sterk\n        addresses: client\n        scores: {haakjes: 2",
    )
    text = edit(
        text,
        "        quality: begrijpelijk\n",
        "        quality: begrijpelijk\n        addresses: beiden\n",
    )
    case, problems = check(text)
    assert problems == []
    assert case is not None
    assert [c.addresses for c in case.scenes["kennismaking"].choices] == ["client", "beiden"]
    assert case.scenes["kennismaking"].triadic


def test_unknown_addressee() -> None:
    text = edit(
        TRIADIC,
        "        quality: sterk\n        scores: {haakjes: 2",
        "        quality: sterk\n        addresses: cliënt\n        scores: {haakjes: 2",
    )
    error_at(text, "unknown addressee 'cliënt'", 28, "did you mean 'client'?")


def test_addresses_outside_a_triadic_scene() -> None:
    text = edit(
        EXAMPLE,
        "        quality: riskant\n",
        "        quality: riskant\n        addresses: client\n",
    )
    error_at(
        text,
        "'addresses' in choice 2 of scene 'stilte', which is not triadic",
        59,
        "add 'triadic: true'",
    )


# --- sources ----------------------------------------------------------------------------------


def test_case_without_sources() -> None:
    text = edit(EXAMPLE, "sources:\n  - Social Network First? (2024), §4.3.3\n", "")
    error_at(text, "the case has no 'sources'", 1)


def test_case_with_empty_sources() -> None:
    text = edit(EXAMPLE, "sources:\n  - Social Network First? (2024), §4.3.3\n", "sources: []\n")
    error_at(text, "the case has no sources", 9, "list at least one")


def test_source_with_unknown_title() -> None:
    text = edit(
        EXAMPLE,
        "        source: Social Network First? (2024), §4.3.3\n  appgroep:",
        "        source: Social Network First (2024), §4.3.3\n  appgroep:",
    )
    error_at(
        text,
        "source 'Social Network First (2024), §4.3.3' does not start with a known title",
        38,
        "did you mean 'Social Network First? (2024)'?",
    )


def test_source_without_section() -> None:
    text = edit(
        EXAMPLE, "  - Social Network First? (2024), §4.3.3", "  - Social Network First? (2024)"
    )
    error_at(text, "source 'Social Network First? (2024)' names no section", 10, "§4.3.3")


def test_source_in_an_ending() -> None:
    text = edit(
        EXAMPLE,
        "      source: Social Network First? (2024), §4.3.3\n  einde-stil:",
        "      source: Onbekend rapport, §1\n  einde-stil:",
    )
    error_at(text, "source 'Onbekend rapport, §1' does not start with a known title", 70)


# --- warnings ---------------------------------------------------------------------------------


def test_all_choices_score_the_same_is_a_warning() -> None:
    text = edit(EXAMPLE, "scores: {haakjes: -1, relatie: 1}", "scores: {relatie: 1, haakjes: 2}")
    case, problems = check(text)
    [problem] = problems
    assert problem.severity == "warning"
    assert "all choices of scene 'kennismaking' score the same" in problem.message
    assert problem.line == 23
    assert case is not None  # warnings do not stop a case from loading


def test_choices_without_scores_score_the_same() -> None:
    text = (
        SMALL_HEADER + decision("begin", "a", "einde") + decision("a", "einde", "einde", points=0)
    )
    text += ending("einde")
    problem = only(check(text)[1], "all choices of scene 'a' score the same")
    assert (problem.severity, problem.line) == ("warning", line_of(text, "  a:") + 3)


def test_long_scene_text_is_a_warning() -> None:
    long_text = "Daan vertelt. " * 100
    text = edit(
        EXAMPLE,
        "    text: Daan blijft erbij dat hij niemand heeft.",
        f"    text: {long_text.strip()}",
    )
    case, problems = check(text)
    [problem] = problems
    assert problem.severity == "warning"
    assert "has 1,399 characters (more than 1,200)" in problem.message
    assert problem.line == 73
    assert case is not None


def test_exactly_1200_characters_is_fine() -> None:
    text = edit(
        EXAMPLE, "    text: Daan blijft erbij dat hij niemand heeft.", "    text: " + "x" * 1200
    )
    assert check(text)[1] == []


# --- everything at once -----------------------------------------------------------------------


def test_all_problems_of_a_file_are_reported_in_line_order() -> None:
    text = edit(EXAMPLE, "minutes: 5", "minutes: 500")
    text = edit(text, "who: daan", "who: piet")
    text = edit(text, "quality: riskant", "quality: matig")
    _, problems = check(text)
    assert [p.line for p in problems] == [6, 21, 58]


def test_without_a_vocabulary_only_the_shape_is_checked() -> None:
    text = edit(EXAMPLE, "themes: [haakjes]", "themes: [iets-anders]")
    case, problems = parse_case(text, "case.yaml", None)
    assert problems == []
    assert case is not None
    assert case.themes == ("iets-anders",)
