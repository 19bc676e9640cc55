"""The privacy guard: finds personal data in intervision notes and pseudonymises it.

Plain functions, no Flask. `scan` lists what it finds; the author then replaces findings with
`pseudonymise` or keeps them explicitly ("toch opslaan"). Checksums come from well-kept
libraries (python-stdnum for BSN and IBAN, phonenumbers for phone numbers); the rules for what
counts as a birth date and how pseudonyms are chosen are in docs/privacy-guard.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

from learn.intervision.names import RELATIONS, find_names, known_matcher

KINDS = ("bsn", "iban", "email", "phone", "postcode", "birthdate", "name")
PLACEHOLDERS = {
    "bsn": "[BSN]",
    "iban": "[IBAN]",
    "email": "[e-mail]",
    "phone": "[telefoon]",
    "postcode": "[adres]",
    "birthdate": "[geboortedatum]",
}
# A full date counts as a birth date when the person would now be this old (years) ...
BIRTH_AGE_MIN, BIRTH_AGE_MAX = 14, 110
# ... or, for any past date, when one of these words stands just before it.
BIRTH_CONTEXT_RE = re.compile(
    r"(geboren|geb\.?|geboortedatum|geb\.?\s?datum|verjaardag|jarig|° ?)\W{0,3}(op\W{1,2})?$",
    re.IGNORECASE,
)
# Words before a person that make them a naaste (someone in the client's network).
RELATION_RE = re.compile(
    r"\b(" + "|".join(sorted(RELATIONS)) + r")(?:\s+(?:van\s+\S+|genaamd|heet|is))?\W{0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a scanned text; `text` is `scanned[start:end]`."""

    kind: str  # one of KINDS
    start: int  # character offsets into the scanned text
    end: int
    text: str


# --- structured identifiers -----------------------------------------------------------------

# Nine digits, optionally grouped by single spaces or dots (123 456 782, 1234.56.782), not part
# of a longer number or of a phone number such as "06 123456782".
BSN_RE = re.compile(r"(?<![\w.,/+)-])(?<!\d )\d(?:[ .]?\d){8}(?!\w|[ .,/-]\d)")
IBAN_RE = re.compile(r"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# 1234 AB or 1234AB (capitals), or 1234ab written together; not units like 2000km.
POSTCODE_RE = re.compile(
    r"(?:\b[A-Z][a-zà-ÿ'-]+ \d{1,5} ?[a-zA-Z]?(?:-\d{1,4})?,? )?"  # street and number before
    r"\b[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!km|kg|mg|ml|cm|mm|uu)[a-z]{2})\b(?![-'’])"
    r"(?:,? ?(?:nr\.? ?)?\d{1,5}(?: ?[a-zA-Z]\b|-\d{1,4})?(?![\d,.]\d))?"  # number after
)
MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d-]|[./]\d)"
)
ISO_DATE_RE = re.compile(r"(?<![\d.,/-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
WRITTEN_DATE_RE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})\b",
    re.IGNORECASE,
)
# Service numbers (0800, 0900, 0909) belong to organisations, not to people.
SERVICE_NUMBER_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.SHARED_COST,
    }
)


def _find_bsn(text: str) -> Iterator[Finding]:
    for match in BSN_RE.finditer(text):
        if bsn.is_valid(match.group()):
            yield Finding("bsn", match.start(), match.end(), match.group())


def _find_iban(text: str) -> Iterator[Finding]:
    """IBAN-shaped runs, cut back to the longest prefix that passes mod-97 and ends a word."""
    for match in IBAN_RE.finditer(text):
        candidate = match.group()
        for end in range(len(candidate), 14, -1):
            prefix = candidate[:end]
            if end < len(candidate) and candidate[end] != " ":  # would cut a group in two
                continue
            if iban.is_valid(prefix):
                yield Finding("iban", match.start(), match.start() + end, prefix)
                break


def _find_email(text: str) -> Iterator[Finding]:
    for match in EMAIL_RE.finditer(text):
        yield Finding("email", match.start(), match.end(), match.group())


def _find_phone(text: str) -> Iterator[Finding]:
    """Valid numbers as libphonenumber reads them with the Netherlands as home region.

    A bare nine-digit number is no Dutch phone number as people write them (they write the
    trunk 0 or +31), so numbers must start with 0 or +.
    """
    matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    for match in matcher:
        raw = match.raw_string
        if not raw.lstrip("(").startswith(("0", "+")):
            continue
        if phonenumbers.number_type(match.number) in SERVICE_NUMBER_TYPES:
            continue
        yield Finding("phone", match.start, match.end, raw)


def _find_postcode(text: str) -> Iterator[Finding]:
    for match in POSTCODE_RE.finditer(text):
        yield Finding("postcode", match.start(), match.end(), match.group())


def _year(written: str) -> int:
    """A two-digit year as the most recent year that is not in the future."""
    year = int(written)
    if len(written) == 2:
        this_century = date.today().year // 100 * 100
        year += this_century if this_century + year <= date.today().year else this_century - 100
    return year


def _looks_like_birth_date(text: str, start: int, day: int, month: int, year: int) -> bool:
    try:
        when = date(year, month, day)
    except ValueError:
        return False
    today = date.today()
    if when >= today:
        return False
    if BIRTH_CONTEXT_RE.search(text[max(0, start - 25) : start]):
        return True
    age = today.year - when.year - ((today.month, today.day) < (when.month, when.day))
    return BIRTH_AGE_MIN <= age <= BIRTH_AGE_MAX


def _find_birthdate(text: str) -> Iterator[Finding]:
    for match in NUMERIC_DATE_RE.finditer(text):
        day, _, month, year = match.groups()
        if _looks_like_birth_date(text, match.start(), int(day), int(month), _year(year)):
            yield Finding("birthdate", match.start(), match.end(), match.group())
    for match in ISO_DATE_RE.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        if _looks_like_birth_date(text, match.start(), day, month, year):
            yield Finding("birthdate", match.start(), match.end(), match.group())
    for match in WRITTEN_DATE_RE.finditer(text):
        day, month, year = match.groups()
        month_number = MONTHS[month.casefold()]
        if _looks_like_birth_date(text, match.start(), int(day), month_number, int(year)):
            yield Finding("birthdate", match.start(), match.end(), match.group())


def _find_names(text: str, known_names: Iterable[str]) -> Iterator[Finding]:
    is_known = known_matcher(known_names)
    for span in find_names(text):
        if not is_known(span):
            yield Finding("name", span.start, span.end, text[span.start : span.end])


# In order of precedence: where two findings overlap, the earlier finder wins.
FINDERS: tuple[Callable[[str], Iterable[Finding]], ...] = (
    _find_email,
    _find_iban,
    _find_phone,
    _find_bsn,
    _find_birthdate,
    _find_postcode,
)


def scan(text: str, known_names: Iterable[str] = ()) -> list[Finding]:
    """Personal data in `text`, sorted by start and not overlapping.

    `known_names` are the team members' own names: they are never reported as "name".
    """
    found: list[Finding] = []
    for finder in FINDERS:
        found.extend(finder(text))
    found.extend(_find_names(text, known_names))
    kept: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in found:  # precedence order
        if all(finding.end <= start or finding.start >= end for start, end in taken):
            kept.append(finding)
            taken.append((finding.start, finding.end))
    return sorted(kept, key=lambda finding: finding.start)


# --- pseudonyms ---------------------------------------------------------------------------------


def _letters(number: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letter part of "cliënt A"."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


TITLE_FORMS = {
    "dhr.": "meneer",
    "dhr": "meneer",
    "mijnheer": "meneer",
    "hr.": "meneer",
    "mevr.": "mevrouw",
    "mevr": "mevrouw",
    "mw.": "mevrouw",
    "mw": "mevrouw",
}


def _alias_key(name: str) -> str:
    """The name as the alias map knows it: "Dhr.  Jansen" and "meneer Jansen" are one person."""
    words = name.casefold().replace("de heer ", "meneer ").split()
    return " ".join(TITLE_FORMS.get(word, word) for word in words)


def _new_alias(role: str, aliases: dict[str, str]) -> str:
    used = set(aliases.values())
    number = 0
    while f"{role} {_letters(number)}" in used:
        number += 1
    return f"{role} {_letters(number)}"


def pseudonymise(
    text: str, findings: Sequence[Finding], aliases: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """Replaces each finding; returns the new text and the updated alias map.

    Names become "naaste A", "naaste B"... when a relation word stands right before them
    ("zijn moeder Fatima el Amrani"), else "cliënt A", "cliënt B"...; a name keeps the pseudonym
    it got first in the session, whatever its context later. Other kinds become a placeholder
    such as "[BSN]". `aliases` (original name -> pseudonym, keys casefolded) is not changed in
    place. It holds real names: keep it with the session and delete it with the notes.
    """
    aliases = dict(aliases)
    pieces: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda finding: finding.start):
        if finding.start < position or text[finding.start : finding.end] != finding.text:
            raise ValueError(f"finding does not match the text: {finding!r}")
        if finding.kind == "name":
            key = _alias_key(finding.text)
            if key not in aliases:
                related = RELATION_RE.search(text[max(0, finding.start - 40) : finding.start])
                aliases[key] = _new_alias("naaste" if related else "cliënt", aliases)
            replacement = aliases[key]
        else:
            replacement = PLACEHOLDERS[finding.kind]
        pieces.extend((text[position : finding.start], replacement))
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), aliases
