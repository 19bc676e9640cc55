"""A generated corpus of Dutch intervision notes with planted identifiers, to measure the guard.

Deterministic for a seed. Check digits are computed here, independently of the libraries the
guard uses. Each note says where its planted identifiers are; distractors (meeting dates,
invalid numbers, team members, places, organisations) are written in but not planted.
Name pools deliberately include first names that the guard's list lacks and rare surnames, so
the name recall is an honest one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
TEAM = ("Sanne de Vries", "Ruud Hendriks", "Fatma Yilmaz")
GIVEN_IN_LIST = (
    "Kees",
    "Anna",
    "Mohamed",
    "Fatima",
    "Jan",
    "Petra",
    "Marco",
    "Sevda",
    "Henk",
    "Linda",
    "Ahmed",
    "Ingrid",
    "Piotr",
    "Samira",
    "Jeroen",
    "Noor",
    "Bilal",
    "Yvonne",
    "Ewa",
    "Rachid",
)
GIVEN_NOT_IN_LIST = ("Xiomara", "Gijsbert", "Dragan", "Wendela", "Ravi", "Tjitske", "Eldon")
SURNAMES_COMMON = ("Jansen", "Bakker", "Visser", "Smit", "Mulder", "Bos", "Kaya", "Dekker")
SURNAMES_RARE = ("Kooijman", "Wesselink", "Oudejans", "Brandsma", "Tahiri", "Nowak", "Lont")
TUSSENVOEGSELS = ("de", "van", "van der", "van den", "el", "ter")
RELATIONS = ("zijn moeder", "haar broer", "de buurvrouw", "zijn ex-partner", "haar dochter")
BELGIAN_BANKS = ("001", "063", "068", "096", "310", "363", "735")  # assigned bank codes
BANKS = ("ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ")
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
AREA_CODES = ("020", "010", "030", "040", "050", "070", "013", "024", "0513", "0575", "0314")
PROVIDERS = ("gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl")
STREETS = ("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenlaan", "Schoolstraat", "Julianalaan")


@dataclass
class Note:
    text: str = ""
    planted: list[tuple[str, int, int]] = field(default_factory=list)  # kind, start, end

    def add(self, piece: str, kind: str | None = None) -> None:
        if kind:
            self.planted.append((kind, len(self.text), len(self.text) + len(piece)))
        self.text += piece


def bsn_check(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, BSN_WEIGHTS, strict=True)) % 11 == 0


def valid_bsn(rng: random.Random) -> str:
    while True:
        head = f"{rng.randrange(10_000_000, 100_000_000):08d}"
        total = sum(int(d) * w for d, w in zip(head, BSN_WEIGHTS, strict=False))
        if total % 11 < 10:
            return head + str(total % 11)


def invalid_nine_digits(rng: random.Random) -> str:
    while True:
        number = f"{rng.randrange(100_000_000, 1_000_000_000)}"
        if not bsn_check(number):
            return number


def write_bsn(number: str, style: int) -> str:
    return [
        number,
        f"{number[:3]} {number[3:6]} {number[6:]}",
        f"{number[:4]}.{number[4:6]}.{number[6:]}",
        f"{number[:4]} {number[4:6]} {number[6:]}",
        f"{number[:3]}.{number[3:6]}.{number[6:]}",
    ][style % 5]


def iban_number(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def valid_iban(rng: random.Random) -> str:
    if rng.random() < 0.15:  # Belgian account numbers carry their own mod-97 check
        account = int(rng.choice(BELGIAN_BANKS) + f"{rng.randrange(10**7):07d}")
        return iban_number("BE", f"{account:010d}{account % 97 or 97:02d}")
    return iban_number("NL", rng.choice(BANKS) + f"{rng.randrange(10**10):010d}")


def write_iban(number: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return number
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def broken_iban(rng: random.Random) -> str:
    number = iban_number("NL", rng.choice(BANKS) + f"{rng.randrange(10**10):010d}")
    position = rng.randrange(8, len(number))
    digit = str((int(number[position]) + rng.randrange(1, 10)) % 10)
    return number[:position] + digit + number[position + 1 :]


def phone(rng: random.Random) -> str:
    mobile = f"{rng.randrange(1, 6)}{rng.randrange(10**7):07d}"
    area = rng.choice(AREA_CODES)
    rest = f"{rng.randrange(2, 10)}{rng.randrange(10 ** (8 - len(area))):0{9 - len(area)}d}"
    return rng.choice(
        [
            f"06-{mobile}",
            f"06 {mobile[:4]} {mobile[4:]}",
            f"06{mobile}",
            f"+31 6 {mobile}",
            f"+316{mobile}",
            f"0031 6 {mobile[:4]} {mobile[4:]}",
            f"{area}-{rest}",
            f"{area} {rest}",
            f"({area}) {rest}",
            f"+31 (0){area[1:]} {rest}",
        ]
    )


def email(rng: random.Random) -> str:
    first = rng.choice(GIVEN_IN_LIST + GIVEN_NOT_IN_LIST).lower()
    last = rng.choice(SURNAMES_COMMON + SURNAMES_RARE).lower()
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randrange(99)}"])
    return f"{local}@{rng.choice(PROVIDERS)}"


def postcode(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
    code = f"{rng.randrange(1000, 10000)}"
    number = f"{rng.randrange(1, 300)}{rng.choice(['', '', 'a', '-2'])}"
    return rng.choice(
        [
            f"{code} {letters} {number}",
            f"{code}{letters} {number}",
            f"{rng.choice(STREETS)} {number}, {code} {letters}",
            f"{code} {letters}",
            f"{code}{letters.lower()}",
        ]
    )


def write_date(when: date, rng: random.Random) -> str:
    return rng.choice(
        [
            f"{when.day:02d}-{when.month:02d}-{when.year}",
            f"{when.day}-{when.month}-{when.year}",
            f"{when.day:02d}/{when.month:02d}/{when.year}",
            f"{when.day} {MONTH_NAMES[when.month - 1]} {when.year}",
            f"{when.isoformat()}",
        ]
    )


def birth_date(rng: random.Random, today: date) -> date:
    return today - timedelta(days=rng.randrange(18 * 366, 85 * 365))


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN_IN_LIST if rng.random() < 0.75 else GIVEN_NOT_IN_LIST)
    surname = rng.choice(SURNAMES_COMMON if rng.random() < 0.5 else SURNAMES_RARE)
    if rng.random() < 0.4:
        surname = f"{rng.choice(TUSSENVOEGSELS)} {surname}"
    shape = rng.random()
    if shape < 0.65:
        return f"{given} {surname}"
    if shape < 0.8:
        return f"{rng.choice(['meneer', 'mevrouw', 'dhr.', 'mw.'])} {surname}"
    return f"{given[0]}. {surname}"


# Sentences: (text before, kind, text after); kind None means a sentence without a plant.
def _sentences(rng: random.Random, today: date) -> list:
    def later() -> str:
        return write_date(today + timedelta(days=rng.randrange(3, 30)), rng)

    def recent() -> str:
        return write_date(today - timedelta(days=rng.randrange(20, 5 * 365)), rng)

    return [
        ("", "name", " kwam vandaag langs op de dagopvang."),
        ("De inbrenger vertelt dat ", "name", " al drie weken buiten slaapt."),
        (f"Volgens {rng.choice(RELATIONS)} ", "name", " is er weer contact met de familie."),
        ("Zijn BSN is ", "bsn", ", nodig voor de aanvraag bij de gemeente."),
        ("Voor de bijstand staat BSN ", "bsn", " op het formulier."),
        ("De huur gaat voortaan van rekening ", "iban", " af."),
        ("Bewindvoering maakt leefgeld over naar ", "iban", "."),
        ("Mail naar ", "email", " voor de afspraak."),
        ("Ze is bereikbaar via ", "email", " of via het wijkteam."),
        ("Bel ", "phone", " als hij niet komt opdagen."),
        ("Het nummer van de zus is ", "phone", ", liefst na 17.00 uur."),
        ("Hij woont sinds kort op ", "postcode", " in Utrecht."),
        ("Post gaat naar het briefadres ", "postcode", "."),
        ("Cliënt is geboren op ", "birthdate", "."),
        ("Geboortedatum: ", "birthdate", ", volgens het paspoort."),
        ("Haar zoontje is geboren op ", "child birthdate", " en woont bij de opa."),
        (f"Volgende intervisie op {later()} om 14.30 uur in Amsterdam.", None, ""),
        (f"Sinds {recent()} staat hij op de wachtlijst bij het Leger des Heils.", None, ""),
        (f"Dossiernummer {invalid_nine_digits(rng)} bij de woningcorporatie.", None, ""),
        (f"Gespreksleider {rng.choice(TEAM)} vat de vraag samen.", None, ""),
        (f"Rekening {broken_iban(rng)} klopt niet, vraag het opnieuw na.", None, ""),
        ("De schuld bij de Belastingdienst is € 1.250,- en loopt op.", None, ""),
        ("Bij de Voedselbank in Den Haag haalt ze elke week een pakket.", None, ""),
        (f"Ongeveer {rng.randrange(20, 200)} mensen slapen in de nachtopvang.", None, ""),
        (f"Afspraak bij de GGD op {later()}, kamer 2.14.", None, ""),
        (f"Notulist {rng.choice(TEAM)} stuurt het verslag rond.", None, ""),
        (f"In {rng.randrange(2005, 2020)} raakte hij zijn baan kwijt.", None, ""),
        ("Volgens de Raad van State mag de gemeente dit niet weigeren.", None, ""),
        ("Hij sliep twee nachten in Hotel de Wereld en wil terug naar Hoek van Holland.", None, ""),
        ("Ze werkt drie ochtenden bij Albert Heijn en soms bij Jan Linders.", None, ""),
        ("Stichting De Regenboog Groep en het Leger des Heils overleggen.", None, ""),
        (f"Mevrouw {rng.choice(['De Vries', 'Hendriks', 'Yilmaz'])} uit ons team belt.", None, ""),
        ("Volgende week is er een overleg in Bergen op Zoom, om 10.00 uur.", None, ""),
        ("Kijk op www.regenboog.nl of bel gratis 0800-1234567 voor schuldhulp.", None, ""),
        ("", "name", " en "),
        ("Gisteren zagen we ", "name", " (de inbrenger kent hem al lang)."),
        ("Inbrenger ", "name", " vertelt over haar zorgen."),
        ("Contact met ", "name", ", die 's nachts in het park slaapt."),
        ("Zijn vriendin ", "name", " wil mee naar het gesprek."),
        ("Het zou kunnen dat ", "name", " geld leent van zijn buurman."),
    ]


def _plant(kind: str, rng: random.Random, today: date) -> str:
    if kind == "name":
        return person(rng)
    if kind == "bsn":
        return write_bsn(valid_bsn(rng), rng.randrange(5))
    if kind == "iban":
        return write_iban(valid_iban(rng), rng)
    if kind == "email":
        return email(rng)
    if kind == "phone":
        return phone(rng)
    if kind == "postcode":
        return postcode(rng)
    if kind == "child birthdate":
        return write_date(today - timedelta(days=rng.randrange(200, 3000)), rng)
    return write_date(birth_date(rng, today), rng)


def generate(count: int = 240, seed: int = 11, today: date | None = None) -> list[Note]:
    """`count` notes of two to four sentences each."""
    rng = random.Random(seed)
    today = today or date.today()
    notes = []
    for _ in range(count):
        note = Note()
        for number in range(rng.randrange(2, 5)):
            before, kind, after = rng.choice(_sentences(rng, today))
            note.add(" " if number else "")
            note.add(before)
            if kind:
                note.add(_plant(kind, rng, today), kind.split()[-1])
            note.add(after)
        notes.append(note)
    return notes


@dataclass
class Score:
    planted: int = 0
    recalled: int = 0
    found: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.recalled / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0


def measure(notes: list[Note], scan, known_names=TEAM) -> dict[str, Score]:
    """Precision and recall per kind.

    A planted identifier is recalled when one finding of its kind covers it completely (so the
    replacement removes all of it); a finding is correct when it overlaps a planted identifier
    of its kind.
    """
    scores: dict[str, Score] = {}
    for note in notes:
        findings = scan(note.text, known_names)
        for kind, start, end in note.planted:
            score = scores.setdefault(kind, Score())
            score.planted += 1
            score.recalled += any(
                f.kind == kind and f.start <= start and f.end >= end for f in findings
            )
        for finding in findings:
            score = scores.setdefault(finding.kind, Score())
            score.found += 1
            score.correct += any(
                kind == finding.kind and finding.start < end and finding.end > start
                for kind, start, end in note.planted
            )
    return scores


def report(scores: dict[str, Score]) -> str:
    lines = ["| kind | planted | recall | found | precision |", "|---|---|---|---|---|"]
    for kind, score in sorted(scores.items()):
        lines.append(
            f"| {kind} | {score.planted} | {score.recall:.1%} | {score.found} "
            f"| {score.precision:.1%} |"
        )
    return "\n".join(lines)
