"""What an exercise holds once exercises.yaml is read. Plain frozen data, no rules.

One flat ``Exercise`` for every kind: fields that do not belong to its ``type`` keep their
defaults. The rules for each field are in the kind's module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from learn.content.cases.model import Party

# The network map's fixed lists (docs/authoring-modules.md), shared by the netwerkkaart kind
# and its picture in mapdraw.
SECTORS = ("familie", "vrienden", "maatschappelijk", "professionals")
RINGS = (1, 2, 3)
TIES = ("sterk", "zwak")
VALENCES = ("steunend", "belastend", "ambivalent")


@dataclass(frozen=True)
class Hook:
    label: str
    why: str
    follow_up: str
    tone: str  # one of haakjes.HOOK_TONES


@dataclass(frozen=True)
class Fragment:
    index: int  # 1-based, in transcript order: the number learners tick without JavaScript
    who: str
    says: str
    hook: Hook | None


@dataclass(frozen=True)
class Option:
    index: int  # 1-based
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class MapPerson:
    id: str
    name: str
    sector: str  # one of SECTORS
    ring: int  # one of RINGS
    tie: str  # one of TIES
    valence: str  # one of VALENCES
    question: str | None  # always set for a weak tie


@dataclass(frozen=True)
class Exercise:
    """Any kind; fields that do not belong to ``type`` keep their defaults."""

    id: str
    type: str
    title: str
    source: str | None
    question: str = ""  # reflectie, meerkeuze
    hint: str = ""  # reflectie
    options: tuple[Option, ...] = ()  # meerkeuze
    intro: str = ""  # haakjes
    parties: Mapping[str, Party] = field(default_factory=dict)  # haakjes
    fragments: tuple[Fragment, ...] = ()  # haakjes
    description: str = ""  # netwerkkaart
    people: tuple[MapPerson, ...] = ()  # netwerkkaart
    case_id: str | None = None  # triade: a key of Module.cases
