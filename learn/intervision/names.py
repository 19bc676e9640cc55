"""Finding person names in Dutch notes, without a language model.

Dutch capitalises little besides names and sentence starts, so a run of capitalised words shaped
like a name is a strong signal. A candidate is a name when it has one of these shapes:

- a known first name (firstnames.txt) + optional tussenvoegsel + capitalised surname;
- a title (meneer, mevrouw, dhr., mw. ...) + optional initials/first name + surname;
- initials (J., A.B.) + optional tussenvoegsel + surname;
- an unknown capitalised word + a tussenvoegsel or a frequent Dutch surname + surname, unless
  that word is a sentence starter or an institution word ("Bij de Voedselbank",
  "Raad van State").

Why not `deduce`: see docs/privacy-guard.md (over 1 GB of memory and 40 s start-up per process).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_UPPER = "A-ZÀ-ÖØ-ÞĆČŁŚŞŠŹŻŽİ"
_LOWER = "a-zß-öø-ÿćčğıłńśşšźżž"
WORD_RE = re.compile(rf"[{_UPPER}{_LOWER}](?:[{_UPPER}{_LOWER}'’]|-(?=[{_UPPER}{_LOWER}]))*")
CAPITALISED_RE = re.compile(rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?")
INITIAL_RE = re.compile(rf"[{_UPPER}]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words("meneer mevrouw mijnheer mevr mw dhr hr mr dr drs ir juffrouw")
STARTERS = TITLES | {"de"}  # "de heer Jansen"
# Longest first, so "van der" wins over "van".
TUSSENVOEGSELS = tuple(
    tuple(tv.split())
    for tv in sorted(
        [
            "van der",
            "van den",
            "van de",
            "van het",
            "van 't",
            "in 't",
            "in de",
            "in het",
            "op de",
            "op den",
            "op het",
            "op 't",
            "uit de",
            "uit den",
            "uit het",
            "ten",
            "ter",
            "te",
            "van",
            "de",
            "der",
            "den",
            "het",
            "'t",
            "la",
            "le",
            "du",
            "da",
            "di",
            "dos",
            "el",
            "al",
            "ben",
            "bin",
            "abu",
        ],
        key=lambda tv: -len(tv),
    )
)
# Frequent Dutch surnames (without tussenvoegsel), enough to accept an unlisted first name.
SURNAMES = _words(
    """Jong Jansen Vries Berg Dijk Bakker Janssen Visser Smit Meijer Boer Mulder Groot Bos Vos
    Peters Hendriks Leeuwen Dekker Brouwer Wit Dijkstra Smits Graaf Meer Linden Kok Jacobs Haan
    Vermeulen Heuvel Veen Broek Bruijn Bruin Heijden Schouten Beek Willems Vliet Ven Hoekstra
    Maas Verhoeven Koster Dam Wal Prins Blom Huisman Peeters Jonge Kuipers Kuiper Veenstra
    Kramer Brink Scholten Wijk Postma Martens Vink Ruiter Timmermans Groen Gerritsen Jonker Loon
    Velde Willemsen Smeets Lange Bosch Dongen Schipper Koning Laan Velden Driessen Doorn Hermans
    Evers Bosman Wolters Sanders Horst Mol Kuijpers Molenaar Pol Leeuw Verbeek Yilmaz Kaya Demir
    Şahin Sahin Çelik Celik Öztürk Ozturk Amrani Bouzid Haddou Ali Hassan Mohamed"""
)
# Capitalised words that start sentences or name institutions, never a person's first word.
STOPWORDS = _words(
    """de het een hij zij ze wij we ik jij je u dit dat die deze er daarna toen ook maar en of
    want omdat als bij met naar van voor na op in uit over door tijdens sinds volgens vandaag
    gisteren morgen vorige volgende afgelopen hierna samen verder wel niet geen nog zijn haar
    hun mijn onze ons jouw wat wie waar hoe waarom wanneer welke alle iedereen niemand iemand
    tot tegen zonder via per om te nu dan daar hier eerst later straks binnenkort meteen graag
    gemeente stichting raad huis leger kamer universiteit hogeschool ministerie provincie
    rijksuniversiteit hof museum centrum wijkteam team zorg ggz ggd kantoor rechtbank politie
    belastingdienst dienst afdeling bureau school ziekenhuis opvang nachtopvang dagopvang
    kerk moskee bank voedselbank woningcorporatie hotel hostel pension café cafe restaurant huize
    buurthuis wijkcentrum vereniging camping zorgboerderij hoek centraal station straat plein weg
    laan park
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei
    juni juli augustus september oktober november december noord oost zuid west nieuw oud
    sint groot klein cliënt client naaste moeder vader zus broer oom tante opa oma"""
)

# Words for people in the client's network; right before two capitalised words they make a name.
RELATIONS = _words(
    """moeder vader ouders zus zuster broer zoon dochter kind oom tante neef nicht opa oma
    grootvader grootmoeder partner vriend vriendin ex buurman buurvrouw buren man vrouw echtgenoot
    echtgenote schoonmoeder schoonvader zwager schoonzus kennis collega naaste"""
)
PERSON_NOUNS = RELATIONS | {"cliënt", "client", "bewoner", "deelnemer"}
# "Specifiek in de Openbare ...": a capitalised word and a preposition make no name.
PREPOSITIONS = frozenset({"in", "op", "uit"})
NOUN_ENDINGS = (
    "heid",
    "ing",
    "teit",
    "schap",
    "lijk",
    "isch",
    "ief",
    "iek",
    "tie",
    "sie",
    "isme",
    "baar",
    "loos",
    "nis",
    "ment",
)
# Shops and brands that are shaped like a person's name.
NOT_NAMES = frozenset({"albert heijn", "jan linders", "hans anders"})


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    given: str  # first name(s) or initials, "" for "meneer Jansen"
    surname: str  # with its tussenvoegsel, e.g. "de Vries"


@cache
def first_names() -> frozenset[str]:
    """The shipped first-name list, casefolded."""
    path = Path(__file__).with_name("firstnames.txt")
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(word.casefold() for word in line.split())
    return frozenset(names)


def _is_first_name(word: str) -> bool:
    return all(part.casefold() in first_names() for part in word.split("-"))


class _Tokens:
    """Words of a text with their offsets; `follows(i)` says whether word i follows i-1 directly."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]

    def __len__(self) -> int:
        return len(self.words)

    def word(self, i: int) -> str:
        return self.words[i][2] if i < len(self.words) else ""

    def gap(self, i: int) -> str:
        """The characters between word i-1 and word i."""
        return self.text[self.words[i - 1][1] : self.words[i][0]]

    def follows(self, i: int, allow_dot: bool = False) -> bool:
        """Word i comes right after word i-1, separated only by blanks (and a dot if allowed)."""
        if i >= len(self.words) or i == 0:
            return False
        gap = self.gap(i)
        if allow_dot and gap.startswith("."):
            return gap[1:].strip(" \t") == ""
        return gap != "" and gap.strip(" \t") == ""

    def has_dot_after(self, i: int) -> bool:
        return self.text.startswith(".", self.words[i][1])


def _match_tussenvoegsel(tokens: _Tokens, i: int) -> int:
    """How many words from i form a tussenvoegsel (0 if none)."""
    for tv in TUSSENVOEGSELS:
        if all(
            tokens.word(i + k).casefold() == part and (k == 0 or tokens.follows(i + k))
            for k, part in enumerate(tv)
        ):
            return len(tv)
    return 0


def _surname_word(word: str) -> bool:
    return bool(CAPITALISED_RE.fullmatch(word)) and word.casefold() not in STOPWORDS


def _parse_surname(tokens: _Tokens, i: int) -> tuple[int, bool] | None:
    """Parses [tussenvoegsel] Surname[-[tussenvoegsel] Surname] at word i.

    Returns the index after the surname and whether a tussenvoegsel was used.
    """
    tv = _match_tussenvoegsel(tokens, i)
    if tv and not tokens.follows(i + tv):
        return None
    j = i + tv
    word = tokens.word(j)
    if "-" in word:  # "Jansen-de Vries": the word tokeniser kept "Jansen-de" together
        head, _, tail = word.rpartition("-")
        if tail.casefold() in {t[0] for t in TUSSENVOEGSELS} and _surname_word(head):
            if tokens.follows(j + 1) and _surname_word(tokens.word(j + 1)):
                return j + 2, True
            return None
    if not _surname_word(word):
        return None
    return j + 1, tv > 0


def _parse_at(tokens: _Tokens, i: int) -> tuple[int, int] | None:
    """Tries a name starting at word i; returns (index after the name, index of the surname)."""
    after_person_noun = tokens.follows(i) and (
        tokens.word(i - 1).rpartition("-")[2].casefold() in PERSON_NOUNS
    )
    first = tokens.word(i).casefold()
    j = i
    if first in TITLES:
        j = i + 1
    elif first == "de" and tokens.word(i + 1).casefold() == "heer" and tokens.follows(i + 1):
        j = i + 2
    titled = j > i
    if titled and not tokens.follows(j, allow_dot=True):
        return None
    given_start = j
    while (
        INITIAL_RE.fullmatch(tokens.word(j))
        and tokens.has_dot_after(j)
        and (j == i or tokens.follows(j, allow_dot=True))
    ):
        j += 1
    if titled or j > given_start:  # "meneer (Kees) Jansen", "J.P. de Vries"
        for given in (3, 2, 1, 0) if titled and j == given_start else (0,):
            surname_at = j + given
            if not all(
                _given_word(tokens.word(j + k)) and tokens.follows(j + k, allow_dot=k == 0)
                for k in range(given)
            ):
                continue
            if surname_at > i and not tokens.follows(surname_at, allow_dot=not given):
                continue
            parsed = _parse_surname(tokens, surname_at)
            if parsed:
                return parsed[0], surname_at
        return None
    for given in (3, 2, 1):
        if not all(
            _given_word(tokens.word(i + k)) and (k == 0 or tokens.follows(i + k))
            for k in range(given)
        ):
            continue
        surname_at = i + given
        if not tokens.follows(surname_at):
            continue
        parsed = _parse_surname(tokens, surname_at)
        if parsed is None:
            continue
        end, with_tv = parsed
        words = [tokens.word(i + k) for k in range(given)]
        if all(_is_first_name(w) for w in words):
            return end, surname_at
        if (
            given == 1
            and _could_be_given_name(words[0])
            and (
                (with_tv and tokens.word(surname_at).casefold() not in PREPOSITIONS)
                or tokens.word(end - 1) in SURNAMES
                or after_person_noun  # "zijn vriendin Wendela Tahiri"
            )
        ):
            return end, surname_at
    return None


def _could_be_given_name(word: str) -> bool:
    """An unlisted word may be a first name unless it is long or ends like a Dutch noun."""
    return len(word) <= 10 and not word.casefold().endswith(NOUN_ENDINGS)


def _given_word(word: str) -> bool:
    """The word can be (part of) a given name: capitalised and no sentence starter."""
    return bool(CAPITALISED_RE.fullmatch(word)) and word.casefold() not in STOPWORDS


def find_names(text: str) -> Iterator[NameSpan]:
    """Name-shaped spans in `text`, left to right, not overlapping."""
    tokens = _Tokens(text)
    i = 0
    while i < len(tokens):
        word = tokens.word(i)
        # A name starts with a capital or a title; skipping the rest saves most of the time.
        parsed = _parse_at(tokens, i) if word[0].isupper() or word.casefold() in STARTERS else None
        if parsed is None:
            i += 1
            continue
        end, surname_start = parsed
        start = tokens.words[i][0]
        if text[start : tokens.words[end - 1][1]].casefold() in NOT_NAMES:
            i = end
            continue
        given = text[start : tokens.words[surname_start][0]].strip()
        surname = text[tokens.words[surname_start][0] : tokens.words[end - 1][1]]
        yield NameSpan(start, tokens.words[end - 1][1], given, surname)
        i = end


def _parts(name: str) -> tuple[str, str]:
    """(given, surname) of a plain written name such as "Sanne de Vries"."""
    spans = list(find_names(name))
    if spans:
        return _given_only(spans[0].given), spans[0].surname.casefold()
    words = name.split()
    return (words[0].casefold() if len(words) > 1 else ""), (words[-1].casefold() if words else "")


def _given_only(given: str) -> str:
    words = [w for w in given.replace(".", ". ").split() if w.rstrip(".").casefold() not in TITLES]
    if words and words[0].casefold() == "de" and len(words) > 1 and words[1] == "heer":
        words = words[2:]
    return " ".join(words).casefold()


def known_matcher(known_names: Iterable[str]) -> Callable[[NameSpan], bool]:
    """A test whether a span names a team member: same surname, and a compatible given name.

    "Sanne de Vries", "S. de Vries" and "mevrouw De Vries" all match the member Sanne de Vries;
    "Kees de Vries" does not.
    """
    members = [_parts(name) for name in known_names]

    def is_known(span: NameSpan) -> bool:
        given = _given_only(span.given)
        surname = span.surname.casefold()
        for known_given, known_surname in members:
            if surname != known_surname:
                continue
            if not given or given.split()[:1] == known_given.split()[:1]:
                return True
            if given.endswith(".") and known_given.startswith(given[0]):
                return True
        return False

    return is_known
