"""The privacy guard: each kind of finding, known names, pseudonyms, and a measured corpus."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learn.intervision.privacy import KINDS, Finding, pseudonymise, scan
from tests.intervision import corpus

TEAM = list(corpus.TEAM)


def kinds(text: str, known_names=()) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in scan(text, known_names)]


# --- BSN ------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", range(5), ids=["plain", "3-3-3", "dots", "4-2-3", "3.3.3"])
def test_every_valid_bsn_is_found(style):
    rng = random.Random(style)
    for _ in range(300):
        number = corpus.valid_bsn(rng)
        assert corpus.bsn_check(number)
        written = corpus.write_bsn(number, style)
        assert kinds(f"Het BSN is {written}, zegt ze.") == [("bsn", written)]


def test_nine_digit_numbers_failing_the_11_proef_are_no_bsn():
    rng = random.Random(2)
    for _ in range(1000):
        number = corpus.invalid_nine_digits(rng)
        assert "bsn" not in {kind for kind, _ in kinds(f"Dossier {number} is bijgewerkt.")}


@pytest.mark.parametrize(
    "text",
    [
        "Dossier 1234567829 is dicht.",  # ten digits containing a valid BSN
        "Bel 06 123456782 terug.",  # not a BSN: follows a number
        "Bedrag 123.456.782,50 euro.",
        "Code 12345678-2 gebruikt.",
    ],
)
def test_bsn_inside_other_numbers_is_not_flagged(text):
    assert "bsn" not in {kind for kind, _ in kinds(text)}


# --- IBAN -----------------------------------------------------------------------------------


def test_valid_ibans_are_found_and_broken_ones_not():
    rng = random.Random(3)
    for _ in range(200):
        written = corpus.write_iban(corpus.valid_iban(rng), rng)
        assert kinds(f"Rekening {written} voor de huur.") == [("iban", written)]
        broken = corpus.broken_iban(rng)
        assert "iban" not in {kind for kind, _ in kinds(f"Rekening {broken} voor de huur.")}


def test_iban_in_lower_case_and_at_the_end_of_a_sentence():
    assert kinds("rekening nl91 abna 0417 1643 00.") == [("iban", "nl91 abna 0417 1643 00")]


# --- e-mail and phone -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address", ["jan.jansen@gmail.com", "k.de-vries+zorg@ziggo.nl", "fatima_92@hotmail.com"]
)
def test_email_addresses(address):
    assert kinds(f"Mail {address}.") == [("email", address)]


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031 6 1234 5678",
        "020-1234567",
        "010 234 5678",
        "(030) 123 45 67",
        "0513-123456",
        "+31 (0)20 1234567",
        "+32 470 12 34 56",
    ],
)
def test_phone_numbers(number):
    assert kinds(f"Bel {number} na vijf uur.") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "Om 14.30 uur begint het overleg.",
        "Bel 0900-1234567 voor de helpdesk.",  # a service number, no person's
        "Er staan 1234567 euro op de begroting.",
        "Kamer 2.14, 3 personen.",
    ],
)
def test_no_phone_number(text):
    assert "phone" not in {kind for kind, _ in kinds(text)}


# --- postcode ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Woont op 1234 AB 12 in Utrecht.", "1234 AB 12"),
        ("Woont op 1234AB 12a.", "1234AB 12a"),
        ("Adres: Kerkstraat 12, 3511 CD Utrecht.", "Kerkstraat 12, 3511 CD"),
        ("Post naar 3511 CD.", "3511 CD"),
        ("Post naar 3511cd.", "3511cd"),
    ],
)
def test_postcodes(text, found):
    assert kinds(text) == [("postcode", found)]


@pytest.mark.parametrize(
    "text",
    [
        "Hij liep 2000 km.",
        "In 2019 de huur niet betaald.",
        "Dosis 1500mg per dag.",
        "Er zijn 6000 EK-c's gehouden.",  # Eigen Kracht-conferenties, no postcode
    ],
)
def test_no_postcode(text):
    assert kinds(text) == []


# --- birth dates ------------------------------------------------------------------------------


def test_dates_far_enough_back_are_birth_dates():
    born = date.today() - timedelta(days=40 * 365)
    for written in (
        f"{born.day:02d}-{born.month:02d}-{born.year}",
        f"{born.day}/{born.month}/{born.year}",
        born.isoformat(),
        f"{born.day} {corpus.MONTH_NAMES[born.month - 1]} {born.year}",
    ):
        assert kinds(f"Datum {written} staat in het dossier.") == [("birthdate", written)]


def test_meeting_dates_and_recent_dates_are_no_birth_dates():
    today = date.today()
    for days in (-7, -400, 3, 7, 14, 365):
        when = today + timedelta(days=days)
        assert kinds(f"Intervisie op {when.day}-{when.month}-{when.year} om 10 uur.") == []


def test_a_recent_date_after_geboren_is_a_birth_date():
    born = date.today() - timedelta(days=800)
    written = f"{born.day} {corpus.MONTH_NAMES[born.month - 1]} {born.year}"
    assert kinds(f"Haar dochter is geboren op {written}.") == [("birthdate", written)]


def test_future_and_impossible_dates_are_no_birth_dates():
    future = date.today() + timedelta(days=30)
    assert kinds(f"geboren op {future.isoformat()}") == []
    assert kinds("geboren op 31-02-1980") == []


def test_two_digit_years():
    assert kinds("Geb. 12-03-78, volgens het paspoort.") == [("birthdate", "12-03-78")]


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Kees Jansen",
        "Jan Willem van der Berg",
        "Fatima el Amrani",
        "Anne-Marie Jansen-de Vries",
        "mevrouw Anne Marie de Boer",
        "Jan Willem Hendrik ter Horst",
        "meneer Kooijman",
        "mevr. De Boer",
        "dhr. J.P. de Wit",
        "A.B. Nowak",
        "Xiomara van Dijk",  # first name not in the list, but a tussenvoegsel
        "Ravi Bakker",  # first name not in the list, but a frequent surname
    ],
)
def test_full_names(name):
    assert kinds(f"Gisteren sprak ik {name} op straat.") == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "Bij de Voedselbank in Den Haag haalt ze eten.",
        "Volgens de Raad van State mag dat niet.",
        "Kees belde gisteren.",  # a first name alone is no full name
        "Hij woont in Bergen op Zoom.",
        "Het Leger des Heils helpt.",
        "cliënt A en naaste B kwamen samen.",
        "Specifiek in de Openbare geestelijke gezondheidszorg.",
        "Het Beroepsprofiel van de Sociaal Werker.",
        "Hij werkt bij Albert Heijn en sliep in Hotel de Wereld.",
    ],
)
def test_no_names(text):
    assert kinds(text) == []


def test_unlisted_names_right_after_a_relation_word():
    assert kinds("Zijn vriendin Wendela Tahiri belde.") == [("name", "Wendela Tahiri")]
    assert kinds("Wendela Tahiri belde.") == []  # unlisted first name and surname: missed


def test_team_members_are_never_flagged():
    text = "Sanne de Vries leidt, S. de Vries notuleert, mevrouw De Vries en Ruud Hendriks ook."
    assert kinds(text, TEAM) == []
    assert kinds("Kees de Vries belde.", TEAM) == [("name", "Kees de Vries")]


# --- scan as a whole ----------------------------------------------------------------------------


def test_findings_are_sorted_non_overlapping_and_match_the_text():
    for note in corpus.generate(count=60, seed=5):
        findings = scan(note.text, TEAM)
        assert findings == sorted(findings, key=lambda finding: finding.start)
        for before, after in itertools.pairwise(findings):
            assert before.end <= after.start
        for finding in findings:
            assert finding.kind in KINDS
            assert note.text[finding.start : finding.end] == finding.text


# Pieces that look like the real thing, glued together by arbitrary characters.
PIECES = st.sampled_from(
    [
        "Kees",
        "Jansen",
        "de",
        "van der",
        "Vries",
        "meneer",
        "J.",
        "P.",
        "06-",
        "12345678",
        "123",
        "456",
        "782",
        ".",
        " ",
        "-",
        "NL91",
        "ABNA",
        "0417",
        "1643",
        "00",
        "@",
        "x.nl",
        "1234",
        "AB",
        "12",
        "maart",
        "1978",
        "geboren",
        "\n",
        "(",
        ")",
        "+31",
        "Ö",
        "İ",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40))
def test_any_text_gives_valid_findings_that_pseudonymise(pieces):
    text = "".join(pieces)
    findings = scan(text, TEAM)
    position = 0
    for finding in findings:
        assert finding.kind in KINDS
        assert position <= finding.start < finding.end
        assert text[finding.start : finding.end] == finding.text
        position = finding.end
    pseudonymise(text, findings, {})


# --- pseudonymise -------------------------------------------------------------------------------


def test_pseudonyms_are_consistent_within_a_session():
    first = "Kees Jansen belde. Zijn moeder Fatima el Amrani ook, BSN 123456782."
    text, aliases = pseudonymise(first, scan(first), {})
    assert text == "cliënt A belde. Zijn moeder naaste A ook, BSN [BSN]."
    second = "Fatima el Amrani en Kees  Jansen kwamen met Anna Bakker; bel 06-12345678."
    text, aliases = pseudonymise(second, scan(second), aliases)
    assert text == "naaste A en cliënt A kwamen met cliënt B; bel [telefoon]."
    assert aliases == {
        "kees jansen": "cliënt A",
        "fatima el amrani": "naaste A",
        "anna bakker": "cliënt B",
    }


def test_one_person_under_different_titles_keeps_one_pseudonym():
    text = "Meneer Jansen, dhr. Jansen, de heer Jansen en mevrouw Jansen."
    result, aliases = pseudonymise(text, scan(text), {})
    assert result == "cliënt A, cliënt A, cliënt A en cliënt B."
    assert aliases == {"meneer jansen": "cliënt A", "mevrouw jansen": "cliënt B"}


def test_pseudonymise_leaves_the_given_aliases_alone_and_only_replaces_given_findings():
    text = "Kees Jansen en Anna Bakker."
    findings = scan(text)
    aliases = {"anna bakker": "cliënt A"}
    new_text, new_aliases = pseudonymise(text, findings[:1], aliases)
    assert new_text == "cliënt B en Anna Bakker."
    assert aliases == {"anna bakker": "cliënt A"}
    assert new_aliases["kees jansen"] == "cliënt B"


def test_pseudonymised_notes_pass_the_guard():
    for note in corpus.generate(count=60, seed=6):
        text, _ = pseudonymise(note.text, scan(note.text, TEAM), {})
        assert scan(text, TEAM) == []


def test_stale_findings_are_refused():
    with pytest.raises(ValueError):
        pseudonymise("Anna Bakker belde.", [Finding("name", 0, 11, "Kees Jansen")], {})


def test_many_clients_get_two_letters():
    text = " ".join(f"Meneer Naam{chr(97 + i // 26)}{chr(97 + i % 26)}." for i in range(28))
    result, aliases = pseudonymise(text, scan(text), {})
    assert result.endswith("cliënt Z. cliënt AA. cliënt AB.")
    assert len(aliases) == 28


# --- the measured corpus ----------------------------------------------------------------------

STRUCTURED = ("bsn", "iban", "email", "phone", "postcode")


def test_precision_and_recall_on_a_generated_corpus():
    notes = corpus.generate(count=240, seed=11)
    scores = corpus.measure(notes, scan, TEAM)
    print(f"\nPrivacy guard on {len(notes)} generated notes (seed 11):\n{corpus.report(scores)}")
    for kind in STRUCTURED:
        assert scores[kind].planted >= 30
        assert scores[kind].recall == 1.0, kind
        assert scores[kind].precision >= 0.95, kind
    assert scores["birthdate"].recall >= 0.95
    assert scores["birthdate"].precision >= 0.95
    assert scores["name"].recall >= 0.80
    assert scores["name"].precision >= 0.90
