"""Scoring the module exercises. Plain functions over content and answers.

Answers arrive from forms and may be tampered with; the parsers here turn them
into clean values or raise AnswerError with a message for the learner.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from learn.content.modules import SECTORS, TIES, VALENCES, Fragment, MapPerson

MAX_REFLECTION_CHARACTERS = 5000
RINGS = (1, 2, 3)


def N_(message: str) -> str:
    """Marks a message for the translation catalogue; routes translate it when shown."""
    return message


class AnswerError(ValueError):
    """An answer that cannot be scored. `message` is a msgid, `params` fill it in."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


# --- haakjes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HookResult:
    found: tuple[Fragment, ...]
    missed: tuple[Fragment, ...]
    wrong: tuple[Fragment, ...]  # marked, but not a hook

    @property
    def precision(self) -> float:
        marked = len(self.found) + len(self.wrong)
        return len(self.found) / marked if marked else 0.0

    @property
    def recall(self) -> float:
        hooks = len(self.found) + len(self.missed)
        return len(self.found) / hooks if hooks else 0.0


def parse_marked(values: Iterable[str], fragments: Sequence[Fragment]) -> set[int]:
    """The fragment numbers a learner marked; AnswerError for anything else."""
    marked = set()
    for value in values:
        try:
            index = int(value)
        except (TypeError, ValueError) as exc:
            raise AnswerError(N_("Een gemarkeerd fragment bestaat niet.")) from exc
        if not 1 <= index <= len(fragments):
            raise AnswerError(N_("Een gemarkeerd fragment bestaat niet."))
        marked.add(index)
    return marked


def score_hooks(fragments: Sequence[Fragment], marked: set[int]) -> HookResult:
    found = tuple(f for f in fragments if f.hook and f.index in marked)
    missed = tuple(f for f in fragments if f.hook and f.index not in marked)
    wrong = tuple(f for f in fragments if not f.hook and f.index in marked)
    return HookResult(found, missed, wrong)


# --- netwerkkaart ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    sector: str
    ring: int
    tie: str
    valence: str


@dataclass(frozen=True)
class PersonResult:
    person: MapPerson
    placement: Placement
    sector_ok: bool
    ring_points: float  # 1 exact, 0.5 one ring off, 0 otherwise
    tie_ok: bool
    valence_ok: bool

    @property
    def points(self) -> float:
        return self.sector_ok + self.ring_points + self.tie_ok + self.valence_ok

    MAX_POINTS = 4


@dataclass(frozen=True)
class MapResult:
    people: tuple[PersonResult, ...]

    @property
    def percent(self) -> int:
        total = sum(p.points for p in self.people)
        return (
            round(100 * total / (PersonResult.MAX_POINTS * len(self.people))) if self.people else 0
        )

    @property
    def overlooked_weak_ties(self) -> tuple[PersonResult, ...]:
        """Weak ties the learner did not see as weak: the ones worth a question."""
        return tuple(p for p in self.people if p.person.tie == "zwak" and p.placement.tie != "zwak")


def parse_placements(form: Mapping[str, str], people: Sequence[MapPerson]) -> dict[str, Placement]:
    """One placement per person from fields `sector-ID`, `ring-ID`, `tie-ID`, `valence-ID`."""
    known = {p.id for p in people}
    for name in form:
        kind, _, person_id = name.partition("-")
        if kind in ("sector", "ring", "tie", "valence") and person_id not in known:
            raise AnswerError(N_("Op de kaart staat iemand die niet in de beschrijving voorkomt."))
    placements = {}
    for person in people:
        sector = form.get(f"sector-{person.id}", "")
        tie = form.get(f"tie-{person.id}", "")
        valence = form.get(f"valence-{person.id}", "")
        try:
            ring = int(form.get(f"ring-{person.id}", ""))
        except ValueError:
            ring = 0
        if sector not in SECTORS or ring not in RINGS or tie not in TIES or valence not in VALENCES:
            raise AnswerError(
                N_("Plaats %(name)s helemaal: sector, kring, band en lading."), name=person.name
            )
        placements[person.id] = Placement(sector, ring, tie, valence)
    return placements


def score_map(people: Sequence[MapPerson], placements: Mapping[str, Placement]) -> MapResult:
    results = []
    for person in people:
        placed = placements[person.id]
        distance = abs(placed.ring - person.ring)
        results.append(
            PersonResult(
                person=person,
                placement=placed,
                sector_ok=placed.sector == person.sector,
                ring_points=1.0 if distance == 0 else 0.5 if distance == 1 else 0.0,
                tie_ok=placed.tie == person.tie,
                valence_ok=placed.valence == person.valence,
            )
        )
    return MapResult(tuple(results))


# --- triade ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Balance:
    client: int
    naaste: int
    beiden: int
    regie_points: int

    @property
    def regie_with_client(self) -> bool:
        return self.regie_points >= 0

    @property
    def total(self) -> int:
        return self.client + self.naaste + self.beiden


def triad_balance(counts: Mapping[str, int], scores: Mapping[str, int]) -> Balance:
    return Balance(
        client=counts.get("client", 0),
        naaste=counts.get("naaste", 0),
        beiden=counts.get("beiden", 0),
        regie_points=scores.get("regie", 0),
    )


# --- reflectie -------------------------------------------------------------------------------


def clean_reflection(text: str | None) -> str:
    """The reflection as typed (only outer blank space trimmed); AnswerError if empty or long."""
    text = (text or "").strip()
    if not text:
        raise AnswerError(N_("Schrijf eerst je antwoord."))
    if len(text) > MAX_REFLECTION_CHARACTERS:
        raise AnswerError(
            N_("Je antwoord is te lang: hoogstens %(n)d tekens."), n=MAX_REFLECTION_CHARACTERS
        )
    return text
