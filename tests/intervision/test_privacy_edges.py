"""Privacy-guard rules pinned where mutation testing (docs/mutation-testing.md) found them
loose: the shortest IBAN, age and century boundaries on a fixed day, touching findings, and
a relation word at the very start of a note."""

from __future__ import annotations

from datetime import date

import pytest

from learn.intervision import privacy
from learn.intervision.privacy import Finding, pseudonymise, scan


def kinds(text: str) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in scan(text)]


def freeze_today(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    class Frozen(date):
        @classmethod
        def today(cls) -> date:
            return today

    monkeypatch.setattr(privacy, "date", Frozen)


def test_the_shortest_iban_is_found_whole():
    assert kinds("rekening NO9386011117947.") == [("iban", "NO9386011117947")]


def test_an_iban_with_more_characters_stuck_on_is_no_iban():
    assert "iban" not in {kind for kind, _ in kinds("nummer NL91ABNA04171643001 hier")}


def test_a_number_without_trunk_prefix_does_not_stop_the_phone_search():
    assert kinds("bel 31 20 123 4567 of 0612345678") == [("phone", "0612345678")]


def test_two_digit_years_are_the_latest_year_not_in_the_future(monkeypatch):
    freeze_today(monkeypatch, date(2019, 6, 15))
    assert privacy._year("19") == 2019
    assert privacy._year("20") == 1920
    assert privacy._year("00") == 2000
    assert privacy._year("99") == 1999
    assert privacy._year("1999") == 1999


def test_today_is_no_birth_date_even_after_geboren(monkeypatch):
    freeze_today(monkeypatch, date(2026, 6, 15))
    assert kinds("geboren op 15-06-2026") == []
    assert kinds("geboren op 14-06-2026") == [("birthdate", "14-06-2026")]


def test_geboren_at_the_very_start_of_the_text_counts(monkeypatch):
    freeze_today(monkeypatch, date(2026, 6, 15))
    assert kinds("geboren 01-02-2024, zegt moeder.") == [("birthdate", "01-02-2024")]


@pytest.mark.parametrize(
    ("written", "is_birth_date"),
    [
        ("16-06-2012", False),  # turns 14 tomorrow
        ("15-06-2012", True),  # 14 today
        ("15-06-1916", True),  # 110 today
        ("16-06-1915", True),  # 110, turns 111 tomorrow
        ("15-06-1915", False),  # 111 today
    ],
)
def test_age_limits_count_whole_years_on_both_sides(monkeypatch, written, is_birth_date):
    freeze_today(monkeypatch, date(2026, 6, 15))
    expected = [("birthdate", written)] if is_birth_date else []
    assert kinds(f"Datum {written} staat in het dossier.") == expected


def test_findings_that_only_touch_are_all_kept(monkeypatch):
    def first(text):
        yield Finding("email", 2, 4, "cd")

    def second(text):
        yield from (Finding("bsn", 0, 2, "ab"), Finding("bsn", 3, 5, "de"))
        yield Finding("bsn", 4, 6, "ef")

    monkeypatch.setattr(privacy, "FINDERS", (first, second))
    assert [(f.start, f.end) for f in scan("abcdef")] == [(0, 2), (2, 4), (4, 6)]


def test_a_stale_finding_is_refused_with_the_finding_named():
    stale = Finding("name", 0, 11, "Kees Jansen")
    with pytest.raises(ValueError, match=r"^finding does not match the text: Finding\("):
        pseudonymise("Anna Bakker belde.", [stale], {})


def test_a_relation_word_at_the_start_of_the_note_makes_a_naaste():
    text = "Moeder Fatima el Amrani belde."
    assert pseudonymise(text, scan(text), {})[0] == "Moeder naaste A belde."
