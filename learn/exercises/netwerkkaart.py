"""netwerkkaart: place the people from a description on a network map.

Each person is scored on sector, ring (half a point one ring off), tie and valence; weak ties
the learner took for strong are the ones worth a question. The picture is in ``mapdraw``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from learn.content.schema import SLUG, SLUG_HINT
from learn.content.yamlsource import KeyPath

from . import base, mapdraw
from .base import N_
from .model import RINGS, SECTORS, TIES, VALENCES, Exercise, MapPerson

MIN_PEOPLE = 3
PERSON_FIELDS = {
    "id": "a short id, e.g. neef",
    "name": "the name shown on the map",
    "sector": "one of " + ", ".join(SECTORS),
    "ring": "1 (closest), 2 or 3",
    "tie": "sterk or zwak",
    "valence": "one of " + ", ".join(VALENCES),
    "question": "the question that would bring a weak tie up",
}
_PERSON_REQUIRED = ("id", "name", "sector", "ring", "tie", "valence")


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the person: any word of the name ("Oud-collega Wout" is
    mentioned as "Wout"), ignoring words of one or two letters such as "de"."""
    folded = text.casefold()
    words = [w for w in re.split(r"[\s()]+", name.casefold()) if len(w) > 2]
    return not words or any(w in folded for w in words)


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
            raise base.AnswerError(
                N_("Op de kaart staat iemand die niet in de beschrijving voorkomt.")
            )
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
            raise base.AnswerError(
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


def map_dots(exercise: Exercise, placements: Mapping[str, Mapping]) -> list[mapdraw.Dot]:
    return mapdraw.place_dots([(p.id, p.name) for p in exercise.people], placements)


class Netwerkkaart(base.ExerciseKind):
    name = "netwerkkaart"
    label = N_("Netwerkkaart")
    fields = base.described(
        """
        description: the situation the learner reads before placing the people
        people: the people on the map, each with id, name, sector, ring, tie and valence
        """
    )
    required = ("source", "description", "people")
    in_journal = True

    def read(
        self, rules: base.ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        description = rules.text(value, "description", where)
        items = rules.sequence(value, "people", where)
        if items is None:
            return None
        at_people = (*where, "people")
        if len(items) < MIN_PEOPLE:
            rules.error(
                at_people,
                f"exercise {eid!r} has {len(items)} "
                f"{'person' if len(items) == 1 else 'people'}: a map needs at least {MIN_PEOPLE}",
                "give a map 6-10 people, at least three of them weak ties",
                at_key=True,
            )
        people: list[tuple[int, MapPerson]] = []  # with their place in the list
        seen: set[str] = set()
        for i, item in enumerate(items):
            person = self._person(rules, eid, i, item, (*at_people, i), seen)
            if person is not None:
                people.append((i, person))
        if items and len(people) == len(items) and not any(p.tie == "zwak" for _, p in people):
            rules.warning(
                at_people,
                f"the map of exercise {eid!r} has no weak tie",
                "weak ties are what learners overlook: give the map at least three people "
                "with 'tie: zwak', each with a 'question'",
                at_key=True,
            )
        if description is not None:
            for i, person in people:
                if not mentions(description, person.name):
                    rules.warning(
                        (*at_people, i, "name"),
                        f"the description does not mention {person.name!r}",
                        "name every person in the description (a word of the name will do), "
                        "so that the learner can place them from what they read",
                    )
        if description is None or len(people) != len(items) or len(items) < MIN_PEOPLE:
            return None
        return {"description": description, "people": tuple(p for _, p in people)}

    def _person(
        self, rules: base.ExerciseRules, eid: str, i: int, item: Any, at: KeyPath, seen: set[str]
    ) -> MapPerson | None:
        what = f"person {i + 1} of exercise {eid!r}"
        entry = rules.fields(item, at, what=what, allowed=PERSON_FIELDS, required=_PERSON_REQUIRED)
        if entry is None:
            return None
        before = rules.error_count()
        pid = rules.text(entry, "id", at)
        if pid is not None and not SLUG.match(pid):
            message = f"person id {pid!r} has characters that are not allowed"
            rules.error((*at, "id"), message, SLUG_HINT)
        elif pid is not None and pid in seen:
            message = f"person id {pid!r} is used twice"
            rules.error((*at, "id"), message, "give every person their own id")
        elif pid is not None:
            seen.add(pid)
        name = rules.text(entry, "name", at)
        choices = {"sector": SECTORS, "tie": TIES, "valence": VALENCES}
        chosen = {
            key: rules.member_field(entry, key, at, allowed=allowed, what=f"{key}s")
            for key, allowed in choices.items()
            if key in entry
        }
        ring = rules.integer(entry, "ring", at, low=RINGS[0], high=RINGS[-1])
        question = rules.text(entry, "question", at, required=False)
        if chosen.get("tie") == "zwak" and question is None:
            rules.error(
                at,
                f"person {pid or i + 1!r} is a weak tie without a 'question'",
                "add 'question:' with the question from the list for finding weak ties that "
                "would bring this person up",
                at_key=True,
            )
        if rules.error_count() > before or pid is None or name is None or ring is None:
            return None
        sector, tie, valence = chosen.get("sector"), chosen.get("tie"), chosen.get("valence")
        if sector is None or tie is None or valence is None:  # pragma: no cover - reported
            return None
        return MapPerson(pid, name, sector, ring, tie, valence, question)

    def parse(self, exercise: Exercise, form: base.Form) -> base.Submission:
        placements = parse_placements(form, exercise.people)
        scored = score_map(exercise.people, placements)
        return base.Submission(
            answer={"placements": {pid: asdict(p) for pid, p in placements.items()}},
            result={"percent": scored.percent},
        )

    def score(self, exercise: Exercise, stored: base.StoredAnswer) -> float | None:
        """Agreement with the author's map (the percentage as a fraction); None when the
        map has people the stored answer did not place (the module changed since)."""
        placements = _placements(stored)
        if any(p.id not in placements for p in exercise.people):
            return None
        return score_map(exercise.people, placements).percent / 100

    def view(
        self, exercise: Exercise, stored: base.StoredAnswer | None, context: base.ViewContext
    ) -> dict:
        view: dict[str, Any] = {"sectors": SECTORS, "valences": VALENCES}
        if stored is not None:
            view["feedback"] = score_map(exercise.people, _placements(stored))
            view["dots"] = map_dots(exercise, stored.answer["placements"])
        return view

    def journal_view(self, exercise: Exercise, stored: base.StoredAnswer) -> dict:
        return {"dots": map_dots(exercise, stored.answer["placements"])}

    def journal_markdown(self, exercise: Exercise | None, stored: base.StoredAnswer) -> list[str]:
        names = {p.id: p.name for p in exercise.people} if exercise else {}
        lines = ["| persoon | sector | kring | band | lading |", "|---|---|---|---|---|"]
        for person_id, placed in stored.answer["placements"].items():
            sector = mapdraw.SECTOR_NAMES[placed["sector"]].lower()
            lines.append(
                f"| {names.get(person_id, person_id)} | {sector} "
                f"| {placed['ring']} | {placed['tie']} | {placed['valence']} |"
            )
        return [*lines, "", f"Score: {stored.result.get('percent', 0)}%", ""]


def _placements(stored: base.StoredAnswer) -> dict[str, Placement]:
    return {pid: Placement(**values) for pid, values in stored.answer["placements"].items()}


KIND = Netwerkkaart()
